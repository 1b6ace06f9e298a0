import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { GlobalOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { streetOf } from '../api/projects';
import { beijing } from '../api/activities';
import {
  deliberationStatusColor, listDeliberations, sourceNames, steps, type DeliberationRow, type DeliberationView,
} from '../api/deliberations';
import { useSession } from '../session/SessionContext';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

interface RaiseValues { communityId?: string; estate?: string; title: string; description?: string; source: string }

/**
 * 议事 for staff: the topics of their community (a dispatcher), street (an organizer) or unit (a liaison), newest first, each
 * with its step of 提审议办评 and counts only — the raiser's contact is on the topic's page, for the community's staff.
 * 提出议题 records a topic (staff's own or a grid worker's; a liaison's in its unit's name); the public 议事公开 page.
 */
export function DeliberationsPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [rows, setRows] = useState<DeliberationRow[] | null>(null);
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [street, setStreet] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  const { button, begin, end } = useWrites();
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<RaiseValues>();

  const load = useCallback(async () => {
    if (!session) return;
    try {
      const streetId = await streetOf(session.role, session.scope);
      setStreet(streetId);
      setCommunities((await api<CommunityItem[]>('GET', 'communities')).filter((c) => c.streetId === streetId && !c.retiredAt));
      setRows((await listDeliberations()).items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '议题加载失败，请稍后再试。');
    }
  }, [session]);
  useEffect(() => { setRows(null); void load(); }, [load]);

  const raise = async (v: RaiseValues) => {
    if (!session || !begin('raise')) return;
    try {
      const community = session.role === 'dispatcher' ? session.scope : v.communityId;
      const created = await api<DeliberationView>('POST', 'deliberations', {
        communityId: community ?? '', estate: v.estate || undefined, title: v.title, description: v.description || undefined,
        source: session.role === 'liaison' ? 'unit' : v.source,
      });
      setRaising(false);
      form.resetFields();
      navigate(`/deliberations/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '议题未能提交，请稍后再试。');
    } finally {
      end();
    }
  };

  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;
  const publicPage = street ? `/api/pages/deliberations/${encodeURIComponent(street)}` : undefined;

  return (
    <Card title="议事（提审议办评）" extra={
      <Space wrap>
        {publicPage && <Button icon={<GlobalOutlined />} href={publicPage} target="_blank" data-testid="deliberations-public">居民看到的议事公开</Button>}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
        <WriteButton type="primary" icon={<PlusOutlined />} onClick={() => { setProblem(null); setRaising(true); }} data-testid="deliberation-new">提出议题</WriteButton>
      </Space>
    }>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="deliberations-error" />}
      <Table<DeliberationRow>
        rowKey="id"
        size="middle"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        locale={{ emptyText: '还没有议题。居民可以在聊天里说“我想提个议题”，也可以点“提出议题”代为登记。' }}
        onRow={(r) => ({ onClick: () => navigate(`/deliberations/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '议题', dataIndex: 'title', ellipsis: true, width: 240 },
          { title: '状态', width: 130, render: (_, r) => <Tag color={deliberationStatusColor[r.status] ?? 'default'} data-testid={`status-${r.id}`}>{r.statusText}</Tag> },
          {
            title: '进度', width: 170,
            render: (_, r) => (
              <span data-testid={`step-${r.id}`}>
                {steps.map((s, i) => <Tag key={s} color={i + 1 < r.step ? 'green' : i + 1 === r.step ? 'red' : 'default'} style={{ marginInlineEnd: 2 }}>{s}</Tag>)}
              </span>
            ),
          },
          ...(session?.role !== 'dispatcher' ? [{ title: '社区', width: 110, render: (_: unknown, r: DeliberationRow) => communityName(r.communityId) }] : []),
          { title: '来源', width: 100, render: (_, r) => sourceNames[r.source] ?? r.source },
          { title: '提出时间', width: 150, render: (_, r) => beijing(r.raisedAt) },
          { title: '议事会', width: 150, render: (_, r) => (r.meetingAt ? beijing(r.meetingAt) : '—') },
          { title: '意见', dataIndex: 'opinionCount', width: 70 },
          { title: '办理', width: 80, render: (_, r) => (r.actionCount > 0 ? `${r.actionsDone}/${r.actionCount}` : '—') },
        ]}
      />
      <Modal title="提出议题" open={raising} okText="提交" cancelText="取消" okButtonProps={button('raise')} onOk={() => form.submit()} onCancel={() => setRaising(false)}>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="deliberation-problem" />}
        <Form form={form} layout="vertical" onFinish={(v) => void raise(v)} initialValues={{ source: 'staff' }}>
          {session?.role !== 'dispatcher' && (
            <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
              <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} data-testid="deliberation-community" />
            </Form.Item>
          )}
          {session?.role !== 'liaison' && (
            <Form.Item name="source" label="来源">
              <Select options={[{ value: 'staff', label: '社区工作人员' }, { value: 'grid_worker', label: '网格员' }]} data-testid="deliberation-source" />
            </Form.Item>
          )}
          <Form.Item name="title" label="议题" rules={[{ required: true, message: '请用一句话写明议题' }]}>
            <Input maxLength={60} placeholder="例如：东门加装电动车充电桩" data-testid="deliberation-title" />
          </Form.Item>
          <Form.Item name="estate" label="小区（可选）"><Input maxLength={40} data-testid="deliberation-estate" /></Form.Item>
          <Form.Item name="description" label="情况说明"><Input.TextArea rows={4} maxLength={2000} data-testid="deliberation-description" /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

