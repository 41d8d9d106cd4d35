import { h, bi } from '../dom';
import type { Me } from '../api';
import { claimTask, unclaimTask, type TaskItem } from './api';
import { refusal } from './work';

/**
 * Who holds the task and the button to change it: 认领 (claim) when nobody does, 释放 (release) for one's own
 * claim or, for an administrator, anyone's. The task item is updated in place; <onChange> redraws what depends on it.
 * A refusal (claimed meanwhile by someone else: 409 "已由 张三 认领") is shown as the server words it.
 */
export function claimControl(t: TaskItem, user: Me, onChange: () => void): HTMLElement {
  const holder = h('span', { class: 'assignee' });
  const button = h('button', { type: 'button', class: 'claim' }) as HTMLButtonElement;
  const message = h('span', { class: 'form-message', role: 'alert' });
  const show = () => {
    holder.replaceChildren(t.assignee
      ? h('span', {}, '认领人：', h('strong', {}, t.assignee === user.userId ? '我' : (t.assigneeName ?? t.assignee)))
      : h('span', { class: 'muted' }, ...bi('未认领', 'unclaimed')));
    const mine = t.assignee === user.userId;
    const canRelease = t.assignee && (mine || user.roles.includes('admin'));
    button.hidden = Boolean(t.assignee) && !canRelease;
    button.replaceChildren(...(t.assignee ? [...bi('释放', 'Unclaim')] : [...bi('认领', 'Claim')]));
    // The visible words first (WCAG 2.5.3 label in name), then which task.
    button.setAttribute('aria-label', t.assignee ? `释放 Unclaim：${t.name}` : `认领 Claim：${t.name}`);
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.textContent = '';
    try {
      const claim = t.assignee ? await unclaimTask(t) : await claimTask(t);
      t.assignee = claim.assignee;
      t.assigneeName = claim.assigneeName;
      show();
      onChange();
    } catch (err) {
      message.textContent = refusal(err).replace('不能办理 (refused) ', '');
    } finally {
      button.disabled = false;
    }
  });
  show();
  return h('div', { class: 'claim-control' }, holder, ' ', button, message);
}
