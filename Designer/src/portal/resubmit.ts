import { ApiError } from '../http';
import { h } from '../dom';
import { uploadPack } from './upload';

/**
 * The case page's 补正材料 section for the institution: a corrected pack, chosen or dropped, uploaded with its progress
 * to the same business key (the server delivers it to the step waiting for it, `pack-resubmitted`). When nothing waits
 * for a pack the server says so (409) and the clerk reads it here. `onDone` re-reads the case.
 */
export function resubmitSection(businessKey: string, onDone: () => void): HTMLElement {
  const file = h('input', { type: 'file', id: 'resubmit-file', accept: '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.zip,.docx,.xlsx' }) as HTMLInputElement;
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交补正材料 ', h('small', {}, 'Resubmit')) as HTMLButtonElement;
  const progress = h('progress', { max: '100', value: '0', hidden: '' }) as HTMLProgressElement;
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'resubmit' },
    h('label', { for: file.id }, '更正后的材料 ', h('small', {}, 'corrected pack')), file,
    h('div', { class: 'toolbar' }, submit, progress), message) as HTMLFormElement;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      message.textContent = '请选择更正后的材料文件';
      return;
    }
    submit.disabled = true;
    progress.hidden = false;
    message.textContent = '';
    try {
      const answer = await uploadPack(businessKey, chosen, {}, (sent, total) => {
        progress.value = total ? Math.round((sent / total) * 100) : 0;
      });
      message.textContent = answer.duplicate ? '这份材料已提交过 (the same pack was received before)' : '已收到补正材料，系统将重新核对 (received: it is checked again)';
      message.classList.add('ok');
      setTimeout(onDone, 1200);
    } catch (err) {
      submit.disabled = false;
      progress.hidden = true;
      message.textContent = `未能提交 (not submitted)：${(err as ApiError).message}`;
    }
  });
  return h('section', { class: 'card' },
    h('h2', {}, h('span', { class: 'label' }, '补正材料 ', h('small', {}, 'Resubmit a pack'))),
    h('p', { class: 'muted' }, '案件退回补正时，在此上传更正后的完整材料；系统会重新逐页核对。'),
    form);
}
