import { ApiError } from '../http';
import { h, type Child } from '../dom';
import { roleLabel } from '../i18n';
import type { Me } from '../api';
import { completeTask, listTasks, type TaskItem } from './api';

const day = 24 * 60 * 60 * 1000;

function date(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The due date with what it means now: 已逾期 (overdue), 今日到期 (due today) or the calendar days left. */
function dueCell(task: TaskItem, now: number): Child {
  if (!task.dueAt) return h('span', { class: 'muted' }, '无时限 ', h('small', {}, 'none'));
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
 * task, jurisdiction, institution and overdue; each can be worked in place: outcome, comment (bureau-only if wanted),
 * complete. A refusal (R-QJ-8, R-YN-10, R-YN-11) is shown as the server words it, by rule.
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
    && (!overdueOnly.checked || (t.dueAt !== null && new Date(t.dueAt).getTime() < now)));

  const caseLink = (t: TaskItem) => {
    if (!t.businessKey) return h('span', { class: 'muted' }, '—');
    const a = h('a', { href: `/cases/${encodeURIComponent(t.businessKey)}` }, t.businessKey);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      navigate(`/cases/${encodeURIComponent(t.businessKey!)}`);
    });
    return a;
  };

  /** The in-place form under a task's row. */
  const workForm = (t: TaskItem, row: HTMLElement): HTMLElement => {
    const id = t.bookmarkId.slice(0, 8);
    const outcome = (value: string, zh: string, en: string, checked = false) => {
      const input = h('input', { type: 'radio', name: `outcome-${id}`, value, id: `o-${value}-${id}` }) as HTMLInputElement;
      input.checked = checked;
      return h('label', { for: input.id, class: 'outcome' }, input, ` ${zh} `, h('small', {}, en));
    };
    const comment = h('textarea', { rows: '2', maxlength: '2000', 'aria-label': '办理意见 Comment', placeholder: '办理意见（退回时请写明理由）' }) as HTMLTextAreaElement;
    const internal = h('input', { type: 'checkbox', id: `internal-${id}` }) as HTMLInputElement;
    const submit = h('button', { type: 'submit', class: 'primary' }, '提交 ', h('small', {}, 'Complete')) as HTMLButtonElement;
    const message = h('p', { class: 'form-message', role: 'alert' });
    const form = h('form', { class: 'work-form', 'aria-label': `办理 ${t.name}` },
      h('fieldset', {}, h('legend', {}, '办理结果 ', h('small', {}, 'Outcome')),
        outcome('approve', '同意', 'approve', true), outcome('reject', '退回', 'return'), outcome('done', '已办结', 'done')),
      comment,
      h('label', { for: internal.id, class: 'internal' }, internal, ' 仅局内可见 ', h('small', {}, 'bureau only: the institution does not see it')),
      h('div', { class: 'toolbar' }, submit), message) as HTMLFormElement;
    form.addEventListener('change', () => {
      if (!submit.disabled) message.textContent = '';
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = (form.querySelector(`input[name="outcome-${id}"]:checked`) as HTMLInputElement).value as 'approve' | 'reject' | 'done';
      if (chosen === 'reject' && !comment.value.trim()) {
        message.textContent = '退回须写明理由 (give the reason for returning)';
        comment.focus();
        return;
      }
      submit.disabled = true;
      message.textContent = '';
      try {
        await completeTask(t, chosen, comment.value.trim(), internal.checked);
        row.classList.add('done');
        row.querySelector('.work')?.replaceChildren(h('span', { class: 'ok' }, '✓ 已办结 ', h('small', {}, 'completed')));
        form.parentElement?.parentElement?.remove();
        tasks.splice(tasks.indexOf(t), 1);
        count.textContent = `${tasks.length} 项待办`;
      } catch (err) {
        submit.disabled = false;
        const problem = (err as ApiError).problem;
        const rule = problem?.rule ? `${String(problem.rule)}：` : '';
        message.textContent = `不能办理 (refused) ${rule}${(err as Error).message}`;
      }
    });
    return form;
  };

  const render = () => {
    const list = shown();
    count.textContent = list.length === tasks.length ? `${tasks.length} 项待办` : `${list.length} / ${tasks.length} 项待办`;
    body.replaceChildren(...(list.length === 0
      ? [h('tr', {}, h('td', { colspan: '7', class: 'muted' }, tasks.length ? '没有符合条件的待办 (none match)' : '暂无待办 (nothing to do)'))]
      : list.map((t) => {
          const work = h('button', { type: 'button' }, '办理 ', h('small', {}, 'Work')) as HTMLButtonElement;
          const row = h('tr', { 'data-task': t.bookmarkId },
            h('td', {}, h('strong', {}, t.name),
              t.coSignedBy.length ? h('div', { class: 'muted' }, `会签中，已签：${t.coSignedBy.join('、')}`) : null),
            h('td', {}, caseLink(t)),
            h('td', {}, t.institutionName ?? t.institutionId ?? '—'),
            h('td', {}, t.jurisdiction ?? '—'),
            h('td', {}, dueCell(t, now)),
            h('td', {}, date(t.createdAt)),
            h('td', { class: 'work' }, work));
          work.addEventListener('click', () => {
            const open = row.nextElementSibling?.classList.contains('work-row');
            if (open) {
              row.nextElementSibling!.remove();
              return;
            }
            const formRow = h('tr', { class: 'work-row' }, h('td', { colspan: '7' }, workForm(t, row)));
            row.after(formRow);
            (formRow.querySelector('textarea') as HTMLTextAreaElement).focus();
          });
          return row;
        })));
  };
  for (const control of [roles, names, places, institutions, overdueOnly]) control.addEventListener('change', render);

  app.replaceChildren(
    h('section', { class: 'card inbox' },
      h('div', { class: 'card-head' }, h('h2', {}, '我的待办 ', h('small', {}, 'My tasks')), count),
      h('div', { class: 'filters' }, roles, names, places, institutions,
        h('label', { for: overdueOnly.id }, overdueOnly, ' 只看逾期 ', h('small', {}, 'overdue only'))),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, '任务 Task'), h('th', {}, '案件 Case'), h('th', {}, '培训机构 Institution'),
          h('th', {}, '辖区 Jurisdiction'), h('th', {}, '到期 Due'), h('th', {}, '接收 Received'), h('th', {}, ''))),
        body)),
  );
  render();
}
