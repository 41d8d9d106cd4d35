import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import { CreateAppendAnythingModule, CreateAppendElementTemplatesModule } from 'bpmn-js-create-append-anything';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { ApiError } from '../http';
import { h, bi } from '../dom';
import { definitionXml, deploy, elementTemplates, listDefinitions, roles, validate, type DefinitionProblem, type Role } from './api';
import { zhTranslateModule } from './translate';
import lintModule from 'bpmn-js-bpmnlint';
import minimapModule from 'diagram-js-minimap';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import { debouncedLintingModule, lintConfig, withTemplates } from './lint';
import { ProblemsPanel, type LintIssues } from './problems';
import { pipelinePropertiesModule } from './pipelineProperties';
import { currentLang, setLang } from '../i18n';

type Service = Record<string, (...args: unknown[]) => unknown>;

/** A new definition: one start event, in the Zeebe dialect the engine reads. */
function blank(): string {
  const id = `Process_${Math.random().toString(36).slice(2, 9)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" targetNamespace="http://pipeline.example/bpmn"
  exporter="Pipeline designer" exporterVersion="1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.5.0">
  <bpmn:process id="${id}" name="新流程" isExecutable="true"><bpmn:startEvent id="StartEvent_1" name="开始" /></bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="${id}">
    <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

type Box = { x: number; y: number; width: number; height: number };
type ViewCanvas = { viewbox(box?: Box): Box & { inner: Box; outer: Box } };

/**
 * Fits the diagram in the canvas beside the palette (fit-viewport would put a wide diagram under it): at most 100 %,
 * 150 px kept free on the left and 24 px around, centred vertically.
 */
function fitBesidePalette(canvas: ViewCanvas): void {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height) return;
  const left = 150, pad = 24;
  const scale = Math.min((outer.width - left - pad) / inner.width, (outer.height - 2 * pad) / inner.height, 1);
  const width = outer.width / scale, height = outer.height / scale;
  canvas.viewbox({ x: inner.x - left / scale, y: inner.y - (height - inner.height) / 2, width, height });
}

/** The open modeler's guard against closing the tab with undeployed edits (one listener for the page). */
const beforeUnload: { current: (e: BeforeUnloadEvent) => void } = { current: () => undefined };
window.addEventListener('beforeunload', (e) => beforeUnload.current(e));

/** The keyboard shortcuts (bpmn-js's bindings; active while the canvas has focus), as a collapsible list. */
function shortcutHelp(): HTMLElement {
  const keys: [string, string][] = [
    ['Ctrl+Z', '撤销 Undo'], ['Ctrl+Y / Ctrl+Shift+Z', '重做 Redo'], ['Ctrl+F', '搜索元素 Find'], ['Ctrl+A', '全选 Select all'],
    ['Ctrl+C / Ctrl+V / Ctrl+X', '复制 / 粘贴 / 剪切'], ['Ctrl+D', '复制一份 Duplicate'], ['Delete', '删除所选 Delete'], ['E', '编辑名称 Edit label'],
    ['R', '替换类型 Replace'], ['H / L / S / C', '抓手 / 套索 / 空间 / 连线工具'], ['方向键 Arrows', '移动所选（Shift 加大步长）'],
    ['Ctrl + 滚轮 / Ctrl+= / Ctrl+-', '缩放 Zoom'], ['Ctrl+0', '恢复 100%'],
  ];
  return h('details', { class: 'shortcuts' }, h('summary', {}, ...bi('快捷键', 'Keyboard shortcuts (click the canvas first)')),
    h('dl', {}, ...keys.flatMap(([k, what]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, what)])));
}

/**
 * `/designer/{processId}[/{version}]` and `/designer/new`: bpmn-js's Modeler with the Zeebe properties panel, the
 * activity catalogue as element templates, zh-CN; the server's deploy-time validation shown on the canvas and in a
 * problems panel (a click selects the element); deploying is refused while problems stand.
 */
export async function renderModeler(app: HTMLElement, processId: string | null, version: number | null, navigate: (path: string) => void): Promise<void> {
  document.title = `Pipeline · 流程设计 ${processId ?? '新流程'}`;
  const status = h('span', { class: 'designer-status', role: 'status' });
  const problemsList = h('ul', { class: 'problems', 'aria-label': '问题 Problems' });
  const canvas = h('div', { class: 'designer-canvas' });
  const panel = h('div', { class: 'designer-panel' });
  const button = (zh: string, en: string, cls = '') => h('button', { type: 'button', class: cls }, ...bi(zh, en));
  const check = button('检查', 'Check');
  const deployButton = button('部署', 'Deploy', 'primary');
  const download = button('下载 XML', 'Download');
  const undo = button('撤销', 'Undo');
  const redo = button('重做', 'Redo');
  const find = button('搜索', 'Find');
  const english = currentLang() === 'en';
  // Named in the language it switches to, as language switches are (not through bi()).
  const language = h('button', { type: 'button' }, english ? '中文' : 'English', ' ', h('small', {}, english ? 'Chinese' : '英文'));
  // Edits not deployed yet survive the language switch (kept for this tab in sessionStorage) and are guarded on leaving.
  const draftKey = `pipeline:designer-draft:${location.pathname}`;
  let unsaved = false;
  let saveDraft: () => Promise<void> = async () => undefined;
  language.addEventListener('click', async () => {
    if (unsaved) await saveDraft();
    setLang(english ? 'zh-CN' : 'en');
    location.reload();
  });
  const upload = h('input', { type: 'file', accept: '.bpmn,.xml,application/xml', 'aria-label': '上传 BPMN XML', class: 'upload' }) as HTMLInputElement;
  const back = h('a', { href: '/designer' }, ...bi('← 全部流程', 'All definitions'));
  back.addEventListener('click', (e) => {
    e.preventDefault();
    if (!unsaved || window.confirm('有未部署的修改，确定离开？(Leave without deploying your changes?)')) navigate('/designer');
  });
  const title = h('h2', {}, processId ?? '新流程', version ? ` v${version}` : '', ' ', h('small', {}, processId ? 'Definition' : 'New definition'));
  app.replaceChildren(
    h('section', { class: 'card designer' },
      h('div', { class: 'card-head' }, h('div', {}, back, title),
        h('div', { class: 'toolbar' }, undo, redo, find, check, deployButton, download, upload, language, status)),
      h('div', { class: 'designer-body' }, canvas, panel),
      shortcutHelp(),
      h('h3', {}, ...bi('问题', 'Problems')), problemsList),
  );

  // Filled before the import; the properties panel reads it on every render.
  const pipeline = { roles: [] as Role[], forms: [] as { id: string; name: string; version: number }[] };
  const modeler = new Modeler({
    pipeline,
    container: canvas,
    propertiesPanel: { parent: panel },
    // bpmnlint while editing, debounced (debouncedLintingModule): the first lint runs after the diagram is drawn.
    linting: { bpmnlint: lintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule, ElementTemplateChooserModule, CreateAppendAnythingModule, CreateAppendElementTemplatesModule, ZeebeBehaviorsModule, lintModule, debouncedLintingModule, minimapModule, pipelinePropertiesModule,
      ...(english ? [] : [zhTranslateModule]),
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
  // For `./pipeline bench designer`. (A listener that returns a value stops the event: hence the braces.)
  (modeler.get('eventBus') as { once(e: string, f: () => void): void }).once('linting.completed', () => {
    performance.mark('pipeline:lint-done');
  });
  const get = (name: string) => modeler.get(name) as Service;

  let latestVersion = version;
  if (processId && !version) {
    const versions = (await listDefinitions()).filter((v) => v.processId === processId);
    latestVersion = versions.reduce((m, v) => Math.max(m, v.version), 0) || null;
  }
  const [xml, templates, productRoles, deployedForms] = await Promise.all([
    processId && latestVersion ? definitionXml(processId, latestVersion) : Promise.resolve(blank()),
    elementTemplates(),
    roles(),
    import('../forms/api').then((m) => m.listForms()).catch(() => []),
  ]);
  pipeline.roles.push(...productRoles);
  pipeline.forms.push(...deployedForms.map((f) => ({ id: f.latest.formId, name: f.latest.name, version: f.latest.version })));
  (get('elementTemplates').set as (t: unknown[]) => void)(templates);
  (get('linting').setLinterConfig as (c: unknown) => void)(withTemplates(templates));
  const draft = sessionStorage.getItem(draftKey);
  sessionStorage.removeItem(draftKey);
  await modeler.importXML(draft ?? xml);
  if (draft) {
    unsaved = true;
    status.textContent = '已恢复未部署的修改 (unsaved changes restored)';
  }
  fitBesidePalette(get('canvas') as unknown as ViewCanvas);
  // Ready to edit: imported, fitted, the properties panel attached (`./pipeline bench designer` reads this mark).
  performance.mark('pipeline:designer-ready');

  const problems = new ProblemsPanel(problemsList, get);
  (get('eventBus').on as (e: string, f: (e: { issues: LintIssues }) => void) => void)('linting.completed', (e) => problems.setLint(e.issues));
  const current = async () => ((await modeler.saveXML({ format: true })) as { xml: string }).xml;
  const runCheck = async () => {
    const found = (await validate(await current())).problems;
    problems.setServer(found);
    return found;
  };

  // Checking while editing: debounced, and never on the import path.
  let timer: number | undefined;
  saveDraft = async () => sessionStorage.setItem(draftKey, await current());
  beforeUnload.current = (e: BeforeUnloadEvent) => {
    if (unsaved && document.body.contains(canvas)) e.preventDefault();
  };
  (get('eventBus').on as (e: string, f: () => void) => void)('commandStack.changed', () => {
    unsaved = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runCheck().catch(() => undefined), 800);
  });
  check.addEventListener('click', () => void runCheck());
  const action = (name: string) => () => (get('editorActions').trigger as (a: string) => void)(name);
  undo.addEventListener('click', action('undo'));
  redo.addEventListener('click', action('redo'));
  find.addEventListener('click', action('find'));
  deployButton.addEventListener('click', async () => {
    await runCheck();
    // The lint as of now (its own update is debounced).
    problems.setLint(await (get('linting').lint as () => Promise<LintIssues>)());
    if (problems.errors > 0) {
      status.textContent = `有 ${problems.errors} 个错误，不能部署 (${problems.errors} error(s): not deployed)`;
      return;
    }
    try {
      const deployed = await deploy(await current());
      unsaved = false;
      const first = deployed[0];
      status.textContent = `已部署 ${first.processId} v${first.version} (deployed)`;
      navigate(`/designer/${encodeURIComponent(first.processId)}/${first.version}`);
    } catch (e) {
      const errors = ((e as ApiError).problem?.errors as DefinitionProblem[] | undefined) ?? [];
      if (errors.length) problems.setServer(errors);
      status.textContent = `部署被拒绝 (refused): ${(e as Error).message}`;
    }
  });
  download.addEventListener('click', async () => {
    const blob = new Blob([await current()], { type: 'application/xml' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `${processId ?? 'process'}.bpmn` });
    a.click();
    URL.revokeObjectURL(a.getAttribute('href')!);
  });
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (!file) return;
    if (unsaved && !window.confirm('载入文件将替换未部署的修改，继续？(Replace your undeployed changes?)')) {
      upload.value = '';
      return;
    }
    try {
      await modeler.importXML(await file.text());
      fitBesidePalette(get('canvas') as unknown as ViewCanvas);
      unsaved = true;
      status.textContent = `已载入 ${file.name}，尚未部署 (loaded, not deployed)`;
      await runCheck();
    } catch (e) {
      status.textContent = `无法打开 ${file.name}: ${(e as Error).message}`;
    }
  });
  await runCheck();
}
