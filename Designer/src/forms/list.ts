import { h, bi, appLink } from '../dom';
import { listForms } from './api';

function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `/designer/forms` (administrators): every deployed task form, its latest version, who deployed it and when; open one in the editor or create one. */
export async function renderFormList(app: HTMLElement, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 表单 Forms';
  const forms = await listForms();
  const link = (path: string, ...text: (string | HTMLElement)[]) => appLink(path, navigate, {}, ...text);
  const create = h('button', { type: 'button', class: 'primary' }, ...bi('新建表单', 'New form'));
  create.addEventListener('click', () => navigate('/designer/forms/new'));
  app.replaceChildren(h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('div', {}, link('/designer', ...bi('← 流程定义', 'Definitions')), h('h2', {}, ...bi('表单', 'Forms'))), create),
    h('p', { class: 'muted' }, '人工任务以表单编号（zeebe:formDefinition formId）引用表单；修改后部署即成为新版本，任务按最新版本填写。 ',
      h('small', {}, 'User tasks name a form by its id; each deployment is a new version.')),
    forms.length === 0 ? h('p', { class: 'empty' }, '尚无表单 (no forms)') : h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, '表单 Form'), h('th', {}, '最新版本 Latest'), h('th', {}, '部署人 Deployed by'), h('th', {}, '版本数 Versions'))),
      h('tbody', {}, ...forms.map((f) => h('tr', {},
        h('td', {}, link(`/designer/forms/${encodeURIComponent(f.latest.formId)}`, f.latest.name), h('div', { class: 'muted' }, h('code', {}, f.latest.formId))),
        h('td', {}, `v${f.latest.version}`),
        h('td', {}, f.latest.deployedBy, h('div', { class: 'muted' }, when(f.latest.deployedAt))),
        h('td', {}, String(f.versions))))))));
}
