import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, apiTagged, ApiError } from '../api/client';
import { categoryNames, kindNames, levelNames, options, type AdminUnit, type CommunityItem } from '../api/admin';
import { useSession } from '../session/SessionContext';
import { when } from '../format';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

interface UnitForm { id: string; name: string; streetId?: string; level: string; kind: string; categories: string[]; communityIds: string[] }

/**
 * 单位管理: every member unit (retired ones greyed with 已退出), filtered by street, category and status; add and edit
 * in a drawer (an edit sends the ETag it read: someone else's edit meanwhile is refused, not overwritten); retire
 * with a reason, reinstate. Admins see all streets, an organizer its own.
 */
export function UnitsAdminPage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const isOrganizer = session?.role === 'organizer';
  const [units, setUnits] = useState<AdminUnit[] | null>(null);
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [street, setStreet] = useState<string | undefined>(isOrganizer ? session?.scope : undefined);
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<'active' | 'retired' | 'all'>('all');
  const [editing, setEditing] = useState<{ unit?: AdminUnit; etag?: string } | null>(null);
  const [retiring, setRetiring] = useState<AdminUnit | null>(null);
  const [reason, setReason] = useState('');
  const { button, begin, end, write } = useWrites();
  const [form] = Form.useForm<UnitForm>();

  const load = useCallback(async () => {
    try {
      const [u, c] = await Promise.all([
        api<AdminUnit[]>('GET', 'units?includeRetired=true'),
        api<CommunityItem[]>('GET', 'communities?includeRetired=true'),
      ]);
      setUnits(u);
      setCommunities(c);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '单位列表加载失败，请稍后再试。');
    }
  }, []);

  useEffect(() => { void load(); }, [load]);

  const streets = useMemo(() => {
    const byId = new Map<string, string>();
    for (const c of communities) byId.set(c.streetId, c.streetName || c.streetId);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [communities]);
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;

  const shown = (units ?? [])
    .filter((u) => !street || u.streetId === street)
    .filter((u) => !category || u.categories.includes(category))
    .filter((u) => status === 'all' || (status === 'retired') === Boolean(u.retiredAt))
    .sort((a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)) || a.name.localeCompare(b.name, 'zh-CN'));

  const openCreate = () => {
    form.resetFields();
    form.setFieldsValue({ streetId: isOrganizer ? session?.scope : street ?? streets[0]?.value, level: 'community', kind: 'company', categories: [], communityIds: [] });
    setEditing({});
  };

  const openEdit = async (unit: AdminUnit) => {
    try {
      const { data, etag } = await apiTagged<AdminUnit>('GET', `units/${encodeURIComponent(unit.id)}`);
      form.resetFields();
      form.setFieldsValue({ ...data });
      setEditing({ unit: data, etag });
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '单位读取失败，请稍后再试。');
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    if (!begin('save')) return;
    try {
      if (editing?.unit) {
        await apiTagged('PATCH', `units/${encodeURIComponent(editing.unit.id)}`,
          { name: v.name, level: v.level, kind: v.kind, categories: v.categories, communityIds: v.communityIds }, editing.etag);
        message.success('已保存。');
      } else {
        await api('POST', 'units', { id: v.id, name: v.name, streetId: v.streetId, level: v.level, kind: v.kind, categories: v.categories, communityIds: v.communityIds });
        message.success('已添加成员单位。');
      }
      setEditing(null);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '保存未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  const retire = async () => {
    if (!retiring || !begin('retire')) return;
    try {
      await api('POST', `units/${encodeURIComponent(retiring.id)}/retire`, { reason: reason.trim() });
      message.success(`${retiring.name}已退出共建，不再推荐和派单。`);
      setRetiring(null);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  const reinstate = (unit: AdminUnit) => write(`reinstate-${unit.id}`, async () => {
    try {
      await api('POST', `units/${encodeURIComponent(unit.id)}/reinstate`);
      message.success(`${unit.name}已恢复，可以重新派单。`);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
    }
  });

  const formStreet = Form.useWatch('streetId', form);
  const columns = [
    {
      title: '单位', dataIndex: 'name',
      render: (name: string, u: AdminUnit) => (
        <span className={u.retiredAt ? 'retired' : undefined}>{name} {u.retiredAt && <Tag data-testid="retired-tag">已退出</Tag>}</span>
      ),
    },
    { title: '编号', dataIndex: 'id', render: (id: string, u: AdminUnit) => <span className={u.retiredAt ? 'retired' : undefined}>{id}</span> },
    { title: '层级', dataIndex: 'level', render: (l: string) => levelNames[l] ?? l },
    { title: '类型', dataIndex: 'kind', render: (k: string) => kindNames[k] ?? k },
    { title: '服务类别', dataIndex: 'categories', render: (c: string[]) => c.map((x) => <Tag key={x}>{categoryNames[x] ?? x}</Tag>) },
    { title: '服务社区', dataIndex: 'communityIds', render: (c: string[]) => c.map(communityName).join('、') },
    {
      title: '状态', dataIndex: 'retiredAt',
      render: (at: string | undefined, u: AdminUnit) => at ? <span className="retired" title={u.retiredReason}>{when(at)} 退出</span> : <Tag color="green">在册</Tag>,
    },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, u: AdminUnit) => (
        <Space>
          <WriteButton size="small" onClick={() => void openEdit(u)} data-testid={`edit-${u.id}`}>编辑</WriteButton>
          {u.retiredAt
            ? <WriteButton write={`reinstate-${u.id}`} size="small" onClick={() => void reinstate(u)} data-testid={`reinstate-${u.id}`}>恢复</WriteButton>
            : <WriteButton size="small" danger onClick={() => { setReason(''); setRetiring(u); }} data-testid={`retire-${u.id}`}>退出共建</WriteButton>}
        </Space>
      ),
    },
  ];

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>重试</Button>} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <h2 style={{ margin: 0 }}>单位管理</h2>
        <Space wrap>
          {!isOrganizer && <Select allowClear placeholder="全部街道" style={{ width: 140 }} value={street} onChange={setStreet} options={streets} />}
          <Select allowClear placeholder="全部类别" style={{ width: 140 }} value={category} onChange={setCategory} options={options(categoryNames)} data-testid="filter-category" />
          <Select style={{ width: 110 }} value={status} onChange={setStatus}
            options={[{ value: 'all', label: '全部状态' }, { value: 'active', label: '在册' }, { value: 'retired', label: '已退出' }]} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          <WriteButton type="primary" icon={<PlusOutlined />} onClick={openCreate} data-testid="add-unit"
            disabled={units === null} title={units === null ? '单位和社区列表加载后即可添加' : undefined}>添加单位</WriteButton>
        </Space>
      </div>
      <Table rowKey="id" loading={!units} dataSource={shown} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowClassName={(u: AdminUnit) => (u.retiredAt ? 'row-retired' : '')} data-testid="units" />

      <Drawer title={editing?.unit ? `编辑：${editing.unit.name}` : '添加成员单位'} open={editing !== null} onClose={() => setEditing(null)} size={480}
        extra={<Button type="primary" {...button('save')} onClick={() => void save()} data-testid="save-unit">保存</Button>}>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="id" label="单位编号" extra="小写字母、数字和连字符，添加后不能修改"
            rules={[{ required: true, pattern: /^[a-z0-9-]{2,40}$/, message: '请填写 2–40 位小写字母、数字或连字符' }]}>
            <Input disabled={Boolean(editing?.unit)} data-testid="unit-id" />
          </Form.Item>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, max: 60, message: '请填写单位名称（不超过 60 字）' }]}>
            <Input data-testid="unit-name" />
          </Form.Item>
          <Form.Item name="streetId" label="所属街道" rules={[{ required: true, message: '请选择街道' }]}>
            <Select options={streets} disabled={Boolean(editing?.unit) || isOrganizer} />
          </Form.Item>
          <Space>
            <Form.Item name="level" label="层级"><Select style={{ width: 140 }} options={options(levelNames)} /></Form.Item>
            <Form.Item name="kind" label="类型"><Select style={{ width: 140 }} options={options(kindNames)} /></Form.Item>
          </Space>
          <Form.Item name="categories" label="服务类别" rules={[{ required: true, message: '请至少选择一个服务类别' }]}>
            <Select mode="multiple" options={options(categoryNames)} data-testid="unit-categories" />
          </Form.Item>
          <Form.Item name="communityIds" label="服务社区" rules={[{ required: true, message: '请至少选择一个社区' }]}>
            <Select mode="multiple" data-testid="unit-communities"
              options={communities.filter((c) => c.streetId === formStreet && !c.retiredAt).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Form>
      </Drawer>

      <Modal title={`确认让“${retiring?.name ?? ''}”退出共建？`} open={retiring !== null} onCancel={() => setRetiring(null)}
        okText="确认退出" okButtonProps={{ danger: true, ...button('retire', !reason.trim()), id: 'confirm-retire' }}
        cancelText="取消" onOk={() => void retire()}>
        <p>退出后不再推荐、不能派单；已有工单仍显示该单位名称。以后可以恢复。</p>
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="请填写退出原因" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="retire-reason" />
      </Modal>
    </Space>
  );
}
