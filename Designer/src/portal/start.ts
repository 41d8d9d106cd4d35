import { ApiError } from '../http';
import { h, bi } from '../dom';
import type { Me } from '../api';
import { packPicker } from './packPicker';
import { submitPack } from './upload';


/** A labelled form control (the label names it for screen readers and clicks). */
function field(id: string, zh: string, en: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, ...bi(zh, en)), control, hint ? h('small', { class: 'hint' }, hint) : null);
}

function input(type: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { type, ...attrs }) as HTMLInputElement;
}

function select(options: [string, string][]): HTMLSelectElement {
  return h('select', {}, ...options.map(([value, text]) => h('option', { value }, text))) as HTMLSelectElement;
}

/** Rows of inputs that grow with 添加 (add) and shrink with 删除; `read` gives the filled rows. */
function rows(caption: string, columns: [string, string, () => HTMLElement][]): { element: HTMLElement; read: () => string[][] } {
  const body = h('tbody', {});
  const addRow = () => {
    const cells = columns.map(([zh, en, make]) => {
      const control = make();
      control.setAttribute('aria-label', `${zh} ${en}`);
      return h('td', {}, control);
    });
    const remove = h('button', { type: 'button', class: 'link' }, '删除');
    const row = h('tr', {}, ...cells, h('td', {}, remove));
    remove.addEventListener('click', () => row.remove());
    body.append(row);
  };
  const add = h('button', { type: 'button' }, ...bi('＋ 添加', 'Add'));
  add.addEventListener('click', addRow);
  addRow();
  const element = h('fieldset', { class: 'rows' }, h('legend', {}, caption),
    h('table', {}, h('thead', {}, h('tr', {}, ...columns.map(([zh, en]) => h('th', {}, ...bi(zh, en))), h('th', {}, ''))), body), add);
  const read = () => [...body.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('input, select')].map((c) => (c as HTMLInputElement).value.trim()))
    .filter((values) => values[0]);
  return { element, read };
}

/** A business key for a new case: the jurisdiction's letters, the year and six random characters (the server refuses a taken one). */
function newKey(user: Me): string {
  const prefixes: Record<string, string> = { jiaozuo: 'JZ', guilin: 'GL', yunnan: 'YN', qujing: 'QJ', wenshui: 'WS' };
  const jurisdiction = user.organisation?.jurisdiction ?? '';
  const place = prefixes[jurisdiction] ?? (jurisdiction.slice(0, 2).toUpperCase() || 'CASE');
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => '23456789ABCDEFGHJKMNPQRSTUVWXYZ'[b % 31]).join('');
  return `${place}-${new Date().getFullYear()}-${random}`;
}

/**
 * `/cases/new` (开班申请, institution staff): the class data the class case needs (occupation, kind, mode, dates,
 * hours, days, headcount, place, teachers, standards, roster) and the opening pack, sent as one upload with its
 * progress; then the case page, which follows the pack check live. The server checks everything again and answers
 * refusals in the clerk's words (shown here); the filing date is the server's.
 */
