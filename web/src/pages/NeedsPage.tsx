import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Form, Input, InputNumber, List, Modal, Select, Segmented, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { categoryNames, options, type CommunityItem } from '../api/admin';
import { beneficiaryGroups, needStatusNames, type NeedItem, type NeedPage, type Suggestions } from '../api/lists';
import { useSession } from '../session/SessionContext';
import { when } from '../format';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

interface NeedForm { category: string; description: string; communityId?: string; beneficiaries: { group: string; count: number }[] }

const statusColors: Record<string, string> = { open: 'orange', matched: 'blue', met: 'green', closed: 'default' };

/**
 * 需求清单: a community's needs (a dispatcher's), or a street's (an organizer's, by community), newest first. 记录需求 in a
 * drawer (groups and head counts, never names); per need 推荐单位 (units whose resources fit, with the reason) and 对接
 * in one click, 已满足 with a note, 关闭 with a reason. Promoting a resident's order is API-only for now.
 */
export function NeedsPage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const isOrganizer = session?.role === 'organizer';
  const [items, setItems] = useState<NeedItem[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('all');
  const [community, setCommunity] = useState<string | undefined>();
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [creating, setCreating] = useState(false);
  const [suggesting, setSuggesting] = useState<{ need: NeedItem; data?: Suggestions; error?: string } | null>(null);
  const [ending, setEnding] = useState<{ need: NeedItem; action: 'meet' | 'close' } | null>(null);
  const [text, setText] = useState('');
  const { button, write: writeOnce } = useWrites();
  const [form] = Form.useForm<NeedForm>();

  const query = useCallback((token?: string) => {
    const q = new URLSearchParams({ pageSize: '20' });
    if (status !== 'all') q.set('status', status);
    if (community) q.set('communityId', community);
    if (token) q.set('pageToken', token);
    return `needs?${q}`;
  }, [status, community]);

  const load = useCallback(async () => {
    try {
      const page = await api<NeedPage>('GET', query());
      setItems(page.items);
      setNext(page.nextPageToken);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '需求清单加载失败，请稍后再试。');
    }
  }, [query]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    void api<CommunityItem[]>('GET', 'communities').then(setCommunities).catch(() => setCommunities([]));
  }, []);

  const more = async () => {
    if (!next) return;
    const page = await api<NeedPage>('GET', query(next));
    setItems((old) => [...(old ?? []), ...page.items]);
    setNext(page.nextPageToken);
  };

  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;
  const streetCommunities = communities.filter((c) => !isOrganizer || c.streetId === session?.scope);

  const write = async (name: string, action: () => Promise<unknown>, done: string) => {
    let ok = false;
    await writeOnce(name, async () => {
      try {
        await action();
        message.success(done);
        await load();
        ok = true;
      } catch (e) {
        message.warning(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
        if (e instanceof ApiError && e.status === 409) await load();
      }
    });
    return ok;
  };

  const create = async () => {
    const v = await form.validateFields();
    const ok = await write('create', () => api('POST', 'needs', { category: v.category, description: v.description, beneficiaries: v.beneficiaries, communityId: v.communityId }), '已记录需求。');
    if (ok) setCreating(false);
  };

  const suggest = async (need: NeedItem) => {
    setSuggesting({ need });
    try {
      setSuggesting({ need, data: await api<Suggestions>('GET', `needs/${need.id}/suggestions`) });
    } catch (e) {
      setSuggesting({ need, error: e instanceof ApiError ? e.message : '推荐单位加载失败，请稍后再试。' });
    }
  };

  const match = async (need: NeedItem, unitId: string, name: string) => {
    if (await write(`match-${unitId}`, () => api('POST', `needs/${need.id}/match`, { unitId }), `已对接给${name}，单位会收到通知。`)) setSuggesting(null);
  };

  const end = async () => {
    if (!ending) return;
    const ok = await write('end', () => api('POST', `needs/${ending.need.id}/${ending.action}`, { text: text.trim() }),
      ending.action === 'meet' ? '已标记为已满足。' : '需求已关闭。');
    if (ok) setEnding(null);
  };

  const columns = [
    { title: '类别', dataIndex: 'categoryName', width: 110, render: (c: string) => <Tag>{c}</Tag> },
    { title: '需求', dataIndex: 'description', render: (d: string, n: NeedItem) => <span>{d}{n.sourceKind && <Tag className="source-tag">{n.sourceKind === 'order' ? '由工单转入' : '由心愿转入'}</Tag>}</span> },
    { title: '受益', dataIndex: 'beneficiaries', width: 170 },
    ...(isOrganizer ? [{ title: '社区', dataIndex: 'communityId', width: 110, render: communityName }] : []),
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string, n: NeedItem) => <Tag color={statusColors[s]}>{n.statusName}</Tag> },
    { title: '对接单位', dataIndex: 'unitName', width: 170, render: (u?: string) => u ?? '—' },
    { title: '登记', dataIndex: 'createdAt', width: 120, render: (t: string) => when(t) },
    {
      title: '操作', key: 'actions', width: 230,
      render: (_: unknown, n: NeedItem) => n.status === 'met' || n.status === 'closed' ? null : (
        <Space size={4} wrap>
          <Button size="small" type="primary" data-testid={`suggest-${n.id}`} onClick={() => void suggest(n)}>推荐单位</Button>
          <WriteButton size="small" onClick={() => { setText(''); setEnding({ need: n, action: 'meet' }); }}>已满足</WriteButton>
          <WriteButton size="small" danger onClick={() => { setText(''); setEnding({ need: n, action: 'close' }); }}>关闭</WriteButton>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="needs-page">
      <div className="page-head">
        <h2>需求清单</h2>
        <Space wrap>
          <Segmented value={status} onChange={(v) => setStatus(String(v))}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(needStatusNames).map(([value, label]) => ({ value, label }))]} />
          {isOrganizer && (
            <Select allowClear placeholder="全部社区" style={{ width: 140 }} value={community} onChange={setCommunity}
              options={streetCommunities.map((c) => ({ value: c.id, label: c.name }))} />
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          <WriteButton type="primary" icon={<PlusOutlined />} data-testid="new-need" onClick={() => {
            form.resetFields();
            form.setFieldsValue({ beneficiaries: [{ group: '老年人', count: 10 }] });
            setCreating(true);
          }}>记录需求</WriteButton>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" size="middle" loading={items === null} dataSource={items ?? []} columns={columns} pagination={false}
        locale={{ emptyText: <Empty description="暂无需求" /> }} />
      {next && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={() => void more()}>加载更多</Button></div>}

      <Drawer title="记录需求" open={creating} onClose={() => setCreating(false)} width={480}
        extra={<Button type="primary" {...button('create')} data-testid="save-need" onClick={() => void create()}>保存</Button>}>
        <Form form={form} layout="vertical">
          {isOrganizer && (
            <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
              <Select options={streetCommunities.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select data-testid="need-category" options={options(categoryNames).filter((o) => o.value !== 'repair')} />
          </Form.Item>
          <Form.Item name="description" label="需求描述" extra="请勿填写居民姓名、电话、门牌号；电话和门牌号会自动打码。"
            rules={[{ required: true, whitespace: true, message: '请描述需求' }]}>
            <Input.TextArea data-testid="need-description" rows={4} maxLength={500} showCount />
          </Form.Item>
          <Form.List name="beneficiaries">
            {(fields, { add, remove }) => (
              <>
                <div className="form-label">受益人群和人数</div>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'group']} rules={[{ required: true, message: '请选择' }]}>
                      <Select style={{ width: 140 }} options={beneficiaryGroups.map((g) => ({ value: g, label: g }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'count']} rules={[{ required: true, message: '请填写人数' }]}>
                      <InputNumber min={1} max={100000} addonAfter="人" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {fields.length < 5 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ group: undefined, count: 1 })}>添加人群</Button>}
              </>
            )}
          </Form.List>
        </Form>
      </Drawer>

      <Drawer title="推荐单位" open={suggesting !== null} onClose={() => setSuggesting(null)} width={520} data-testid="suggestions">
        {suggesting && (
          <>
            <p className="muted">{suggesting.need.categoryName} · {suggesting.need.beneficiaries} · {communityName(suggesting.need.communityId)}</p>
            <p>{suggesting.need.description}</p>
            {suggesting.error && <Alert type="warning" showIcon message={suggesting.error} />}
            <List loading={!suggesting.data && !suggesting.error} dataSource={suggesting.data?.items ?? []}
              locale={{ emptyText: '暂无资源相符的单位。可请单位在资源清单登记相关资源。' }}
              renderItem={(s) => (
                <List.Item data-testid="suggestion" actions={[
                  suggesting.need.unitId === s.unitId ? <Tag color="blue" key="m">已对接</Tag>
                    : <WriteButton key="m" write={`match-${s.unitId}`} size="small" type={s.rank === 1 ? 'primary' : 'default'} onClick={() => void match(suggesting.need, s.unitId, s.name)}>对接</WriteButton>,
                ]}>
                  <List.Item.Meta title={<span>{s.rank}. {s.name}</span>} description={<span data-testid="suggestion-reason">{s.reason}</span>} />
                </List.Item>
              )} />
          </>
        )}
      </Drawer>

      <Modal open={ending !== null} title={ending?.action === 'meet' ? '需求已满足' : '关闭需求'} okText="确定" cancelText="取消"
        okButtonProps={button('end', text.trim().length === 0)} onOk={() => void end()} onCancel={() => setEnding(null)}>
        <Input.TextArea rows={3} maxLength={200} showCount value={text} onChange={(e) => setText(e.target.value)}
          placeholder={ending?.action === 'meet' ? '如何满足的，例如：律师每月到社区坐诊，已服务 3 次。' : '关闭原因'} />
      </Modal>
    </div>
  );
}
