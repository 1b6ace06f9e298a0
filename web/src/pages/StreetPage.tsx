import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Space, Statistic, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { OverviewOrder, Showcase, StreetOverview } from '../api/types';
import { useSession } from '../session/SessionContext';
import { dueIn, when } from '../format';
import { StatusTag } from '../components/StatusTag';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

/** 街道总览: counts by status and community, the overdue and 督办 orders (each opens its page), and the street's showcases. */
export function StreetPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [overview, setOverview] = useState<StreetOverview | null>(null);
  const [showcases, setShowcases] = useState<Showcase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { write } = useWrites();
  const streetId = session?.scope ?? '';

  const load = useCallback(async () => {
    try {
      const [o, s] = await Promise.all([
        api<StreetOverview>('GET', `streets/${encodeURIComponent(streetId)}/overview`),
        api<Showcase[]>('GET', `showcases?streetId=${encodeURIComponent(streetId)}`),
      ]);
      setOverview(o);
      setShowcases(s);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '总览加载失败，请稍后再试。');
    }
  }, [streetId]);

  useEffect(() => { void load(); }, [load]);

  const withdraw = (id: string) => write(`withdraw-${id}`, async () => {
    try {
      await api('POST', `showcases/${encodeURIComponent(id)}/withdraw`);
      message.success('已撤回，公开页面不再显示这篇晒单。');
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '撤回未能完成，请稍后再试。');
    }
    await load();
  });

  const orderColumns = [
    { title: '工单', dataIndex: 'id', render: (id: string) => <Link to={`/orders/${encodeURIComponent(id)}`}>{id}</Link> },
    { title: '状态', dataIndex: 'status', render: (_: string, o: OverviewOrder) => <StatusTag status={o.status} name={o.statusName} /> },
    { title: '社区', dataIndex: 'communityName' },
    { title: '类别', dataIndex: 'categoryName' },
    { title: '诉求', dataIndex: 'summary', ellipsis: true },
    { title: '承办单位', dataIndex: 'unitName', render: (u?: string) => u ?? '未派单' },
    {
      title: '期限', dataIndex: 'dueAt',
      render: (_: string, o: OverviewOrder) => o.dueAt ? <Tag color={o.overdue ? 'red' : 'default'}>{o.stepName}：{dueIn(o.dueAt)}</Tag> : null,
    },
  ];

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>重试</Button>} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <h2 style={{ margin: 0 }}>{overview?.streetName ?? session?.scopeName} · 总览</h2>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/showcases/new')} data-testid="compose">组织晒单</Button>
        </Space>
      </div>
      <Card title="按状态" size="small" loading={!overview}>
        <div className="stat-grid" data-testid="by-status">
          <Statistic title="全部工单" value={overview?.total ?? 0} data-testid="count-total" />
          {overview?.byStatus.filter((s) => s.count > 0).map((s) => (
            <Statistic key={s.status} title={s.statusName} value={s.count} data-testid={`count-${s.status}`} />
          ))}
        </div>
      </Card>
      <Card title="按社区" size="small">
        <Table
          size="small" rowKey="communityId" pagination={false} loading={!overview} dataSource={overview?.byCommunity ?? []}
          onRow={(c) => ({ 'data-testid': `community-${c.communityId}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: '社区', dataIndex: 'communityName' },
            { title: '工单总数', dataIndex: 'total' },
            { title: '在办', dataIndex: 'open' },
            { title: '超时', dataIndex: 'overdue', render: (n: number) => n > 0 ? <Tag color="red">{n}</Tag> : 0 },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <Card title={`超时工单（${overview?.overdue.length ?? 0}）`} size="small" data-testid="overdue-list">
            <Table size="small" rowKey="id" pagination={{ pageSize: 10, hideOnSinglePage: true }} loading={!overview}
              dataSource={overview?.overdue ?? []} columns={orderColumns} scroll={{ x: true }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有超时的工单" /> }} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`督办（${overview?.escalated.length ?? 0}）`} size="small" data-testid="escalated-list">
            <Table size="small" rowKey="id" pagination={{ pageSize: 10, hideOnSinglePage: true }} loading={!overview}
              dataSource={overview?.escalated ?? []} columns={orderColumns} scroll={{ x: true }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有提请督办的工单" /> }} />
          </Card>
        </Col>
      </Row>
      <Card title="已发布的晒单" size="small" data-testid="showcases">
        <Table
          size="small" rowKey="id" pagination={false} loading={showcases === null} dataSource={showcases ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有发布晒单" /> }}
          columns={[
            { title: '标题', dataIndex: 'title', render: (t: string, s: Showcase) =>
              <a href={`/api/pages/showcases/${encodeURIComponent(s.streetId)}/${encodeURIComponent(s.id)}`} target="_blank" rel="noreferrer">{t}</a> },
            { title: '发布时间', dataIndex: 'publishedAt', render: (at: string) => when(at) },
            { title: '实事', dataIndex: 'items', render: (items: Showcase['items']) => `${items.length} 件` },
            {
              title: '', dataIndex: 'id', render: (id: string) => (
                <Popconfirm title="撤回这篇晒单？" description="撤回后公开页面将不再显示。" okText="撤回" cancelText="取消"
                  okButtonProps={{ danger: true }} onConfirm={() => withdraw(id)}>
                  <WriteButton write={`withdraw-${id}`} danger size="small" data-testid={`withdraw-${id}`}>撤回</WriteButton>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      {overview && <span className="muted">统计时间：{when(overview.at)}</span>}
    </Space>
  );
}
