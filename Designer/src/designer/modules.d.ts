// bpmn-io modules without type declarations: the designer uses them through diagram-js's injector only.
declare module 'bpmn-js-properties-panel';
declare module 'bpmn-js-element-templates';
declare module '@bpmn-io/element-template-chooser';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
declare module 'bpmn-js-differ';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmnlint/rules/*';
declare module 'bpmnlint-utils';
declare module 'diagram-js-minimap';
declare module '@bpmn-io/properties-panel';
declare module '@bpmn-io/properties-panel/preact';
declare module '@bpmn-io/feel-lint';
declare module 'bpmn-js-create-append-anything';
