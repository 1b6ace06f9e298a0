import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { listProjects, projectStatus, projectStatuses, streetOf, type ProjectRow } from '../api/projects';
import { useSession } from '../session/SessionContext';
import { when } from '../format';

/**
 * 项目清单 for the street's organizer (the street, or one community of it) and a community's dispatcher (its community's
 * projects, or the street's published ones): filter by status, open a project, 新建项目.
 */
export function ProjectsPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? (session?.role === 'dispatcher' ? 'community' : 'street');
  const status = params.get('status') ?? undefined;
  const [rows, setRows] = useState<ProjectRow[] | null>(null);
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!session) return;
    try {
      const all = await api<CommunityItem[]>('GET', 'communities');
      const street = await streetOf(session.role, session.scope);
      setCommunities(all.filter((c) => c.streetId === street));
      const query = scope === 'street' ? `streetId=${encodeURIComponent(street ?? '')}`
        : scope === 'community' ? `communityId=${encodeURIComponent(session.scope)}`
        : `communityId=${encodeURIComponent(scope.replace(/^c:/, ''))}`;
      setRows((await listProjects(query)).items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '项目加载失败，请稍后再试。');
    }
  }, [session, scope]);

  useEffect(() => { setRows(null); void load(); }, [load]);

  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next);
  };
  const name = (id?: string) => (id ? communities.find((c) => c.id === id)?.name ?? id : '全街道');
  const scopes = session?.role === 'dispatcher'
    ? [{ value: 'community', label: '本社区的项目' }, { value: 'street', label: '街道已发布的项目' }]
    : [{ value: 'street', label: '全街道' }, ...communities.map((c) => ({ value: `c:${c.id}`, label: c.name }))];
  const shown = (rows ?? []).filter((r) => !status || r.status === status);

  return (
    <Card title="项目清单" extra={
      <Space>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')} data-testid="project-new">新建项目</Button>
      </Space>
    }>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 180 }} value={scope} onChange={(v) => set('scope', v)} options={scopes} data-testid="project-scope" />
        <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={(v) => set('status', v)}
          options={projectStatuses.map((s) => ({ value: s.code, label: s.name }))} />
      </Space>
      <Table<ProjectRow>
        rowKey="id"
        size="middle"
        loading={rows === null && !error}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无项目' }}
        onRow={(r) => ({ onClick: () => navigate(`/projects/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '项目', dataIndex: 'title', ellipsis: true, width: 220 },
          { title: '状态', width: 100, render: (_, r) => <Tag color={projectStatus(r.status).color}>{projectStatus(r.status).name}</Tag> },
          { title: '类别', dataIndex: 'category', width: 100 },
          { title: '范围', width: 110, render: (_, r) => name(r.communityId) },
          { title: '认领', width: 90, render: (_, r) => `${r.placesTaken}/${r.unitsWanted}` },
          { title: '认领单位', ellipsis: true, width: 200, render: (_, r) => r.approvedUnits || <span className="muted">—</span> },
          {
            title: '下个节点', width: 130,
            render: (_, r) => (r.nextDueAt ? <Tag color={r.escalated ? 'red' : 'default'}>{when(r.nextDueAt)}{r.escalated ? ' 督办' : ''}</Tag> : null),
          },
        ]}
      />
    </Card>
  );
}
