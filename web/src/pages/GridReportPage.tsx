import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Empty, Image, Input, Select, Space, Table, Tabs, Tag, Timeline } from 'antd';
import { api, ApiError } from '../api/client';
import { categoryNames } from '../api/admin';
import { beijing, getReport, gridNames, reportPhoto, reportStatusColor, type DuplicateSuggestion, type GridReportView, type GridTimelineEntry } from '../api/grids';
import { useAction } from '../components/useAction';
import { WriteButton } from '../components/WriteButton';

/**
 * One 格事坊 report: what the worker saw (text, place, photos, the location and who reported — staff only), its timeline,
 * and for the community's staff while it is open the four ways to settle it: 就地解决, 转为派单 (the order's completion closes
 * it), 转交 another body, or 合并 into an open report of the same place and kind among the suggested duplicates.
 */
export function GridReportPage() {
  const { id = '' } = useParams();
  const [report, setReport] = useState<GridReportView | null>(null);
  const [timeline, setTimeline] = useState<GridTimelineEntry[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateSuggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [body, setBody] = useState('');
  const [handNote, setHandNote] = useState('');
  const [category, setCategory] = useState<string>();
  const [names, setNames] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    try {
      const r = await getReport(id);
      setReport(r);
      void gridNames(r.communityId).then(setNames);
      setTimeline((await api<{ entries: GridTimelineEntry[] }>('GET', `grid-reports/${encodeURIComponent(id)}/timeline`)).entries);
      setDuplicates(r.actions.includes('merge') ? (await api<{ items: DuplicateSuggestion[] }>('GET', `grid-reports/${encodeURIComponent(id)}/duplicates`)).items : null);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上报加载失败，请稍后再试。');
    }
  }, [id]);
  useEffect(() => { void load(); }, [load]);
  const { run } = useAction(load, '上报');

  const act = async (name: string, path: string, payload: unknown, done: string) => {
    // The report is read again inside the write: the buttons come back with the new state.
    await run(name, async () => { await api('POST', `grid-reports/${encodeURIComponent(id)}/${path}`, payload); await load(); }, done);
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!report) return <Card loading />;
  const photos = [...report.photoIds, ...report.outcomePhotoIds];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span>上报 {report.id} <Tag color={reportStatusColor[report.status] ?? 'default'} data-testid="report-status">{report.statusText}</Tag></span>}
        extra={<Link to="/gridreports">返回格事坊</Link>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="类别">{report.categoryText}</Descriptions.Item>
          <Descriptions.Item label="网格">{names[report.gridId] ?? report.gridId}</Descriptions.Item>
          <Descriptions.Item label="地点">{report.place || '—'}</Descriptions.Item>
          <Descriptions.Item label="上报时间">{beijing(report.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="问题" span={2}>{report.text}</Descriptions.Item>
          <Descriptions.Item label="上报人">{report.reporter ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="定位（仅工作人员可见）">
            {report.lat !== undefined && report.lon !== undefined ? `北纬 ${report.lat.toFixed(5)}，东经 ${report.lon.toFixed(5)}` : '—'}
          </Descriptions.Item>
          {report.orderId && <Descriptions.Item label="派单"><Link to={`/orders/${encodeURIComponent(report.orderId)}`} data-testid="report-order">{report.orderId}</Link></Descriptions.Item>}
          {report.handedTo && <Descriptions.Item label="转交">{report.handedTo}</Descriptions.Item>}
          {report.mergedInto && <Descriptions.Item label="并入"><Link to={`/gridreports/${encodeURIComponent(report.mergedInto)}`}>{report.mergedInto}</Link></Descriptions.Item>}
          {report.duplicates.length > 0 && <Descriptions.Item label="并入本条">{report.duplicates.join('、')}</Descriptions.Item>}
          {report.note && <Descriptions.Item label="处置说明" span={2}>{report.note}</Descriptions.Item>}
        </Descriptions>
        {photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap style={{ marginTop: 12 }}>
              {photos.map((p) => <Image key={p} width={120} height={90} style={{ objectFit: 'cover' }} src={reportPhoto(report.id, p)} alt="现场照片" />)}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>

      {report.actions.length > 0 && (
        <Card title="处置" data-testid="report-actions">
          <Tabs items={[
            {
              key: 'resolve', label: '就地解决', children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea rows={3} maxLength={500} placeholder="说明怎样解决的，例如：已联系物业当场清理。" value={note} onChange={(e) => setNote(e.target.value)} data-testid="resolve-note" />
                  <WriteButton write="resolve" type="primary" data-testid="resolve"
                    onClick={() => void act('resolve', 'resolve', { note }, '已就地解决，网格员会收到通知。')}>就地解决</WriteButton>
                </Space>
              ),
            },
            {
              key: 'order', label: '转为派单', children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <span>转为工单进入派单流程，联系人为网格团队；工单办结后本上报自动关闭。</span>
                  <Select allowClear placeholder="服务类别（可选）" style={{ width: 220 }} value={category} onChange={setCategory}
                    options={Object.entries(categoryNames).map(([value, label]) => ({ value, label }))} />
                  <WriteButton write="order" type="primary" data-testid="to-order"
                    onClick={() => void act('order', 'order', { category }, '已转为派单。')}>转为派单</WriteButton>
                </Space>
              ),
            },
            {
              key: 'hand', label: '转交', children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input maxLength={40} placeholder="转交给哪个部门，例如：财源街道城管办" value={body} onChange={(e) => setBody(e.target.value)} data-testid="handover-body" />
                  <Input.TextArea rows={3} maxLength={500} placeholder="说明情况，例如：已联系交警，无人认领。" value={handNote} onChange={(e) => setHandNote(e.target.value)} data-testid="handover-note" />
                  <WriteButton write="hand" type="primary" data-testid="handover"
                    onClick={() => void act('hand', 'hand-over', { body, note: handNote }, '已转交。')}>转交</WriteButton>
                </Space>
              ),
            },
            {
              key: 'merge', label: `合并${duplicates && duplicates.length > 0 ? `（疑似重复 ${duplicates.length}）` : ''}`, children: (
                duplicates && duplicates.length > 0 ? (
                  <Table<DuplicateSuggestion> rowKey="id" size="small" pagination={false} dataSource={duplicates} data-testid="duplicates"
                    columns={[
                      { title: '上报', render: (_, d) => <Link to={`/gridreports/${encodeURIComponent(d.id)}`}>{d.id}</Link>, width: 160 },
                      { title: '问题', dataIndex: 'text', ellipsis: true },
                      { title: '相距', width: 80, render: (_, d) => `${d.distanceMetres} 米` },
                      { title: '相似度', width: 80, render: (_, d) => `${Math.round(d.similarity * 100)}%` },
                      { title: '', width: 110, render: (_, d) => <WriteButton write={`merge-${d.id}`} size="small" data-testid={`merge-${d.id}`}
                        onClick={() => void act(`merge-${d.id}`, 'merge', { targetId: d.id }, `已并入 ${d.id}。`)}>并入这条</WriteButton> },
                    ]} />
                ) : <Empty description="附近没有同类的未办结上报" />
              ),
            },
          ]} />
        </Card>
      )}

      <Card title="处置记录">
        <Timeline items={timeline.map((t) => ({
          children: (
            <div data-testid={`timeline-${t.type}`}>
              <div>{t.description}</div>
              {t.note && <div style={{ color: '#666' }}>{t.note}</div>}
              <div style={{ color: '#999', fontSize: 12 }}>{beijing(t.at)} · {t.by.name ?? t.by.role}</div>
            </div>
          ),
        }))} />
      </Card>
    </Space>
  );
}
