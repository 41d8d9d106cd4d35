import { h } from '../dom';
import type { Me } from '../api';
import { blacklist, institutions, recordContract, recordRegistration, recordReview, renew, terminate, type Contract, type Standing } from './api';
import { contractsTable, labelCells, standingDetails } from './views';
import { eligibilityBox } from './eligibility';
import { field, formBox, input } from '../formBox';
import { teacherPoolCard } from './teachers';

function forms(s: Standing, n: number, reload: () => void): HTMLElement[] {
  const p = `reg${n}`;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const number = input({ id: `${p}-number`, required: '', maxlength: '100' });
  const occupations = h('select', { id: `${p}-occupations`, multiple: '', size: String(Math.min(4, Math.max(2, s.licensedOccupations.length))) },
    ...s.licensedOccupations.map((o) => h('option', { value: o }, o))) as HTMLSelectElement;
  const areas = h('textarea', { id: `${p}-areas`, rows: '3', placeholder: '凤城镇 40\n孝义镇 25' }) as HTMLTextAreaElement;
  const starts = input({ id: `${p}-starts`, type: 'date', required: '', value: today });
  const ends = input({ id: `${p}-ends`, type: 'date', required: '' });
  const yearly = input({ id: `${p}-yearly`, type: 'checkbox' });
  const share = input({ id: `${p}-share`, type: 'number', min: '0', max: '100' });
  const contract = formBox('登记合同', 'Record a contract', [
    field('合同编号', 'number', number), field('职业（工种）', 'occupations', occupations),
    field('地区 年度名额（每行一个）', 'area and quota a year, one a line', areas), field('起始日期', 'from', starts), field('截止日期', 'to', ends),
    h('div', { class: 'field check' }, yearly, h('label', { for: yearly.id }, '一年一订 ', h('small', {}, 'renewed yearly'))),
    field('订单式比例 %', 'order-based share', share)],
  () => recordContract({
    institutionId: s.id, number: number.value, occupations: [...occupations.selectedOptions].map((o) => o.value),
    areas: areas.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const m = /^(.*?)[\s,，:：]+(\d+)\s*人?$/.exec(l);
      return m ? { area: m[1].trim(), quota: Number(m[2]) } : { area: l, quota: 0 };
    }),
    startsOn: starts.value || null, endsOn: ends.value || null, renewedYearly: yearly.checked,
    orderBasedPercent: share.value === '' ? null : Number(share.value),
  }), reload);

  const year = input({ id: `${p}-year`, type: 'number', min: '2000', max: '2100', value: String(new Date().getFullYear() - 1) });
  const grade = h('select', { id: `${p}-grade` }, h('option', { value: 'excellent' }, '优秀'), h('option', { value: 'pass' }, '合格'),
    h('option', { value: 'fail' }, '不合格')) as HTMLSelectElement;
  const publication = input({ id: `${p}-publication`, required: '', maxlength: '400', placeholder: '2026-03-01 市人社局网站' });
  const review = formBox('登记年审结果', 'Record an annual review', [field('年度', 'year', year), field('等次', 'grade', grade), field('公布情况', 'published where and when', publication)],
    () => recordReview(s.id, { year: Number(year.value), grade: grade.value, publication: publication.value }), reload);

  const reason = h('textarea', { id: `${p}-reason`, name: 'reason', rows: '2', required: '' });
  const decision = input({ id: `${p}-decision`, name: 'decision', required: '' });
  const revoked = input({ id: `${p}-revoked`, name: 'licenceRevoked', type: 'checkbox', value: 'true' });
  const evidence = input({ id: `${p}-evidence`, name: 'evidence', type: 'file', required: '' });
  const black = formBox('列入黑名单', 'Blacklist', [field('违规事实', 'what happened', reason), field('处理决定（文号）', 'decision', decision),
    field('证据材料原件', 'evidence file', evidence),
    h('div', { class: 'field check' }, revoked, h('label', { for: revoked.id }, '情节严重，取消办学许可 ', h('small', {}, 'licence revoked')))],
  (form) => blacklist(s.id, new FormData(form)), reload);

  const level = h('select', { id: `${p}-level` }, h('option', { value: 'city' }, '市级'), h('option', { value: 'county' }, '县级')) as HTMLSelectElement;
  const registered = input({ id: `${p}-registered`, type: 'date', required: '', value: today });
  const registration = formBox('登记备案', 'Registration', [field('级别', 'level', level), field('登记日期', 'registered on', registered)],
    () => recordRegistration(s.id, { level: level.value, registeredOn: registered.value }), reload);
  return [contract, review, black, registration];
}

