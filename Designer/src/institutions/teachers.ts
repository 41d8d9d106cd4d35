import { h } from '../dom';
import { request } from '../http';
import { labelCells } from './views';
import { field, formBox, input } from '../formBox';

export interface TeacherCertificate { kind: string; kindName: string; number: string }
export interface TeacherCheck { year: number; passed: boolean; note: string | null; recordedBy: string; recordedAt: string }
export interface TeacherExclusion {
  id: string; reason: string; fraud: boolean; lifetime: boolean; evidenceSha256: string; evidenceFileName: string; decidedBy: string; decidedAt: string;
}
export interface Teacher {
  id: string; name: string; idNumberMasked: string; occupations: string[]; certificates: TeacherCertificate[]; siyb: boolean;
  status: 'active' | 'excluded'; statusName: string; excludedBecause: string | null; checks: TeacherCheck[]; exclusions: TeacherExclusion[];
}
export interface TeacherPool {
  institutionId: string; institutionName: string; siybRequired: number | null; siybRule: string | null; siybActive: number; teachers: Teacher[];
}

const base = (id: string) => `/api/institutions/${encodeURIComponent(id)}/teachers`;

export async function teacherPool(id: string): Promise<TeacherPool> {
  return (await request(`${base(id)}/`, { noStore: true })).json();
}

export async function addTeacher(id: string, body: unknown): Promise<Teacher> {
  return (await request(`${base(id)}/`, { method: 'POST', body })).json();
}

export async function updateTeacher(id: string, teacherId: string, body: unknown): Promise<Teacher> {
  return (await request(`${base(id)}/${teacherId}`, { method: 'PUT', body })).json();
}

export async function recordCheck(id: string, teacherId: string, body: { year: number; passed: boolean; note: string }): Promise<Teacher> {
  return (await request(`${base(id)}/${teacherId}/checks`, { method: 'POST', body })).json();
}

/** Multipart (the evidence file with its fields). */
export async function excludeTeacher(id: string, teacherId: string, form: FormData): Promise<Teacher> {
  return (await request(`${base(id)}/${teacherId}/exclusion`, { method: 'POST', form })).json();
}

const KINDS: [string, string][] = [['siyb', 'SIYB创业培训讲师'], ['teacher-qualification', '教师资格证'], ['vocational-qualification', '职业资格证书'],
  ['skill-level', '职业技能等级证书'], ['other', '其他证书']];

function addForm(pool: TeacherPool, p: string, reload: () => void): HTMLElement {
  const name = input({ id: `${p}-tname`, required: '', maxlength: '100', autocomplete: 'off' });
  const idNumber = input({ id: `${p}-tid`, required: '', maxlength: '18', pattern: '[0-9]{17}[0-9Xx]', autocomplete: 'off', inputmode: 'text' });
  const occupations = input({ id: `${p}-toccupations`, maxlength: '400', placeholder: '电工、焊工' });
  const siyb = input({ id: `${p}-tsiyb`, maxlength: '100', placeholder: 'SIYB 讲师证编号' });
  const kind = h('select', { id: `${p}-tkind` }, ...KINDS.slice(1).map(([k, zh]) => h('option', { value: k }, zh))) as HTMLSelectElement;
  const number = input({ id: `${p}-tnumber`, maxlength: '100' });
  return formBox('添加教师', 'Add a teacher', [
    field('姓名', 'name', name), field('身份证号码', 'ID number', idNumber), field('授课职业（工种）', 'occupations, separated by 、', occupations),
    field('SIYB创业培训讲师证编号', 'SIYB certificate no.', siyb), field('其他证书类别', 'other certificate', kind), field('证书编号', 'its number', number)],
  () => addTeacher(pool.institutionId, {
    name: name.value, idNumber: idNumber.value,
    occupations: occupations.value.split(/[、,，;；\s]+/).map((o) => o.trim()).filter(Boolean),
    certificates: [
      ...(siyb.value.trim() ? [{ kind: 'siyb', number: siyb.value.trim() }] : []),
      ...(number.value.trim() ? [{ kind: kind.value, number: number.value.trim() }] : []),
    ],
  }), reload);
}

