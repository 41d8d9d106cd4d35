/**
 * zh-CN for bpmn-js-bpmnlint and the messages of the bpmnlint rules src/designer/lint.ts configures.
 */
const zh: Record<string, string> = {
  // bpmn-js-bpmnlint/lib/Linting.js
  'Issues for child elements': '子元素的问题',
  '{errors} Errors, {warnings} Warnings': '{errors} 个错误，{warnings} 个警告',
  'No Issues': '没有问题',
  'Toggle linting overlays': '显示/隐藏检查标记',
  // bpmnlint/rules/*: the rules src/designer/lint.ts configures
  'Sub process is missing end event': '子流程缺少结束事件',
  'Process is missing end event': '流程缺少结束事件',
  'Incoming flows do not join': '多条传入顺序流没有经网关合并',
  'Element is missing label/name': '元素缺少标签/名称',
  'Element is not connected': '元素未连接',
  'SequenceFlow is a duplicate': '顺序流重复',
  'Duplicate outgoing sequence flows': '传出顺序流重复',
  'Duplicate incoming sequence flows': '传入顺序流重复',
  'Flow splits implicitly': '隐式分支：多条传出顺序流未经网关',
  'Sub process is missing start event': '子流程缺少开始事件',
  'Process is missing start event': '流程缺少开始事件',
  'Gateway is superfluous. It only has one source and target.': '网关多余：它只有一个来源和一个目标。',
};

export default zh;
