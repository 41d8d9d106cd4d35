import { getCase, getDefinitionXml, getInstance, type CaseView, type Finding, type Me } from '../api';
import { h, type Child, bi, appLink } from '../dom';
import { listTasks, type TaskItem } from './api';
import { claimControl } from './claim';
import { workForm } from './work';

type ClassData = {
  occupation?: string; kind?: string; trainingMode?: string; startDate?: string; endDate?: string;
  plannedHours?: number; trainingDays?: number; headcount?: number; place?: string;
};

const verdicts: Record<string, [string, string]> = {
  complete: ['材料齐全', 'complete'],
  incomplete: ['材料不全', 'incomplete'],
  unreadable: ['无法识别', 'unreadable'],
};

const modes: Record<string, string> = { 'order-based': '订单式', general: '普惠制', project: '项目制', employer: '企业职工培训' };

function card(zh: string, en: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, ...bi(zh, en)), ...children);
}

/** Term / value pairs; a missing value reads —. */
function facts(rows: [string, Child][]): HTMLElement {
  return h('dl', { class: 'facts' }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function findingList(findings: Finding[]): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'muted' }, '无问题 (no findings)');
  return h('ul', { class: 'findings' }, ...findings.map((f) => h('li', { class: f.severity === 'error' ? 'sev-error' : 'sev-warning' },
    h('code', {}, f.rule ?? ''), ' ', f.page == null ? '' : `第 ${f.page} 页 `, f.message ?? '')));
}

/**
 * `/tasks/{instanceId}/{bookmarkId}`: one task with what the clerk needs to decide it: the case (business key,
 * institution, class data), the process diagram with this task marked, the pack check's verdict and findings, who
 * has co-signed, the task's form (form-js, loaded only here) or, without one, the inbox's outcome and comment, claim /
 * release, and complete. Refusals (R-QJ-8, R-YN-10, R-YN-11, claimed by another) are shown as the server words them.
 */