/** Other certificates as lines 「类别 编号」 (the kinds' Chinese names); a line of an unknown kind is refused before sending. */
function parseCertificates(text: string): { kind: string; number: string }[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const kind = KINDS.find(([, zh]) => line.startsWith(zh));
    if (!kind) throw new Error(`「${line}」：请以证书类别开头（${KINDS.slice(1).map(([, zh]) => zh).join('、')}）(start with a certificate kind)`);
    return { kind: kind[0], number: line.slice(kind[1].length).trim() };
  });
}

function editForm(pool: TeacherPool, t: Teacher, p: string, reload: () => void): HTMLElement {
  const name = input({ id: `${p}-tename`, required: '', maxlength: '100', value: t.name, autocomplete: 'off' });
  const idNumber = input({ id: `${p}-teid`, maxlength: '18', pattern: '[0-9]{17}[0-9Xx]', autocomplete: 'off', placeholder: t.idNumberMasked });
  const occupations = input({ id: `${p}-teoccupations`, maxlength: '400', value: t.occupations.join('、') });
  const siyb = input({ id: `${p}-tesiyb`, maxlength: '100', value: t.certificates.find((c) => c.kind === 'siyb')?.number ?? '' });
  const others = h('textarea', { id: `${p}-teothers`, rows: '2', placeholder: '教师资格证 20104400000123' },
    t.certificates.filter((c) => c.kind !== 'siyb').map((c) => `${c.kindName} ${c.number}`).join('\n')) as HTMLTextAreaElement;
  return formBox('修改', 'Edit', [
    field('姓名', 'name', name), field('身份证号码（不改则留空）', 'ID number, empty keeps it', idNumber),
    field('授课职业（工种）', 'occupations', occupations), field('SIYB创业培训讲师证编号', 'SIYB certificate no.', siyb),
    field('其他证书（每行：类别 编号）', 'other certificates, kind and number a line', others)],
  async () => updateTeacher(pool.institutionId, t.id, {
    name: name.value, idNumber: idNumber.value,
    occupations: occupations.value.split(/[、,，;；\s]+/).map((o) => o.trim()).filter(Boolean),
    certificates: [...(siyb.value.trim() ? [{ kind: 'siyb', number: siyb.value.trim() }] : []), ...parseCertificates(others.value)],
  }), reload);
}

function reviewForms(pool: TeacherPool, t: Teacher, p: string, reload: () => void): HTMLElement {
  const year = input({ id: `${p}-tyear`, type: 'number', min: '2000', max: '2100', required: '', value: String(new Date().getFullYear()) });
  const outcome = h('select', { id: `${p}-tpassed` }, h('option', { value: 'true' }, '通过'), h('option', { value: 'false' }, '未通过（清退出库）')) as HTMLSelectElement;
  const note = input({ id: `${p}-tnote`, maxlength: '1000' });
  const check = formBox('年度检查', 'Annual check', [field('年度', 'year', year), field('结果', 'result', outcome), field('说明', 'note', note)],
    () => recordCheck(pool.institutionId, t.id, { year: Number(year.value), passed: outcome.value === 'true', note: note.value }), reload);
  const reason = h('textarea', { id: `${p}-treason`, name: 'reason', rows: '2', required: '' });
  const fraud = input({ id: `${p}-tfraud`, name: 'fraud', type: 'checkbox', value: 'true' });
  const evidence = input({ id: `${p}-tevidence`, name: 'evidence', type: 'file', required: '' });
  const exclusion = formBox('清退出库', 'Exclude', [field('清退原因', 'reason', reason), field('证据材料原件', 'evidence file', evidence),
    h('div', { class: 'field check' }, fraud, h('label', { for: fraud.id }, '参与弄虚作假、骗取套取培训资金（终身取消入库资格）', h('small', {}, ' fraud: barred for life')))],
  (form) => excludeTeacher(pool.institutionId, t.id, new FormData(form)), reload);
  return h('div', { class: 'teacher-actions' }, check, t.exclusions.length ? null : exclusion);
}

