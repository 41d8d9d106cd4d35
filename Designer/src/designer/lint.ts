import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import { is } from 'bpmnlint-utils';
import { lintExpression } from '@bpmn-io/feel-lint';
import { CloudElementTemplatesLinterPlugin } from 'bpmn-js-element-templates';

type Node = { id: string; $type: string; triggeredByEvent?: boolean; eventDefinitions?: { $type: string }[] };
type Reporter = { report(id: string, message: string): void };

/** What the engine executes (README "Workflow elements"); anything else is refused at deploy. */
const supported = new Set([
  'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ReceiveTask', 'bpmn:ManualTask', 'bpmn:Task',
  'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:EventBasedGateway', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent',
  'bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:SequenceFlow',
]);
const flowElement = ['bpmn:FlowNode', 'bpmn:SequenceFlow'];
const definitionsByEvent: Record<string, string[]> = {
  'bpmn:StartEvent': ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition'],
  'bpmn:EndEvent': ['bpmn:TerminateEventDefinition', 'bpmn:ErrorEventDefinition'],
  'bpmn:IntermediateCatchEvent': ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition'],
  'bpmn:BoundaryEvent': ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition', 'bpmn:ErrorEventDefinition'],
};

/** pipeline/supported-element: an element (or event kind) the engine does not run is an error naming it. */
function supportedElement() {
  function check(node: Node, reporter: Reporter) {
    if (!flowElement.some((t) => is(node, t))) return;
    if (!supported.has(node.$type)) {
      reporter.report(node.id, `引擎不支持 ${node.$type.replace('bpmn:', '')} (not supported by the engine)`);
      return;
    }
    if (node.$type === 'bpmn:SubProcess' && node.triggeredByEvent) reporter.report(node.id, '引擎不支持事件子流程 (event sub-processes are not supported)');
    const allowed = definitionsByEvent[node.$type];
    for (const d of node.eventDefinitions ?? [])
      if (allowed && !allowed.includes(d.$type))
        reporter.report(node.id, `引擎不支持 ${node.$type.replace('bpmn:', '')} 上的 ${d.$type.replace('bpmn:', '')} (not supported by the engine)`);
  }
  return { check };
}

type Moddle = { $type: string; $descriptor?: { properties: { name: string; isReference?: boolean }[] }; get?(name: string): unknown };

/** Where FEEL lives inside a flow element: its extension elements (zeebe:*), conditions, timers, loop characteristics. */
const feelContainers = new Set([
  'extensionElements', 'values', 'conditionExpression', 'eventDefinitions', 'loopCharacteristics', 'timeDuration', 'timeCycle', 'timeDate',
  'inputParameters', 'outputParameters', 'completionCondition', 'loopCardinality',
]);

/** Every `=`-prefixed value (a FEEL expression in Zeebe's dialect) under <value>, with its property name. */
function feelExpressions(value: unknown, found: [string, string][], depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) feelExpressions(v, found, depth + 1);
    return;
  }
  const element = value as Moddle;
  for (const p of element.$descriptor?.properties ?? []) {
    if (p.isReference) continue;
    const v = element.get ? element.get(p.name) : undefined;
    if (typeof v === 'string' && v.startsWith('=')) found.push([p.name, v.slice(1)]);
    else if (v && typeof v === 'object' && (feelContainers.has(p.name) || element.$type.startsWith('zeebe:'))) feelExpressions(v, found, depth + 1);
  }
}

/** pipeline/feel-syntax: a FEEL expression (`=…`) that does not parse is an error naming the property (@bpmn-io/feel-lint). */
function feelSyntax() {
  function check(node: Node, reporter: Reporter) {
    if (!flowElement.some((t) => is(node, t))) return;
    const found: [string, string][] = [];
    feelExpressions(node, found);
    for (const [property, expression] of found) {
      const error = lintExpression(expression).find((m: { severity: string }) => m.severity === 'error') as { message: string } | undefined;
      if (error) reporter.report(node.id, `FEEL 表达式有误（${property}: =${expression}）：${error.message}`);
    }
  }
  return { check };
}

