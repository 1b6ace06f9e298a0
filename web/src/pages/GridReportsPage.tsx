import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Segmented, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { beijing, gridNames, listReports, reportStatusColor, type GridReportRow } from '../api/grids';
import { useSession } from '../session/SessionContext';

const filters = [
  { value: 'open', label: '待处置' }, { value: 'ordered', label: '已转派单' }, { value: 'done', label: '已办结' }, { value: 'all', label: '全部' },
];
const done = new Set(['resolved', 'closed', 'handed_over', 'merged']);

/**
 * 格事坊: the reports of the dispatcher's community (the organizer's by community link), or a grid worker's own grid, newest
 * first — masked text, no location or reporter (those are on the report's page). Staff open one to triage it.
 */
export function GridReportsPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = params.get('status') ?? (session?.role === 'gridworker' ? 'all' : 'open');
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const community = params.get('community') ?? (session?.role === 'organizer' ? communities[0]?.id : undefined);
  const [rows, setRows] = useState<GridReportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    if (session?.role !== 'organizer') return;
    void api<CommunityItem[]>('GET', 'communities').then((all) => setCommunities(all.filter((c) => c.streetId === session.scope))).catch(() => undefined);
  }, [session]);

  const load = useCallback(async () => {
    if (session?.role === 'organizer' && !community) return;
    try {
      setRows((await listReports(community ? `community=${encodeURIComponent(community)}` : '')).items);
      void gridNames(community).then(setNames);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上报加载失败，请稍后再试。');
    }
  }, [community, session]);
  useEffect(() => { void load(); }, [load]);

  const shown = (rows ?? []).filter((r) => filter === 'all' || (filter === 'done' ? done.has(r.status) : r.status === filter));
  const worker = session?.role === 'gridworker';
  return (
    <Card title={worker ? '我的网格上报' : '格事坊 · 网格上报'} extra={
      <Space wrap>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
        {worker && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/grid/report')}>上报问题</Button>}
      </Space>
    }>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {session?.role === 'organizer' && (
        <Select style={{ width: 180, marginBottom: 12, marginRight: 12 }} value={community} options={communities.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => { const next = new URLSearchParams(params); next.set('community', v); setParams(next); }} />
      )}
      <Segmented style={{ marginBottom: 12 }} value={filter} data-testid="gridreport-filter"
        options={filters.map((f) => ({ value: f.value, label: `${f.label}（${(rows ?? []).filter((r) => f.value === 'all' || (f.value === 'done' ? done.has(r.status) : r.status === f.value)).length}）` }))}
        onChange={(v) => { const next = new URLSearchParams(params); next.set('status', String(v)); setParams(next); }} />
      <Table<GridReportRow>
        rowKey="id" size="middle" loading={rows === null && !error} dataSource={shown} scroll={{ x: 860 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: filter === 'open' ? '没有待处置的上报' : '暂无上报' }}
        onRow={(r) => ({ onClick: () => navigate(`/gridreports/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' }, 'data-testid': `gridreport-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '上报时间', width: 120, render: (_, r) => beijing(r.createdAt) },
          { title: '状态', width: 110, render: (_, r) => <Tag color={reportStatusColor[r.status] ?? 'default'}>{r.statusText}</Tag> },
          { title: '类别', dataIndex: 'categoryText', width: 150 },
          { title: '地点', dataIndex: 'place', width: 170, ellipsis: true },
          { title: '问题', dataIndex: 'text', ellipsis: true },
          { title: '网格', width: 150, render: (_, r) => names[r.gridId] ?? r.gridId },
          { title: '去向', width: 150, render: (_, r) => r.orderId ? `派单 ${r.orderId}` : r.handedTo ? `转交${r.handedTo}` : r.mergedInto ? `并入 ${r.mergedInto}` : '' },
        ]}
      />
    </Card>
  );
}
