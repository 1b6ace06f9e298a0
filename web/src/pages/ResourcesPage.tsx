import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, apiTagged, ApiError } from '../api/client';
import { categoryNames, options, type AdminUnit, type CommunityItem } from '../api/admin';
import { resourceKindNames, type ResourceItem, type ResourcePage, type ResourceView } from '../api/lists';
import { useSession } from '../session/SessionContext';
import { when } from '../format';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

interface ResourceForm {
  unitId?: string; kind: string; category: string; title: string; description?: string; communityIds: string[]; availability: string;
  capacity?: number; openingHours?: string; count?: number;
}

/**
 * 资源清单: a liaison keeps its own unit's entries (登记, 修改 with the ETag it read — someone else's edit meanwhile is
 * refused, not overwritten — and 下架 with a reason); a dispatcher reads its street's, an organizer its street's and may
 * list for a unit. A venue says how many it holds and when it opens; volunteers how many.
 */
export function ResourcesPage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const role = session?.role;
  const canWrite = role === 'liaison' || role === 'organizer';
  const [items, setItems] = useState<ResourceItem[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>('active');
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [units, setUnits] = useState<AdminUnit[]>([]);
  const [editing, setEditing] = useState<{ resource?: ResourceView; etag?: string } | null>(null);
  const [retiring, setRetiring] = useState<ResourceItem | null>(null);
  const [reason, setReason] = useState('');
  const { button, begin, end } = useWrites();
  const [form] = Form.useForm<ResourceForm>();

  const query = useCallback((token?: string) => {
    const q = new URLSearchParams({ pageSize: '20' });
    if (kind) q.set('kind', kind);
    if (status) q.set('status', status);
    if (token) q.set('pageToken', token);
    return `resources?${q}`;
  }, [kind, status]);

  const load = useCallback(async () => {
    try {
      const page = await api<ResourcePage>('GET', query());
      setItems(page.items);
      setNext(page.nextPageToken);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '资源清单加载失败，请稍后再试。');
    }
  }, [query]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    void api<CommunityItem[]>('GET', 'communities').then(setCommunities).catch(() => setCommunities([]));
    if (role === 'organizer') void api<AdminUnit[]>('GET', 'units').then(setUnits).catch(() => setUnits([]));
  }, [role]);

  const more = async () => {
    if (!next) return;
    const page = await api<ResourcePage>('GET', query(next));
    setItems((old) => [...(old ?? []), ...page.items]);
    setNext(page.nextPageToken);
  };

  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;
  const formKind = Form.useWatch('kind', form);

  const openCreate = () => {
    form.resetFields();
    form.setFieldsValue({ kind: 'service', communityIds: [] });
    setEditing({});
  };

  const openEdit = async (item: ResourceItem) => {
    try {
      const { data, etag } = await apiTagged<ResourceView>('GET', `resources/${item.id}`);
      form.resetFields();
      form.setFieldsValue({ ...data, description: data.description || undefined });
      setEditing({ resource: data, etag });
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '资源读取失败，请稍后再试。');
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    const venue = v.kind === 'venue';
    const body = {
      kind: v.kind, category: v.category, title: v.title, description: v.description ?? '', communityIds: v.communityIds ?? [], availability: v.availability,
      capacity: venue ? v.capacity : undefined, openingHours: venue ? v.openingHours : undefined, count: v.kind === 'volunteers' ? v.count : undefined,
      unitId: role === 'organizer' && !editing?.resource ? v.unitId : undefined,
    };
    if (!begin('save')) return;
    try {
      if (editing?.resource) {
        await apiTagged('PUT', `resources/${editing.resource.id}`, body, editing.etag);
        message.success('已保存。');
      } else {
        await api('POST', 'resources', body);
        message.success('已登记资源。');
      }
      setEditing(null);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '保存未能完成，请稍后再试。');
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) { setEditing(null); await load(); }
    } finally {
      end();
    }
  };

  const retire = async () => {
    if (!retiring || !begin('retire')) return;
    try {
      await api('POST', `resources/${retiring.id}/retire`, { text: reason.trim() });
      message.success('已下架，不再参与匹配。');
      setRetiring(null);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  const detail = (r: ResourceItem) => [
    r.capacity ? `可容纳 ${r.capacity} 人` : '', r.openingHours ?? '', r.count ? `${r.count} 人` : '', r.availability,
  ].filter(Boolean).join(' · ');

  const columns = [
    { title: '资源', dataIndex: 'title', render: (t: string, r: ResourceItem) => <span className={r.status === 'retired' ? 'retired' : undefined}><b>{t}</b><br /><span className="muted">{r.description}</span></span> },
    { title: '类型', dataIndex: 'kindName', width: 90, render: (k: string) => <Tag>{k}</Tag> },
    { title: '类别', dataIndex: 'categoryName', width: 100 },
    ...(role === 'liaison' ? [] : [{ title: '单位', dataIndex: 'unitName', width: 170 }]),
    { title: '覆盖', dataIndex: 'communityIds', width: 150, render: (c: string[]) => c.length === 0 ? '全街道' : c.map(communityName).join('、') },
    { title: '提供方式', key: 'detail', width: 220, render: (_: unknown, r: ResourceItem) => detail(r) },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: string, r: ResourceItem) => <Tag color={s === 'active' ? 'green' : 'default'}>{r.statusName}</Tag> },
    { title: '更新', dataIndex: 'updatedAt', width: 110, render: (t: string) => when(t) },
    ...(canWrite ? [{
      title: '操作', key: 'actions', width: 130,
      render: (_: unknown, r: ResourceItem) => r.status === 'active' && (
        <Space size={4}>
          <WriteButton size="small" onClick={() => void openEdit(r)}>修改</WriteButton>
          <WriteButton size="small" danger onClick={() => { setReason(''); setRetiring(r); }}>下架</WriteButton>
        </Space>
      ),
    }] : []),
  ];

  return (
    <div data-testid="resources-page">
      <div className="page-head">
        <h2>资源清单{role === 'liaison' ? ' · 本单位' : ''}</h2>
        <Space wrap>
          <Select allowClear placeholder="全部类型" style={{ width: 120 }} value={kind} onChange={setKind} options={options(resourceKindNames)} />
          <Select allowClear placeholder="全部状态" style={{ width: 110 }} value={status} onChange={setStatus}
            options={[{ value: 'active', label: '可用' }, { value: 'retired', label: '已下架' }]} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          {canWrite && <WriteButton type="primary" icon={<PlusOutlined />} data-testid="new-resource" onClick={openCreate}>登记资源</WriteButton>}
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" size="middle" loading={items === null} dataSource={items ?? []} columns={columns} pagination={false}
        rowClassName={(r) => (r.status === 'retired' ? 'row-retired' : '')} locale={{ emptyText: <Empty description="暂无资源" /> }} />
      {next && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={() => void more()}>加载更多</Button></div>}

      <Drawer title={editing?.resource ? '修改资源' : '登记资源'} open={editing !== null} onClose={() => setEditing(null)} width={480}
        extra={<Button type="primary" {...button('save')} data-testid="save-resource" onClick={() => void save()}>保存</Button>}>
        <Form form={form} layout="vertical">
          {role === 'organizer' && !editing?.resource && (
            <Form.Item name="unitId" label="提供单位" rules={[{ required: true, message: '请选择单位' }]}>
              <Select showSearch optionFilterProp="label" options={units.filter((u) => !u.retiredAt && u.streetId === session?.scope).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          )}
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}><Select options={options(resourceKindNames)} /></Form.Item>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select options={options(categoryNames)} /></Form.Item>
          <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={40} showCount placeholder="例如：免费法律咨询、健康义诊、党群活动室" />
          </Form.Item>
          <Form.Item name="description" label="说明"><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>
          <Form.Item name="communityIds" label="覆盖社区" extra="不选即覆盖全街道。">
            <Select mode="multiple" options={communities.filter((c) => !c.retiredAt).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="availability" label="提供时间或方式" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input maxLength={100} placeholder="例如：每月第一个周六上午；提前一天预约" />
          </Form.Item>
          {formKind === 'venue' && (
            <>
              <Form.Item name="capacity" label="可容纳人数" rules={[{ required: true, message: '请填写可容纳人数' }]}><InputNumber min={1} max={10000} addonAfter="人" /></Form.Item>
              <Form.Item name="openingHours" label="开放时间" rules={[{ required: true, whitespace: true, message: '请填写开放时间' }]}><Input maxLength={60} placeholder="例如：每天 9:00–20:00" /></Form.Item>
            </>
          )}
          {formKind === 'volunteers' && (
            <Form.Item name="count" label="志愿者人数" rules={[{ required: true, message: '请填写人数' }]}><InputNumber min={1} max={10000} addonAfter="人" /></Form.Item>
          )}
        </Form>
      </Drawer>

      <Modal open={retiring !== null} title={`下架“${retiring?.title ?? ''}”`} okText="下架" cancelText="取消" okButtonProps={{ danger: true, ...button('retire', reason.trim().length === 0) }}
        onOk={() => void retire()} onCancel={() => setRetiring(null)}>
        <p className="muted">下架后不再参与需求匹配，记录保留。</p>
        <Input.TextArea rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="下架原因" />
      </Modal>
    </div>
  );
}
