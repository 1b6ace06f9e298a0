import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { OrderPage, OrderSummary } from '../api/types';
import { dueIn, when } from '../format';
import { StatusTag } from '../components/StatusTag';

/** The board's columns: each an API status filter; 超时 is every open order whose current step is past its deadline. */
const columns = [
  { key: 'placed', label: '待派单', statuses: ['placed'] },
  { key: 'declined', label: '待重新派单', statuses: ['declined'] },
  { key: 'dispatched', label: '待接单', statuses: ['dispatched'] },
  { key: 'working', label: '办理中', statuses: ['accepted', 'reopened'] },
] as const;
const OVERDUE = 'overdue';
const PAGE = 100;

interface Loaded { orders: Record<string, OrderSummary[]>; more: Record<string, boolean> }

export function BoardPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'placed';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [category, setCategory] = useState<string | undefined>();
  const [text, setText] = useState('');

  const load = useCallback(async () => {
    try {
      const statuses = columns.flatMap((c) => c.statuses);
      const pages = await Promise.all(statuses.map((s) => api<OrderPage>('GET', `orders?status=${s}&pageSize=${PAGE}`)));
      const byStatus = Object.fromEntries(statuses.map((s, i) => [s, pages[i]]));
      setLoaded({
        orders: Object.fromEntries(columns.map((c) => [c.key, c.statuses.flatMap((s) => byStatus[s].items)])),
        more: Object.fromEntries(columns.map((c) => [c.key, c.statuses.some((s) => !!byStatus[s].nextPageToken)])),
      });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '工单加载失败，请稍后再试。');
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => { if (document.visibilityState === 'visible') void load(); }, 30_000);
    return () => window.clearInterval(timer);
  }, [load]);

  const open = useMemo(() => (loaded ? columns.flatMap((c) => loaded.orders[c.key]) : []), [loaded]);

  const overdue = open.filter((o) => o.deadline?.overdue);
  const rows = (tab === OVERDUE ? overdue : loaded?.orders[tab] ?? []).filter((o) =>
    (!category || o.category === category) &&
    (!text.trim() || [o.id, o.summary, o.unit?.name ?? '', o.categoryName].some((f) => f.includes(text.trim()))));
  const categories = [...new Map(open.map((o) => [o.category ?? '', o.categoryName])).entries()].filter(([c]) => c);

  const count = (key: string) => (key === OVERDUE ? overdue.length : loaded?.orders[key]?.length ?? 0);
  const label = (key: string, name: string) => (
    <span data-testid={`tab-${key}`}>
      {name} <Badge count={count(key)} showZero overflowCount={PAGE - 1} color={!count(key) ? '#d9d9d9' : key === OVERDUE ? 'red' : 'blue'} />
      {key !== OVERDUE && loaded?.more[key] ? '+' : ''}
    </span>
  );

  return (
    <Card
      title="社区派单工作台"
      extra={<Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[...columns.map((c) => ({ key: c.key, label: label(c.key, c.label) })), { key: OVERDUE, label: label(OVERDUE, '超时') }]}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部类别" style={{ width: 160 }} value={category} onChange={setCategory}
          options={categories.map(([value, label]) => ({ value, label }))} />
        <Input.Search allowClear placeholder="搜索工单号、诉求或单位" style={{ width: 260 }} value={text} onChange={(e) => setText(e.target.value)} />
      </Space>
      <Table<OrderSummary>
        rowKey="id"
        size="middle"
        loading={!loaded && !error}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无工单' }}
        scroll={{ x: 1000 }}
        onRow={(o) => ({ onClick: () => navigate(`/orders/${encodeURIComponent(o.id)}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '工单号', dataIndex: 'id', width: 150 },
          { title: '状态', width: 100, render: (_, o) => <StatusTag status={o.status} name={o.statusName} /> },
          { title: '类别', dataIndex: 'categoryName', width: 100 },
          { title: '诉求摘要', dataIndex: 'summary', ellipsis: true, width: 280 },
          { title: '承办单位', width: 160, render: (_, o) => o.unit?.name ?? <span className="muted">—</span> },
          {
            title: '时限', width: 130,
            render: (_, o) => {
              const d = o.deadline;
              return d ? <Tag color={d.overdue ? 'red' : 'default'}>{d.stepName} {dueIn(d.dueAt)}</Tag> : null;
            },
          },
          { title: '点单时间', width: 120, render: (_, o) => when(o.placedAt) },
        ]}
      />
    </Card>
  );
}
