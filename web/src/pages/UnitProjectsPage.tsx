import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, List, Tabs, Tag } from 'antd';
import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { listProjects, projectStatus, streetOf, type ProjectRow } from '../api/projects';
import { useSession } from '../session/SessionContext';
import dayjs from 'dayjs';
import { when } from '../format';

const day = (iso: string) => dayjs(iso).format('YYYY年M月D日');

/** A liaison's 共建项目, phone-first: the street's projects still open for claims, and the unit's own claims. */
export function UnitProjectsPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'open';
  const [lists, setLists] = useState<{ open: ProjectRow[]; mine: ProjectRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!session) return;
    try {
      const street = await streetOf(session.role, session.scope);
      const [all, mine] = await Promise.all([listProjects(`streetId=${encodeURIComponent(street ?? '')}`), listProjects('')]);
      const claimed = new Set(mine.items.map((p) => p.id));
      setLists({ open: all.items.filter((p) => p.status === 'published' && !claimed.has(p.id)), mine: mine.items });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '项目加载失败，请稍后再试。');
    }
  }, [session]);
  useEffect(() => { void load(); }, [load]);

  const count = (key: 'open' | 'mine') => lists?.[key].length ?? 0;
  return (
    <Card title="共建项目" extra={<Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={[
        { key: 'open', label: <span data-testid="unit-projects-open">可认领 <Badge count={count('open')} showZero color={count('open') ? 'blue' : '#d9d9d9'} /></span> },
        { key: 'mine', label: <span data-testid="unit-projects-mine">本单位认领 <Badge count={count('mine')} showZero color={count('mine') ? 'blue' : '#d9d9d9'} /></span> },
      ]} />
      <List<ProjectRow>
        loading={!lists && !error}
        dataSource={tab === 'mine' ? lists?.mine ?? [] : lists?.open ?? []}
        locale={{ emptyText: tab === 'mine' ? '本单位还没有认领项目' : '暂无可认领的项目' }}
        renderItem={(p) => (
          <List.Item onClick={() => navigate(`/projects/${encodeURIComponent(p.id)}`)} style={{ cursor: 'pointer' }} extra={<RightOutlined />}>
            <List.Item.Meta
              title={<span>{p.title} <Tag color={projectStatus(p.status).color}>{projectStatus(p.status).name}</Tag></span>}
              description={<div>
                <div>{p.category} · 名额 {p.placesTaken}/{p.unitsWanted}</div>
                <div className="muted">{day(p.startsOn)} 至 {day(p.endsOn)}{p.nextDueAt ? ` · 下个节点 ${when(p.nextDueAt)}` : ''}</div>
              </div>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
