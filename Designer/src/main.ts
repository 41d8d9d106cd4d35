import './style.css';
import { ApiError, getCase, getDefinitionXml, getInstance, me, type CaseView, type Finding, type JobProgress, type Me } from './api';
import { h, type Child, bi, appLink } from './dom';
import { currentLang } from './i18n';
import { renderLogin } from './login';
import { goToLogin, isLoginPage } from './redirects';
import { showSession } from './session';

/** A Chinese label with its English name in small text. */
function label(zh: string, en: string): HTMLElement {
  return h('span', { class: 'label' }, ...bi(zh, en));
}

function time(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const statusText: Record<string, [string, string]> = {
  Active: ['进行中', 'active'],
  Completed: ['已完成', 'completed'],
  Incident: ['异常', 'incident'],
  Cancelled: ['已取消', 'cancelled'],
  Terminated: ['已终止', 'terminated'],
};

const verdictText: Record<string, [string, string]> = {
  complete: ['材料齐全', 'complete'],
  incomplete: ['材料不全', 'incomplete'],
  unreadable: ['无法识别', 'unreadable'],
};

const kindText: Record<string, string> = {
  UserTask: '人工任务',
  Job: '自动作业',
  Message: '等待消息',
  Timer: '定时器',
  CallActivity: '子案件',
};

function badge(text: [string, string] | undefined, raw: string, cls: string): HTMLElement {
  const [zh, en] = text ?? [raw, ''];
  return h('span', { class: `badge ${cls}` }, ...(en ? bi(zh, en) : [zh]));
}

function table(headers: HTMLElement[], rows: Child[][], empty: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}

const outcomeText: Record<string, [string, string]> = {
  approve: ['同意', 'approved'],
  reject: ['不同意', 'rejected'],
};

/** A task completion's outcome as a badge, with its comment. */
function decision(outcome: string | null | undefined, comment: string | null | undefined): Child {
  if (!outcome && !comment) return '';
  return h('span', {}, outcome ? badge(outcomeText[outcome], outcome, outcome === 'approve' ? 'completed' : 'incident') : null, comment ? ` ${comment}` : null);
}

function section(title: HTMLElement, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function renderHome(app: HTMLElement, message?: string): void {
  if (signedInUser) {
    const user = signedInUser;
    void import('./cases/list').then((m) => m.renderCaseList(app, user, navigate, message))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `案件列表不可用 (cases unavailable): ${(e as Error).message}`)));
    return;
  }
  document.title = 'Pipeline · 打开案件 Open a case';
  const input = h('input', {
    type: 'text',
    name: 'businessKey',
    placeholder: '例如 e.g. JZ-2026-0001',
    required: '',
    autofocus: '',
  }) as HTMLInputElement;
  const form = h(
    'form',
    { class: 'open-form' },
    h('label', { for: 'bk' }, label('业务编号', 'business key')),
    input,
    h('button', { type: 'submit' }, ...bi('打开', 'open')),
  );
  input.id = 'bk';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const key = input.value.trim();
    if (key) navigate(`/cases/${encodeURIComponent(key)}`);
  });
  app.replaceChildren(
    section(label('打开案件', 'Open a case'), message ? h('p', { class: 'error' }, message) : null, form),
  );
}

function findingRows(findings: Finding[]): Child[][] {
  const sorted = [...findings].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return sorted.map((f) => [
    f.page == null ? h('span', { class: 'muted' }, ...bi('全卷', 'whole pack')) : String(f.page),
    h('code', {}, f.rule ?? ''),
    f.severity === 'error'
      ? h('span', { class: 'sev sev-error' }, ...bi('错误', 'error'))
      : h('span', { class: 'sev sev-warning' }, '提示 ', h('small', {}, f.severity ?? 'warning')),
    f.message ?? '',
  ]);
}

/** The pack report as a verdict line and a table of findings (pages without a case to show them by). */
function reportRows(view: CaseView): Child[] {
  const report = view.report;
  if (!report) return [h('p', { class: 'empty' }, '尚无检查报告 (no pack report yet)')];
  const verdict = report.verdict ?? '';
  return [
    h('p', { class: 'verdict-line' }, label('结论', 'verdict'), ' ', badge(verdictText[verdict], verdict || '—', `verdict-${verdict}`),
      report.file ? h('span', { class: 'muted file' }, report.file) : null),
    report.missing?.length ? h('p', {}, label('缺少', 'missing'), ' ', ...report.missing.map((m) => h('code', { class: 'missing' }, String(m)))) : null,
    table([label('页', 'page'), label('规则', 'rule'), label('级别', 'severity'), label('说明', 'message')], findingRows(report.findings ?? []), '没有发现问题 (no findings)'),
  ];
}

