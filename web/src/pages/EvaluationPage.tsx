import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, InputNumber, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import {
  createScheme, exportUrl, moduleIndicators, orderIndicators, publish, scorecard, setManual, shown, suggestedScheme,
  type IndicatorDefinition, type ModuleIndicators, type OrderIndicators, type Scorecard, type ScoreLine,
} from '../api/evaluation';
import { EvaluationChart } from '../components/EvaluationChart';
import { ExportRecordsTable } from '../components/ExportRecordsTable';
import { OverdueHeatmap } from '../components/OverdueHeatmap';
import { SchemeEditorDrawer } from '../components/SchemeEditorDrawer';
import { ScoreTraceDrawer } from '../components/ScoreTraceDrawer';
import { useSession } from '../session/SessionContext';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

const orderShown = ['received', 'response_rate', 'on_time_completion_rate', 'resolution_rate', 'satisfaction_rate', 'reopen_rate', 'escalations', 'overdue'];
const gradeColor: Record<string, string> = { 优秀: 'red', 良好: 'orange', 合格: 'blue', 不合格: 'default' };
const beijingYear = () => Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
const beijingMonth = () => Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric' }));

/**
 * 统计与年度评议: the indicators of a period (orders and modules, per unit and community), ECharts of the months and of
 * the units compared, the year's scorecard ranked with grades (each point opens its records), a printable report per
 * unit, and the Excel exports. The organizer starts a scheme (the suggested one, or its own in the editor), changes it
 * (each save a new version), enters 居民代表评议 and publishes.
 */
