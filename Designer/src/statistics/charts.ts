// Only what the statistics page draws: bar charts with grid, tooltip, legend and aria (screen-reader descriptions), SVG.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CategoryFigures } from './api';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

const font = { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' };

/** Two bar charts: classes, trainees and passed by category; subsidy (yuan) by category. Returns a disposer. */
export function drawCharts(people: HTMLElement, money: HTMLElement, categories: CategoryFigures[]): () => void {
  const names = categories.map((c) => c.name);
  const a = echarts.init(people, undefined, { renderer: 'svg' });
  a.setOption({
    textStyle: font,
    aria: { enabled: true, label: { description: `各培训类别的班次、人数与合格人数：${categories.map((c) => `${c.name} ${c.classes} 个班 ${c.trainees} 人 合格 ${c.passed} 人`).join('；')}` } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '班次', type: 'bar', data: categories.map((c) => c.classes), itemStyle: { color: '#1d5fa8' } },
      { name: '人数', type: 'bar', data: categories.map((c) => c.trainees), itemStyle: { color: '#f08c00' } },
      { name: '合格人数', type: 'bar', data: categories.map((c) => c.passed), itemStyle: { color: '#3b8a0f' } },
    ],
  });
  const b = echarts.init(money, undefined, { renderer: 'svg' });
  b.setOption({
    textStyle: font,
    aria: { enabled: true, label: { description: `各培训类别的补贴资金（元）：${categories.map((c) => `${c.name} ${c.subsidy} 元`).join('；')}` } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toLocaleString('zh-CN')} 元` },
    legend: { top: 0 },
    grid: { left: 72, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '元' },
    series: [{ name: '补贴资金（元）', type: 'bar', data: categories.map((c) => c.subsidy), itemStyle: { color: '#7a4cc2' } }],
  });
  const resize = () => { a.resize(); b.resize(); };
  window.addEventListener('resize', resize);
  return () => { window.removeEventListener('resize', resize); a.dispose(); b.dispose(); };
}