function contractActions(c: Contract, reload: () => void): HTMLElement {
  const box = h('div', { class: 'registry-actions' });
  const status = h('span', { class: 'error', role: 'status' });
  const fail = (e: unknown) => { status.textContent = (e as Error).message; };
  if (c.nextRenewal && c.status !== 'terminated') {
    const b = h('button', { type: 'button', class: 'secondary' }, `续签 ${c.nextRenewal.slice(0, 4)} `, h('small', {}, 'Renew'));
    b.addEventListener('click', () => { renew(c.id).then(reload, fail); });
    box.append(b);
  }
  if (c.status !== 'terminated') {
    const b = h('button', { type: 'button', class: 'secondary' }, '终止 ', h('small', {}, 'Terminate'));
    b.addEventListener('click', () => {
      const reason = prompt(`终止合同 ${c.number} 的原因 (reason)`);
      if (reason) terminate(c.id, reason).then(reload, fail);
    });
    box.append(b);
  }
  box.append(status);
  return box;
}

/**
 * `/institutions` (机构管理, bureau staff): the institutions in reach with licence occupations, registration, latest
 * annual review grade, blacklist flag and contracts; reviewers and administrators record contracts, renewals,
 * terminations, grades, blacklist entries (with the evidence file) and registration.
 */
export async function renderInstitutions(app: HTMLElement, user: Me): Promise<void> {
  document.title = 'Pipeline · 机构管理 Institutions';
  const list = await institutions();
  const records = user.roles.includes('admin') || user.roles.includes('reviewer');
  const reload = () => { void renderInstitutions(app, user); };
  const summary = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': '辖区内培训机构 Institutions in reach' }, labelCells(h('table', { class: 'registry-table' },
    h('caption', {}, `辖区内培训机构 ${list.length} 家 Institutions in reach`),
    h('thead', {}, h('tr', {}, ...[['机构', 'institution'], ['辖区', 'jurisdiction'], ['许可职业', 'licence'], ['登记', 'registration'],
      ['最近年审', 'latest review'], ['黑名单', 'blacklist'], ['有效合同', 'current contracts']].map(([zh, en]) => h('th', { scope: 'col' }, zh, ' ', h('small', {}, en))))),
    h('tbody', {}, ...list.map((s, i) => h('tr', {},
      h('td', {}, h('a', { href: `#inst-${i}` }, s.name)),
      h('td', {}, s.jurisdictionName),
      h('td', {}, s.licensedOccupations.join('、')),
      h('td', {}, s.registration?.levelName ?? '未登记'),
      h('td', {}, s.latestReview ? h('span', { class: `badge grade-${s.latestReview.grade}` }, `${s.latestReview.year} ${s.latestReview.gradeName}`) : '—'),
      h('td', {}, s.blacklisted ? h('span', { class: 'badge incident' }, '已列入') : '—'),
      h('td', {}, String(s.contracts.filter((c) => c.status === 'current').length))))))));
  app.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, '机构管理 ', h('small', {}, 'Institutions and contracts')), summary),
    ...list.map((s, i) => h('section', { class: 'card', id: `inst-${i}`, 'aria-label': s.name },
      h('div', { class: 'card-head' }, h('h2', {}, s.name, ' ', h('small', {}, `${s.jurisdictionName} · ${s.creditCode ?? ''}`)),
        s.blacklisted ? h('span', { class: 'badge incident' }, '黑名单 Blacklisted') : null),
      standingDetails(s, true),
      contractsTable(s.contracts, `${s.name} 的合同 Contracts`, records ? (c) => contractActions(c, reload) : undefined),
      eligibilityBox(s, i),
      ...(records ? forms(s, i, reload) : []),
      teacherPoolCard(s.id, i, user.roles, true))));
}