export function EvaluationPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? beijingYear());
  const period = params.get('period') ?? String(year);
  const tab = params.get('tab') ?? 'indicators';
  const [orders, setOrders] = useState<OrderIndicators | null>(null);
  const [modules, setModules] = useState<ModuleIndicators | null>(null);
  const [months, setMonths] = useState<OrderIndicators[]>([]);
  const [card, setCard] = useState<Scorecard | null>(null);
  const [noScheme, setNoScheme] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [traced, setTraced] = useState<{ unit: string; indicator: string; unitOf?: string }>();
  const [chartIndicator, setChartIndicator] = useState('projects_claimed');
  const [reportUnit, setReportUnit] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const organizer = session?.role === 'organizer';
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    if (key === 'year') next.delete('period');
    setParams(next, { replace: true });
  };

  const load = useCallback(async () => {
    try {
      const [o, m] = await Promise.all([orderIndicators(period), moduleIndicators(period)]);
      setOrders(o);
      setModules(m);
      const last = year === beijingYear() ? beijingMonth() : 12;
      setMonths(await Promise.all(Array.from({ length: last }, (_, i) => orderIndicators(`${year}-${String(i + 1).padStart(2, '0')}`))));
      try {
        setCard(await scorecard(year));
        setNoScheme(false);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'scheme_not_found') { setCard(null); setNoScheme(true); } else throw e;
      }
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '统计加载失败，请稍后再试。');
    }
  }, [period, year]);
  useEffect(() => { void load(); }, [load]);

  const { busy, write } = useWrites();
  const act = (name: string, run: () => Promise<unknown>) => write(name, async () => {
    try { await run(); await load(); } catch (e) { setError(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。'); }
  });
  // A 评议分 cell is saved when it is left; a quick Tab through the cells saves them one after another, none is dropped.
  const manualQueue = useRef<Promise<unknown>>(Promise.resolve());
  const saveManual = (unitId: string, score: number) => {
    manualQueue.current = manualQueue.current.then(() => act(`manual-${unitId}`, () => setManual(year, unitId, score)));
  };
  const otherWrite = busy !== null && !busy.startsWith('manual-');

  const unitOf = useMemo(() => {
    const all: IndicatorDefinition[] = [...(orders?.definitions ?? []), ...(modules?.definitions ?? [])];
    return Object.fromEntries(all.map((d) => [d.code, d.unit]));
  }, [orders, modules]);

  const indicatorRows = useMemo(() => (modules?.units ?? []).map((u) => {
    const o = orders?.units.find((x) => x.unitId === u.id);
    return { key: u.id, name: u.name, values: Object.fromEntries([...(o?.values ?? []), ...u.values].map((v) => [v.code, v.value])) };
  }), [orders, modules]);

  const years = [beijingYear(), beijingYear() - 1, beijingYear() - 2];
  const periods = [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)]
    .filter((p) => year < beijingYear() || !p.includes('-') || (p.includes('Q') ? (Number(p.slice(-1)) - 1) * 3 < beijingMonth() : Number(p.slice(5)) <= beijingMonth()));

  const monthSeries = useMemo(() => {
    const v = (m: OrderIndicators, code: string) => m.total.values.find((x) => x.code === code)?.value ?? null;
    return [
      { name: '收到派单', type: 'bar' as const, data: months.map((m) => v(m, 'received')) },
      { name: '响应率', type: 'line' as const, percent: true, data: months.map((m) => v(m, 'response_rate')) },
      { name: '满意率', type: 'line' as const, percent: true, data: months.map((m) => v(m, 'satisfaction_rate')) },
    ];
  }, [months]);
  const monthNames = useMemo(() => months.map((m) => m.periodName.replace(/^\d+年/, '')), [months]);
  const categorySeries = useMemo(() => {
    const names = new Map(months.flatMap((m) => m.categories.map((c) => [c.category, c.name] as const)));
    return [...names].map(([code, name]) => ({ name, type: 'bar' as const, stack: 'categories',
      data: months.map((m) => m.categories.find((c) => c.category === code)?.received ?? 0) }));
  }, [months]);
  const unitNames = useMemo(() => (modules?.units ?? []).map((u) => u.name.replace(/有限公司$/, '')), [modules]);
  const unitSeries = useMemo(() => [{ name: modules?.definitions.find((d) => d.code === chartIndicator)?.name ?? chartIndicator, type: 'bar' as const,
    data: (modules?.units ?? []).map((u) => u.values.find((v) => v.code === chartIndicator)?.value ?? 0) }], [modules, chartIndicator]);
  const communityNames = useMemo(() => (modules?.communities ?? []).map((c) => c.name), [modules]);
  const communitySeries = useMemo(() => [{ name: '记录数', type: 'bar' as const, data: (modules?.communities ?? []).map((c) => c.records) }], [modules]);

  const indicatorColumns = [
    { title: '单位', dataIndex: 'name', fixed: 'left' as const, width: 180 },
    ...[...(orders?.definitions ?? []).filter((d) => orderShown.includes(d.code)), ...(modules?.definitions ?? [])].map((d) => ({
      title: <span title={d.definition}>{d.name}</span>, key: d.code, width: 96, align: 'right' as const,
      render: (_: unknown, r: { values: Record<string, number | null> }) => shown(r.values[d.code], d.unit),
    })),
  ];

  const scoreColumns = card ? [
    { title: '名次', dataIndex: 'rank', width: 64 },
    { title: '单位', dataIndex: 'unitName', width: 200 },
    { title: '总分', dataIndex: 'total', width: 72, align: 'right' as const, render: (v: number) => <b>{v}</b> },
    { title: '等级', dataIndex: 'grade', width: 72, render: (g: string) => <Tag color={gradeColor[g]}>{g}</Tag> },
    ...(card.scheme.manual ? [{
      title: card.scheme.manual.name, key: 'manual', width: 130, align: 'right' as const,
      render: (_: unknown, l: ScoreLine) => organizer && card.status === 'draft'
        ? <InputNumber size="small" min={0} max={card.scheme.manual!.max} defaultValue={l.manual ?? undefined} placeholder="未录入" aria-label={`${l.unitName}评议分`} disabled={otherWrite}
            onBlur={(e) => { const v = Number(e.target.value); if (e.target.value !== '' && v !== l.manual) saveManual(l.unitId, v); }} />
        : shown(l.manual),
    }] : []),
    ...card.indicators.map((d, i) => ({
      title: <span title={d.definition}>{d.name}</span>, key: d.code, width: 100, align: 'right' as const,
      render: (_: unknown, l: ScoreLine) => (
        <a data-testid={`points-${l.unitId}-${d.code}`} title={`指标值 ${shown(l.items[i].value, d.unit)}，每单位 ${l.items[i].pointsPer} 分，封顶 ${l.items[i].cap} 分`}
          onClick={() => setTraced({ unit: l.unitId, indicator: d.code, unitOf: d.unit })}>
          {l.items[i].points}{l.items[i].capped ? '（封顶）' : ''}
        </a>
      ),
    })),
  ] : [];

  const report = card?.lines.find((l) => l.unitId === (reportUnit ?? card.lines[0]?.unitId));
  const reportFigures = modules?.units.find((u) => u.id === report?.unitId);
  const reportOrders = orders?.units.find((u) => u.unitId === report?.unitId);

  return (
    <div className="evaluation-page" data-testid="evaluation-page">
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <h2 style={{ margin: 0 }}>统计与年度评议</h2>
        <Select aria-label="年度" value={year} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} onChange={(y) => set('year', String(y))} />
        <Select aria-label="统计期间" value={period} style={{ width: 150 }} options={periods.map((p) => ({ value: p, label: p === String(year) ? '全年' : p.includes('Q') ? `第${'一二三四'[Number(p.slice(-1)) - 1]}季度` : `${Number(p.slice(5))}月` }))}
          onChange={(p) => set('period', p)} />
        <Button icon={<DownloadOutlined />} href={exportUrl('indicators', period)} data-testid="export-indicators">导出指标（Excel）</Button>
        <Button type="link" href={exportUrl('indicators', period, 'csv')} data-testid="export-indicators-csv">CSV</Button>
        {card && <Button icon={<DownloadOutlined />} href={exportUrl('scorecard', String(year))} data-testid="export-scorecard">导出评议成绩（Excel）</Button>}
        {card && <Button type="link" href={exportUrl('scorecard', String(year), 'csv')} data-testid="export-scorecard-csv">CSV</Button>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="evaluation-error" closable onClose={() => setError(null)} />}
      <Tabs activeKey={tab} onChange={(k) => set('tab', k)} items={[
        {
          key: 'indicators', label: '考核指标', children: (
            <Card size="small" title={`${orders?.periodName ?? ''} 各单位考核指标`} extra={orders && <span className="muted">截至 {new Date(orders.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</span>}>
              <Table data-testid="indicators-table" size="small" rowKey="key" dataSource={indicatorRows} columns={indicatorColumns} pagination={false} scroll={{ x: 'max-content' }} />
            </Card>
          ),
        },
        {
          key: 'charts', label: '统计图表', children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small" title={`${year}年 各月工单（全街道）`}><EvaluationChart testId="chart-months" categories={monthNames} series={monthSeries} /></Card>
              <Card size="small" title={`${year}年 各月工单（按类别）`}><EvaluationChart testId="chart-categories" categories={monthNames} series={categorySeries} /></Card>
              <Card size="small" title={`${year}年 各单位各月超期次数`}><OverdueHeatmap testId="chart-overdue" months={months} monthNames={monthNames} /></Card>
              <Card size="small" title="各单位对比" extra={<Select aria-label="对比指标" size="small" style={{ width: 160 }} value={chartIndicator} onChange={setChartIndicator}
                options={(modules?.definitions ?? []).map((d) => ({ value: d.code, label: d.name }))} />}>
                <EvaluationChart testId="chart-units" categories={unitNames} series={unitSeries} />
              </Card>
              <Card size="small" title="各社区共建记录"><EvaluationChart testId="chart-communities" categories={communityNames} series={communitySeries} height={240} /></Card>
            </Space>
          ),
        },
        {
          key: 'scorecard', label: '年度评议', children: (
            <Card size="small" title={`${year}年度评议`} extra={card && (
              <Space>
                {organizer && card.status === 'draft' && <WriteButton onClick={() => setEditing(true)} data-testid="scheme-edit">修改方案</WriteButton>}
                <Tag color={card.status === 'published' ? 'green' : 'gold'} data-testid="scorecard-status">{card.status === 'published' ? `已发布 · 方案第 ${card.schemeVersion} 版` : `草稿 · 方案第 ${card.schemeVersion} 版`}</Tag>
                {organizer && card.status === 'draft' && (
                  <Popconfirm title="发布后成绩冻结，不能再修改。确定发布？" okText="发布" cancelText="取消" onConfirm={() => act('publish', () => publish(year))}>
                    <WriteButton write="publish" type="primary" data-testid="publish">发布成绩</WriteButton>
                  </Popconfirm>
                )}
              </Space>
            )}>
              {noScheme && (
                <Alert type="info" showIcon title="本年度还没有评议方案。" description={organizer ? '可以先采用推荐方案（满分 100 分：指标 80 分，居民代表评议 20 分），之后再调整。' : '请街道组织方先制定方案。'}
                  action={organizer && (
                    <Space direction="vertical">
                      <WriteButton write="suggested" data-testid="use-suggested" onClick={() => void act('suggested', () => createScheme(suggestedScheme(year)))}>采用推荐方案</WriteButton>
                      <WriteButton onClick={() => setEditing(true)} data-testid="scheme-new">自定义方案</WriteButton>
                    </Space>
                  )} />
              )}
              {savedVersion !== null && (
                <Alert type="success" showIcon closable onClose={() => setSavedVersion(null)} style={{ marginBottom: 12 }} data-testid="scheme-saved"
                  title={`已保存为方案第 ${savedVersion} 版，成绩已按新方案重新计算。`} />
              )}
              {card && (
                <>
                  <p className="muted">满分 {card.scheme.total} 分；优秀 ≥ {card.scheme.grades.excellent}，良好 ≥ {card.scheme.grades.good}，合格 ≥ {card.scheme.grades.pass}。点击得分查看计入的记录。
                    {card.lines.length < card.unitsInStreet && ` 名次为全街道 ${card.unitsInStreet} 个单位中的名次。`}</p>
                  <Table data-testid="scorecard-table" size="small" rowKey="unitId" dataSource={card.lines} columns={scoreColumns} pagination={false} scroll={{ x: 'max-content' }} />
                </>
              )}
            </Card>
          ),
        },
        {
          key: 'report', label: '打印报告', children: card && report ? (
            <div className="print-report" data-testid="report">
              <Space className="no-print" style={{ marginBottom: 12 }}>
                <Select aria-label="报告单位" style={{ width: 240 }} value={report.unitId} onChange={setReportUnit} options={card.lines.map((l) => ({ value: l.unitId, label: l.unitName }))} />
                <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
              </Space>
              <h1>{report.unitName} {year}年度共建评议报告</h1>
              <p>总分 <b>{report.total}</b> 分（满分 {card.scheme.total}），等级 <b>{report.grade}</b>，街道内第 {report.rank} 名（共 {card.unitsInStreet} 个单位）。
                {card.status === 'published' ? `成绩已于 ${new Date(card.publishedAt!).toLocaleDateString('zh-CN')} 发布，方案第 ${card.schemeVersion} 版。` : '成绩尚未发布。'}</p>
              <table className="report-table">
                <thead><tr><th>指标</th><th>指标值</th><th>计分规则</th><th>得分</th></tr></thead>
                <tbody>
                  {report.items.map((item, i) => (
                    <tr key={item.indicator}><td>{card.indicators[i].name}</td><td>{shown(item.value, card.indicators[i].unit)}</td>
                      <td>{card.indicators[i].unit === 'rate' ? `按比率计分，100% 得 ${item.pointsPer} 分，最高 ${item.cap} 分` : item.pointsPer > 0 ? `每${card.indicators[i].unit === 'hours' ? '小时' : '项'} ${item.pointsPer} 分，最高 ${item.cap} 分` : `每${card.indicators[i].unit === 'hours' ? '小时' : '次'}扣 ${-item.pointsPer} 分，最多扣 ${item.cap} 分`}</td><td>{item.points}</td></tr>
                  ))}
                  {card.scheme.manual && <tr><td>{card.scheme.manual.name}</td><td>—</td><td>满分 {card.scheme.manual.max} 分</td><td>{shown(report.manual)}</td></tr>}
                </tbody>
              </table>
              <h3>{orders?.periodName} 工作量</h3>
              <table className="report-table">
                <tbody>
                  {[...(reportOrders?.values ?? []).filter((v) => orderShown.includes(v.code)), ...(reportFigures?.values ?? [])].map((v) => (
                    <tr key={v.code}><td>{v.name}</td><td>{shown(v.value, unitOf[v.code])}</td></tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">指标定义见系统“考核指标”说明；每项得分可在工作台查看计入的记录。</p>
            </div>
          ) : <Alert type="info" showIcon title="有了年度评议成绩后，可以在这里打印各单位的年度报告。" />,
        },
        ...(organizer ? [{ key: 'exports', label: '导出记录', children: <Card><ExportRecordsTable /></Card> }] : []),
      ]} />
      {organizer && (
        <SchemeEditorDrawer year={year} open={editing} onClose={() => setEditing(false)}
          onSaved={(version) => { setEditing(false); setSavedVersion(version); void load(); }} />
      )}
      <ScoreTraceDrawer year={year} unit={traced?.unit} indicator={traced?.indicator} unitOf={traced?.unitOf} onClose={() => setTraced(undefined)} />
    </div>
  );
}
