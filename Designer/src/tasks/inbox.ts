import { h, type Child, bi, appLink } from '../dom';
import { roleLabel } from '../i18n';
import type { Me } from '../api';
import { listTasks, type TaskItem } from './api';
import { claimControl } from './claim';
import { workForm } from './work';

const day = 24 * 60 * 60 * 1000;

function date(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The due date with what it means now: 已逾期 (overdue), 今日到期 (due today) or the calendar days left. */
function dueCell(task: TaskItem, now: number): Child {
  if (!task.dueAt) return h('span', { class: 'muted' }, ...bi('无时限', 'none'));
  const left = new Date(task.dueAt).getTime() - now;
  const note = left < 0
    ? h('span', { class: 'badge overdue' }, `已逾期 ${Math.ceil(-left / day)} 天`)
    : left < day ? h('span', { class: 'badge soon' }, '今日到期') : h('small', { class: 'muted' }, ` 剩 ${Math.floor(left / day)} 天`);
  return h('span', {}, date(task.dueAt), ' ', note);
}

/** A `<select>` of "all" plus the distinct values (value → label), labelled for screen readers. */
function filter(zh: string, en: string, values: [string, string][]): HTMLSelectElement {
  return h('select', { 'aria-label': `按${zh}筛选 Filter by ${en}` },
    h('option', { value: '' }, `全部${zh}`),
    ...values.map(([value, text]) => h('option', { value }, text))) as HTMLSelectElement;
}

const distinct = (pairs: [string, string][]) => [...new Map(pairs).entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));

/**
 * `/tasks` (我的待办): the signed-in user's open tasks in reach, sorted by due date (none last), filtered by role,
 * task, jurisdiction, institution, claim (我的 / 未认领) and overdue; each can be claimed or released, opened on its task
 * page (`/tasks/{instanceId}/{bookmarkId}`, with its form) or worked in place: outcome, comment (bureau-only if wanted),
 * complete. A refusal (R-QJ-8, R-YN-10, R-YN-11, claimed by another) is shown as the server words it, by rule.
 */
