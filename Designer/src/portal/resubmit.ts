import { ApiError } from '../http';
import { h, bi } from '../dom';
import { packPicker } from './packPicker';
import { submitPack } from './upload';

/**
 * The case page's section for the institution while the case waits for a pack (`step`: 补正材料, 上传签到表, 提交补贴申请材料,
 * from the waiting element's name): the files,
 * chosen or dropped, uploaded resumably with their progress to the same business key (the server delivers the pack to
 * the step waiting for it, `pack-resubmitted`). `onDone` re-reads the case, which then follows the new check.
 */
export function resubmitSection(businessKey: string, step: string, onDone: () => void): HTMLElement {
  const pack = packPicker('resubmit-pack', step);
  const submit = h('button', { type: 'submit', class: 'primary' }, ...bi('提交材料', 'Submit')) as HTMLButtonElement;
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'resubmit' }, pack.element, h('div', { class: 'toolbar' }, submit), message) as HTMLFormElement;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const files = pack.files();
    if (!files.length) {
      message.textContent = '请选择要提交的材料文件';
      pack.zone.focus();
      return;
    }
    submit.disabled = true;
    pack.disable(true);
    message.textContent = '';
    try {
      const answer = await submitPack(businessKey, files, {}, (index, sent) => pack.progress(index, sent, files[index].size));
      message.textContent = answer.duplicate ? '这份材料已提交过 (the same pack was received before)' : '已收到材料，系统将逐页核对 (received: it is checked now)';
      message.classList.add('ok');
      setTimeout(onDone, 1200);
    } catch (err) {
      submit.disabled = false;
      pack.disable(false);
      message.textContent = `未能提交 (not submitted)：${(err as ApiError).message}`;
    }
  });
  return h('section', { class: 'card', id: 'resubmit' },
    h('h2', {}, h('span', { class: 'label' }, ...bi(step, 'Submit a pack'))),
    h('p', { class: 'notice' }, step.includes('补正')
      ? '本案件正在等待您补正材料：请按「材料清单」和逐页核对结果更正后，上传完整的材料（可多个文件）；系统会重新逐页核对。'
      : `本案件正在等待您${step}：上传后系统会逐页核对（可多个文件）。`),
    form);
}
