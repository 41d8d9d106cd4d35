import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';

type Moddle = { $type: string; get(name: string): unknown; values?: Moddle[]; properties?: Moddle[]; name?: string; value?: string };
type Element = { businessObject: Moddle & { extensionElements?: Moddle } };
type Service = Record<string, (...args: unknown[]) => unknown>;
type Role = { id: string; name: string };
type Group = { id: string; label?: string; entries: { id: string; component?: unknown; isEdited?: unknown }[] };
type DeployedForm = { id: string; name: string; version: number };

/** The user task's linked form id (`zeebe:formDefinition formId`), or ''. */
function formId(element: Element): string {
  const definition = element.businessObject.extensionElements?.values?.find((v) => v.$type === 'zeebe:FormDefinition');
  return String(definition?.get('formId') ?? '');
}

/** Links a deployed form (`zeebe:formDefinition formId`, replacing an embedded or external one), or removes the link for ''. */
function writeFormId(element: Element, id: string, commandStack: Service, factory: Service): void {
  const extensions = element.businessObject.extensionElements;
  if (!id) {
    if (!extensions) return;
    commandStack.execute('element.updateModdleProperties', { element, moddleElement: extensions,
      properties: { values: (extensions.values ?? []).filter((v) => v.$type !== 'zeebe:FormDefinition' && v.$type !== 'zeebe:UserTaskForm') } });
    return;
  }
  const [definition, commands] = extension(element, 'zeebe:FormDefinition', {}, factory);
  execute(commandStack, element, commands, definition, { formId: id, formKey: undefined, externalReference: undefined });
}

/** The deployed forms (`GET /api/forms`) as a select of the Zeebe "表单" group: the way to link a user task's form. */
function FormEntry(forms: DeployedForm[]) {
  return function Component(props: { element: Element; id: string }) {
    const commandStack = useService('commandStack') as Service;
    const factory = useService('bpmnFactory') as Service;
    return h(SelectEntry, {
      element: props.element, id: props.id, label: '已部署的表单（Pipeline）',
      description: '选择后任务以该表单办理；修改表单请到「流程设计 › 表单」',
      getValue: () => formId(props.element),
      setValue: (value: string) => writeFormId(props.element, value, commandStack, factory),
      getOptions: () => {
        const current = formId(props.element);
        const known = forms.some((f) => f.id === current);
        return [{ value: '', label: '（无表单）' },
          ...(current && !known ? [{ value: current, label: `${current}（未部署）` }] : []),
          ...forms.map((f) => ({ value: f.id, label: `${f.name}（${f.id} v${f.version}）` }))];
      },
    });
  };
}

/** The value of the `zeebe:property` named <name>, or undefined. */
function read(element: Element, name: string): string | undefined {
  const properties = element.businessObject.extensionElements?.values?.find((v) => v.$type === 'zeebe:Properties');
  return properties?.properties?.find((p) => p.name === name)?.value;
}

type Command = { cmd: string; context: Record<string, unknown> };

/**
 * The element's extension element of <type> (e.g. `zeebe:Properties`), and the commands that create it and
 * `bpmn:extensionElements` when they are missing (executed with the change itself, as one undoable step).
 */
function extension(element: Element, type: string, init: Record<string, unknown>, factory: Service): [Moddle, Command[]] {
  const bo = element.businessObject;
  const commands: Command[] = [];
  let extensions = bo.extensionElements;
  if (!extensions) {
    extensions = factory.create('bpmn:ExtensionElements', { values: [] }) as Moddle;
    (extensions as Moddle & { $parent?: unknown }).$parent = bo;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements: extensions } } });
  }
  let found = extensions.values?.find((v) => v.$type === type);
  if (!found) {
    found = factory.create(type, init) as Moddle;
    (found as Moddle & { $parent?: unknown }).$parent = extensions;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensions, properties: { values: [...(extensions.values ?? []), found] } } });
  }
  return [found, commands];
}

/** Runs <commands> and the update of <target>'s <properties> as one undoable step. */
function execute(commandStack: Service, element: Element, commands: Command[], target: Moddle, properties: Record<string, unknown>): void {
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: target, properties } });
  commandStack.execute('properties-panel.multi-command-executor', commands);
}

/** Sets (or, for an empty value, removes) the `zeebe:property` named <name>, creating its containers, as one undoable step. */
function write(element: Element, name: string, value: string | undefined, commandStack: Service, factory: Service): void {
  const [properties, commands] = extension(element, 'zeebe:Properties', { properties: [] }, factory);
  const others = (properties.properties ?? []).filter((p) => p.name !== name);
  const next = value ? [...others, factory.create('zeebe:Property', { name, value }) as Moddle] : others;
  execute(commandStack, element, commands, properties, { properties: next });
}

/** The user task's `zeebe:assignmentDefinition` candidate groups as a list (empty for none). */
function candidateGroups(element: Element): string[] {
  const assignment = element.businessObject.extensionElements?.values?.find((v) => v.$type === 'zeebe:AssignmentDefinition');
  const value = assignment?.get('candidateGroups');
  return typeof value === 'string' && value.trim() ? value.split(',').map((g) => g.trim()).filter(Boolean) : [];
}

