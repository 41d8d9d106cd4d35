import { h } from '../dom';
import { eligibility, type Standing } from './api';

/** 资格查询: whether the institution may take subsidised training of an occupation in an area on a day, with each reason's rule. */
export function eligibilityBox(s: Standing, n: number): HTMLElement {
  const p = `elig${n}`;
  const occupation = h('select', { id: `${p}-occupation` }, ...s.licensedOccupations.map((o) => h('option', { value: o }, o))) as HTMLSelectElement;
  const area = h('input', { id: `${p}-area`, maxlength: '100' }) as HTMLInputElement;
  const date = h('input', { id: `${p}-date`, type: 'date', value: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) }) as HTMLInputElement;
  const answer = h('div', { class: 'eligibility-answer', role: 'status', 'aria-live': 'polite' });
  const field = (label: string, en: string, control: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { for: control.id }, label, ' ', h('small', {}, en)), control);
  const form = h('form', { class: 'tracker-filters registry-form', 'aria-label': '资格查询 Eligibility' },
    field('职业（工种）', 'occupation', occupation), field('地区（可空）', 'area, optional', area), field('日期', 'date', date),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '查询 ', h('small', {}, 'Check')))) as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    eligibility(s.id, occupation.value, area.value.trim(), date.value).then((a) => {
      answer.replaceChildren(a.eligible
        ? h('p', { class: 'eligible' }, '✓ 符合承担补贴性培训的条件 ', h('small', {}, 'eligible'))
        : h('ul', { class: 'reasons' }, ...a.reasons.map((r) => h('li', {}, h('span', { class: 'badge incident' }, r.rule), ' ', r.message))));
    }, (err: unknown) => answer.replaceChildren(h('p', { class: 'error' }, (err as Error).message)));
  });
  return h('details', { class: 'registry-details' }, h('summary', {}, '资格查询 ', h('small', {}, 'Eligibility')), form, answer);
}
