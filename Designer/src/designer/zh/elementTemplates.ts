/**
 * zh-CN for bpmn-js-element-templates (cloud templates: the template group, property validation, connector
 * configurations), @bpmn-io/element-template-chooser and the templates in the create/append menus
 * (bpmn-js-create-append-anything).
 */
const zh: Record<string, string> = {
  // @bpmn-io/element-template-chooser/src/ElementTemplateChooser.js
  'Choose element template': '选择元素模板',
  // bpmn-js-element-templates/src/cloud-element-templates/properties-panel/ElementTemplatesPropertiesProvider.js
  'Template': '模板',
  // bpmn-js-element-templates/src/cloud-element-templates/properties-panel/properties/custom-properties/ConfigurationProperty.js
  'Could not load configurations': '无法加载配置',
  'Incompatible configuration type': '配置类型不兼容',
  'Version {version} · Requires version {minimumVersion}+': '版本 {version} · 需要 {minimumVersion} 或更高版本',
  'Not found on cluster': '集群中未找到',
  'Configuration not found': '未找到配置',
  'No cluster connected': '未连接集群',
  'Configuration': '配置',
  'More actions': '更多操作',
  'Edit': '编辑',
  'Upgrade': '升级版本',
  'Unset': '清除',
  'Choose {configuration}': '选择{configuration}',
  'Refreshing configurations...': '正在刷新配置…',
  'Configurations': '配置列表',
  'Loading...': '加载中…',
  'No compatible configurations are available in the connected cluster': '已连接的集群中没有兼容的配置',
  // bpmn-js-element-templates/src/cloud-element-templates/properties-panel/properties/custom-properties/NumberProperty.js
  'Scientific notation is disallowed in FEEL.': 'FEEL 中不允许使用科学计数法。',
  // bpmn-js-element-templates/src/cloud-element-templates/properties-panel/properties/custom-properties/index.js
  'Custom properties': '自定义属性',
  // bpmn-js-element-templates/src/cloud-element-templates/util/propertyUtil.js
  '{label} must not be empty.': '{label}不能为空。',
  'Must not be empty.': '不能为空。',
  '{label} cannot exceed {maxLength} characters.': '{label}不能超过 {maxLength} 个字符。',
  'Cannot exceed {maxLength} characters.': '不能超过 {maxLength} 个字符。',
  '{label} must be at least {minLength} characters.': '{label}至少要 {minLength} 个字符。',
  'Must be at least {minLength} characters.': '至少要 {minLength} 个字符。',
  '{label} {message}': '{label}{message}',
  '{label} must match pattern {pattern}.': '{label}必须符合格式 {pattern}。',
  'Must match pattern {pattern}.': '必须符合格式 {pattern}。',
  // bpmn-js-element-templates/src/components/ElementTemplatesGroup.js
  'Select': '选择',
  'Change': '更换',
  'Unlink': '解除关联',
  'Applied': '已应用',
  'Remove': '移除',
  'Not found': '未找到',
  'The template applied was not found. Therefore, its properties cannot be shown. Unlink to access the data.': '找不到所应用的模板，因此无法显示其属性。解除关联后可访问数据。',
  'Update available': '有可用更新',
  'Incompatible': '不兼容',
  'A new version of the template is available: {templateVersion}': '模板有新版本：{templateVersion}',
  'A version of this template is available that supports your environment: {templateVersion}': '此模板有支持当前环境的版本：{templateVersion}',
  'Deprecated': '已弃用',
  'This template is deprecated.': '此模板已弃用。',
  'No compatible version of this template was found for your environment. Unlink to access the template’s data.': '没有找到此模板适用于当前环境的版本。解除关联后可访问模板的数据。',
  // bpmn-js-element-templates/src/components/TemplateProps.js
  'Version': '版本',
  'Description': '描述',
  // bpmn-js-create-append-anything/dist/index.es.js: the create/append menus (N, A; context pad), their groups, and the
  // catalogue's templates in them (CreateAppendElementTemplatesModule)
  'Append element': '追加元素',
  'Create element': '创建元素',
  'Templates': '模板',
  'Events': '事件',
  'Tasks': '任务',
  'Gateways': '网关',
  'Sub-processes': '子流程',
  'Data': '数据',
  'Participants': '参与者',
};

export default zh;
