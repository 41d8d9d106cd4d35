import { h, type Child } from '../dom';
import { currentLang } from '../i18n';
import type { DefinitionProblem, MigrationProblem } from './api';

type Service = Record<string, (...args: unknown[]) => unknown>;

/** bpmn-js-bpmnlint's issues: element id → reports ({ id, message, category: error | warn, rule }). */
export type LintIssues = Record<string, { id: string; message: string; category: string; rule?: string }[]>;

/** One line of the problems panel. */
interface Problem {
  elementId: string;
  label: string;
  message: string;
  /** The server's English message, shown after the Chinese one. */
  english?: string;
  source: 'server' | 'lint';
  error: boolean;
}

/**
 * A server problem's text: the Chinese message with the English one after it in a `<small>`; the English alone in
 * English mode (`currentLang() === 'en'`) or when there is no Chinese message.
 */
export function problemText(p: DefinitionProblem | MigrationProblem): Child[] {
  return currentLang() === 'en' || !p.messageZh ? [p.message] : [p.messageZh, ' ', h('small', {}, p.message)];
}

/**
 * The designer's problems panel: the server's deploy-time problems and bpmnlint's issues, errors first, each with its
 * element (outlined on the canvas with `pl-problem` for errors; a click or Enter selects and shows it). Deploying is
 * refused while {@link ProblemsPanel.errors} is not zero; lint warnings do not block.
 */
export class ProblemsPanel {
  private server: Problem[] = [];
  private lint: Problem[] = [];
  private marked: string[] = [];

  constructor(private readonly list: HTMLElement, private readonly get: (name: string) => Service) {}

  /** The server's validation answer (all of them errors), in Chinese with the English after it (English alone in English mode). */
  setServer(problems: DefinitionProblem[]): void {
    const chinese = currentLang() !== 'en';
    this.server = problems.map((p) => ({
      elementId: p.elementId, label: p.elementId || p.elementType,
      message: chinese && p.messageZh ? p.messageZh : p.message, english: chinese && p.messageZh ? p.message : undefined,
      source: 'server', error: true,
    }));
    this.render();
  }

  /** bpmnlint's latest issues. */
  setLint(issues: LintIssues): void {
    const translate = this.get('translate') as unknown as (text: string) => string;
    this.lint = Object.values(issues).flat().map((i) => ({
      elementId: i.id, label: i.id, message: i.rule ? `${translate(i.message)}（${i.rule}）` : translate(i.message), source: 'lint', error: i.category === 'error',
    }));
    this.render();
  }

  /** Errors that block deploying. */
  get errors(): number {
    return this.server.length + this.lint.filter((p) => p.error).length;
  }

  private render(): void {
    const registry = this.get('elementRegistry');
    const canvas = this.get('canvas');
    const all = [...this.server, ...this.lint].sort((a, b) => Number(b.error) - Number(a.error));
    for (const id of this.marked) if (registry.get(id)) canvas.removeMarker(id, 'pl-problem');
    this.marked = [...new Set(all.filter((p) => p.error).map((p) => p.elementId))].filter((id) => id && registry.get(id));
    for (const id of this.marked) canvas.addMarker(id, 'pl-problem');
    const warnings = all.length - this.errors;
    const summary = this.errors > 0 ? [] : [h('li', { class: 'ok' }, warnings ? `没有错误，可以部署（${warnings} 条提示）` : '没有问题，可以部署', ' ',
      h('small', {}, warnings ? `no errors: deployable (${warnings} warning(s))` : 'no problems: deployable'))];
    this.list.replaceChildren(...summary, ...all.map((p) => {
      const kind = p.error ? (p.source === 'server' ? '错误' : '检查错误') : '提示';
      const item = h('li', { tabindex: '0', class: p.error ? 'error' : 'warn' },
        h('span', { class: 'kind' }, kind), ' ', h('code', {}, p.label), ' ', p.message, ...(p.english ? [' ', h('small', {}, p.english)] : []));
      const select = () => {
        const element = registry.get(p.elementId);
        if (!element) return;
        this.get('selection').select(element);
        this.get('canvas').scrollToElement(element);
      };
      item.addEventListener('click', select);
      item.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') select();
      });
      return item;
    }));
  }
}
