import { request } from '../http';
import { h, bi, appLink } from '../dom';
import type { Me } from '../api';

/** A case in the list (`GET /api/cases`). */
export interface CaseItem {
  businessKey: string;
  instanceId: string;
  processId: string;
  createdAt: string;
  createdBy: string;
  packs: number;
  institutionId: string | null;
  institutionName: string | null;
  jurisdiction: string | null;
  /** Where it stands (办件进度); null when its instance is gone. */
  progress?: CaseProgress | null;
}

export interface CaseProgress {
  stages: string[];
  status: 'active' | 'incident' | 'completed' | 'cancelled' | string;
  /** Who acts next: institution (a corrected pack), bureau (a task), system, none (finished). */
  next: 'institution' | 'bureau' | 'system' | 'none' | string;
  dueAt: string | null;
  overdue: boolean;
  /** Working days from today to the due day; negative when overdue by that many. */
  workingDaysLeft: number | null;
}

/** 下一步: who must act, in the institution's or the bureau's words. */
function nextStep(p: CaseProgress, institution: boolean): HTMLElement {
  if (p.status === 'completed') return h('span', { class: 'badge status-completed' }, '已办结');
  if (p.status === 'cancelled') return h('span', { class: 'badge' }, '已撤销');
  if (p.next === 'institution') return h('span', { class: 'badge next-you' }, institution ? '待您补正材料' : '待机构补正');
  if (p.next === 'bureau') return h('span', { class: 'badge' }, institution ? '人社局办理中' : '待办理');
  return h('span', { class: 'badge' }, p.status === 'incident' ? '处理异常' : '系统核对中');
}

/** 办理期限: the due day and the working days left (剩 N 个工作日 / 已逾期 N 个工作日). */
export function dueCell(p: CaseProgress | null | undefined): HTMLElement | string {
  if (!p?.dueAt) return '—';
  const left = p.workingDaysLeft;
  const note = left == null ? '' : left < 0 ? `已逾期 ${-left} 个工作日` : left === 0 ? '今日到期' : `剩 ${left} 个工作日`;
  return h('span', { class: p.overdue ? 'overdue' : '' }, date(p.dueAt), note ? h('div', { class: p.overdue ? '' : 'muted' }, note) : null);
}

/** Cases the caller reaches, newest first; `prefix` narrows business keys (server-side), at most `limit` (1–500). */
export async function listCases(prefix: string, limit: number): Promise<CaseItem[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (prefix) query.set('prefix', prefix);
  return (await request(`/api/cases/?${query}`, { noStore: true })).json();
}

const processNames: Record<string, string> = {
  'class-case': '培训班全周期', 'class-opening': '开班申请审批', 'spot-check-draw': '年度抽查',
};

function date(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * `/` and `/cases` (我的案件 for institution staff, 案件 for bureau staff): the cases the caller reaches, newest first,
 * searched by business-key prefix on the server; a click opens the case. An institution only ever gets its own.
 */
export async function renderCaseList(app: HTMLElement, user: Me, navigate: (path: string) => void, message?: string): Promise<void> {
  const institution = user.roles.includes('institution');
  const [zh, en] = institution ? ['我的案件', 'My cases'] : ['案件', 'Cases'];
  document.title = `Pipeline · ${zh} ${en}`;
  const limit = 200;
  const search = h('input', { type: 'search', id: 'case-search', placeholder: '业务编号开头，例如 JZ-2026', autocomplete: 'off' }) as HTMLInputElement;
  const open = h('button', { type: 'submit' }, ...bi('查找', 'Find')) as HTMLButtonElement;
  const status = h('span', { class: 'muted', role: 'status' });
  const body = h('tbody', {});
  const form = h('form', { class: 'open-form', role: 'search' },
    h('label', { for: search.id }, ...bi('业务编号', 'business key')), search, open) as HTMLFormElement;

  const startLink = () => {
    if (!institution) return null;
    return appLink('/cases/new', navigate, { class: 'button primary' }, '＋ ', ...bi('开班申请', 'Start a class case'));
  };
  const link = (key: string) => appLink(`/cases/${encodeURIComponent(key)}`, navigate, {}, key);
  const load = async () => {
    const prefix = search.value.trim();
    status.textContent = '加载中…';
    const cases = await listCases(prefix, limit);
    // A full key that matches exactly opens the case, as the old "open a case" form did.
    if (prefix && cases.length === 1 && cases[0].businessKey === prefix) {
      navigate(`/cases/${encodeURIComponent(prefix)}`);
      return;
    }
    status.textContent = cases.length >= limit ? `最近 ${limit} 件（请用编号缩小范围）` : `${cases.length} 件`;
    body.replaceChildren(...(cases.length === 0
      ? [h('tr', {}, h('td', { colspan: '9', class: 'muted' }, prefix ? `没有以「${prefix}」开头的案件` : '暂无案件 (no cases yet)'))]
      : cases.map((c) => h('tr', {},
          h('td', {}, link(c.businessKey)),
          h('td', {}, processNames[c.processId] ?? c.processId),
          h('td', {}, c.progress?.stages.join('、') || '—'),
          h('td', {}, c.progress ? nextStep(c.progress, institution) : '—'),
          h('td', {}, dueCell(c.progress)),
          ...(institution ? [] : [h('td', {}, c.institutionName ?? c.institutionId ?? '—'), h('td', {}, c.jurisdiction ?? '—')]),
          h('td', {}, date(c.createdAt), h('div', { class: 'muted' }, c.createdBy)),
          h('td', {}, String(c.packs))))));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load().catch((err: unknown) => (status.textContent = `加载失败 (failed): ${(err as Error).message}`));
  });

  app.replaceChildren(
    h('section', { class: 'card cases' },
      h('div', { class: 'card-head' }, h('h2', {}, ...bi(zh, en)), h('div', { class: 'toolbar' }, status, startLink())),
      message ? h('p', { class: 'error', role: 'alert' }, message) : null,
      form,
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, ...bi('业务编号', 'Case')), h('th', {}, ...bi('流程', 'Process')),
          h('th', {}, ...bi('当前环节', 'Stage')), h('th', {}, ...bi('下一步', 'Next')), h('th', {}, ...bi('办理期限', 'Due')),
          ...(institution ? [] : [h('th', {}, ...bi('培训机构', 'Institution')), h('th', {}, ...bi('辖区', 'Jurisdiction'))]),
          h('th', {}, ...bi('提交', 'Filed')), h('th', {}, ...bi('材料包', 'Packs')))),
        body)),
  );
  await load();
}
