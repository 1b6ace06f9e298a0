import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { OrderIndicators } from '../api/evaluation';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/**
 * 超期热力图: each unit's missed deadlines (the `overdue` indicator) month by month, from the months' order indicators;
 * the units that received dispatches this year, the most overdue at the top. A canvas, as the other charts (the console's
 * CSP allows no inline HTML).
 */
export function OverdueHeatmap({ months, monthNames, testId }: { months: OrderIndicators[]; monthNames: string[]; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const { units, cells, max } = useMemo(() => {
    const overdue = (u: { values: { code: string; value: number | null }[] }) => u.values.find((v) => v.code === 'overdue')?.value ?? 0;
    const totals = new Map<string, { name: string; sum: number }>();
    months.forEach((m) => m.units.forEach((u) => {
      const t = totals.get(u.unitId) ?? { name: u.unitName.replace(/有限公司$/, ''), sum: 0 };
      totals.set(u.unitId, { ...t, sum: t.sum + overdue(u) });
    }));
    const ordered = [...totals].sort((a, b) => a[1].sum - b[1].sum || b[0].localeCompare(a[0]));
    const data = months.flatMap((m, x) => ordered.map(([id], y) => {
      const u = m.units.find((w) => w.unitId === id);
      return [x, y, u ? overdue(u) : 0];
    }));
    return { units: ordered.map(([, t]) => t.name), cells: data, max: Math.max(1, ...data.map((d) => d[2])) };
  }, [months]);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { renderMode: 'richText', formatter: (p: { value: number[] }) => `${units[p.value[1]]} ${monthNames[p.value[0]]}：超期 ${p.value[2]} 次` },
      grid: { left: 150, right: 24, top: 12, bottom: 64 },
      xAxis: { type: 'category', data: monthNames, splitArea: { show: true } },
      yAxis: { type: 'category', data: units, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f6ffed', '#ffe58f', '#ff4d4f'] } },
      series: [{ name: '超期', type: 'heatmap', data: cells, label: { show: true, formatter: (p: { value: number[] }) => (p.value[2] ? String(p.value[2]) : '') } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    box.current.dataset.ready = 'true';
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [units, cells, max, monthNames]);
  return <div ref={box} data-testid={testId} className="evaluation-chart" style={{ height: Math.max(160, 40 + units.length * 32 + 64) }} />;
}
