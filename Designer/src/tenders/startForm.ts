import { h } from '../dom';
import { field, formBox, input } from '../formBox';
import { startTender, type TenderLot } from './api';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const names = (text: string) => text.split(/[\n、,，;；]+/).map((l) => l.trim()).filter(Boolean);

/** `第一标段 | 电工、育婴员 | 70 | 2 | 麒麟区` → a lot (winners and area optional). */
function lot(line: string): TenderLot {
  const [name, occupations, headcount, winners, area] = line.split('|').map((p) => p.trim());
  return {
    name, occupations: names(occupations ?? ''), headcount: Number(headcount) || 0,
    winners: winners ? Number(winners) : null, area: area || null,
  };
}

/**
 * 发起招标 (reviewers and administrators): the notice (title, method, occupations, planned headcount, lots), the
 * evaluator pool and how many to draw, the contract term; in Wenshui the lottery's seed and areas (R-WS-2). The
 * server checks the shape; the regulation's checks run in the process (tender.check), whose refusals become a task.
 */
export function startForm(jurisdiction: string, started: (key: string) => void): HTMLElement {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const title = input({ id: 'tender-title', required: '', maxlength: '200', placeholder: '××区2027年职业技能培训项目招标公告' });
  const method = h('select', { id: 'tender-method' },
    ...[['open', '公开招标'], ['invited', '邀请招标'], ['competitive-negotiation', '竞争性谈判'], ['competitive-consultation', '竞争性磋商']]
      .map(([v, zh]) => h('option', { value: v }, zh))) as HTMLSelectElement;
  const occupations = h('textarea', { id: 'tender-occupations', rows: '2', required: '', placeholder: '电工、育婴员' }) as HTMLTextAreaElement;
  const headcount = input({ id: 'tender-headcount', type: 'number', min: '1', required: '' });
  const lots = h('textarea', { id: 'tender-lots', rows: '2', placeholder: '第一标段 | 电工 | 70 | 2 | 麒麟区' }) as HTMLTextAreaElement;
  const pool = h('textarea', { id: 'tender-pool', rows: '3', required: '', placeholder: '专家甲\n专家乙\n专家丙' }) as HTMLTextAreaElement;
  const count = input({ id: 'tender-count', type: 'number', min: '1', required: '', value: '3' });
  const seed = input({ id: 'tender-seed', maxlength: '200' });
  const starts = input({ id: 'tender-starts', type: 'date', required: '', value: today });
  const ends = input({ id: 'tender-ends', type: 'date' });
  const fields = [
    field('公告标题', 'notice title', title), field('采购方式', 'method', method), field('培训职业（工种）', 'occupations', occupations),
    field('计划培训人数', 'planned trainees', headcount),
    field('标段（每行：名称 | 职业 | 人数 | 入围家数 | 区域）', 'lots, one a line', lots),
    field('评审专家库（每行一人）', 'evaluator pool, one a line', pool), field('抽取专家人数', 'evaluators to draw', count),
    field('抽取种子（可空）', 'draw seed, optional', seed), field('合同服务期起始日', 'contract from', starts), field('合同截止日（辖区未规定期限时填写）', 'contract to', ends),
  ];
  const lotterySeed = input({ id: 'tender-lottery-seed', maxlength: '200' });
  const lotteryAreas = h('textarea', { id: 'tender-lottery-areas', rows: '3', placeholder: '开栅镇 120\n南庄镇 100' }) as HTMLTextAreaElement;
  if (jurisdiction === 'wenshui')
    fields.push(field('抽签种子（R-WS-2）', 'lottery seed', lotterySeed), field('抽签区域 年度任务数（每行一个）', 'areas and yearly quotas', lotteryAreas));
  return formBox('发起招标', 'Start a tender', fields, () => startTender({
    title: title.value, method: method.value, occupations: names(occupations.value), headcount: Number(headcount.value),
    lots: lines(lots.value).map(lot), shortlistOnly: false, evaluatorPool: lines(pool.value), evaluatorCount: Number(count.value),
    evaluatorSeed: seed.value || null, contractStartsOn: starts.value || null, contractEndsOn: ends.value || null,
    lotterySeed: lotterySeed.value || null,
    lotteryAreas: lines(lotteryAreas.value).map((l) => {
      const m = /^(.*?)[\s,，:：]+(\d+)\s*人?$/.exec(l);
      return m ? { area: m[1].trim(), quota: Number(m[2]) } : { area: l, quota: 0 };
    }),
  }), (answer) => started(answer.key));
}

/** Fills the start form from an approved plan (R-QJ-3: the object is the planned headcount) and opens it. */
export function fillFromPlan(form: HTMLElement, plan: { jurisdictionName: string; planYear: number | null; occupations: string[]; plannedHeadcount: number | null }): void {
  const set = (id: string, value: string) => { const el = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`); if (el) el.value = value; };
  set('tender-title', `${plan.jurisdictionName}${plan.planYear ?? ''}年职业技能培训项目招标公告`);
  set('tender-occupations', plan.occupations.join('、'));
  set('tender-headcount', plan.plannedHeadcount === null ? '' : String(plan.plannedHeadcount));
  (form as HTMLDetailsElement).open = true;
  form.scrollIntoView({ block: 'start' });
  form.querySelector<HTMLInputElement>('#tender-title')?.focus();
}