/** Sets `zeebe:assignmentDefinition candidateGroups`, creating the containers, as one undoable step. */
function writeCandidateGroups(element: Element, groups: string[], commandStack: Service, factory: Service): void {
  const [assignment, commands] = extension(element, 'zeebe:AssignmentDefinition', {}, factory);
  execute(commandStack, element, commands, assignment, { candidateGroups: groups.length ? groups.join(',') : undefined });
}

/** One product role as a checkbox of the user task's candidate groups; disabled while the groups are a FEEL expression. */
function RoleEntry(role: Role) {
  return function Component(props: { element: Element; id: string }) {
    const commandStack = useService('commandStack') as Service;
    const factory = useService('bpmnFactory') as Service;
    const assignment = props.element.businessObject.extensionElements?.values?.find((v) => v.$type === 'zeebe:AssignmentDefinition');
    const expression = String(assignment?.get('candidateGroups') ?? '').startsWith('=');
    return h(CheckboxEntry, {
      element: props.element, id: props.id, label: `${role.name}（${role.id}）`, disabled: expression,
      getValue: () => candidateGroups(props.element).includes(role.id),
      setValue: (on: boolean) => {
        const others = candidateGroups(props.element).filter((g) => g !== role.id);
        writeCandidateGroups(props.element, on ? [...others, role.id] : others, commandStack, factory);
      },
    });
  };
}

function Entry(kind: 'checkbox' | 'text', name: string, label: string, description: string) {
  return function Component(props: { element: Element; id: string }) {
    const commandStack = useService('commandStack') as Service;
    const factory = useService('bpmnFactory') as Service;
    const debounce = useService('debounceInput') as (f: unknown) => unknown;
    const common = { element: props.element, id: props.id, label, description };
    return kind === 'checkbox'
      ? h(CheckboxEntry, { ...common,
          getValue: () => read(props.element, name) === 'true',
          setValue: (v: boolean) => write(props.element, name, v ? 'true' : undefined, commandStack, factory) })
      : h(TextFieldEntry, { ...common, debounce,
          getValue: () => read(props.element, name) ?? '',
          setValue: (v: string) => write(props.element, name, v?.trim() || undefined, commandStack, factory) });
  };
}

/**
 * The properties panel's group for our `pipeline:` rules (zeebe:properties the engine reads): on user tasks co-signing by
 * distinct people (`pipeline:distinctAssignees`, R-QJ-8) and segregation of duties (`pipeline:notCompletedBy`, R-YN-10);
 * on service tasks the retry back-off (`pipeline:retryBackoff`, ISO 8601 duration). Also offers the product's roles
 * (`config.pipeline.roles`, from `GET /api/admin/roles`) as checkboxes for a user task's candidate groups.
 */
class PipelinePropertiesProvider {
  static $inject = ['propertiesPanel', 'config.pipeline'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }, private readonly config: { roles: Role[]; forms?: DeployedForm[] } | undefined) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: Element & { type?: string }) {
    return (groups: Group[]) => {
      // Candidate groups chosen from the product's roles, under the Zeebe "Assignment" group's own (FEEL) field.
      const assignment = groups.find((g) => g.id === 'assignmentDefinition');
      const roles = this.config?.roles ?? [];
      if (assignment && roles.length) {
        const at = assignment.entries.findIndex((e) => e.id === 'assignmentDefinitionCandidateGroups') + 1 || assignment.entries.length;
        assignment.entries.splice(at, 0, ...roles.map((role) => ({ id: `pipeline-role-${role.id}`, component: RoleEntry(role), isEdited: isCheckboxEntryEdited })));
      }
      // The user task's form picked from the deployed forms, at the top of the Zeebe "Form" group.
      const form = groups.find((g) => g.id === 'form');
      if (form && element.businessObject.$type === 'bpmn:UserTask' && this.config?.forms) {
        form.entries.unshift({ id: 'pipeline-form', component: FormEntry(this.config.forms), isEdited: isSelectEntryEdited });
      }
      const entries =
        element.businessObject.$type === 'bpmn:UserTask'
          ? [
              { id: 'pipeline-distinct', component: Entry('checkbox', 'pipeline:distinctAssignees', '会签人须各不相同', '多实例会签时，每一份签批须由不同的人完成（R-QJ-8）'), isEdited: isCheckboxEntryEdited },
              { id: 'pipeline-not-completed-by', component: Entry('text', 'pipeline:notCompletedBy', '不得由办理过以下任务的人办理', '任务编号，逗号分隔，例如 Task_Handle,Task_Approve（R-YN-10 岗位分离）'), isEdited: isTextFieldEntryEdited },
            ]
          : element.businessObject.$type === 'bpmn:ServiceTask'
            ? [{ id: 'pipeline-backoff', component: Entry('text', 'pipeline:retryBackoff', '重试间隔', 'ISO 8601 时长，如 PT10S；每次重试加倍'), isEdited: isTextFieldEntryEdited }]
            : [];
      if (entries.length) groups.push({ id: 'pipeline', label: '办理规则 Pipeline', entries });
      return groups;
    };
  }
}

export const pipelinePropertiesModule = {
  __init__: ['pipelinePropertiesProvider'],
  pipelinePropertiesProvider: ['type', PipelinePropertiesProvider],
};
