import { ApiError } from '../http';
import { h, bi } from '../dom';
import { activeInstances, migrate, type ActiveInstance, type MigrationProblem } from './api';
import { problemText } from './problems';

type Element = { id: string; $type: string; name?: string };
type Shape = { id: string; type: string; businessObject: Element; labelTarget?: unknown };
type Viewer = { get(name: string): unknown };
interface Registry { get(id: string): Shape | undefined; filter(f: (e: Shape) => boolean): Shape[] }
interface Canvas { addMarker(id: string, m: string): void; removeMarker(id: string, m: string): void; scrollToElement(e: unknown): void }

const notFlowNodes = new Set(['bpmn:Process', 'bpmn:SequenceFlow', 'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group']);
const isFlowNode = (e: Shape) => !e.labelTarget && !notFlowNodes.has(e.type) && e.type.startsWith('bpmn:') && !e.type.endsWith('Reference');
const label = (e: Element) => (e.name ? `${e.name} (${e.id})` : e.id);

/**
 * The comparison's migration panel: the running instances of version `a`, an element mapping for the elements `b`
 * removed (each to an element of the same type in `b`, prefilled by name), a dry run of the selected instances, then
 * the migration itself (enabled only after a dry run passed). Refusals (422) are listed per instance (each problem's
 * element, then its Chinese message with the English after it) and their elements marked on `a`'s diagram; a click on a
 * problem shows its element.
 */