/** A due time, marked overdue when it has passed. */
function due(at: string): Child {
  const overdue = new Date(at).getTime() < Date.now();
  return h('span', { class: overdue ? 'overdue' : '' }, time(at), overdue ? h('small', {}, ' 已逾期 overdue') : null);
}

const jobStateText: Record<string, string> = { queued: '排队中', running: '处理中', retrying: '等待重试' };

/** A job's state and progress: "处理中 running · 3/7 pages" with a bar. */
function jobProgress(job: JobProgress): Child {
  const counts = job.done != null && job.total ? ` · ${job.done}/${job.total} ${job.unit ?? ''}` : '';
  const retry = job.try > 1 ? ` · 第 ${job.try} 次 (try ${job.try})` : '';
  return h(
    'div',
    { class: 'job' },
    h('small', {}, `${jobStateText[job.state] ?? job.state} ${job.state}${counts}${retry}`),
    job.percent != null ? h('progress', { max: '100', value: String(job.percent) }) : null,
  );
}

/** While a job runs the page follows it: re-read the case every 2 s as long as the same case is shown. */
const refreshMs = 2000;

/** What a page shows: a case by business key, or one instance by id (a child case). */
type Target = { businessKey: string } | { instanceId: string };

/** A link inside the app (no page reload). */
function link(path: string, ...children: Child[]): HTMLElement {
  return appLink(path, navigate, {}, ...children);
}

