import { appLink, h } from '../dom';
import type { Me } from '../api';
import { labelCells } from '../institutions/views';
import { formBox, field } from '../formBox';
import { object, plans, tenders, type Tender } from './api';
import { plansSection } from './plans';
import { fillFromPlan, startForm } from './startForm';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

function stage(t: Tender): HTMLElement {
  if (t.status !== 'Active') {
    const ended = t.objectionUpheld ? '异议成立，未签约' : t.contracts.length > 0 || t.winners.length > 0 ? '已签订合同' : '已结束';
    return h('span', { class: 'badge' }, ended);
  }
  if (t.incident) return h('span', { class: 'badge incident' }, '故障，待管理员处理');
  return h('span', { class: t.inPublicity ? 'badge warning' : 'badge active' }, t.inPublicity ? `公示中 至 ${day(t.publicityEndsAt)}` : t.stage.join('、') || '办理中');
}

function winners(t: Tender): HTMLElement | string {
  if (t.winners.length === 0) return '—';
  return h('ul', { class: 'plain-list' }, ...t.winners.map((w) => h('li', {},
    `${w.lot ? w.lot + '：' : ''}${w.institutionName}`, w.score === null ? '' : h('small', {}, ` 第${w.rank}名 ${w.score.toFixed(2)}分`),
    w.area ? h('small', {}, ` ${w.area} ${w.quota}人`) : '')));
}

/** The objection form of a tender in publicity (R-QJ-4). */
function objection(t: Tender, reload: () => void): HTMLElement {
  const text = h('textarea', { id: `objection-${t.key}`, rows: '3', required: '', maxlength: '2000' }) as HTMLTextAreaElement;
  return formBox(`对「${t.title}」公示结果提出异议`, 'Object to the publicised selection (R-QJ-4)',
    [field('异议的事实和理由', 'facts and reasons', text)], () => object(t.key, text.value), reload);
}

/**
 * `/tenders` (招标采购, issue 14): bureau staff see the tenders of their jurisdiction with their stage, dates, winners
 * and contracts, each linked to its case page, and the annual plans before them; reviewers and administrators start either. Institutions see the published
 * notices over their jurisdiction (R-YN-2) and the publicised selection, and may object while it is publicised (R-QJ-4).
 */
export async function renderTenders(app: HTMLElement, user: Me, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 招标采购 Tenders';
  const institution = user.roles.includes('institution');
  const [list, planList] = await Promise.all([tenders(), institution ? Promise.resolve([]) : plans()]);
  const starts = !institution && (user.roles.includes('admin') || user.roles.includes('reviewer'));
  const reload = () => { void renderTenders(app, user, navigate); };
  const table = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': '招标项目 Tenders' }, labelCells(h('table', { class: 'registry-table' },
    h('caption', {}, `招标项目 ${list.length} 个 Tenders`),
    h('thead', {}, h('tr', {}, ...[['项目', 'tender'], ['辖区', 'jurisdiction'], ['方式', 'method'], ['职业（工种）', 'occupations'], ['人数', 'trainees'],
      ['标段', 'lots'], ['发布', 'published'], ['投标截止', 'bids due'], ['环节', 'stage'], ['入围机构', 'selected'], ['合同', 'contracts']]
      .map(([zh, en]) => h('th', { scope: 'col' }, zh, ' ', h('small', {}, en))))),
    h('tbody', {}, ...list.map((t) => h('tr', {},
      h('td', {}, institution ? t.title : appLink(`/cases/${encodeURIComponent(t.key)}`, navigate, {}, t.title), h('br'), h('small', {}, t.key)),
      h('td', {}, t.jurisdictionName),
      h('td', {}, t.methodName),
      h('td', {}, t.occupations.join('、')),
      h('td', {}, String(t.headcount)),
      h('td', {}, t.lots.length === 0 ? '—' : t.lots.map((l) => `${l.name} ${l.headcount}人`).join('；')),
      h('td', {}, day(t.publishedOn)),
      h('td', {}, day(t.bidDeadline)),
      h('td', {}, stage(t), ...(t.status === 'Active' && t.noticeFindings.some((f) => f.severity === 'error')
        ? [h('ul', { class: 'plain-list error' }, ...t.noticeFindings.filter((f) => f.severity === 'error').map((f) => h('li', {}, f.message)))] : [])),
      h('td', {}, winners(t)),
      h('td', {}, institution ? (t.winners.some((w) => w.institutionId === user.organisation?.id) ? '已入围' : '—') : String(t.contracts.length))))))));
  const inPublicity = list.filter((t) => t.inPublicity);
  const form = starts && user.organisation ? startForm(user.organisation.jurisdiction, (key) => navigate(`/cases/${encodeURIComponent(key)}`)) : null;
  app.replaceChildren(
    h('section', { class: 'card' },
      h('h2', {}, '招标采购 ', h('small', {}, 'Tenders')),
      h('p', { class: 'muted' }, institution
        ? '辖区内已发布的招标公告和公示结果。公示期内可以对拟选定机构提出异议（R-QJ-4）。'
        : '年度培训计划经批准后，按计划人数招标；评标后公示（R-QJ-4），无异议的签订合同（R-WS-1），文水县再抽签分配片区和名额（R-WS-2）。'),
      form ?? '',
      table),
    ...(inPublicity.length > 0 ? [h('section', { class: 'card' }, h('h2', {}, '公示期内的项目 ', h('small', {}, 'In publicity')),
      ...inPublicity.map((t) => objection(t, reload)))] : []),
    ...(institution ? [] : [plansSection(planList, starts, navigate, form ? (plan) => fillFromPlan(form, plan) : undefined)]));
}
