import { ApiError } from '../http';
import { h, bi } from '../dom';
import { completeTask, type TaskItem } from './api';

export type Outcome = 'approve' | 'reject' | 'done';

export interface WorkOptions {
  /**
   * The task form's data to send as the task's variables, or the message to show when the form is not filled in
   * correctly (nothing is sent then). Absent: no form.
   */
  formData?: () => { data?: Record<string, unknown>; error?: string };
  /** After the server completed the task. */
  onCompleted: () => void;
}

/** The server's refusal as the clerk reads it: the rule (R-QJ-8, R-YN-10, R-YN-11) and the server's own words. */
export function refusal(err: unknown): string {
  const problem = (err as ApiError).problem;
  const rule = problem?.rule ? `${String(problem.rule)}：` : '';
  return `不能办理 (refused) ${rule}${(err as Error).message}`;
}

/**
 * Working a task: 同意 / 退回 / 已办结, a comment (a return needs its reason), 仅局内可见, and 提交. Used in place
 * in the inbox and on the task page (there with the task's form, whose data goes with the outcome). A refusal is
 * shown as the server words it.
 */
export function workForm(t: TaskItem, options: WorkOptions): HTMLFormElement {
  const id = t.bookmarkId.slice(0, 8);
  const outcome = (value: Outcome, zh: string, en: string, checked = false) => {
    const input = h('input', { type: 'radio', name: `outcome-${id}`, value, id: `o-${value}-${id}` }) as HTMLInputElement;
    input.checked = checked;
    return h('label', { for: input.id, class: 'outcome' }, input, ' ', ...bi(zh, en));
  };
  const comment = h('textarea', { rows: '2', maxlength: '2000', 'aria-label': '办理意见 Comment', placeholder: '办理意见（退回时请写明理由）' }) as HTMLTextAreaElement;
  const internal = h('input', { type: 'checkbox', id: `internal-${id}` }) as HTMLInputElement;
  const submit = h('button', { type: 'submit', class: 'primary' }, ...bi('提交', 'Complete')) as HTMLButtonElement;
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'work-form', 'aria-label': `办理 ${t.name}` },
    h('fieldset', {}, h('legend', {}, ...bi('办理结果', 'Outcome')),
      outcome('approve', '同意', 'approve', true), outcome('reject', '退回', 'return'), outcome('done', '已办结', 'done')),
    comment,
    h('label', { for: internal.id, class: 'internal' }, internal, ...bi(' 仅局内可见', 'bureau only: the institution does not see it')),
    h('div', { class: 'toolbar' }, submit), message) as HTMLFormElement;
  form.addEventListener('change', () => {
    if (!submit.disabled) message.textContent = '';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = (form.querySelector(`input[name="outcome-${id}"]:checked`) as HTMLInputElement).value as Outcome;
    if (chosen === 'reject' && !comment.value.trim()) {
      message.textContent = '退回须写明理由 (give the reason for returning)';
      comment.focus();
      return;
    }
    const filled = options.formData?.();
    if (filled?.error) {
      message.textContent = filled.error;
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    try {
      await completeTask(t, chosen, comment.value.trim(), internal.checked, filled?.data);
      options.onCompleted();
    } catch (err) {
      submit.disabled = false;
      message.textContent = refusal(err);
    }
  });
  return form;
}