async function renderCase(app: HTMLElement, target: Target, refreshing = false): Promise<void> {
  const what = 'businessKey' in target ? target.businessKey : target.instanceId;
  document.title = `Pipeline · ${what}`;
  if (!refreshing) app.replaceChildren(h('p', { class: 'loading' }, ...bi('加载中…', 'loading')));
  let view: CaseView;
  try {
    view = 'businessKey' in target ? await getCase(target.businessKey) : await getInstance(target.instanceId);
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    const msg =
      status === 404
        ? `没有此案件，或不在您的权限范围内 (no case '${what}' within your reach)`
        : status === 403
          ? `您的角色无权查看此案件 (your role may not see '${what}')`
          : `加载失败 (failed): ${(e as Error).message}`;
    renderHome(app, msg);
    return;
  }

  const diagram = h('div', { class: 'diagram', id: 'diagram' });
  const diagramNote = h('p', { class: 'note' });
  const legend = h(
    'div',
    { class: 'legend' },
    h('span', { class: 'key key-done' }), label('已完成', 'done'),
    h('span', { class: 'key key-waiting' }), label('等待中', 'waiting'),
    h('span', { class: 'key key-incident' }), label('异常', 'incident'),
  );

  const summary = h(
    'section',
    { class: 'card summary' },
    h('div', {}, label('业务编号', 'business key'), h('strong', { class: 'key-value' }, view.businessKey)),
    h('div', {}, label('流程', 'process'), h('span', {}, h('code', {}, view.processId), ` v${view.version}`)),
    h('div', {}, label('状态', 'status'), badge(statusText[view.status], view.status, `status-${view.status.toLowerCase()}`)),
    h('div', {}, label('开始', 'started'), h('span', {}, time(view.startedAt))),
    view.endedAt ? h('div', {}, label('结束', 'ended'), h('span', {}, time(view.endedAt))) : null,
    view.parentInstanceId
      ? h('div', {}, label('上级案件', 'parent'), link(`/instances/${view.parentInstanceId}`, ...bi('打开', 'open')))
      : null,
  );

  const children = view.children.length
    ? section(
        label('子案件', 'Child cases'),
        table(
          [label('流程', 'process'), label('状态', 'status'), label('开始', 'started'), label('待办', 'waiting'), label('异常', 'incidents')],
          view.children.map((c) => [
            link(`/instances/${c.instanceId}`, h('code', {}, c.processId), ` v${c.version}`),
            badge(statusText[c.status], c.status, `status-${c.status.toLowerCase()}`),
            time(c.startedAt),
            String(c.waiting),
            c.incidents ? h('span', { class: 'overdue' }, String(c.incidents)) : '0',
          ]),
          '',
        ),
      )
    : null;

  const tasks = table(
    [label('类型', 'kind'), label('名称', 'name'), label('节点', 'node'), label('角色', 'roles'), label('自', 'since'), label('期限', 'due')],
    view.waiting.map((w) => [
      h('span', {}, kindText[w.kind] ?? w.kind, ' ', h('small', {}, w.kind)),
      w.job ? h('div', {}, w.name, jobProgress(w.job)) : w.name,
      h('code', {}, w.nodeId),
      w.candidateGroups.length ? w.candidateGroups.join(', ') : '—',
      time(w.since),
      w.dueAt ? due(w.dueAt) : '—',
    ]),
    '没有待办任务 (no open tasks)',
  );

  const incidents = view.incidents.length
    ? section(
        label('异常', 'Incidents'),
        table(
          [label('节点', 'node'), label('信息', 'message')],
          view.incidents.map((i) => [h('code', {}, i.nodeId), i.message]),
          '',
        ),
      )
    : null;

  // The material check page by page with its checklist (材料清单) and notices; the bare table where no case holds it.
  const findings = view.businessKey
    ? (await import('./portal/pages')).packFindingsSection(view.businessKey, view.packCheck)
    : section(label('材料检查', 'Pack findings'), ...reportRows(view));

  // Time limits (办理时限): what the case waits for, promised working days against working days used.
  const deadlines = view.deadlines ?? [];
  const deadlineSection = deadlines.length
    ? section(label('办理时限', 'Time limits'), table(
        [label('环节', 'step'), label('办理方', 'by'), label('开始', 'since'), label('承诺时限', 'promised'), label('已用时', 'used'), label('状态', 'status')],
        deadlines.map((d) => {
          const left = d.remainingWorkingDays;
          const state = left == null ? h('span', { class: 'muted' }, '未设时限')
            : left < 0 ? h('span', { class: 'overdue' }, `已逾期 ${-left} 个工作日`)
              : left === 0 ? h('span', { class: 'overdue' }, '今日到期') : `剩 ${left} 个工作日`;
          return [
            d.name,
            d.party === 'institution' ? '培训机构' : '人社局',
            time(d.since),
            d.promisedWorkingDays == null ? '—' : h('span', {}, `${d.promisedWorkingDays} 个工作日`, h('div', { class: 'muted' }, `截至 ${time(d.dueAt).slice(0, 10)}`)),
            `${d.usedWorkingDays} 个工作日`,
            state,
          ];
        }),
        ''))
    : null;

  // Decisions (办理结果): each task's outcome and comment, as the institution reads them.
  const decisions = view.decisions ?? [];
  const decisionSection = decisions.length
    ? section(label('办理结果', 'Decisions'), table(
        [label('时间', 'time'), label('办理人', 'by'), label('环节', 'step'), label('结果与意见', 'decision')],
        decisions.map((e) => [h('span', { class: 'nowrap' }, time(e.at)), e.actor, e.nodeId ? h('code', {}, e.nodeId) : '', decision(e.outcome, e.comment)]),
        ''))
    : null;

  const packs = table(
    [label('文件', 'file'), label('动作', 'action'), label('时间', 'at'), label('提交人', 'by')],
    view.packs.map((p) => [p.fileName, p.action, time(p.at), p.by]),
    '没有材料包 (no packs)',
  );

  const history = table(
    [label('时间', 'time'), label('操作人', 'actor'), label('事件', 'kind'), label('节点', 'node'), label('详情', 'detail'), label('意见', 'decision')],
    view.history.map((e) => [
      h('span', { class: 'nowrap' }, time(e.at)),
      e.actor,
      h('code', {}, e.kind),
      e.nodeId ? h('code', {}, e.nodeId) : '',
      e.detail ?? '',
      decision(e.outcome, e.comment),
    ]),
    '没有记录 (no history)',
  );

  // Institution staff resubmit a corrected pack when the case waits for one (the portal's 补正材料).
  const institution = signedInUser?.roles.includes('institution') ?? false;
  const step = (view.deadlines ?? []).find((d) => d.party === 'institution')?.name ?? '补正材料';
  const resubmit = 'businessKey' in target && view.awaitsPack && institution
    ? (await import('./portal/resubmit')).resubmitSection(target.businessKey, step, () => void renderCase(app, target, true))
    : null;
  const expected = resubmit
    ? h('p', { class: 'notice', role: 'status' }, `请${step}：本案件正在等待您提交材料。`, h('a', { href: '#resubmit' }, '去提交 ↓'))
    : null;
  const parts: Child[] = [
    summary,
    expected,
    section(label('流程图', 'Diagram'), legend, diagram, diagramNote),
    section(label('待办任务', 'Open tasks'), tasks),
    incidents,
    children,
    deadlineSection,
    findings,
    resubmit,
    decisionSection,
    section(label('材料包', 'Packs'), packs),
    section(label('历史', 'History'), history),
  ];
  app.replaceChildren(...parts.filter((p): p is Node => p instanceof Node));

  try {
    // bpmn-js loads with the first diagram, so the sign-in and home pages stay light.
    const [xml, { markersOf, showDiagram }] = await Promise.all([getDefinitionXml(view.processId, view.version), import('./diagram')]);
    const warnings = await showDiagram(diagram, xml, markersOf(view));
    if (warnings.length) diagramNote.textContent = `${warnings.length} 个导入警告 (import warnings)`;
  } catch (e) {
    diagram.classList.add('diagram-failed');
    diagram.textContent = `流程图不可用 (diagram unavailable): ${(e as Error).message}`;
  }

  if (view.waiting.some((w) => w.job) || view.working) {
    const shown = location.pathname;
    setTimeout(() => {
      if (location.pathname === shown) void renderCase(app, target, true);
    }, refreshMs);
  }
}

