import { h } from '../dom';

/** The file kinds a pack may hold (the server checks the bytes, not the names). */
export const packAccept = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.bmp,.zip,.docx,.xlsx';

/** A pack being put together: the files in order, each with its upload progress. */
export interface PackPicker {
  element: HTMLElement;
  /** The drop zone (focus it to point the clerk at it). */
  zone: HTMLElement;
  files(): File[];
  progress(index: number, sent: number, total: number): void;
  disable(disabled: boolean): void;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A drop zone and file chooser for a material pack of several files (PDF, images, ZIP of images, DOCX, XLSX): files
 * dropped or chosen are added to the list (a second drop adds more), each can be removed or moved up, and each shows
 * its own upload progress. Keyboard: the zone opens the chooser with Enter or Space.
 */
export function packPicker(id: string, label: string): PackPicker {
  const chosen: File[] = [];
  const bars: HTMLProgressElement[] = [];
  const input = h('input', { type: 'file', id, multiple: '', accept: packAccept, class: 'visually-hidden', tabindex: '-1', 'aria-label': `${label}文件` }) as HTMLInputElement;
  // Its visible words are its name (WCAG 2.5.3); what goes in is described.
  const zone = h('div', { class: 'drop', tabindex: '0', role: 'button', 'aria-describedby': `${id}-hint` },
    '把材料文件拖到这里，或点击选择（可多选）', h('br', {}),
    h('small', { id: `${id}-hint` }, 'PDF、图片（JPG/PNG/TIFF）、图片 ZIP、Word、Excel；扫描件亦可；按页序排列'));
  const list = h('ol', { class: 'pack-files', 'aria-label': '已选文件 chosen files' });
  const summary = h('p', { class: 'muted', role: 'status' });
  let disabled = false;

  const render = () => {
    bars.length = 0;
    list.replaceChildren(...chosen.map((file, i) => {
      const bar = h('progress', { max: '100', value: '0', 'aria-label': `${file.name} 上传进度` }) as HTMLProgressElement;
      bars.push(bar);
      const remove = h('button', { type: 'button', class: 'link', 'aria-label': `移除 ${file.name}` }, '移除') as HTMLButtonElement;
      remove.addEventListener('click', () => {
        chosen.splice(i, 1);
        render();
      });
      const up = h('button', { type: 'button', class: 'link', 'aria-label': `上移 ${file.name}` }, '上移') as HTMLButtonElement;
      up.disabled = i === 0;
      up.addEventListener('click', () => {
        [chosen[i - 1], chosen[i]] = [chosen[i], chosen[i - 1]];
        render();
      });
      remove.disabled = disabled;
      up.disabled = disabled || i === 0;
      return h('li', {}, h('span', { class: 'file-name' }, file.name), h('span', { class: 'muted' }, megabytes(file.size)), bar, up, remove);
    }));
    const total = chosen.reduce((sum, f) => sum + f.size, 0);
    summary.textContent = chosen.length ? `共 ${chosen.length} 个文件，${megabytes(total)}` : '';
  };
  const add = (files: FileList | null | undefined) => {
    for (const file of files ?? []) if (!chosen.some((c) => c.name === file.name && c.size === file.size)) chosen.push(file);
    render();
  };

  zone.addEventListener('click', () => !disabled && input.click());
  zone.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (!disabled && (key === 'Enter' || key === ' ')) {
      e.preventDefault();
      input.click();
    }
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (!disabled) add((e as DragEvent).dataTransfer?.files);
  });
  input.addEventListener('change', () => {
    add(input.files);
    input.value = '';
  });

  return {
    element: h('div', { class: 'pack-picker' }, zone, input, list, summary),
    zone,
    files: () => [...chosen],
    progress: (index, sent, total) => {
      if (bars[index]) bars[index].value = total ? Math.round((sent / total) * 100) : 0;
    },
    disable: (value) => {
      disabled = value;
      zone.setAttribute('aria-disabled', String(value));
      render();
    },
  };
}
