/**
 * zh-CN for the properties panel: @bpmn-io/properties-panel (lists, groups, FEEL fields) and bpmn-js-properties-panel
 * (placeholders, ID validation and the BPMN provider: general, documentation, events, multi-instance, timers).
 */
const zh: Record<string, string> = {
  // @bpmn-io/properties-panel/src/components/Group.js
  'Toggle section': '展开/折叠此分组',
  'Section contains an error': '此分组有错误',
  'Section contains edits': '此分组有改动',
  // @bpmn-io/properties-panel/src/components/Header.js
  'Open documentation': '打开文档',
  // @bpmn-io/properties-panel/src/components/ListGroup.js
  'Create': '新建',
  'Create new list item': '新建列表项',
  'List contains {numOfItems} items': '列表共 {numOfItems} 项',
  'List contains {numOfItems} item': '列表共 {numOfItems} 项',
  // @bpmn-io/properties-panel/src/components/OpenPopupButton.js
  'Open pop-up editor': '在弹出编辑器中打开',
  // @bpmn-io/properties-panel/src/components/entries/Collapsible.js
  '<empty>': '<空>',
  'Toggle list item': '展开/折叠此项',
  'Delete item': '删除此项',
  // @bpmn-io/properties-panel/src/components/entries/FEEL/Feel.js
  'Unparsable FEEL expression.': '无法解析的 FEEL 表达式。',
  // @bpmn-io/properties-panel/src/components/entries/FEEL/FeelEditor.js
  'Opened in editor': '已在编辑器中打开',
  // @bpmn-io/properties-panel/src/components/entries/FEEL/FeelIcon.js
  'FEEL expression is mandatory': '必须使用 FEEL 表达式',
  'Click to remove dynamic value with FEEL expression': '点击移除 FEEL 表达式动态值',
  'Click to set a dynamic value with FEEL expression': '点击用 FEEL 表达式设置动态值',
  // @bpmn-io/properties-panel/src/components/entries/JsonEditor.js
  'JSON contains errors': 'JSON 有错误',
  // bpmn-js-properties-panel/src/provider/bpmn/BpmnPropertiesProvider.js
  'General': '常规',
  'Compensation': '补偿',
  'Documentation': '说明',
  'Error': '错误',
  'Message': '消息',
  'Signal': '信号',
  'Link': '链接',
  'Escalation': '升级',
  'Timer': '定时器',
  'Multi-instance': '多实例',
  'Completion': '完成',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/AdHocCompletionProps.js
  'Completion condition': '完成条件',
  'Cancel remaining instances': '取消其余实例',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/CompensationProps.js
  'Wait for completion': '等待完成',
  '<none>': '<无>',
  'Activity reference': '活动引用',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/DocumentationProps.js
  'Element documentation': '元素说明',
  'Process documentation': '流程说明',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/ErrorProps.js
  'Create new ...': '新建…',
  'Global error reference': '全局错误引用',
  'Name': '名称',
  'Code': '代码',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/EscalationProps.js
  'Global escalation reference': '全局升级引用',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/ExecutableProps.js
  'Executable': '可执行',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/IdProps.js
  'Participant ID': '参与者编号',
  'ID': '编号 ID',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/MessageProps.js
  'Global message reference': '全局消息引用',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/MultiInstanceProps.js
  'Loop cardinality': '循环次数',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/NameProps.js
  'Participant Name': '参与者名称',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/ProcessProps.js
  'Process name': '流程名称',
  'Process ID': '流程编号',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/SignalProps.js
  'Global signal reference': '全局信号引用',
  // bpmn-js-properties-panel/src/provider/bpmn/properties/TimerProps.js
  'Date': '日期',
  'Duration': '时长',
  'Cycle': '周期',
  'Type': '类型',
  'Value': '值',
  'A specific point in time defined as ISO 8601 combined date and time representation.': '以 ISO 8601 日期时间格式表示的具体时间点。',
  'UTC time': 'UTC 时间',
  'UTC plus 2 hours zone offset': 'UTC 加 2 小时的时区偏移',
  'Documentation: Timer events': '文档：定时器事件',
  'A cycle defined as ISO 8601 repeating intervals format.': '以 ISO 8601 重复间隔格式表示的周期。',
  'every 10 seconds, up to 5 times': '每 10 秒一次，最多 5 次',
  'every day, infinitely': '每天一次，无限重复',
  'A time duration defined as ISO 8601 durations format.': '以 ISO 8601 时长格式表示的一段时间。',
  '15 seconds': '15 秒',
  '1 hour and 30 minutes': '1 小时 30 分钟',
  '14 days': '14 天',
  // bpmn-js-properties-panel/src/render/PanelPlaceholderProvider.js
  'Select an element to edit its properties.': '选择一个元素以编辑其属性。',
  'Multiple elements are selected. Select a single element to edit its properties.': '已选中多个元素。请只选一个元素来编辑其属性。',
  // bpmn-js-properties-panel/src/utils/ValidationUtil.js
  'ID must not be empty.': '编号不能为空。',
  'ID must be unique.': '编号必须唯一。',
  'ID must not contain spaces.': '编号不能包含空格。',
  'ID must not contain prefix.': '编号不能包含前缀。',
  'ID must be a valid QName.': '编号必须是有效的 QName。',
};

export default zh;
