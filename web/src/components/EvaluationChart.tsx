import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A series; bars with the same <code>stack</code> are stacked (the months' dispatches by category). */
export interface Series { name: string; type: 'bar' | 'line'; data: (number | null)[]; percent?: boolean; stack?: string }

/** An ECharts chart on a canvas (no inline HTML: the console's CSP allows no inline styles; the tooltip is rich text). */
export function EvaluationChart({ categories, series, testId, height = 300 }: { categories: string[]; series: Series[]; testId: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    const percent = series.some((s) => s.percent);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: percent
        ? [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }]
        : [{ type: 'value' }],
      series: series.map((s) => ({
        name: s.name, type: s.type, yAxisIndex: s.percent ? 1 : 0, connectNulls: false, stack: s.stack,
        data: s.percent ? s.data.map((v) => (v === null ? null : Math.round(v * 1000) / 10)) : s.data,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    box.current.dataset.ready = 'true';
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [categories, series]);
  return <div ref={box} data-testid={testId} className="evaluation-chart" style={{ height }} />;
}
