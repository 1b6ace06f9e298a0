import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, List, Tabs } from 'antd';
import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { OrderPage, OrderSummary } from '../api/types';
import { when } from '../format';
import { StatusTag } from '../components/StatusTag';

const tabs = [
  { key: 'waiting', label: '待接单', statuses: ['dispatched'] },
  { key: 'working', label: '办理中', statuses: ['accepted', 'reopened'] },
  { key: 'done', label: '已办结', statuses: ['completed', 'confirmed'] },
] as const;

/** The unit's orders, phone-first: a list per step, each opening the order to accept, decline or complete it. */
export function UnitOrdersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'waiting';
  const [orders, setOrders] = useState<Record<string, OrderSummary[]> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const statuses = tabs.flatMap((t) => t.statuses);
      const pages = await Promise.all(statuses.map((s) => api<OrderPage>('GET', `orders?status=${s}&pageSize=50`)));
      const byStatus = Object.fromEntries(statuses.map((s, i) => [s, pages[i].items]));
      setOrders(Object.fromEntries(tabs.map((t) => [t.key, t.statuses.flatMap((s) => byStatus[s])])));
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

  return (
    <Card title="本单位工单" extra={<Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={tabs.map((t) => ({
          key: t.key,
          label: <span data-testid={`tab-${t.key}`}>{t.label} <Badge count={orders?.[t.key]?.length ?? 0} showZero color={orders?.[t.key]?.length ? 'blue' : '#d9d9d9'} /></span>,
        }))}
      />
      <List<OrderSummary>
        loading={!orders && !error}
        dataSource={orders?.[tab] ?? []}
        locale={{ emptyText: '暂无工单' }}
        renderItem={(o) => (
          <List.Item onClick={() => navigate(`/orders/${encodeURIComponent(o.id)}`)} style={{ cursor: 'pointer' }} extra={<RightOutlined />}>
            <List.Item.Meta
              title={<span>{o.categoryName} <StatusTag status={o.status} name={o.statusName} /></span>}
              description={<div><div className="order-text">{o.summary}</div><div className="muted">{o.id} · {when(o.placedAt)}</div></div>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
