import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { roleNames, options, type AdminUnit, type CommunityItem, type CreatedStaffKey, type StaffKeyItem } from '../api/admin';
import { when } from '../format';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

interface KeyForm { role: string; scope?: string; name: string }

/**
 * 密钥管理: every staff key (never the key itself), a new one shown ONCE with a copy button, revocation with a
 * confirmation. The key of the admin's own session cannot be revoked here (the API refuses it too).
 */
export function KeysAdminPage() {
  const { message } = App.useApp();
  const [keys, setKeys] = useState<StaffKeyItem[] | null>(null);
  const [units, setUnits] = useState<AdminUnit[]>([]);
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedStaffKey | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const { button, begin, end, write } = useWrites();
  const [form] = Form.useForm<KeyForm>();
  const role = Form.useWatch('role', form);

  const load = useCallback(async () => {
    try {
      const [k, u, c] = await Promise.all([
        api<StaffKeyItem[]>('GET', 'keys'),
        api<AdminUnit[]>('GET', 'units'),
        api<CommunityItem[]>('GET', 'communities'),
      ]);
      setKeys(k);
      setUnits(u);
      setCommunities(c);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '密钥列表加载失败，请稍后再试。');
    }
  }, []);

  useEffect(() => { void load(); }, [load]);

  const scopes = useMemo(() => {
    if (role === 'dispatcher') return communities.map((c) => ({ value: c.id, label: c.name }));
    if (role === 'liaison') return units.map((u) => ({ value: u.id, label: u.name }));
    if (role === 'organizer') {
      const streets = new Map(communities.map((c) => [c.streetId, c.streetName || c.streetId]));
      return [...streets].map(([value, label]) => ({ value, label }));
    }
    return [];
  }, [role, units, communities]);

  const create = async () => {
    const v = await form.validateFields();
    if (!begin('create')) return;
    try {
      const answer = await api<CreatedStaffKey>('POST', 'keys', { role: v.role, scope: v.role === 'admin' ? undefined : v.scope, name: v.name });
      setCreating(false);
      setCreated(answer);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '密钥未能创建，请稍后再试。');
    } finally {
      end();
    }
  };

  const revoke = (k: StaffKeyItem) => write(`revoke-${k.keyId}`, async () => {
    try {
      await api('POST', `keys/${encodeURIComponent(k.keyId)}/revoke`);
      message.success(`已吊销“${k.name}”的密钥，用它登录的工作台将退出。`);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '吊销未能完成，请稍后再试。');
    }
  });

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      message.success('已复制。');
    } catch {
      message.info('无法自动复制，请选中密钥手动复制。');
    }
  };

  const columns = [
    { title: '名称', dataIndex: 'name', render: (n: string, k: StaffKeyItem) => <>{n} {k.current && <Tag color="blue">当前登录</Tag>}</> },
    { title: '角色', dataIndex: 'role', render: (r: string) => roleNames[r] ?? r },
    { title: '范围', dataIndex: 'scopeName', render: (s: string, k: StaffKeyItem) => s || k.scope || '—' },
    { title: '密钥编号', dataIndex: 'keyId', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
    { title: '创建时间', dataIndex: 'createdAt', render: (at?: string) => when(at) },
    {
      title: '状态', dataIndex: 'revokedAt',
      render: (at?: string) => at ? <Tag>已吊销 {when(at)}</Tag> : <Tag color="green">有效</Tag>,
    },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, k: StaffKeyItem) => k.revokedAt ? null : k.current
        ? <Typography.Text type="secondary">—</Typography.Text>
        : (
          <Popconfirm title={`吊销“${k.name}”的密钥？`} description="吊销后该密钥不能再登录，已登录的工作台将在下一次操作时退出。"
            okText="吊销" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => revoke(k)}>
            <WriteButton write={`revoke-${k.keyId}`} size="small" danger data-testid={`revoke-${k.keyId}`}>吊销</WriteButton>
          </Popconfirm>
        ),
    },
  ];

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>重试</Button>} />;
  const shown = (keys ?? []).filter((k) => showRevoked || !k.revokedAt);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <h2 style={{ margin: 0 }}>密钥管理</h2>
        <Space wrap>
          <Select style={{ width: 140 }} value={showRevoked ? 'all' : 'live'} onChange={(v) => setShowRevoked(v === 'all')}
            options={[{ value: 'live', label: '仅有效密钥' }, { value: 'all', label: '含已吊销' }]} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          <WriteButton type="primary" icon={<PlusOutlined />} data-testid="add-key"
            onClick={() => { form.resetFields(); form.setFieldsValue({ role: 'liaison' }); setCreating(true); }}>创建密钥</WriteButton>
        </Space>
      </div>
      <Table rowKey="keyId" loading={!keys} dataSource={shown} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="keys" />

      <Modal title="创建密钥" open={creating} onCancel={() => setCreating(false)} okText="创建" cancelText="取消"
        okButtonProps={{ ...button('create'), id: 'create-key' }} onOk={() => void create()}>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="role" label="角色"><Select options={options(roleNames)} onChange={() => form.setFieldValue('scope', undefined)} data-testid="key-role" /></Form.Item>
          {role !== 'admin' && (
            <Form.Item name="scope" label={role === 'dispatcher' ? '社区' : role === 'organizer' ? '街道' : '成员单位'} rules={[{ required: true, message: '请选择范围' }]}>
              <Select showSearch optionFilterProp="label" options={scopes} data-testid="key-scope" />
            </Form.Item>
          )}
          <Form.Item name="name" label="名称" extra="用于识别这把密钥，如“宝盛置业联络员”；请勿填写手机号"
            rules={[{ required: true, whitespace: true, max: 40, message: '请填写名称（不超过 40 字）' }]}>
            <Input data-testid="key-name" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title="密钥已创建" open={created !== null} closable={false} maskClosable={false} destroyOnHidden
        footer={<Button type="primary" onClick={() => setCreated(null)} data-testid="key-done">我已保存</Button>}>
        <Alert type="warning" showIcon title="密钥只显示这一次，关闭后无法再次查看。请立即复制并安全地交给使用人。" style={{ marginBottom: 12 }} />
        <p>{created && `${roleNames[created.info.role] ?? created.info.role}${created.info.scopeName ? ` · ${created.info.scopeName}` : ''} · ${created.info.name}`}</p>
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={created?.key ?? ''} data-testid="new-key" />
          <Button type="primary" onClick={() => void copy()}>复制</Button>
        </Space.Compact>
      </Modal>
    </Space>
  );
}
