import { appLink, h } from '../dom';
import { field, formBox, input } from '../formBox';
import { labelCells } from '../institutions/views';
import { startPlan, type Plan } from './api';

function stage(p: Plan): HTMLElement {
  if (p.incident) return h('span', { class: 'badge incident' }, '故障，待管理员处理');
  if (p.status !== 'Active') return h('span', { class: 'badge' }, '已结束');
  return h('span', { class: 'badge active' }, p.stage.join('、') || '办理中');
}

function tenderButton(p: Plan, tenderFrom: (plan: Plan) => void): HTMLElement {
  const b = h('button', { type: 'button', class: 'secondary' }, '按此计划招标 ', h('small', {}, 'Tender this plan'));
  b.addEventListener('click', () => tenderFrom(p));
  return h('div', {}, b);
}

/**
 * 年度培训计划 (bureau staff): next year's plans with their stage, planned headcount, occupations and what plan.check
 * found (R-YN-3), each linked to its case page; reviewers and administrators start one (R-YN-2: the county drafts by
 * the end of November).
 */
export function plansSection(list: Plan[], starts: boolean, navigate: (path: string) => void, tenderFrom?: (plan: Plan) => void): HTMLElement {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
  const planYear = input({ id: 'plan-year', type: 'number', min: String(year - 1), max: String(year), required: '', value: String(year) });
  const previous = h('textarea', { id: 'plan-previous', rows: '2', placeholder: '电工、育婴员' }) as HTMLTextAreaElement;
  const start = starts ? formBox('编制年度计划', 'Start next year\'s plan',
    [field('计划年度', 'plan year', planYear), field('上年计划的职业（工种）', 'last year\'s occupations', previous)],
    () => startPlan({ planYear: Number(planYear.value), previousOccupations: previous.value.split(/[\n、,，;；]+/).map((o) => o.trim()).filter(Boolean) }),
    (answer) => navigate(`/cases/${encodeURIComponent(answer.key)}`)) : '';
  const table = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': '年度培训计划 Annual plans' }, labelCells(h('table', { class: 'registry-table' },
    h('caption', {}, `年度培训计划 ${list.length} 个 Annual plans`),
    h('thead', {}, h('tr', {}, ...[['计划', 'plan'], ['辖区', 'jurisdiction'], ['年度', 'year'], ['县（区）', 'county'], ['人数', 'trainees'],
      ['职业（工种）', 'occupations'], ['环节', 'stage']].map(([zh, en]) => h('th', { scope: 'col' }, zh, ' ', h('small', {}, en))))),
    h('tbody', {}, ...list.map((p) => h('tr', {},
      h('td', {}, appLink(`/cases/${encodeURIComponent(p.key)}`, navigate, {}, p.key)),
      h('td', {}, p.jurisdictionName),
      h('td', {}, p.planYear === null ? '—' : String(p.planYear)),
      h('td', {}, p.county ?? '—'),
      h('td', {}, p.plannedHeadcount === null ? '—' : String(p.plannedHeadcount)),
      h('td', {}, p.occupations.join('、') || '—'),
      h('td', {}, stage(p), tenderFrom && p.inForce ? tenderButton(p, tenderFrom) : '', ...(p.findings.some((f) => f.severity === 'error')
        ? [h('ul', { class: 'plain-list error' }, ...p.findings.filter((f) => f.severity === 'error').map((f) => h('li', {}, f.message)))] : []))))))));
  return h('section', { class: 'card' }, h('h2', {}, '年度培训计划 ', h('small', {}, 'Annual training plans')),
    h('p', { class: 'muted' }, '县级编制次年培训计划，上级审核、核定（云南：11月底前编制、12月中旬前报省，新增职业须有国家职业标准和省内评价机构，R-YN-2、R-YN-3）。计划核定后按计划人数招标。'),
    start, table);
}
