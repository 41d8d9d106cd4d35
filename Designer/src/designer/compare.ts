import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { h, bi } from '../dom';
import { definitionXml, listDefinitions } from './api';
import { renderMigration } from './migration';

type Element = { id: string; $type: string; name?: string };
interface Changes {
  _added: Record<string, Element>;
  _removed: Record<string, Element>;
  _changed: Record<string, { model: Element; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
  _layoutChanged: Record<string, Element>;
}

const kinds = {
  added: ['新增', 'added'],
  removed: ['删除', 'removed'],
  changed: ['修改', 'changed'],
  layout: ['仅位置', 'moved'],
} as const;

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return (value as { id?: string }).id ?? JSON.stringify(value);
  return String(value).replace(/^#ref:/, '');
}

/**
 * An attribute change as [before, after]. bpmn-js-differ 3.2 hands on jsondiffpatch's deltas unevenly: an added value
 * as { newValue }, a modified one as { newValue: before, oldValue: after }, a deleted one as { newValue: before, oldValue: 0 }.
 */
function beforeAfter(v: { oldValue: unknown; newValue: unknown }): [unknown, unknown] {
  if (v.oldValue === undefined) return [undefined, v.newValue];
  if (v.oldValue === 0) return [v.newValue, undefined];
  return [v.newValue, v.oldValue];
}

/**
 * `/designer/{processId}/compare/{a}/{b}`: versions a and b side by side (bpmn-js-differ): added elements green on the
 * right, removed red on the left, changed amber on both, moved blue; below, the list of changes (a click shows the
 * element), and a link to open version b for migration or redeployment.
 */
export async function renderCompare(app: HTMLElement, processId: string, a: number, b: number, navigate: (path: string) => void): Promise<void> {
  document.title = `Pipeline · 版本对比 ${processId} v${a}–v${b}`;
  const left = h('div', { class: 'compare-canvas' });
  const right = h('div', { class: 'compare-canvas' });
  const list = h('tbody', {});
  const migration = h('section', { class: 'migration' });
  const pick = (label: string) => h('select', { 'aria-label': label }) as HTMLSelectElement;
  const [fromSelect, toSelect] = [pick('旧版本 From version'), pick('新版本 To version')];
  const go = h('button', { type: 'button' }, ...bi('对比', 'Compare'));
  go.addEventListener('click', () => navigate(`/designer/${encodeURIComponent(processId)}/compare/${fromSelect.value}/${toSelect.value}`));
  const back = h('a', { href: '/designer' }, ...bi('← 全部流程', 'All definitions'));
  back.addEventListener('click', (e) => {
    e.preventDefault();
    navigate('/designer');
  });
  app.replaceChildren(
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('div', {}, back, h('h2', {}, `${processId} v${a} → v${b} `, h('small', {}, 'Compare versions'))),
        h('div', { class: 'toolbar' }, fromSelect, '→', toSelect, go)),
      h('div', { class: 'compare' },
        h('div', {}, h('h3', {}, `v${a}`), left),
        h('div', {}, h('h3', {}, `v${b}`), right)),
      h('p', { class: 'legend' },
        h('span', { class: 'swatch diff-added' }), ' 新增 added ', h('span', { class: 'swatch diff-removed' }), ' 删除 removed ',
        h('span', { class: 'swatch diff-changed' }), ' 修改 changed ', h('span', { class: 'swatch diff-layout' }), ' 仅位置 moved'),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, '变更 Change'), h('th', {}, '元素 Element'), h('th', {}, '类型 Type'), h('th', {}, '内容 Details'))), list),
      migration),
  );
  const versions = (await listDefinitions()).filter((v) => v.processId === processId).map((v) => v.version).sort((x, y) => x - y);
  for (const [select, value] of [[fromSelect, a], [toSelect, b]] as const) {
    select.replaceChildren(...versions.map((v) => h('option', { value: String(v) }, `v${v}`)));
    select.value = String(value);
  }
  const [oldXml, newXml] = await Promise.all([definitionXml(processId, a), definitionXml(processId, b)]);
  const viewers = [left, right].map((container) => new NavigatedViewer({ container, moddleExtensions: { zeebe: zeebeModdle } }));
  await viewers[0].importXML(oldXml);
  await viewers[1].importXML(newXml);
  // Fitted once the two panes have their final size.
  const fit = () => { for (const v of viewers) (v.get('canvas') as { zoom(l: string, center: string): void }).zoom('fit-viewport', 'auto'); };
  fit();
  requestAnimationFrame(fit);
  const definitions = viewers.map((v) => (v as unknown as { getDefinitions(): unknown }).getDefinitions());
  const changes = diff(definitions[0], definitions[1]) as Changes;

  const mark = (viewer: number, id: string, marker: string) => {
    const registry = viewers[viewer].get('elementRegistry') as { get(id: string): unknown };
    if (registry.get(id)) (viewers[viewer].get('canvas') as { addMarker(id: string, m: string): void }).addMarker(id, marker);
  };
  const rows: [keyof typeof kinds, Element, string][] = [];
  for (const e of Object.values(changes._added)) { mark(1, e.id, 'diff-added'); rows.push(['added', e, '']); }
  for (const e of Object.values(changes._removed)) { mark(0, e.id, 'diff-removed'); rows.push(['removed', e, '']); }
  for (const c of Object.values(changes._changed)) {
    mark(0, c.model.id, 'diff-changed');
    mark(1, c.model.id, 'diff-changed');
    rows.push(['changed', c.model, Object.entries(c.attrs).map(([k, v]) => { const [was, is] = beforeAfter(v); return `${k}: ${show(was)} → ${show(is)}`; }).join('；')]);
  }
  for (const e of Object.values(changes._layoutChanged)) {
    if (changes._changed[e.id] || changes._added[e.id]) continue;
    mark(1, e.id, 'diff-layout');
    rows.push(['layout', e, '']);
  }
  list.replaceChildren(
    ...(rows.length === 0
      ? [h('tr', {}, h('td', { colspan: '4' }, '两个版本相同 (the versions are the same)'))]
      : rows.map(([kind, e, detail]) => {
          const row = h('tr', { class: `diff-row diff-${kind}` },
            h('td', {}, kinds[kind][0], ' ', h('small', {}, kinds[kind][1])), h('td', {}, h('code', {}, e.id), e.name ? ` ${e.name}` : ''),
            h('td', {}, e.$type.replace('bpmn:', '')), h('td', {}, detail));
          row.addEventListener('click', () => {
            const side = kind === 'removed' ? 0 : 1;
            const element = (viewers[side].get('elementRegistry') as { get(id: string): unknown }).get(e.id);
            if (element) (viewers[side].get('canvas') as { scrollToElement(el: unknown): void }).scrollToElement(element);
          });
          return row;
        })),
  );
  await renderMigration(migration, processId, a, b, Object.values(changes._removed), [viewers[0], viewers[1]]);
}
