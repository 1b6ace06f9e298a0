import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, apiTagged, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { useSession } from '../session/SessionContext';
import { when } from '../format';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

interface CommunityForm { id: string; name: string; streetId?: string }

/** 社区管理: communities by street; add, rename (with the ETag it read), stop taking orders (停止受理) with a confirmation. */
export function CommunitiesAdminPage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const isOrganizer = session?.role === 'organizer';
  const [items, setItems] = useState<CommunityItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ community?: CommunityItem; etag?: string } | null>(null);
  const { button, begin, end, write } = useWrites();
  const [form] = Form.useForm<CommunityForm>();

  const load = useCallback(async () => {
    try {
      setItems(await api<CommunityItem[]>('GET', 'communities?includeRetired=true'));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '社区列表加载失败，请稍后再试。');
    }
  }, []);

  useEffect(() => { void load(); }, [load]);

  const streets = useMemo(() => {
    const byId = new Map((items ?? []).map((c) => [c.streetId, c.streetName || c.streetId]));
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [items]);

  const openEdit = async (c: CommunityItem) => {
    try {
      const { data, etag } = await apiTagged<CommunityItem>('GET', `communities/${encodeURIComponent(c.id)}`);
      form.resetFields();
      form.setFieldsValue(data);
      setEditing({ community: data, etag });
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '社区读取失败，请稍后再试。');
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    if (!begin('save')) return;
    try {
      if (editing?.community) await apiTagged('PATCH', `communities/${encodeURIComponent(editing.community.id)}`, { name: v.name }, editing.etag);
      else await api('POST', 'communities', { id: v.id, name: v.name, streetId: v.streetId });
      message.success('已保存。');
      setEditing(null);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '保存未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  const retire = (c: CommunityItem) => write(`retire-${c.id}`, async () => {
    try {
      await api('POST', `communities/${encodeURIComponent(c.id)}/retire`);
      message.success(`${c.name}已停止受理新诉求。`);
      await load();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
    }
  });

  const shown = (items ?? []).filter((c) => !isOrganizer || c.streetId === session?.scope);
  const columns = [
    { title: '社区', dataIndex: 'name', render: (n: string, c: CommunityItem) => <span className={c.retiredAt ? 'retired' : undefined}>{n} {c.retiredAt && <Tag>已停止受理</Tag>}</span> },
    { title: '编号', dataIndex: 'id' },
    { title: '街道', dataIndex: 'streetName' },
    { title: '状态', dataIndex: 'retiredAt', render: (at?: string) => at ? <span className="retired">{when(at)} 停止受理</span> : <Tag color="green">受理中</Tag> },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, c: CommunityItem) => (
        <Space>
          <WriteButton size="small" onClick={() => void openEdit(c)}>改名</WriteButton>
          {!c.retiredAt && (
            <Popconfirm title={`让“${c.name}”停止受理新诉求？`} description="居民将不能再在该社区点单；已有工单照常办理。此操作暂不能撤销。"
              okText="停止受理" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => retire(c)}>
              <WriteButton write={`retire-${c.id}`} size="small" danger>停止受理</WriteButton>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>重试</Button>} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <h2 style={{ margin: 0 }}>社区管理</h2>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          <WriteButton type="primary" icon={<PlusOutlined />} onClick={() => {
            form.resetFields(); form.setFieldsValue({ streetId: isOrganizer ? session?.scope : streets[0]?.value }); setEditing({});
          }}>添加社区</WriteButton>
        </Space>
      </div>
      <Table rowKey="id" loading={!items} dataSource={shown} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowClassName={(c: CommunityItem) => (c.retiredAt ? 'row-retired' : '')} />
      <Modal title={editing?.community ? `改名：${editing.community.name}` : '添加社区'} open={editing !== null} onCancel={() => setEditing(null)}
        okText="保存" cancelText="取消" okButtonProps={button('save')} onOk={() => void save()}>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="id" label="社区编号" extra="小写字母、数字和连字符，添加后不能修改"
            rules={[{ required: true, pattern: /^[a-z0-9-]{2,40}$/, message: '请填写 2–40 位小写字母、数字或连字符' }]}>
            <Input disabled={Boolean(editing?.community)} />
          </Form.Item>
          <Form.Item name="name" label="社区名称" rules={[{ required: true, whitespace: true, max: 30, message: '请填写社区名称（不超过 30 字）' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="streetId" label="所属街道" rules={[{ required: true, message: '请选择街道' }]}>
            <Select options={streets} disabled={Boolean(editing?.community) || isOrganizer} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