const rules: Record<string, unknown> = {
  'bpmnlint/start-event-required': startEventRequired,
  'bpmnlint/end-event-required': endEventRequired,
  'bpmnlint/no-disconnected': noDisconnected,
  'bpmnlint/no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'bpmnlint/no-implicit-split': noImplicitSplit,
  'bpmnlint/fake-join': fakeJoin,
  'bpmnlint/superfluous-gateway': superfluousGateway,
  'bpmnlint/label-required': labelRequired,
  'bpmnlint-plugin-pipeline/supported-element': supportedElement,
  'bpmnlint-plugin-pipeline/feel-syntax': feelSyntax,
};

/**
 * The designer's bpmnlint configuration, bundled by hand (what bpmnlint-pack-config would generate): bpmnlint's
 * structural rules, our rule mirroring what the engine executes and a FEEL syntax check of every `=` expression. The server's validation stays the authority.
 */
export const lintConfig = {
  config: {
    rules: {
      'start-event-required': 'error',
      'end-event-required': 'error',
      'no-disconnected': 'error',
      'no-duplicate-sequence-flows': 'error',
      'no-implicit-split': 'warn',
      'fake-join': 'warn',
      'superfluous-gateway': 'warn',
      'label-required': 'warn',
      'pipeline/supported-element': 'error',
      'pipeline/feel-syntax': 'error',
    },
  },
  resolver: {
    resolveRule(pkg: string, name: string) {
      const rule = rules[`${pkg}/${name}`];
      if (!rule) throw new Error(`cannot resolve rule <${pkg}/${name}>`);
      return rule;
    },
    resolveConfig(pkg: string, name: string): never {
      throw new Error(`cannot resolve config <${name}> in <${pkg}>`);
    },
  },
};

/**
 * bpmn-js-bpmnlint 0.24 lints synchronously on every `import.done` and `elements.changed`, so a large diagram's first
 * paint waits for its lint. This module debounces the linter's update (300 ms after the last change), which takes the
 * first lint off the import path (it runs after the diagram is drawn) and lints a burst of edits once.
 */
class DebouncedLinting {
  static $inject = ['linting'];

  constructor(linting: { update(): void }) {
    const update = linting.update.bind(linting);
    let timer: number | undefined;
    linting.update = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 300);
    };
  }
}

export const debouncedLintingModule = { __init__: ['debouncedLinting'], debouncedLinting: ['type', DebouncedLinting] };

type Rule = () => { check(node: unknown, reporter: Reporter): void };
type LinterConfig = { config: { rules: Record<string, unknown> }; resolver: { resolveRule(pkg: string, name: string): unknown; resolveConfig(pkg: string, name: string): unknown } };

/** The element-template rules' English messages, in Chinese first (our templates use notEmpty and patterns only). */
function templateMessage(message: string): string {
  const empty = /^(.+) must not be empty\.$/.exec(message);
  if (empty) return `${empty[1]} 不能为空（${message}）`;
  const missing = /^Linked element template '(.+)'(.*) not found$/.exec(message);
  if (missing) return `关联的元素模板 ${missing[1]}${missing[2]} 不存在，请重新选择模板（${message}）`;
  return message;
}

/**
 * {@link lintConfig} plus bpmn-js-element-templates' bpmnlint plugin for <templates> (the catalogue): a templated
 * service task whose required input is empty, or whose template is unknown, is an error naming the input; reports
 * come in Chinese first. Set with `linting.setLinterConfig` once the templates are loaded.
 */
export function withTemplates(templates: unknown[]): LinterConfig {
  const plugin = CloudElementTemplatesLinterPlugin(templates) as LinterConfig;
  return {
    config: { rules: { ...lintConfig.config.rules, ...plugin.config.rules } },
    resolver: {
      resolveRule(pkg: string, name: string) {
        if (pkg !== 'bpmnlint-plugin-element-templates') return lintConfig.resolver.resolveRule(pkg, name);
        const rule = plugin.resolver.resolveRule(pkg, name) as (config: unknown) => ReturnType<Rule>;
        return (config: unknown) => {
          const { check } = rule(config);
          return {
            check: (node: unknown, reporter: Reporter & { report(id: string, message: string, path?: unknown): void }) =>
              check(node, { report: (id: string, message: string, path?: unknown) => reporter.report(id, templateMessage(message), path) } as Reporter),
          };
        };
      },
      resolveConfig: lintConfig.resolver.resolveConfig,
    },
  };
}
