import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Table, Tabs, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { listWishes, wishFilters, wishStatusColor, type WishListItem } from '../api/wishes';
import { when } from '../format';

type Filter = (typeof wishFilters)[number];
interface Loaded { items: WishListItem[]; tokens: Record<string, string | undefined> }

/**
 * 微心愿 for the community's dispatcher (its community) and the street's organizer (its street): 待审核 / 已发布 / 已认领 /
 * 已完成, newest first, 20 at a time with 加载更多. Rows hold nothing personal; the resident's words are on the wish's page.
 */
export function WishesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const key = params.get('tab') ?? 'submitted';
  const filter: Filter = wishFilters.find((f) => f.key === key) ?? wishFilters[0];
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(async (more?: Loaded) => {
    try {
      const pages = await Promise.all(filter.statuses
        .filter((s) => !more || more.tokens[s])
        .map(async (s) => [s, await listWishes(s, more?.tokens[s])] as const));
      const items = [...(more?.items ?? []), ...pages.flatMap(([, p]) => p.items)]
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
      const tokens = Object.fromEntries(filter.statuses.map((s) => [s, pages.find(([k]) => k === s)?.[1].nextPageToken]));
      setLoaded({ items, tokens });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '心愿加载失败，请稍后再试。');
    }
  }, [filter]);

  useEffect(() => { setLoaded(null); void load(); }, [load]);

  const hasMore = !!loaded && Object.values(loaded.tokens).some(Boolean);
  const more = async () => {
    if (!loaded) return;
    setLoadingMore(true);
    try { await load(loaded); } finally { setLoadingMore(false); }
  };

  return (
    <Card title="微心愿" extra={<Button icon={<ReloadOutlined />} onClick={() => { setLoaded(null); void load(); }}>刷新</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Tabs activeKey={filter.key} onChange={(k) => setParams({ tab: k })}
        items={wishFilters.map((f) => ({ key: f.key, label: <span data-testid={`wish-tab-${f.key}`}>{f.label}</span> }))} />
      <Table<WishListItem>
        rowKey="id"
        size="middle"
        data-testid="wish-list"
        loading={!loaded && !error}
        dataSource={loaded?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: filter.key === 'submitted' ? '没有待审核的心愿' : '暂无心愿' }}
        onRow={(w) => ({ onClick: () => navigate(`/wishes/${encodeURIComponent(w.id)}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'id', width: 150 },
          { title: '状态', width: 90, render: (_, w) => <Tag color={wishStatusColor[w.status] ?? 'default'}>{w.statusText}</Tag> },
          { title: '类别', dataIndex: 'categoryName', width: 100 },
          {
            title: '心愿（公开内容）', ellipsis: true, width: 280,
            render: (_, w) => w.publicText ?? <span className="muted">待审核后填写</span>,
          },
          { title: '认领', width: 180, render: (_, w) => w.claimerName ?? <span className="muted">—</span> },
          { title: '提交时间', width: 120, render: (_, w) => when(w.submittedAt) },
        ]}
      />
      {hasMore && <div style={{ textAlign: 'center', marginTop: 12 }}><Button loading={loadingMore} onClick={() => void more()}>加载更多</Button></div>}
    </Card>
  );
}
