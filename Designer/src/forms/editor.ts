import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { ApiError } from '../http';
import { h, bi, appLink } from '../dom';
import { deployForm, getForm, type FormSchema } from './api';

/**
 * The palette's field names in Chinese with the English after. form-js-editor 1.23 has no translation service; its
 * palette and panel headers read each field type's `config.name` from the `formFields` registry, which is set here.
 * (The palette's group titles and the properties panel stay English.)
 */
const fieldNames: Record<string, string> = {
  textfield: '文本框 Text field', textarea: '多行文本 Text area', number: '数字 Number', datetime: '日期时间 Date time',
  expression: '表达式 Expression', filepicker: '文件选择 File picker', checkbox: '复选框 Checkbox', checklist: '多选 Checkbox group',
  radio: '单选 Radio group', select: '下拉选择 Select', taglist: '标签 Tag list', text: '文字 Text view', html: 'HTML',
  image: '图片 Image view', table: '表格 Table', iframe: '内嵌页面 iFrame', documentPreview: '文档预览 Document preview',
  group: '分组 Group', dynamiclist: '动态列表 Dynamic list', separator: '分隔线 Separator', spacer: '间距 Spacer', button: '按钮 Button',
};

function translateFieldNames(editor: FormEditor): void {
  const registry = editor.get('formFields') as { _formFields: Record<string, { config: { name?: string } }> };
  for (const [type, field] of Object.entries(registry._formFields)) if (fieldNames[type]) field.config.name = fieldNames[type];
}

/** A new form's starting schema: a title and one field. */
function blank(): FormSchema {
  const id = `form-${Date.now().toString(36)}`;
  return {
    id, type: 'default', executionPlatform: 'Camunda Cloud', executionPlatformVersion: '8.6.0',
    components: [{ type: 'text', id: 'Text_title', text: '# 新表单' }, { type: 'textfield', id: 'Field_note', key: 'note', label: '备注' }],
  };
}

/**
 * `/designer/forms/{formId}` (or `/designer/forms/new`, administrators): the form in @bpmn-io/form-js-editor (palette,
 * canvas, properties; the editor's own panels are English, form-js-editor 1.23 has no translation hook) with the
 * form's id and 部署 (deploy): the server checks the schema and answers with the new version, or says in Chinese what
 * is wrong.
 */
export async function renderFormEditor(app: HTMLElement, formId: string | null, navigate: (path: string) => void): Promise<void> {
  document.title = `Pipeline · 表单 ${formId ?? '新建'}`;
  const back = appLink('/designer/forms', navigate, {}, ...bi('← 表单', 'Forms'));
  const loaded = formId ? await getForm(formId) : null;
  const schema = loaded?.schema ?? blank();
  const idInput = h('input', { type: 'text', id: 'form-id', value: schema.id, required: '', pattern: '[A-Za-z_][A-Za-z0-9_.\\-]*', 'aria-describedby': 'form-id-help' }) as HTMLInputElement;
  if (loaded) idInput.readOnly = true;
  const deploy = h('button', { type: 'button', class: 'primary' }, ...bi('部署', 'Deploy')) as HTMLButtonElement;
  const status = h('p', { class: 'form-message', role: 'status' });
  const heading = h('h2', {}, loaded ? `${loaded.name} v${loaded.version}` : '新建表单', ' ', h('small', {}, 'Form'));
  const canvas = h('div', { class: 'form-editor', 'aria-label': '表单编辑器 Form editor' });
  app.replaceChildren(h('section', { class: 'card form-designer' },
    h('div', { class: 'card-head' },
      h('div', {}, back, heading),
      h('div', { class: 'toolbar' }, deploy)),
    h('div', { class: 'form-id' }, h('label', { for: idInput.id }, ...bi('表单编号', 'Form id')), idInput,
      h('small', { id: 'form-id-help', class: 'muted' }, '人工任务以此编号引用表单（字母、数字、_ . -）')),
    status, canvas));

  const editor = new FormEditor({ container: canvas });
  translateFieldNames(editor);
  await editor.importSchema(schema);
  let dirty = false;
  editor.on('changed', () => {
    dirty = true;
    status.className = 'form-message';
    status.textContent = '有未部署的修改 (unsaved changes)';
  });

  deploy.addEventListener('click', async () => {
    const edited = editor.saveSchema() as FormSchema;
    edited.id = idInput.value.trim();
    deploy.disabled = true;
    status.textContent = '部署中… (deploying)';
    try {
      const version = await deployForm(edited);
      dirty = false;
      status.className = 'form-message ok';
      status.textContent = `已部署：${version.formId} 第 ${version.version} 版 (deployed v${version.version})`;
      heading.replaceChildren(`${version.name} v${version.version}`, ' ', h('small', {}, 'Form'));
      if (!formId) history.replaceState(null, '', `/designer/forms/${encodeURIComponent(version.formId)}`);
      idInput.readOnly = true;
    } catch (err) {
      const problem = (err as ApiError).problem;
      status.className = 'form-message error';
      status.textContent = `不能部署 (refused)：${String(problem?.messageZh ?? (err as Error).message)}`;
    } finally {
      deploy.disabled = false;
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty && document.contains(canvas)) e.preventDefault();
  });
}
