import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { CaseView } from './api';

export interface Markers {
  done: Set<string>;
  waiting: Set<string>;
  incident: Set<string>;
}

/** Which elements are finished (history), waiting (open bookmarks) and in incident. */
export function markersOf(view: CaseView): Markers {
  const done = new Set<string>();
  for (const h of view.history) {
    if ((h.kind === 'node-entered' || h.kind === 'flow-taken') && h.nodeId) done.add(h.nodeId);
  }
  const waiting = new Set(view.waiting.map((w) => w.nodeId));
  const incident = new Set(view.incidents.map((i) => i.nodeId));
  for (const id of waiting) done.delete(id);
  for (const id of incident) {
    done.delete(id);
    waiting.delete(id);
  }
  return { done, waiting, incident };
}

/**
 * <centered>: fitted with a margin and centred (a small panel, e.g. the task page's), rather than fitted to the top left.
 * <focus>: an element kept readable: when fitting the whole diagram makes it smaller than 3/4 scale, the view is zoomed
 * to 3/4 around that element instead (the rest is a drag or a scroll away).
 */
export async function showDiagram(
  container: HTMLElement, xml: string, markers: Markers, options: { centered?: boolean; focus?: string } = {},
): Promise<string[]> {
  const viewer = new NavigatedViewer({ container });
  const { warnings } = await viewer.importXML(xml);
  const canvas = viewer.get('canvas') as {
    addMarker(id: string, marker: string): void;
    zoom(level?: string | number, center?: 'auto'): number;
    viewbox(box?: { x: number; y: number; width: number; height: number }): { outer: { width: number; height: number } };
  };
  const registry = viewer.get('elementRegistry') as { get(id: string): unknown };
  const add = (ids: Set<string>, marker: string) => {
    for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
  };
  add(markers.done, 'pl-done');
  add(markers.waiting, 'pl-waiting');
  add(markers.incident, 'pl-incident');
  canvas.zoom('fit-viewport', options.centered ? 'auto' : undefined);
  if (options.centered) canvas.zoom(canvas.zoom() * 0.9, 'auto');
  const focus = options.focus ? (registry.get(options.focus) as { x: number; y: number; width: number; height: number } | undefined) : undefined;
  if (focus && canvas.zoom() < 0.75) {
    // The visible box, in diagram coordinates, at 3/4 scale around the element's centre.
    const { outer } = canvas.viewbox();
    const width = outer.width / 0.75;
    const height = outer.height / 0.75;
    canvas.viewbox({ x: focus.x + focus.width / 2 - width / 2, y: focus.y + focus.height / 2 - height / 2, width, height });
  }
  return warnings.map((w: unknown) => (w as { message?: string }).message ?? String(w));
}