export async function renderMigration(
  container: HTMLElement, processId: string, a: number, b: number, removed: Element[], viewers: [Viewer, Viewer],
): Promise<void> {
  const instances = await activeInstances(processId, a);
  const heading = h('h3', {}, `迁移运行中的实例 v${a} → v${b} `, h('small', {}, 'Migrate running instances'));
  if (instances.length === 0) {
    container.replaceChildren(heading, h('p', { class: 'muted' }, `v${a} 没有运行中的实例 (no running instance on v${a})`));
    return;
  }
  const [source, target] = viewers.map((v) => v.get('elementRegistry') as Registry);
  const sourceCanvas = viewers[0].get('canvas') as Canvas;

  // Element mapping: every flow node b removed, to an element of the same type in b (same ids map by themselves).
  const selects = new Map<string, HTMLSelectElement>();
  const mappingRows = removed
    .filter((e) => source.get(e.id) && isFlowNode(source.get(e.id)!))
    .map((e) => {
      const candidates = target.filter((t) => isFlowNode(t) && t.type === e.$type && !source.get(t.id));
      const select = h('select', { 'aria-label': `${e.id} 映射到 (maps to)` },
        h('option', { value: '' }, '不映射 (unmapped)'),
        ...candidates.map((t) => h('option', { value: t.id }, label(t.businessObject)))) as HTMLSelectElement;
      const sameName = candidates.find((t) => e.name && t.businessObject.name === e.name);
      if (sameName) select.value = sameName.id;
      selects.set(e.id, select);
      return h('tr', {}, h('td', {}, h('code', {}, e.id), e.name ? ` ${e.name}` : ''), h('td', {}, e.$type.replace('bpmn:', '')), h('td', {}, '→ ', select));
    });
  const mapping = () => Object.fromEntries([...selects].filter(([, s]) => s.value).map(([id, s]) => [id, s.value]));

  // Instances: select, check, migrate.
  const boxes = new Map<string, HTMLInputElement>();
  const results = new Map<string, HTMLElement>();
  let marked: string[] = [];
  const mark = (ids: string[]) => {
    for (const id of marked) if (source.get(id)) sourceCanvas.removeMarker(id, 'pl-problem');
    marked = ids.filter((id) => source.get(id));
    for (const id of marked) sourceCanvas.addMarker(id, 'pl-problem');
  };
  const showElement = (id: string) => {
    const element = source.get(id);
    if (element) sourceCanvas.scrollToElement(element);
  };
  const instanceRows = instances.map((i: ActiveInstance) => {
    const box = h('input', { type: 'checkbox', checked: '', 'aria-label': `选择 ${i.businessKey ?? i.instanceId}` }) as HTMLInputElement;
    box.checked = true;
    boxes.set(i.instanceId, box);
    const result = h('td', { class: 'migration-result' });
    results.set(i.instanceId, result);
    const elements = i.activeElements.map((id) => {
      const code = h('code', { class: target.get(id) ? '' : 'gone', title: target.get(id) ? '' : `v${b} 中没有 ${id}（需映射）` }, id);
      code.addEventListener('click', () => showElement(id));
      return code;
    });
    return h('tr', {}, h('td', {}, box), h('td', {}, i.businessKey ?? '—', h('div', { class: 'muted' }, h('code', {}, i.instanceId.slice(0, 8)))),
      h('td', {}, new Date(i.startedAt).toLocaleDateString('zh-CN')), h('td', {}, ...elements),
      h('td', {}, i.incidents ? `${i.incidents} 个故障` : ''), result);
  });

  const status = h('span', { class: 'designer-status', role: 'status' });
  const check = h('button', { type: 'button' }, ...bi('检查', 'Dry run')) as HTMLButtonElement;
  const run = h('button', { type: 'button', class: 'primary', disabled: '' }, ...bi('迁移所选实例', 'Migrate')) as HTMLButtonElement;
  const chosen = () => instances.filter((i) => boxes.get(i.instanceId)!.checked);
  const invalidate = () => {
    run.disabled = true;
  };
  for (const s of selects.values()) s.addEventListener('change', invalidate);
  for (const box of boxes.values()) box.addEventListener('change', invalidate);

  /** Runs (or checks) each chosen instance; answers how many were refused. */
  const each = async (dryRun: boolean): Promise<number> => {
    const problems: string[] = [];
    let refused = 0;
    for (const i of chosen()) {
      const cell = results.get(i.instanceId)!;
      try {
        await migrate(i.instanceId, b, mapping(), dryRun);
        cell.replaceChildren(h('span', { class: 'ok' }, dryRun ? '✓ 可以迁移 (can migrate)' : `✓ 已迁移到 v${b} (migrated)`));
        if (!dryRun) boxes.get(i.instanceId)!.disabled = true;
      } catch (e) {
        refused++;
        const errors = ((e as ApiError).problem?.errors as MigrationProblem[] | undefined) ?? [];
        problems.push(...errors.map((p) => p.elementId));
        const summary = errors.length ? `${errors.length} 个问题，实例未作任何更改 (nothing changed)` : (e as Error).message;
        cell.replaceChildren(h('span', { class: 'error' }, '✗ 不能迁移 (refused)：', summary),
          h('ul', { class: 'problems' }, ...errors.map((p) => {
            const item = h('li', { tabindex: '0' }, h('code', {}, p.elementId), ' ', ...problemText(p));
            item.addEventListener('click', () => showElement(p.elementId));
            return item;
          })));
      }
    }
    mark(problems);
    return refused;
  };
  check.addEventListener('click', async () => {
    if (chosen().length === 0) {
      status.textContent = '请先选择实例 (choose instances first)';
      return;
    }
    const refused = await each(true);
    run.disabled = refused > 0;
    status.textContent = refused > 0 ? `${refused} 个实例不能迁移：请修改映射后重新检查` : `${chosen().length} 个实例均可迁移 (all can migrate)`;
  });
  run.addEventListener('click', async () => {
    run.disabled = true;
    const count = chosen().filter((i) => !boxes.get(i.instanceId)!.disabled).length;
    const refused = await each(false);
    status.textContent = `已迁移 ${count - refused} 个实例到 v${b}` + (refused ? `，${refused} 个被拒绝` : '');
  });

  container.replaceChildren(
    heading,
    h('p', { class: 'muted' }, `v${a} 有 ${instances.length} 个运行中的实例。v${b} 删除或改名的元素须映射到 v${b} 中同类型的元素；编号未变的元素自动对应。先检查，再迁移。`),
    ...(mappingRows.length
      ? [h('table', { class: 'mapping' }, h('thead', {}, h('tr', {}, h('th', {}, `v${a} 元素 Element`), h('th', {}, '类型 Type'), h('th', {}, `v${b} 中对应 Maps to`))), h('tbody', {}, ...mappingRows))]
      : [h('p', {}, `v${b} 没有删除任何元素：实例按编号对应 (same ids map by themselves)`)]),
    h('table', { class: 'instances' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, '业务编号 Case'), h('th', {}, '开始 Started'), h('th', {}, '当前环节 Active'), h('th', {}, ''), h('th', {}, '结果 Result'))),
      h('tbody', {}, ...instanceRows)),
    h('div', { class: 'toolbar' }, check, run, status),
  );
}
