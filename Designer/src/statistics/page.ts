import { h, bi } from '../dom';
import type { Me } from '../api';
import { quarterly, type CategoryFigures } from './api';

const money = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rate = (r: number | null) => (r === null ? '未知' : `${(r * 100).toFixed(1)}%`);

let dispose: (() => void) | null = null;

/**
 * `/statistics` (统计, bureau staff): the quarter's training figures by category (R-QJ-6, QJ 附件1) for a year, quarter
 * and a jurisdiction in reach, in the URL (`?year=&quarter=&jurisdiction=`): two bar charts (echarts, loaded on this
 * page only), the same figures as a table beside them, what is not known yet, and the form's XLSX.
 */
export async function renderStatistics(app: HTMLElement, _user: Me, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 统计 Statistics';
  dispose?.();
  dispose = null;
  const params = new URLSearchParams(location.search);
  const answer = await quarterly(params);
  const f = answer.figures;

  const year = h('input', { id: 'stat-year', type: 'number', min: '2000', max: '2100', value: String(f.year) }) as HTMLInputElement;
  const quarter = h('select', { id: 'stat-quarter' }, ...[1, 2, 3, 4].map((q) => h('option', { value: String(q) }, `第${q}季度 Q${q}`))) as HTMLSelectElement;
  quarter.value = String(f.quarter);
  const place = h('select', { id: 'stat-jurisdiction' }, ...answer.jurisdictions.map((j) => h('option', { value: j.id }, j.name))) as HTMLSelectElement;
  place.value = answer.jurisdiction;
  const form = h('form', { class: 'tracker-filters', 'aria-label': '统计范围 Period and jurisdiction' },
    h('div', { class: 'field' }, h('label', { for: year.id }, ...bi('年份', 'year')), year),
    h('div', { class: 'field' }, h('label', { for: quarter.id }, ...bi('季度', 'quarter')), quarter),
    h('div', { class: 'field' }, h('label', { for: place.id }, ...bi('辖区', 'jurisdiction')), place),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, ...bi('查询', 'Show')))) as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/statistics?${new URLSearchParams({ year: year.value, quarter: quarter.value, jurisdiction: place.value })}`);
  });
  const query = new URLSearchParams({ year: String(f.year), quarter: String(f.quarter), jurisdiction: answer.jurisdiction });
  const download = h('a', { class: 'button', id: 'stat-export', href: `/api/statistics/quarterly.xlsx?${query}`, download: '' },
    ...bi('下载统计表', 'XLSX (QJ 附件1)'));

  const row = (c: CategoryFigures, total = false) => h('tr', total ? { class: 'total' } : {},
    h(total ? 'th' : 'td', total ? { scope: 'row' } : {}, c.name),
    h('td', { class: 'num' }, String(c.classes)),
    h('td', { class: 'num' }, String(c.trainees)),
    h('td', { class: 'num' }, String(c.passed)),
    h('td', { class: 'num' }, rate(c.passRate)),
    h('td', { class: 'num' }, money(c.subsidy)),
    h('td', { class: 'institutions' }, total ? `共 ${c.institutions.length} 家` : c.institutions.join('、') || '—'));
  const table = h('table', { class: 'stat-table' },
    h('caption', {}, `${answer.jurisdictionName} ${f.year}年第${f.quarter}季度（${f.from} 至 ${f.to}）职业培训情况`),
    h('thead', {}, h('tr', {}, ...[['培训类别', 'category'], ['班次', 'classes'], ['人数', 'trainees'], ['合格人数', 'passed'], ['合格率', 'pass rate'],
      ['补贴资金（元）', 'subsidy, yuan'], ['承办职业培训机构', 'institutions']].map(([zh, en]) => h('th', { scope: 'col' }, ...bi(zh, en))))),
    h('tbody', {}, ...f.categories.map((c) => row(c)), row(f.total, true)));
  const people = h('div', { class: 'chart', id: 'chart-people', role: 'img', 'aria-label': '班次、人数与合格人数（柱状图）' });
  const funds = h('div', { class: 'chart', id: 'chart-subsidy', role: 'img', 'aria-label': '补贴资金（柱状图）' });

  app.replaceChildren(
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, ...bi('职业培训情况统计', 'Quarterly training statistics (R-QJ-6)')), h('div', { class: 'toolbar' }, download)),
      form),
    h('section', { class: 'card stat-layout' },
      h('div', { class: 'stat-charts' }, people, funds),
      h('div', { class: 'stat-side' }, table,
        f.notes.length ? h('div', { class: 'stat-notes' }, h('h3', {}, ...bi('说明', 'What is not known yet')),
          h('ul', {}, ...f.notes.map((n) => h('li', {}, n)))) : null)),
  );
  const { drawCharts } = await import('./charts');
  dispose = drawCharts(people, funds, f.categories);
  performance.mark('pipeline:statistics-ready');
}