function teacherTable(pool: TeacherPool, caption: string, reviewer: boolean, maintains: boolean, n: number, reload: () => void): HTMLElement {
  if (pool.teachers.length === 0) return h('p', { class: 'muted' }, '师资库暂无教师 ', h('small', {}, 'No teachers in the pool'));
  const cols: [string, string][] = [['姓名', 'name'], ['身份证号', 'ID number'], ['授课职业', 'occupations'], ['证书', 'certificates'],
    ['状态', 'status'], ['年度检查', 'annual checks']];
  if (reviewer) cols.push(['登记', 'record']);
  else if (maintains) cols.push(['修改', 'edit']);
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, labelCells(h('table', { class: 'registry-table teacher-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...cols.map(([zh, en]) => h('th', { scope: 'col' }, zh, ' ', h('small', {}, en))))),
    h('tbody', {}, ...pool.teachers.map((t, i) => h('tr', {},
      h('td', {}, t.name),
      h('td', { class: 'id-number' }, t.idNumberMasked),
      h('td', {}, t.occupations.join('、') || '—'),
      h('td', {}, h('div', {}, ...(t.certificates.length ? t.certificates.map((c) => h('div', {}, c.kind === 'siyb' ? h('span', { class: 'badge siyb' }, 'SIYB') : null, ` ${c.kindName} ${c.number}`)) : ['—']))),
      // One block in the cell: a phone stacks the cell as label + value, and the badge keeps its width.
      h('td', {}, h('div', {}, h('span', { class: `badge teacher-${t.status}` }, t.statusName),
        t.excludedBecause ? h('div', { class: 'muted' }, t.excludedBecause) : null,
        ...t.exclusions.map((x) => h('div', { class: 'muted' }, `清退原因：${x.reason} `,
          reviewer ? h('a', { href: `${base(pool.institutionId)}/${t.id}/exclusions/${x.id}/evidence`, download: x.evidenceFileName }, '证据 ', h('small', {}, 'evidence')) : null)))),
      h('td', {}, t.checks.length ? t.checks.map((c) => `${c.year} ${c.passed ? '通过' : '未通过'}`).join('；') : '—'),
      reviewer ? h('td', {}, reviewForms(pool, t, `tp${n}-${i}`, reload)) : maintains ? h('td', {}, editForm(pool, t, `tp${n}-${i}`, reload)) : null))))));
}

/**
 * 师资库 (teacher pool, YN §九) of one institution, as a card: the SIYB teachers entrepreneurship training needs where
 * the profile asks them (R-QJ-2) against those in the pool, the teachers (ID numbers masked), their certificates,
 * annual checks and exclusions. The institution's staff add teachers; reviewers and administrators record checks and
 * exclusions. Loads itself; a refusal is shown in place. `nested`: inside an institution's card (no card of its own).
 */
export function teacherPoolCard(institutionId: string, n: number, roles: string[], nested = false): HTMLElement {
  const card = h('section', { class: nested ? 'teacher-pool nested' : 'card teacher-pool', 'aria-label': '师资库 Teacher pool' }, h('h2', {}, '师资库 ', h('small', {}, 'Teacher pool')), h('p', { class: 'muted' }, '加载中… Loading…'));
  const maintains = roles.includes('institution') || roles.includes('admin');
  const reviewer = roles.includes('reviewer') || roles.includes('admin');
  const load = () => {
    teacherPool(institutionId).then((pool) => {
      const short = pool.siybRequired !== null && pool.siybActive < pool.siybRequired;
      card.replaceChildren(
        h('h2', {}, '师资库 ', h('small', {}, 'Teacher pool')),
        h('p', { class: short ? 'notice' : '' },
          h('strong', {}, 'SIYB创业培训讲师（在库） '), h('small', {}, 'SIYB teachers in the pool '),
          pool.siybRequired === null ? `${pool.siybActive} 名`
            : `${pool.siybActive} / ${pool.siybRequired} 名（${pool.siybRule}）${short ? '：不足，创业培训班不能开班 (too few: no entrepreneurship class)' : ''}`),
        teacherTable(pool, `${pool.institutionName} 师资库 Teachers`, reviewer, maintains, n, load),
        ...(maintains ? [addForm(pool, `tp${n}`, load)] : []));
    }, (err: unknown) => card.replaceChildren(h('h2', {}, '师资库 ', h('small', {}, 'Teacher pool')), h('p', { class: 'error' }, (err as Error).message)));
  };
  load();
  return card;
}
