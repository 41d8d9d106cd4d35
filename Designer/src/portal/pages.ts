import type { Finding, JobProgress } from '../api';
import { h, type Child, bi } from '../dom';
import { documentUrl, getCaseDocuments, getPackReport, pageImageUrl, type PackReportView, type PageReport } from './api';

/** Section ids (architecture.md) in the clerk's words. */
const sectionNames: Record<string, string> = {
  cover: '封面',
  'table-of-contents': '目录',
  'subsidy-application-form': '补贴申请表',
  'subsidy-detail-list': '补贴明细表',
  'class-opening-application': '开班申请',
  'teaching-plan': '教学计划',
  'trainee-roster': '学员花名册',
  'job-vacancy-list': '岗位空缺表',
  'training-intention-form': '培训意向表',
  'inspection-record': '督查记录',
  'entrustment-agreement': '委托协议',
  'identity-proof': '身份证明',
  certificate: '证书',
  'employment-proof': '就业证明',
  other: '其他',
};

const verdictText: Record<string, string> = { complete: '材料齐全', incomplete: '材料不全，需补正', unreadable: '材料无法识别，需重新提交' };

function sev(f: Finding): HTMLElement {
  return f.severity === 'error'
    ? h('span', { class: 'sev sev-error' }, '错误')
    : h('span', { class: 'sev sev-warning' }, '提示');
}

function findingList(findings: Finding[]): HTMLElement {
  return h('ul', { class: 'findings' }, ...findings.map((f) => h('li', {}, sev(f), ' ', f.message ?? '', ' ', h('code', {}, f.rule ?? ''))));
}

/** Which file (and its own page) a pack page is in. */
function fileOf(report: PackReportView, page: number): string {
  let first = 1;
  for (const part of report.parts) {
    if (page < first + part.pages) return report.parts.length > 1 ? `${part.fileName} 第 ${page - first + 1} 页` : part.fileName;
    first += part.pages;
  }
  return '';
}

/** The running pack check's progress: 正在逐页核对 12 / 24 页. */
export function checkProgress(job: JobProgress): HTMLElement {
  const counts = job.done != null && job.total ? `${job.done} / ${job.total} 页` : '准备中';
  return h('div', { class: 'check-progress', role: 'status' },
    h('strong', {}, job.state === 'retrying' ? '核对暂时中断，稍后自动重试' : `正在逐页识别、核对材料：${counts}`),
    h('progress', { max: '100', value: String(job.percent ?? 0), 'aria-label': '核对进度' }));
}

/**
 * The case's material check (材料检查) as a portal shows it: the verdict, the checklist (材料清单) with ✓ / ✗ per item
 * and the rule each cites, the findings of the whole pack, then every page as a thumbnail with its recognised section
 * and its findings; a page opens large with its text (← → to go through the pages, Esc to close).
 */
export function packFindingsSection(businessKey: string, packCheck: JobProgress | null | undefined): HTMLElement {
  const body = h('div', {}, h('p', { class: 'loading' }, '加载中…'));
  const section = h('section', { class: 'card', id: 'pack-findings' }, h('h2', {}, h('span', { class: 'label' }, ...bi('材料检查', 'Pack check'))),
    packCheck ? checkProgress(packCheck) : null, body);
  // A case without packs (a timer-started report) still lists its rendered documents.
  void getPackReport(businessKey).then((report) => body.replaceChildren(...(report ? reportParts(businessKey, report).filter((c): c is Node => c instanceof Node)
    : [h('p', { class: 'empty' }, packCheck ? '首次核对尚未完成' : '尚无检查报告 (no pack report yet)'), caseDocuments(businessKey)])))
    .catch((e: unknown) => body.replaceChildren(h('p', { class: 'error' }, `检查结果不可用：${(e as Error).message}`)));
  return section;
}