export async function renderInbox(app: HTMLElement, user: Me, navigate: (path: string) => void): Promise<void> {
  document.title = 'Pipeline · 我的待办 My tasks';
  const tasks = await listTasks();
  const now = Date.now();
  const roles = filter('角色', 'role', user.roles.map((r) => [r, roleLabel(r)[0]]));
  const names = filter('任务', 'task', distinct(tasks.map((t) => [t.name, t.name])));
  const places = filter('辖区', 'jurisdiction', distinct(tasks.filter((t) => t.jurisdiction).map((t) => [t.jurisdiction!, t.jurisdiction!])));
  const institutions = filter('机构', 'institution', distinct(tasks.filter((t) => t.institutionId).map((t) => [t.institutionId!, t.institutionName ?? t.institutionId!])));
  const overdueOnly = h('input', { type: 'checkbox', id: 'overdue-only' }) as HTMLInputElement;
  const claimed = h('select', { 'aria-label': '按认领筛选 Filter by claim' },
    h('option', { value: '' }, '全部认领状态'), h('option', { value: 'mine' }, '我的 (claimed by me)'), h('option', { value: 'unclaimed' }, '未认领 (unclaimed)')) as HTMLSelectElement;
  const count = h('span', { class: 'muted', role: 'status' });
  const body = h('tbody', {});

  tasks.sort((a, b) =>
    (a.dueAt ? new Date(a.dueAt).getTime() : Infinity) - (b.dueAt ? new Date(b.dueAt).getTime() : Infinity)
    || a.createdAt.localeCompare(b.createdAt));
  const shown = () => tasks.filter((t) =>
    (!roles.value || t.candidateGroups.includes(roles.value))
    && (!names.value || t.name === names.value)
    && (!places.value || t.jurisdiction === places.value)
    && (!institutions.value || t.institutionId === institutions.value)
    && (!overdueOnly.checked || (t.dueAt !== null && new Date(t.dueAt).getTime() < now))
    && (claimed.value !== 'mine' || t.assignee === user.userId)
    && (claimed.value !== 'unclaimed' || !t.assignee));

  const caseLink = (t: TaskItem) => {
    if (!t.businessKey) return h('span', { class: 'muted' }, '—');
    return appLink(`/cases/${encodeURIComponent(t.businessKey)}`, navigate, {}, t.businessKey);
  };

  /** The in-place form under a task's row (tasks/work.ts, shared with the task page). */
  const inPlace = (t: TaskItem, row: HTMLElement): HTMLElement => {
    const form = workForm(t, {
      onCompleted: () => {
        row.classList.add('done');
        row.querySelector('.work')?.replaceChildren(h('span', { class: 'ok' }, ...bi('✓ 已办结', 'completed')));
        form.parentElement?.parentElement?.remove();
        tasks.splice(tasks.indexOf(t), 1);
        count.textContent = `${tasks.length} 项待办`;
      },
    });
    return form;
  };

  const taskLink = (t: TaskItem) => appLink(`/tasks/${t.instanceId}/${t.bookmarkId}`, navigate, {}, h('strong', {}, t.name));

  const render = () => {
    const list = shown();
    count.textContent = list.length === tasks.length ? `${tasks.length} 项待办` : `${list.length} / ${tasks.length} 项待办`;
    body.replaceChildren(...(list.length === 0
      ? [h('tr', {}, h('td', { colspan: '8', class: 'muted' }, tasks.length ? '没有符合条件的待办 (none match)' : '暂无待办 (nothing to do)'))]
      : list.map((t) => {
          const work = h('button', { type: 'button' }, ...bi('办理', 'Work')) as HTMLButtonElement;
          const row = h('tr', { 'data-task': t.bookmarkId },
            h('td', {}, taskLink(t),
              t.coSignedBy.length ? h('div', { class: 'muted' }, `会签中，已签：${t.coSignedBy.join('、')}`) : null),
            h('td', {}, caseLink(t)),
            h('td', {}, t.institutionName ?? t.institutionId ?? '—'),
            h('td', {}, t.jurisdiction ?? '—'),
            h('td', {}, dueCell(t, now)),
            h('td', {}, date(t.createdAt)),
            h('td', {}, claimControl(t, user, () => { work.hidden = Boolean(t.assignee && t.assignee !== user.userId); })),
            h('td', { class: 'work' }, work));
          work.hidden = Boolean(t.assignee && t.assignee !== user.userId);
          work.addEventListener('click', () => {
            const open = row.nextElementSibling?.classList.contains('work-row');
            if (open) {
              row.nextElementSibling!.remove();
              return;
            }
            const formRow = h('tr', { class: 'work-row' }, h('td', { colspan: '8' }, inPlace(t, row)));
            row.after(formRow);
            (formRow.querySelector('textarea') as HTMLTextAreaElement).focus();
          });
          return row;
        })));
  };
  for (const control of [roles, names, places, institutions, claimed, overdueOnly]) control.addEventListener('change', render);

  app.replaceChildren(
    h('section', { class: 'card inbox' },
      h('div', { class: 'card-head' }, h('h2', {}, ...bi('我的待办', 'My tasks')), count),
      h('div', { class: 'filters' }, roles, names, places, institutions, claimed,
        h('label', { for: overdueOnly.id }, overdueOnly, ...bi(' 只看逾期', 'overdue only'))),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, '任务 Task'), h('th', {}, '案件 Case'), h('th', {}, '培训机构 Institution'),
          h('th', {}, '辖区 Jurisdiction'), h('th', {}, '到期 Due'), h('th', {}, '接收 Received'), h('th', {}, '认领 Claimed by'), h('th', {}, ''))),
        body)),
  );
  render();
}