export async function renderTaskPage(app: HTMLElement, user: Me, instanceId: string, bookmarkId: string, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 办理任务 Task';
  const back = appLink('/tasks', navigate, {}, ...bi('← 我的待办', 'My tasks'));
  const task = (await listTasks()).find((t) => t.instanceId === instanceId && t.bookmarkId === bookmarkId);
  if (!task) {
    app.replaceChildren(card('任务不存在或已办结', 'No such open task', h('p', {}, ...bi('此任务可能已由他人办结，或不属于您的角色。', 'It may have been completed, or is not for your roles.')), back));
    return;
  }
  document.title = `Pipeline · ${task.name}`;
  const view = await getInstance(instanceId);
  const variables = (view as CaseView & { variables?: Record<string, unknown> }).variables ?? {};
  const report = view.report ?? (task.businessKey ? (await getCase(task.businessKey).catch(() => null))?.report ?? null : null);
  const klass = (variables.class ?? {}) as ClassData;

  const caseLink = task.businessKey ? appLink(`/cases/${encodeURIComponent(task.businessKey)}`, navigate, {}, task.businessKey) : '—';
  const hasClass = Boolean(klass.occupation || klass.startDate);
  const summary = card('案件概况', 'Case', facts([
    ['业务编号 Business key', caseLink],
    ['培训机构 Institution', task.institutionName ?? task.institutionId ?? '—'],
    ['辖区 Jurisdiction', task.jurisdiction ?? '—'],
  ]), hasClass ? facts([
    ['职业（工种） Occupation', klass.occupation ?? '—'],
    ['培训模式 Mode', klass.trainingMode ? `${modes[klass.trainingMode] ?? klass.trainingMode}` : '—'],
    ['培训日期 Dates', klass.startDate ? `${klass.startDate} 至 ${klass.endDate ?? '—'}` : '—'],
    ['学时 / 天数 Hours / days', klass.plannedHours ? `${klass.plannedHours} 学时 / ${klass.trainingDays ?? '—'} 天` : '—'],
    ['计划人数 Headcount', klass.headcount != null ? `${klass.headcount} 人` : '—'],
  ]) : h('p', { class: 'muted' }, '本案没有开班数据 (no class data)'));

  const diagram = h('div', { class: 'diagram task-diagram', role: 'img', 'aria-label': `流程图，当前任务「${task.name}」已标出 (process diagram, this task marked)` });
  const pack = card('材料审核', 'Pack check', report
    ? h('div', {}, h('p', {}, '结论 Verdict：', h('strong', { class: `verdict verdict-${report.verdict ?? ''}` },
        ...(verdicts[report.verdict ?? ''] ? [verdicts[report.verdict!][0], ' ', h('small', {}, verdicts[report.verdict!][1])] : [report.verdict ?? '—']))),
      report.missing?.length ? h('p', {}, '缺少 Missing：', report.missing.join('、')) : null,
      findingList(report.findings ?? []))
    : h('p', { class: 'muted' }, '本案暂无材料审核结果 (no pack check yet)'));

  const signed = task.coSignedBy.length
    ? card('会签', 'Co-signing', h('p', {}, `已签：${task.coSignedBy.join('、')}`))
    : null;

  let rendered: { submit(): { data: Record<string, unknown>; errors: Record<string, string[]> } } | null = null;
  const formHost = h('div', { class: 'task-form' });
  const workHost = h('div', {});
  const claimHost = h('div', {});
  const taskCard = card(task.name, 'Task', facts([
    ['到期 Due', when(task.dueAt)],
    ['接收 Received', when(task.createdAt)],
    ['表单 Form', task.formId ? h('code', {}, task.formId) : '无 (none)'],
  ]), claimHost, formHost, workHost);

  // The pack page by page (checklist, thumbnails, a page large with its text): what a reviewer reads before deciding.
  const pages = report && task.businessKey ? (await import('../portal/pages')).packFindingsSection(task.businessKey, null) : null;
  pages?.classList.add('task-pages');
  app.replaceChildren(h('div', { class: 'task-page' }, h('nav', { class: 'crumbs' }, back),
    h('div', { class: 'task-work' }, taskCard),
    h('div', { class: 'task-context' }, summary, pack, signed, card('流程图', 'Diagram', diagram)), pages));

  const showWork = () => {
    const blocked = Boolean(task.assignee && task.assignee !== user.userId);
    workHost.replaceChildren(blocked
      ? h('p', { class: 'notice', role: 'status' }, `此任务已由 ${task.assigneeName ?? task.assignee} 认领，您不能办理。 `, h('small', {}, 'claimed by someone else'))
      : workForm(task, {
          formData: rendered ? () => {
            const { data, errors } = rendered!.submit();
            return Object.keys(errors).length ? { error: '请先更正表单中标出的错误 (correct the form first)' } : { data };
          } : undefined,
          onCompleted: () => done(task),
        }));
  };
  const done = (t: TaskItem) => {
    taskCard.replaceChildren(h('h2', {}, t.name, ' ', h('small', {}, 'Task')),
      h('p', { class: 'ok', role: 'status' }, ...bi('✓ 已办结，案件已继续流转', 'completed: the case moves on')),
      appLink('/tasks', navigate, {}, ...bi('← 我的待办', 'My tasks')));
  };
  claimHost.replaceChildren(claimControl(task, user, showWork));

  if (task.formId) {
    try {
      const [{ getForm }, { renderForm }] = await Promise.all([import('../forms/api'), import('../forms/viewer')]);
      const form = await getForm(task.formId);
      rendered = await renderForm(formHost, form.schema, variables);
      formHost.prepend(h('p', { class: 'muted form-title' }, `表单「${form.name}」第 ${form.version} 版 `, h('small', {}, `form ${form.formId} v${form.version}`)));
    } catch (e) {
      formHost.replaceChildren(h('p', { class: 'error' }, `表单无法加载 (form unavailable): ${(e as Error).message}`));
    }
  }
  showWork();

  try {
    const [xml, { markersOf, showDiagram }] = await Promise.all([getDefinitionXml(view.processId, view.version), import('../diagram')]);
    const markers = markersOf(view);
    markers.waiting = new Set([task.nodeId]);
    // Fit the diagram once the page's layout has settled (the form above may still change the column's width).
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await showDiagram(diagram, xml, markers, { centered: true, focus: task.nodeId });
  } catch (e) {
    diagram.classList.add('empty');
    const none = /no diagram/i.test((e as Error).message);
    diagram.replaceChildren(none
      ? h('p', { class: 'muted' }, '此流程定义没有图形 (the definition has no diagram)')
      : h('p', { class: 'error' }, `流程图无法显示 (diagram unavailable): ${(e as Error).message}`));
  }
}