function reportParts(businessKey: string, report: PackReportView): Child[] {
  const byPage = new Map<number, Finding[]>();
  for (const f of report.findings) if (f.page != null) byPage.set(f.page, [...(byPage.get(f.page) ?? []), f]);
  const wholePack = report.findings.filter((f) => f.page == null);
  const dialog = pageDialog(businessKey, report, byPage);

  const verdict = h('p', { class: `verdict-line verdict-${report.verdict}` },
    h('strong', {}, verdictText[report.verdict] ?? report.verdict), ' ',
    h('span', { class: 'muted' }, `${report.summary.pages} 页，${report.parts.length} 个文件：${report.parts.map((p) => p.fileName).join('、')}`));

  const checklist = report.checklist
    ? h('div', { class: 'checklist' },
        h('h3', {}, '材料清单 ', h('small', {}, `${report.checklist.displayName}（${report.checklist.source}）`)),
        h('table', {},
          h('thead', {}, h('tr', {}, ...[['序号', 'No.'], ['材料名称', 'material'], ['要求', 'required'], ['核对', 'check'], ['所在页', 'pages'], ['依据', 'rule']]
            .map(([zh, en]) => h('th', { scope: 'col' }, ...bi(zh, en))))),
          h('tbody', {}, ...report.checklist.items.map((item, i) => {
            const ok = item.complete;
            const mark = ok
              ? h('span', { class: 'tick', 'aria-label': '已提交' }, '✓ 已提交')
              : item.found
                ? h('span', { class: 'cross' }, `✗ 页数不足（至少 ${item.minPages} 页）`)
                : item.required ? h('span', { class: 'cross' }, '✗ 缺少') : h('span', { class: 'muted' }, '— 未提交（可选）');
            return h('tr', { class: ok ? '' : item.required ? 'missing-row' : '' },
              h('td', {}, String(i + 1)), h('td', {}, item.label), h('td', {}, item.required ? '必备' : '可选'), h('td', {}, mark),
              h('td', {}, ...item.pages.flatMap((p, j) => [j ? '、' : '', pageButton(p, () => dialog.open(p))])),
              h('td', {}, h('code', {}, item.rule)));
          }))))
    : null;

  const whole = wholePack.length ? h('div', {}, h('h3', {}, ...bi('整体问题', 'whole pack')), findingList(wholePack)) : null;

  const strip = h('ol', { class: 'page-strip', 'aria-label': '逐页核对结果 pages' }, ...report.pages.map((page) => {
    const findings = byPage.get(page.number) ?? [];
    const errors = findings.filter((f) => f.severity === 'error').length;
    const img = h('img', { src: pageImageUrl(businessKey, report.sha256, page.number, 'thumb'), alt: '', loading: 'lazy', width: '240' }) as HTMLImageElement;
    img.addEventListener('error', () => img.replaceWith(h('div', { class: 'text-page', 'aria-hidden': 'true' }, page.text.slice(0, 160) || '（空白页）')));
    // Named by its visible caption and badge: 第 3 页 学员花名册 2 个问题.
    const open = h('button', { type: 'button', class: `page-thumb${errors ? ' has-errors' : findings.length ? ' has-warnings' : ''}` },
      img,
      h('span', { class: 'page-caption' }, h('strong', {}, `第 ${page.number} 页`), ' ', sectionNames[page.section] ?? page.section),
      findings.length ? h('span', { class: `page-badge${errors ? ' error' : ''}` }, `${findings.length} 个问题`) : null);
    open.addEventListener('click', () => dialog.open(page.number));
    return h('li', {}, open);
  }));

  return [verdict, checklist, whole, h('h3', {}, ...bi('逐页核对', '点击页面查看大图和识别文字')), strip, caseDocuments(businessKey), dialog.element];
}

/** 文书下载: the case's rendered notices and forms (DOCX/XLSX), filled in when they arrive; empty when it has none. */
function caseDocuments(businessKey: string): HTMLElement {
  const documents = h('div', { class: 'documents' });
  void getCaseDocuments(businessKey).then((docs) => {
    if (!docs.length) return;
    documents.replaceChildren(h('h3', {}, ...bi('文书下载', 'Notices')),
      h('ul', {}, ...docs.map((d) => h('li', {}, h('a', { href: documentUrl(businessKey, d.sha256), download: d.fileName }, d.fileName), ' ',
        h('span', { class: 'muted' }, new Date(d.at).toLocaleString('zh-CN'))))));
  }).catch(() => undefined);
  return documents;
}

function pageButton(page: number, open: () => void): HTMLElement {
  const b = h('button', { type: 'button', class: 'link' }, String(page));
  b.addEventListener('click', open);
  return b;
}

/** The large view of one page: image, section, findings, recognised text; ← → move, Esc closes (native dialog). */
function pageDialog(businessKey: string, report: PackReportView, byPage: Map<number, Finding[]>) {
  const image = h('div', { class: 'page-large' });
  const title = h('h3', { id: 'page-dialog-title' });
  const details = h('div', { class: 'page-details' });
  const prev = h('button', { type: 'button' }, '← 上一页') as HTMLButtonElement;
  const next = h('button', { type: 'button' }, '下一页 →') as HTMLButtonElement;
  const close = h('button', { type: 'button', class: 'primary' }, '关闭') as HTMLButtonElement;
  const element = h('dialog', { class: 'page-dialog', 'aria-labelledby': 'page-dialog-title' },
    h('div', { class: 'toolbar' }, title, prev, next, close), h('div', { class: 'page-view' }, image, details)) as HTMLDialogElement;
  let current = 1;
  const show = (n: number) => {
    const page: PageReport | undefined = report.pages.find((p) => p.number === n);
    if (!page) return;
    current = n;
    title.textContent = `第 ${n} / ${report.pages.length} 页 · ${sectionNames[page.section] ?? page.section}`;
    const img = h('img', { src: pageImageUrl(businessKey, report.sha256, n, 'large'), alt: `第 ${n} 页原件` }) as HTMLImageElement;
    img.addEventListener('error', () => img.replaceWith(h('p', { class: 'muted' }, '此页为文字内容（Word/Excel），没有图像')));
    image.replaceChildren(img);
    const findings = byPage.get(n) ?? [];
    details.replaceChildren(
      h('p', { class: 'muted' }, `${fileOf(report, n)} · ${page.source === 'ocr' ? `OCR 识别，置信度 ${page.confidence}` : '文字层'}`),
      findings.length ? findingList(findings) : h('p', { class: 'ok' }, '本页未发现问题'),
      h('h4', {}, ...bi('识别文字', '身份证号、手机号已遮盖')),
      h('pre', { class: 'page-text' }, page.text || '（未识别出文字）'));
    prev.disabled = n <= 1;
    next.disabled = n >= report.pages.length;
  };
  prev.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  close.addEventListener('click', () => element.close());
  element.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' && current > 1) show(current - 1);
    if (e.key === 'ArrowRight' && current < report.pages.length) show(current + 1);
  });
  return {
    element,
    open: (n: number) => {
      show(n);
      element.showModal();
      close.focus();
    },
  };
}
