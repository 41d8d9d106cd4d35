import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { h } from '../dom';
import type { StageCounts } from './api';

interface Overlays { add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement; scale?: boolean }): void; clear(): void }

/**
 * The process diagram with Camunda Operate-like badges: per element, the cases waiting there (green, active) and
 * those with an incident (red). A badge is a real button (keyboard, screen reader): it calls `select` with the
 * element id; the selected stage is outlined.
 */
export async function showStageBadges(
  container: HTMLElement, xml: string, counts: StageCounts, selected: string, select: (elementId: string) => void,
): Promise<void> {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  // A file with several processes (a parent and its children) has a diagram per process: show the counted one's.
  const definitions = viewer.getDefinitions() as { diagrams?: { plane?: { bpmnElement?: { id?: string } } }[] };
  const diagram = definitions.diagrams?.find((d) => d.plane?.bpmnElement?.id === counts.process);
  if (diagram && diagram !== definitions.diagrams?.[0]) await viewer.open(diagram as never);
  const canvas = viewer.get('canvas') as { zoom(level: string): void; addMarker(id: string, m: string): void };
  const registry = viewer.get('elementRegistry') as { get(id: string): unknown };
  const overlays = viewer.get('overlays') as Overlays;
  for (const s of counts.stages) {
    if (!registry.get(s.elementId)) continue;
    const label = `${s.name}：${s.active} 件进行中${s.incidents ? `，${s.incidents} 件有故障` : ''}，点击筛选 (${s.active} active${s.incidents ? `, ${s.incidents} incidents` : ''}; filter by this stage)`;
    const button = h('button', { type: 'button', class: 'stage-badge', 'aria-label': label, title: label, 'data-stage': s.elementId, 'aria-pressed': String(selected === s.elementId) },
      h('span', { class: 'count-active' }, String(s.active)),
      s.incidents ? h('span', { class: 'count-incident' }, String(s.incidents)) : null);
    button.addEventListener('click', () => select(s.elementId));
    // Not scaled with the diagram: the count stays readable when a wide process is fitted to a phone's width.
    overlays.add(s.elementId, 'stage-count', { position: { bottom: 12, left: -8 }, html: button, scale: false });
    if (selected === s.elementId) canvas.addMarker(s.elementId, 'pl-selected');
  }
  canvas.zoom('fit-viewport');
}
