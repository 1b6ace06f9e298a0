import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Select, Space, Table, Tabs, Tag } from 'antd';
import { GlobalOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { streetOf } from '../api/projects';
import { activityCategoryNames, activityStatusColor, beijingSpan, listActivities, shownStatus, type ActivityRow } from '../api/activities';
import { useSession } from '../session/SessionContext';

const tabs = [
  { key: 'upcoming', label: '即将举行' },
  { key: 'past', label: '已结束' },
  { key: 'cancelled', label: '已取消' },
] as const;

const tabOf = (r: ActivityRow, now: number) =>
  r.status === 'cancelled' ? 'cancelled' : r.status === 'completed' || Date.parse(r.endsAt) < now ? 'past' : 'upcoming';

/**
 * 活动 for organisers: a community's dispatcher (its community), the street's organizer (the street, or one community of it)
 * and a unit's liaison (its unit's), over the last year. Upcoming soonest first, past newest first; counts only (名额, 已报名, 候补) — names are on
 * the activity's page. 发布活动, and the public 活动预告 page that residents see.
 */
export function ActivitiesPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'upcoming';
  const community = params.get('community') ?? undefined;
  const [rows, setRows] = useState<ActivityRow[] | null>(null);
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [street, setStreet] = useState<string>();
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!session) return;
    try {
      const streetId = await streetOf(session.role, session.scope);
      setStreet(streetId);
      setCommunities((await api<CommunityItem[]>('GET', 'communities')).filter((c) => c.streetId === streetId));
      // The last year and what is coming: the API lists from the earliest start, so an old scope's history never crowds them out.
      const from = `from=${encodeURIComponent(new Date(Date.now() - 365 * 86400_000).toISOString())}`;
      setRows((await listActivities(community ? `community=${encodeURIComponent(community)}&${from}` : from)).items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '活动加载失败，请稍后再试。');
    }
  }, [session, community]);

  useEffect(() => { setRows(null); void load(); }, [load]);

  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next);
  };
  const now = Date.now();
  const shown = (rows ?? []).filter((r) => tabOf(r, now) === tab);
  if (tab !== 'upcoming') shown.reverse();
  const count = (key: string) => (rows ?? []).filter((r) => tabOf(r, now) === key).length;
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;
  const publicPage = street
    ? `/api/pages/activities/${encodeURIComponent(street)}${session?.role === 'dispatcher' ? '/' + encodeURIComponent(session.scope) : ''}`
    : undefined;

  return (
    <Card title="活动预告与报名" extra={
      <Space wrap>
        {publicPage && <Button icon={<GlobalOutlined />} href={publicPage} target="_blank" data-testid="activities-public">居民看到的活动预告</Button>}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')} data-testid="activity-new">发布活动</Button>
      </Space>
    }>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="activities-error" />}
      {session?.role === 'organizer' && (
        <Select allowClear placeholder="全街道" style={{ width: 180, marginBottom: 12 }} value={community} onChange={(v) => set('community', v)}
          options={communities.map((c) => ({ value: c.id, label: c.name }))} data-testid="activity-community" />
      )}
      <Tabs activeKey={tab} onChange={(k) => set('tab', k === 'upcoming' ? undefined : k)}
        items={tabs.map((t) => ({ key: t.key, label: rows ? `${t.label}（${count(t.key)}）` : t.label }))} />
      <Table<ActivityRow>
        rowKey="id"
        size="middle"
        loading={rows === null && !error}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        locale={{ emptyText: tab === 'upcoming' ? '还没有要举办的活动，点“发布活动”开始' : '暂无活动' }}
        onRow={(r) => ({ onClick: () => navigate(`/activities/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '活动', dataIndex: 'title', ellipsis: true, width: 220 },
          { title: '状态', width: 100, render: (_, r) => { const s = shownStatus(r); return <Tag color={activityStatusColor[s.status] ?? 'default'}>{s.text}</Tag>; } },
          { title: '时间（北京）', width: 210, render: (_, r) => beijingSpan(r.startsAt, r.endsAt) },
          { title: '地点', dataIndex: 'place', ellipsis: true, width: 180 },
          { title: '类别', width: 90, render: (_, r) => activityCategoryNames[r.category] ?? r.category },
          ...(session?.role === 'organizer' ? [{ title: '社区', width: 100, render: (_: unknown, r: ActivityRow) => communityName(r.communityId) }] : []),
          {
            title: '报名', width: 130,
            render: (_, r) => (
              <span data-testid={`counts-${r.id}`}>
                {r.registeredCount}/{r.capacity}
                {r.waitingCount > 0 && <Tag color="orange" style={{ marginLeft: 6 }}>候补 {r.waitingCount}</Tag>}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
