import { h } from './dom';

let counter = 0;

/** A labelled form field: the Chinese label with its English in <small>, bound to the control by id. */
export function field(label: string, en: string, control: HTMLElement): HTMLElement {
  const id = control.id || (control.id = `fb-f${++counter}`);
  return h('div', { class: 'field' }, h('label', { for: id }, label, ' ', h('small', {}, en)), control);
}

/** An `<input>` with these attributes. */
export const input = (attrs: Record<string, string>) => h('input', attrs) as HTMLInputElement;

/** A form in a disclosure: submit runs `send`, shows the server's refusal in its own status line, then calls `done` with the answer. */
export function formBox<T>(title: string, en: string, fields: HTMLElement[], send: (form: HTMLFormElement) => Promise<T>, done: (answer: T) => void,
  open = false): HTMLElement {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'tracker-filters registry-form', 'aria-label': `${title} ${en}` }, ...fields,
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '提交 ', h('small', {}, 'Submit')))) as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    status.textContent = '提交中… Saving…';
    status.className = 'form-status';
    send(form).then(done, (err: unknown) => {
      status.textContent = (err as Error).message;
      status.className = 'form-status error';
    });
  });
  const details = h('details', { class: 'registry-details' }, h('summary', {}, title, ' ', h('small', {}, en)), form, status) as HTMLDetailsElement;
  details.open = open;
  return details;
}