/** Who is signed in (set once by start()). */
let signedInUser: Me | null = null;

/** The top bar's links: 我的待办 and the case list (我的案件 or 案件) for everyone, 流程设计 for administrators; the current one marked. */
function showNav(nav: HTMLElement, user: Me): void {
  const institution = user.roles.includes('institution');
  const links: [string, string, string][] = [['/tasks', '我的待办', 'My tasks'], ['/cases', institution ? '我的案件' : '案件', institution ? 'My cases' : 'Cases']];
  if (!institution) links.push(['/tracker', '案件跟踪', 'Case tracker'], ['/statistics', '统计', 'Statistics']);
  // Institutions and contracts registry (issue 14).
  links.push(institution ? ['/my/standing', '我的合同与考核', 'My contracts'] : ['/institutions', '机构管理', 'Institutions']);
  links.push(['/tenders', '招标', 'Tenders']);
  if (user.roles.includes('admin')) links.push(['/designer', '流程设计', 'Designer']);
  nav.replaceChildren(...links.map(([path, zh, en]) => {
    const a = h('a', { href: path }, ...bi(zh, en));
    a.addEventListener('click', (e) => {
      if (path.startsWith('/designer')) return; // the designer guards its unsaved edits with a full load
      e.preventDefault();
      navigate(path);
    });
    return a;
  }));
  nav.hidden = false;
}