export function renderStartCase(app: HTMLElement, user: Me, navigate: (path: string) => void): void {
  document.title = 'Pipeline · 开班申请 Start a class case';
  if (!user.roles.includes('institution')) {
    app.replaceChildren(h('section', { class: 'card' }, h('h2', {}, ...bi('开班申请', 'Start a class case')),
      h('p', { class: 'error' }, '只有培训机构的工作人员可以发起开班申请 (only training institutions start class cases)')));
    return;
  }
  const occupation = input('text', { required: '', maxlength: '100', placeholder: '例如 中式烹调师' });
  const kind = select([['skills', '就业技能培训'], ['entrepreneurship', '创业培训'], ['work-based', '以工代训']]);
  const mode = select([['general', '普惠制'], ['order-based', '订单式'], ['project', '项目制'], ['employer', '企业职工培训']]);
  const start = input('date', { required: '' });
  const end = input('date', { required: '' });
  const hours = input('number', { required: '', min: '1', step: '1' });
  const days = input('number', { required: '', min: '1', step: '1' });
  const headcount = input('number', { required: '', min: '1', step: '1' });
  const place = input('text', { maxlength: '200' });
  const online = input('checkbox');
  const trainingStandard = input('text', { maxlength: '100' });
  const evaluationStandard = input('text', { maxlength: '100' });
  const evaluator = input('text', { maxlength: '100' });
  const teachers = rows('授课教师 Teachers', [
    ['姓名', 'name', () => input('text', { maxlength: '50' })],
    ['讲授', 'teaches', () => select([['theory', '理论'], ['practical', '实操'], ['both', '理论和实操']])],
  ]);
  const trainees = rows('学员花名册 Roster', [
    ['姓名', 'name', () => input('text', { maxlength: '50' })],
    ['身份证号', 'ID number', () => input('text', { maxlength: '18', pattern: '[0-9]{17}[0-9Xx]', autocomplete: 'off' })],
    ['培训对象类别', 'target group', () => input('text', { maxlength: '50', placeholder: '例如 城镇登记失业人员' })],
  ]);

  const pack = packPicker('c-pack', '开班材料');
  const message = h('p', { class: 'form-message', role: 'alert' });

  const progress = h('progress', { max: '100', value: '0', hidden: '' }) as HTMLProgressElement;
  const submit = h('button', { type: 'submit', class: 'primary' }, ...bi('提交开班申请', 'Submit')) as HTMLButtonElement;
  const form = h('form', { class: 'start-case', novalidate: '' },
    h('fieldset', {}, h('legend', {}, ...bi('开班信息', 'Class')),
      h('div', { class: 'grid' },
        field('c-occupation', '培训职业（工种）', 'occupation', occupation),
        field('c-kind', '培训类别', 'kind', kind),
        field('c-mode', '培训模式', 'mode', mode),
        field('c-start', '开班日期', 'start', start),
        field('c-end', '结业日期', 'end', end),
        field('c-hours', '培训课时', 'hours', hours, '课时'),
        field('c-days', '培训天数', 'days', days, '天'),
        field('c-headcount', '培训人数', 'headcount', headcount, '人'),
        field('c-place', '培训地点', 'place', place),
        field('c-online', '线上培训', 'online', online))),
    h('fieldset', {}, h('legend', {}, ...bi('职业标准', 'Standards')),
      h('div', { class: 'grid' },
        field('c-ts', '培训标准', 'training standard', trainingStandard),
        field('c-es', '评价标准', 'evaluation standard', evaluationStandard),
        field('c-ev', '评价考核机构', 'evaluator', evaluator))),
    teachers.element, trainees.element,
    h('fieldset', {}, h('legend', {}, ...bi('开班材料', 'Opening pack')), pack.element),
    h('div', { class: 'toolbar' }, submit, progress), message) as HTMLFormElement;

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    const invalid = [...form.querySelectorAll('input, select')].find((c) => !(c as HTMLInputElement).checkValidity()) as HTMLInputElement | undefined;
    if (invalid) {
      const name = form.querySelector(`label[for="${invalid.id}"]`)?.textContent ?? invalid.getAttribute('aria-label') ?? '';
      message.textContent = `请检查「${name.trim()}」：${invalid.validationMessage}`;
      invalid.focus();
      return;
    }
    const files = pack.files();
    if (!files.length) {
      message.textContent = '请选择开班材料文件';
      pack.zone.focus();
      return;
    }
    const data = {
      occupation: occupation.value.trim(), kind: kind.value, trainingMode: mode.value,
      startDate: start.value, endDate: end.value,
      plannedHours: Number(hours.value), trainingDays: Number(days.value), headcount: Number(headcount.value),
      place: place.value.trim() || null, online: online.checked,
      teachers: teachers.read().map(([name, teaches]) => ({ name, teaches })),
      standards: { trainingStandard: trainingStandard.value.trim() || null, evaluationStandard: evaluationStandard.value.trim() || null, evaluator: evaluator.value.trim() || null },
      trainees: trainees.read().map(([name, idNumber, targetGroup]) => ({ name, idNumber, targetGroup: targetGroup || null })),
    };
    submit.disabled = true;
    pack.disable(true);
    progress.hidden = false;
    const key = newKey(user);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const sentOf = files.map(() => 0);
    try {
      await submitPack(key, files, { process: 'class-case', class: data }, (index, sent) => {
        pack.progress(index, sent, files[index].size);
        sentOf[index] = sent;
        progress.value = total ? Math.round((sentOf.reduce((a, b) => a + b, 0) / total) * 100) : 0;
        message.textContent = `正在上传 ${progress.value}%（第 ${index + 1}/${files.length} 个文件）`;
      });
      navigate(`/cases/${encodeURIComponent(key)}`);
    } catch (err) {
      submit.disabled = false;
      pack.disable(false);
      progress.hidden = true;
      message.textContent = `未能提交 (not submitted)：${(err as ApiError).message}`;
    }
  });

  app.replaceChildren(h('section', { class: 'card' },
    h('h2', {}, ...bi('开班申请', 'Start a class case')),
    h('p', { class: 'muted' }, '填写开班信息并上传开班材料；提交后系统逐页识别、核对材料，结果在案件页面显示。提交日期以系统收到为准。'),
    form));
  occupation.focus();
}
