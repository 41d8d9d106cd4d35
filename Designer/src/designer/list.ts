import { h, bi } from '../dom';
import { listDefinitions, type DefinitionVersion } from './api';

function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `/designer`: every process with its versions, who deployed each and when, running instances per version; open one, compare the last two, or start a new definition. */
export async function renderDefinitionList(app: HTMLElement, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 流程设计 Designer';
  const versions = await listDefinitions();
  const byProcess = new Map<string, DefinitionVersion[]>();
  for (const v of versions) byProcess.set(v.processId, [...(byProcess.get(v.processId) ?? []), v]);
  const link = (path: string, text: string) => {
    const a = h('a', { href: path }, text);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      navigate(path);
    });
    return a;
  };
  const rows = [...byProcess.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, list]) => {
      const sorted = list.sort((a, b) => b.version - a.version);
      const latest = sorted[0];
      return h(
        'tr',
        {},
        h('td', {}, link(`/designer/${encodeURIComponent(id)}`, latest.name ?? id), h('div', { class: 'muted' }, h('code', {}, id))),
        h('td', {}, `v${latest.version}`),
        h('td', {}, latest.deployedBy, h('div', { class: 'muted' }, when(latest.deployedAt))),
        h('td', {}, String(sorted.reduce((n, v) => n + v.running, 0))),
        h('td', { class: 'versions' }, ...sorted.map((v) => h('span', { class: 'version' }, link(`/designer/${encodeURIComponent(id)}/${v.version}`, `v${v.version}`),
          v.running ? h('small', { class: 'running', title: `${v.running} 个运行中的实例 (running)` }, ` ${v.running}`) : '')),
          sorted.length > 1 ? link(`/designer/${encodeURIComponent(id)}/compare/${sorted[1].version}/${latest.version}`, `对比 v${sorted[1].version}–v${latest.version}`) : ''),
      );
    });
  const create = h('button', { type: 'button', class: 'primary' }, ...bi('新建流程', 'New definition'));
  create.addEventListener('click', () => navigate('/designer/new'));
  const forms = link('/designer/forms', '表单 Forms');
  app.replaceChildren(
    h(
      'section',
      { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, ...bi('流程定义', 'Definitions')), h('div', { class: 'toolbar' }, forms, create)),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, '流程 Process'), h('th', {}, '最新版本 Latest'), h('th', {}, '部署人 Deployed by'), h('th', {}, '运行中 Running'), h('th', {}, '全部版本 Versions（右下角为运行中实例数）'))),
        h('tbody', {}, ...rows),
      ),
    ),
  );
}