function markNav(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    const path = a.getAttribute('href')!;
    const current = path === '/cases' ? location.pathname === '/' || location.pathname.startsWith('/cases') : location.pathname.startsWith(path);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function route(): void {
  const app = document.getElementById('app')!;
  markNav();
  if (/^\/tasks\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./tasks/inbox').then((m) => m.renderInbox(app, user, navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `待办不可用 (tasks unavailable): ${(e as Error).message}`)));
    return;
  }
  if (/^\/tracker\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./tracker/page').then((m) => m.renderTracker(app, user, navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `案件跟踪不可用 (tracker unavailable): ${(e as Error).message}`)));
    return;
  }
  if (/^\/statistics\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./statistics/page').then((m) => m.renderStatistics(app, user, navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `统计不可用 (statistics unavailable): ${(e as Error).message}`)));
    return;
  }
  // Institutions and contracts registry (issue 14).
  if (/^\/institutions\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./institutions/page').then((m) => m.renderInstitutions(app, user))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `机构管理不可用 (institutions unavailable): ${(e as Error).message}`)));
    return;
  }
  if (/^\/tenders\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./tenders/page').then((m) => m.renderTenders(app, user, navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `招标采购不可用 (tenders unavailable): ${(e as Error).message}`)));
    return;
  }
  if (/^\/my\/standing\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./institutions/mine').then((m) => m.renderMyStanding(app, user))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `我的合同与考核不可用 (unavailable): ${(e as Error).message}`)));
    return;
  }
  // Task page and task forms (issue 13).
  const taskPage = /^\/tasks\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/?$/.exec(window.location.pathname);
  if (taskPage && signedInUser) {
    const user = signedInUser;
    void import('./tasks/page').then((m) => m.renderTaskPage(app, user, taskPage[1], taskPage[2], navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `任务不可用 (task unavailable): ${(e as Error).message}`)));
    return;
  }
  const formPage = /^\/designer\/forms(?:\/([^/]+))?\/?$/.exec(window.location.pathname);
  if (formPage) {
    const fail = (e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `表单设计不可用 (forms unavailable): ${(e as Error).message}`));
    if (!formPage[1]) void import('./forms/list').then((m) => m.renderFormList(app, navigate)).catch(fail);
    else void import('./forms/editor').then((m) => m.renderFormEditor(app, formPage[1] === 'new' ? null : decodeURIComponent(formPage[1]), navigate)).catch(fail);
    return;
  }
  const compare = /^\/designer\/([^/]+)\/compare\/(\d+)\/(\d+)\/?$/.exec(window.location.pathname);
  if (compare) {
    void import('./designer/compare')
      .then((m) => m.renderCompare(app, decodeURIComponent(compare[1]), Number(compare[2]), Number(compare[3]), navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `无法对比 (compare failed): ${(e as Error).message}`)));
    return;
  }
  const designer = /^\/designer(?:\/([^/]+)(?:\/(\d+))?)?\/?$/.exec(window.location.pathname);
  if (designer) {
    const fail = (e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `流程设计器不可用 (designer unavailable): ${(e as Error).message}`));
    // The modeler and its panels load only here, so other pages stay light.
    if (!designer[1]) void import('./designer/list').then((m) => m.renderDefinitionList(app, navigate)).catch(fail);
    else {
      const id = designer[1] === 'new' ? null : decodeURIComponent(designer[1]);
      void import('./designer/modeler').then((m) => m.renderModeler(app, id, designer[2] ? Number(designer[2]) : null, navigate)).catch(fail);
    }
    return;
  }
  if (/^\/cases\/new\/?$/.test(window.location.pathname) && signedInUser) {
    const user = signedInUser;
    void import('./portal/start').then((m) => m.renderStartCase(app, user, navigate))
      .catch((e: unknown) => app.replaceChildren(h('p', { class: 'error' }, `开班申请不可用 (unavailable): ${(e as Error).message}`)));
    return;
  }
  const byKey = /^\/cases\/([^/]+)\/?$/.exec(window.location.pathname);
  const byId = /^\/instances\/([0-9a-f-]{36})\/?$/.exec(window.location.pathname);
  if (byKey) void renderCase(app, { businessKey: decodeURIComponent(byKey[1]) });
  else if (byId) void renderCase(app, { instanceId: byId[1] });
  else renderHome(app);
}

function navigate(path: string): void {
  history.pushState(null, '', path);
  route();
}

/** Signed in: the top bar shows who, then the page. Not signed in: the sign-in page. */
async function start(): Promise<void> {
  const app = document.getElementById('app')!;
  const session = document.getElementById('session')!;
  const user = me();
  if (isLoginPage()) {
    renderLogin(app, user);
    user.then((u) => u && showSession(session, u)).catch(() => undefined);
    return;
  }
  app.replaceChildren(h('p', { class: 'loading' }, ...bi('加载中…', 'loading')));
  let signedIn: Awaited<typeof user>;
  try {
    signedIn = await user;
  } catch (e) {
    app.replaceChildren(h('p', { class: 'error' }, `无法连接服务 (service unavailable): ${(e as Error).message}`));
    return;
  }
  if (!signedIn) {
    goToLogin();
    return;
  }
  document.documentElement.lang = currentLang();
  showSession(session, signedIn);
  signedInUser = signedIn;
  showNav(document.getElementById('nav')!, signedIn);
  window.addEventListener('popstate', route);
  route();
}

void start();
