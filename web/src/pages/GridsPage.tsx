import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Modal, Radio, Row, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { beijing, issueGridBindingCode, listGridWorkers, listGrids, type CheckIn, type GridBindingCode, type GridView, type GridWorker } from '../api/grids';
import { GridEditDrawer } from '../components/GridEditDrawer';
import { GridFields, gridBody, type GridValues } from '../components/GridFields';
import { useSession } from '../session/SessionContext';
import { useWrites } from '../components/WriteScope';
import { WriteButton } from '../components/WriteButton';

/** The day a worker's key was created, Beijing time (两位同名 workers are told apart by it). */
const sinceDay = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/**
 * 网格管理: a community's grids with their "3+X" team (网格长, 网格指导员, 网格员, volunteers; names and phones are for staff),
 * each grid's latest check-ins (far ones flagged), a new grid, and 编辑 of a grid and its team. The dispatcher's community; the organizer picks one.
 * 网格员绑定码: a one-time code the grid's worker sends in chat (“绑定 123456”) to report by message (随手拍); shown once.
 * A grid with several workers (the API's 409 several_grid_workers) asks for whom, from the grid's live worker keys.
 */
export function GridsPage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [community, setCommunity] = useState<string | undefined>(session?.role === 'dispatcher' ? session.scope : undefined);
  const [grids, setGrids] = useState<GridView[] | null>(null);
  const [checkIns, setCheckIns] = useState<Record<string, CheckIn[]>>({});
  const [error, setError] = useState<string | null>(null);
  const { button, begin, end } = useWrites();
  const [editing, setEditing] = useState<string | null>(null);
  const [issued, setIssued] = useState<GridBindingCode | null>(null);
  const [choosing, setChoosing] = useState<{ gridId: string; gridName: string; workers: GridWorker[] } | null>(null);
  const [chosen, setChosen] = useState<string>();
  const [form] = Form.useForm<GridValues>();

  useEffect(() => {
    if (session?.role !== 'organizer') return;
    void api<CommunityItem[]>('GET', 'communities').then((all) => {
      const mine = all.filter((c) => c.streetId === session.scope);
      setCommunities(mine);
      setCommunity((c) => c ?? mine[0]?.id);
    }).catch(() => undefined);
  }, [session]);

  const load = useCallback(async () => {
    if (!community) return;
    try {
      setGrids((await listGrids(community)).items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '网格加载失败，请稍后再试。');
    }
  }, [community]);
  useEffect(() => { void load(); }, [load]);

  const showCheckIns = async (id: string) => {
    try {
      const page = await api<{ items: CheckIn[] }>('GET', `grids/${encodeURIComponent(id)}/checkins`);
      setCheckIns((c) => ({ ...c, [id]: page.items }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '签到记录加载失败。');
    }
  };

  const issueCode = async (grid: GridView, keyId?: string) => {
    if (!begin(`code-${grid.id}`)) return;
    try {
      setIssued(await issueGridBindingCode(grid.id, keyId));
      setChoosing(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'several_grid_workers') {
        const { items } = await listGridWorkers(grid.id).catch(() => ({ items: [] as GridWorker[] }));
        if (items.length > 1) {
          setChosen(undefined);
          setChoosing({ gridId: grid.id, gridName: grid.name, workers: items });
          return;
        }
      }
      message.error(e instanceof ApiError ? e.message : '绑定码未能发放，请稍后再试。');
    } finally { end(); }
  };

  const create = async (v: GridValues) => {
    if (!begin('create')) return;
    try {
      await api('POST', 'grids', { communityId: community, slug: v.slug, ...gridBody(v) });
      message.success('已新建网格。');
      form.resetFields();
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '新建未能完成，请稍后再试。');
    } finally { end(); }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="网格管理" extra={session?.role === 'organizer' && (
        <Select style={{ width: 180 }} value={community} onChange={setCommunity} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
      )}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Row gutter={[12, 12]}>
          {(grids ?? []).map((g) => (
            <Col key={g.id} xs={24} md={12} xl={8}>
              <Card size="small" title={g.name} data-testid={`grid-${g.id}`} extra={<Space size={4}>
                <WriteButton size="small" onClick={() => setEditing(g.id)} aria-label={`编辑${g.name}`}>编辑</WriteButton>
                <Button size="small" onClick={() => void showCheckIns(g.id)}>签到记录</Button>
                <WriteButton size="small" write={`code-${g.id}`} onClick={() => void issueCode(g)} data-testid={`binding-code-${g.id}`} aria-label={`${g.name}网格员绑定码`}>绑定码</WriteButton>
              </Space>}>
                <div style={{ color: '#666', marginBottom: 8 }}>{g.area || '—'} · 半径 {g.radiusMetres} 米</div>
                <Space wrap>
                  {g.team.map((m, i) => <Tag key={i} color={m.role === 'leader' ? 'red' : m.role === 'worker' ? 'blue' : m.role === 'instructor' ? 'gold' : 'default'}>
                    {m.roleText}：{m.name}{m.phone ? ` ${m.phone}` : ''}</Tag>)}
                </Space>
                {checkIns[g.id] && (
                  <Table<CheckIn> size="small" rowKey={(c) => c.at} pagination={false} style={{ marginTop: 8 }} dataSource={checkIns[g.id].slice(0, 5)}
                    locale={{ emptyText: '还没有签到' }}
                    columns={[
                      { title: '时间', render: (_, c) => beijing(c.at), width: 110 },
                      { title: '网格员', dataIndex: 'worker', width: 80 },
                      { title: '离中心', render: (_, c) => <span>{c.distanceMetres} 米 {c.far && <Tag color="orange">超出网格</Tag>}</span> },
                    ]} />
                )}
              </Card>
            </Col>
          ))}
        </Row>
        {grids?.length === 0 && <span>这个社区还没有划分网格。</span>}
      </Card>

      <Card title="新建网格">
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)} initialValues={{ radiusMetres: 350, team: [{ role: 'leader', name: '' }, { role: 'worker', name: '' }] }}>
          <GridFields />
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} {...button('create', !community)}>新建网格</Button>
        </Form>
      </Card>
      <Modal title="网格员绑定码" open={issued !== null} onCancel={() => setIssued(null)} footer={<Button type="primary" onClick={() => setIssued(null)}>知道了</Button>}>
        {issued && (
          <div data-testid="grid-binding-code">
            <p>发给「{issued.gridName}」的网格员{issued.workerName}：</p>
            <Typography.Title level={2} copyable style={{ letterSpacing: 6, margin: '8px 0 16px' }}>{issued.code}</Typography.Title>
            <p>{issued.howToUse}</p>
            <p style={{ color: '#666' }}>绑定后，网格员在聊天中发现场照片、分享位置即可上报到格事坊，处置结果也会发回聊天。绑定码关闭后不再显示，请当面或电话告知网格员。</p>
          </div>
        )}
      </Modal>
      <Modal title="为哪位网格员发放绑定码？" open={choosing !== null} onCancel={() => setChoosing(null)} okText="发放绑定码" cancelText="取消"
        okButtonProps={{ ...button(choosing ? `code-${choosing.gridId}` : undefined, !chosen), 'data-testid': 'grid-worker-issue' } as ButtonProps}
        onOk={() => { const grid = grids?.find((g) => g.id === choosing?.gridId); if (grid && chosen) void issueCode(grid, chosen); }}>
        {choosing && (
          <div data-testid="grid-worker-choice">
            <p>「{choosing.gridName}」有 {choosing.workers.length} 位网格员，绑定码只能由其中一位使用：</p>
            <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={choosing.workers.map((w) => ({ value: w.keyId, label: `${w.name}${w.since ? `（${sinceDay(w.since)}起）` : ''}` }))} />
          </div>
        )}
      </Modal>
      <GridEditDrawer id={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void load(); }} />
    </Space>
  );
}
