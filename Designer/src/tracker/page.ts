import { h, type Child, bi, appLink } from '../dom';
import { getDefinitionXml, type Me } from '../api';
import { filterNames, stageCounts, trackerCases, trackerOptions, type StageCounts, type TrackerItem, type TrackerOptions } from './api';

const statusText: Record<string, [string, string]> = {
  active: ['进行中', 'active'], incident: ['有故障', 'incident'], completed: ['已办结', 'completed'], cancelled: ['已撤销', 'cancelled'],
};
const pageSizes = ['20', '50', '100', '1000'];
const columns: [string, string][] = [
  ['业务编号', 'Case'], ['培训机构', 'Institution'], ['辖区', 'Jurisdiction'], ['职业（工种）', 'Occupation'], ['当前环节', 'Stage'],
  ['状态', 'Status'], ['开始', 'Started'], ['最早到期', 'Due'],
];
const defaultProcess = 'class-case';

function day(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A labelled `<select>` of "all" plus the options; its id doubles as the filter's name. */
function select(id: string, zh: string, en: string, values: [string, string][], all = `全部 All`): [HTMLElement, HTMLSelectElement] {
  const el = h('select', { id: `tracker-${id}`, name: id },
    ...(all ? [h('option', { value: '' }, all)] : []),
    ...values.map(([value, text]) => h('option', { value }, text))) as HTMLSelectElement;
  return [h('div', { class: 'field' }, h('label', { for: el.id }, ...bi(zh, en)), el), el];
}

function input(id: string, type: string, zh: string, en: string): [HTMLElement, HTMLInputElement] {
  const el = h('input', { id: `tracker-${id}`, name: id, type }) as HTMLInputElement;
  return [h('div', { class: 'field' }, h('label', { for: el.id }, ...bi(zh, en)), el), el];
}

/**
 * `/tracker` (案件跟踪, bureau staff): the process diagram with per-stage badges (cases waiting, incidents; a badge
 * filters the list by its stage), the filters (process, jurisdiction, institution, occupation, stage, status,
 * overdue, start dates) kept in the URL so a view can be bookmarked, the server-paged list newest first, and the
 * XLSX of the filtered list.
 */
export async function renderTracker(app: HTMLElement, _user: Me, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 案件跟踪 Case tracker';
  const params = new URLSearchParams(location.search);
  const options: TrackerOptions = await trackerOptions();
  const process = params.get('process') || defaultProcess;
  const processes = options.processes.some((p) => p.id === process) ? options.processes : [{ id: process, name: process }, ...options.processes];

  const [processField, processSel] = select('process', '流程', 'process', processes.map((p) => [p.id, p.name]), '');
  const [jurField, jurSel] = select('jurisdiction', '辖区', 'jurisdiction', options.jurisdictions.map((j) => [j.id, j.name]));
  const [instField, instSel] = select('institution', '培训机构', 'institution', options.institutions.map((i) => [i.id, i.name]));
  const [occField, occSel] = select('occupation', '职业（工种）', 'occupation', options.occupations.map((o) => [o, o]));
  const [stageField, stageSel] = select('stage', '当前环节', 'stage', []);
  const [statusField, statusSel] = select('status', '状态', 'status', Object.entries(statusText).map(([k, [zh, en]]) => [k, `${zh} ${en}`]));
  const [fromField, fromInput] = input('from', 'date', '开始日期起', 'started from');
  const [toField, toInput] = input('to', 'date', '开始日期止', 'started to');
  const [sizeField, sizeSel] = select('pageSize', '每页', 'per page', pageSizes.map((s) => [s, `${s} 件`]), '');
  const overdue = h('input', { type: 'checkbox', id: 'tracker-overdue', name: 'overdue' }) as HTMLInputElement;
  const overdueField = h('div', { class: 'field check' }, overdue, h('label', { for: overdue.id }, ...bi('仅看逾期', 'overdue only')));
  const clear = h('button', { type: 'button', class: 'secondary' }, ...bi('清除筛选', 'Clear')) as HTMLButtonElement;
  const exportLink = h('a', { class: 'button', id: 'tracker-export', download: '' }, ...bi('导出 Excel', 'Export XLSX')) as HTMLAnchorElement;
  const status = h('span', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const diagramHost = h('div', { class: 'diagram tracker-diagram', role: 'group', 'aria-label': '流程图：各环节案件数 Cases per stage' });
  const stageList = h('ul', { class: 'stage-list' });
  const drillHead = h('p', { class: 'drill-head' });
  drillHead.hidden = true;
  const body = h('tbody', {});
  const pager = h('nav', { class: 'pager', 'aria-label': '分页 Pages' });

  const selects: Record<string, HTMLSelectElement | HTMLInputElement> = {
    process: processSel, jurisdiction: jurSel, institution: instSel, occupation: occSel, stage: stageSel, status: statusSel, from: fromInput, to: toInput,
  };
  processSel.value = process;
  for (const name of ['jurisdiction', 'institution', 'occupation', 'status', 'from', 'to'] as const) selects[name].value = params.get(name) ?? '';
  overdue.checked = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  sizeSel.value = pageSizes.includes(params.get('pageSize') ?? '') ? params.get('pageSize')! : '50';

  /** The filters as the URL and the API carry them (empty ones left out). */
  const query = (overrides: Record<string, string> = {}): URLSearchParams => {
    const q = new URLSearchParams();
    for (const name of filterNames) {
      const value = name === 'overdue' ? (overdue.checked ? 'true' : '') : name === 'stage' || name === 'step' ? (params.get(name) ?? '') : selects[name].value;
      const v = overrides[name] ?? value;
      if (v) q.set(name, v);
    }
    const size = overrides.pageSize ?? sizeSel.value;
    if (size !== '50') q.set('pageSize', size);
    const p = overrides.page ?? '1';
    if (p !== '1') q.set('page', p);
    const within = overrides.within ?? params.get('within') ?? '';
    if (within) q.set('within', within);
    return q;
  };
  const go = (q: URLSearchParams) => navigate(`/tracker${q.toString() ? `?${q}` : ''}`);

  for (const el of [processSel, jurSel, instSel, occSel, statusSel, fromInput, toInput, sizeSel, overdue]) {
    el.addEventListener('change', () => go(query(el === processSel ? { stage: '', step: '', within: '' } : {})));
  }
  stageSel.addEventListener('change', () => go(query({ stage: stageSel.value })));
  clear.addEventListener('click', () => go(new URLSearchParams({ process: processSel.value })));

  const link = (key: string) => appLink(`/cases/${encodeURIComponent(key)}`, navigate, {}, key);
  const dueCell = (c: TrackerItem): Child => !c.dueAt ? h('span', { class: 'muted' }, '—')
    : h('span', {}, day(c.dueAt), c.overdue ? h('span', { class: 'badge overdue' }, ' 已逾期 ') : null);
  const statusCell = (c: TrackerItem): Child => {
    const [zh, en] = statusText[c.status] ?? [c.status, ''];
    return h('span', { class: `badge ${c.status}` }, ...bi(zh, en));
  };
  const row = (c: TrackerItem) => h('tr', {},
    h('td', {}, link(c.businessKey)),
    h('td', {}, c.institutionName ?? c.institutionId ?? '—'),
    h('td', {}, c.jurisdictionName ?? c.jurisdiction ?? '—'),
    h('td', {}, c.occupation ?? '—'),
    h('td', {}, c.stages.length ? c.stages.map((s) => s.name).join('、') : h('span', { class: 'muted' }, '—')),
    h('td', {}, statusCell(c)),
    h('td', {}, day(c.createdAt)),
    h('td', {}, dueCell(c)));

  const pageButton = (text: Child, target: number, disabled: boolean, label: string) => {
    const b = h('button', { type: 'button', class: 'secondary', 'aria-label': label }, text) as HTMLButtonElement;
    b.disabled = disabled;
    b.addEventListener('click', () => go(query({ page: String(target) })));
    return b;
  };

  /** The stage select (top-level stages), and the diagram: the process's, or the drilled-into stage's sub-process. */
  const showStages = async (top: StageCounts, shown: StageCounts) => {
    const selected = params.get('stage') ?? '';
    stageSel.replaceChildren(h('option', { value: '' }, '全部 All'),
      ...top.stages.map((s) => h('option', { value: s.elementId }, `${s.name}（${s.active + s.incidents}）`)));
    if (selected && !top.stages.some((s) => s.elementId === selected)) stageSel.append(h('option', { value: selected }, selected));
    stageSel.value = selected;
    const drill = (id: string, name: string) => {
      const b = h('button', { type: 'button', class: 'link-button', 'data-drill': id }, `查看子流程 ›`, h('small', {}, ` ${name} sub-process`));
      b.addEventListener('click', () => go(query({ within: id, step: '' })));
      return b;
    };
    stageList.replaceChildren(...shown.stages.map((s) => h('li', {}, `${s.name}：${s.active} 件进行中`, s.incidents ? `，${s.incidents} 件有故障` : '', ' ',
      shown.within === null && shown.drillable.includes(s.elementId) ? drill(s.elementId, s.name) : null)));
    if (shown.within) {
      const back = h('button', { type: 'button', class: 'link-button', id: 'tracker-back' }, `‹ 返回上级流程 `, h('small', {}, 'back to the case process')) as HTMLButtonElement;
      back.addEventListener('click', () => go(query({ within: '', step: '' })));
      drillHead.replaceChildren(h('span', {}, `子流程：${shown.within.name}（${shown.name ?? shown.process}）`), ' ', back);
      drillHead.hidden = false;
    }
    const step = params.get('step') ?? '';
    const current = shown.within ? step : selected;
    const choose = (id: string) => go(shown.within ? query({ step: id === step ? '' : id }) : query({ stage: id === selected ? '' : id }));
    try {
      const xml = await getDefinitionXml(shown.process, shown.version);
      const { showStageBadges } = await import('./badges');
      await showStageBadges(diagramHost, xml, shown, current, choose);
    } catch (e) {
      diagramHost.replaceChildren(h('p', { class: 'diagram-failed' }, `流程图不可用 (diagram unavailable): ${(e as Error).message}`));
    }
  };

  app.replaceChildren(
    h('section', { class: 'card tracker' },
      h('div', { class: 'card-head' }, h('h2', {}, ...bi('案件跟踪', 'Case tracker')), h('div', { class: 'toolbar' }, status, exportLink)),
      h('form', { class: 'tracker-filters', role: 'search', 'aria-label': '筛选 Filters' },
        processField, jurField, instField, occField, stageField, statusField, fromField, toField, overdueField, sizeField,
        h('div', { class: 'field actions' }, clear))),
    h('section', { class: 'card' },
      h('h2', {}, ...bi('各环节案件', 'Cases per stage — 点击数字按环节筛选 click a count to filter')),
      drillHead,
      diagramHost,
      h('p', { class: 'note' }, h('span', { class: 'legend-active' }, '■'), ' 进行中 active  ', h('span', { class: 'legend-incident' }, '■'), ' 有故障 incident'),
      stageList),
    h('section', { class: 'card' },
      h('div', { class: 'table-wrap' },
        h('table', { class: 'tracker-table' },
          h('caption', { class: 'visually-hidden' }, '案件列表 Cases'),
          h('thead', {}, h('tr', {}, ...columns.map(([zh, en]) => h('th', { scope: 'col' }, ...bi(zh, en))))),
          body)),
      pager),
  );

  const q = query({ page: String(page) });
  q.delete('within');
  const exportQuery = query();
  exportQuery.delete('within');
  exportLink.href = `/api/tracker/cases.xlsx?${exportQuery}`;
  status.textContent = '加载中…';
  const countsQuery = query();
  countsQuery.delete('stage');
  countsQuery.delete('within');
  const withinQuery = query();
  withinQuery.delete('stage');
  const [list, counts, inner] = await Promise.all([trackerCases(q), stageCounts(countsQuery),
    params.get('within') ? stageCounts(withinQuery) : Promise.resolve(null)]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  status.textContent = `共 ${list.total} 件 (${list.total} cases)`;
  body.replaceChildren(...(list.items.length === 0
    ? [h('tr', {}, h('td', { colspan: '8', class: 'muted' }, '没有符合条件的案件 (no cases match)'))]
    : list.items.map(row)));
  pager.replaceChildren(
    pageButton('‹ 上一页 ', list.page - 1, list.page <= 1, '上一页 Previous page'),
    h('span', { class: 'muted', 'aria-current': 'page' }, ` 第 ${list.page} / ${pages} 页 `),
    pageButton('下一页 ›', list.page + 1, list.page >= pages, '下一页 Next page'));
  performance.mark('pipeline:tracker-ready');
  await showStages(counts, inner ?? counts);
}
