import { h } from '../dom';
import type { Contract, Standing } from './api';

const day = (iso: string) => iso.slice(0, 10);
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** Gives each body cell its column's Chinese heading (`data-label`), shown before the value when a phone stacks the table. */
export function labelCells(table: HTMLElement): HTMLElement {
  const labels = [...table.querySelectorAll('thead th')].map((th) => th.firstChild?.textContent?.trim() ?? '');
  for (const row of table.querySelectorAll('tbody tr')) [...row.children].forEach((td, i) => td.setAttribute('data-label', labels[i] ?? ''));
  return table;
}

function head(...cols: [string, string][]): HTMLElement {
  return h('thead', {}, h('tr', {}, ...cols.map(([zh, en]) => h('th', { scope: 'col' }, zh, ' ', h('small', {}, en)))));
}

/** The contracts table; `actions` adds a cell of buttons per contract (bureau staff). */
export function contractsTable(contracts: Contract[], caption: string, actions?: (c: Contract) => HTMLElement): HTMLElement {
  if (contracts.length === 0) return h('p', { class: 'muted' }, '暂无合同 ', h('small', {}, 'No contracts'));
  const cols: [string, string][] = [['合同编号', 'number'], ['职业（工种）', 'occupations'], ['地区与年度名额', 'areas, quota a year'], ['期限', 'term'],
    ['续签', 'renewal'], ['订单式', 'order-based'], ['状态', 'status'], ['登记', 'recorded']];
  if (actions) cols.push(['操作', 'actions']);
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, labelCells(h('table', { class: 'registry-table' }, h('caption', {}, caption), head(...cols),
    h('tbody', {}, ...contracts.map((c) => h('tr', {},
      h('td', {}, c.number),
      h('td', {}, c.occupations.join('、')),
      h('td', {}, c.areas.length ? c.areas.map((a) => `${a.area} ${a.quota} 人/年`).join('；') : '全辖区'),
      h('td', {}, `${day(c.startsOn)} 至 ${day(c.endsOn)}`),
      h('td', {}, c.renewedYearly ? `一年一订；已续 ${c.renewals.length} 次${c.nextRenewal ? `，下次 ${day(c.nextRenewal)}` : ''}` : '—'),
      h('td', {}, c.orderBasedPercent === null ? '—' : `${c.orderBasedPercent}%`),
      h('td', {}, h('span', { class: `badge contract-${c.status}` }, c.statusName),
        c.terminationReason ? h('div', { class: 'muted' }, `终止原因：${c.terminationReason}`) : null),
      h('td', { class: 'muted' }, `${c.recordedBy} ${when(c.recordedAt)}`),
      actions ? h('td', {}, actions(c)) : null))))));
}

/** Registration, annual reviews (R-GL-13) and blacklist entries (R-YN-12) of one institution. */
export function standingDetails(s: Standing, evidenceLinks = false): HTMLElement {
  return h('div', { class: 'registry-standing' },
    h('p', {}, h('strong', {}, '办学许可职业（工种） '), h('small', {}, 'licence (R-GL-1) '), s.licensedOccupations.join('、') || '—'),
    h('p', {}, h('strong', {}, '登记备案 '), h('small', {}, 'registration (R-QJ-1) '),
      s.registration ? `${s.registration.levelName}，${day(s.registration.registeredOn)}` : '未登记'),
    s.reviews.length === 0 ? h('p', {}, h('strong', {}, '年审 '), h('small', {}, 'annual review (R-GL-13) '), '暂无')
      : h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': '年审结果 Annual reviews' }, labelCells(h('table', { class: 'registry-table' }, h('caption', {}, '年审结果 Annual reviews (R-GL-13)'),
        head(['年度', 'year'], ['等次', 'grade'], ['公布', 'published'], ['登记', 'recorded']),
        h('tbody', {}, ...s.reviews.map((r) => h('tr', {}, h('td', {}, String(r.year)),
          h('td', {}, h('span', { class: `badge grade-${r.grade}` }, r.gradeName)), h('td', {}, r.publication), h('td', { class: 'muted' }, `${r.recordedBy} ${when(r.recordedAt)}`))))))),
    ...s.blacklist.map((b) => h('div', { class: 'notice registry-blacklist', role: 'note' },
      h('strong', {}, '已列入黑名单 '), h('small', {}, 'Blacklisted (R-YN-12) '),
      `${b.decision}：${b.reason}${b.licenceRevoked ? '；办学许可已取消' : ''}。证据 ${b.evidenceFileName}（SHA-256 ${b.evidenceSha256.slice(0, 12)}…），${b.decidedBy} ${when(b.decidedAt)} `,
      evidenceLinks ? h('a', { href: `/api/institutions/${encodeURIComponent(s.id)}/blacklist/${b.id}/evidence`, download: b.evidenceFileName }, '下载证据 ', h('small', {}, 'evidence')) : null)));
}
