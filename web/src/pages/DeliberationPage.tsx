import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, List, Modal, Result, Select, Skeleton, Space, Steps, Switch, Table, Tag, Typography,
} from 'antd';
import { ArrowLeftOutlined, GlobalOutlined, MinusCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { categoryNames, options as nameOptions } from '../api/admin';
import type { UnitView } from '../api/types';
import { beijing, fromBeijingInput, toBeijingInput } from '../api/activities';
import {
  deliberationPath, deliberationStatusColor, partyNames, stepTitles, steps, type CreatedOrders, type DeliberationView,
} from '../api/deliberations';
import { useAction } from '../components/useAction';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';
import { useSession } from '../session/SessionContext';

type Run = (name: string, action: () => Promise<unknown>, done: string) => Promise<boolean>;
interface StepProps { d: DeliberationView; run: Run; post: (action: string, body?: unknown) => () => Promise<void>; reload: () => Promise<void> }

/**
 * One topic of 议事 through 提审议办评: the facts (the raiser's contact for the community's staff only), 审 (受理, 直接答复, 不予受理
 * with a reason), 议 (the meeting with its parties and units, an optional vote with its counting rule, opinions, the tally),
 * the minutes and decision with what it becomes, 办 (转为工单: orders placed and linked; their ends recorded here), 评 (the
 * residents' ratings) and 结束议题. Every refusal is the API's, in its words.
 */
export function DeliberationPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [d, setD] = useState<DeliberationView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setD(await api<DeliberationView>('GET', deliberationPath(id)));
      setError(null);
    } catch (e) {
      setD(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', '议题加载失败，请稍后再试。'));
    }
  }, [id]);
  useEffect(() => { setD(null); void load(); }, [load]);
  const { run } = useAction(load, '议题');
  const post = (action: string, body?: unknown) => async () => { setD(await api<DeliberationView>('POST', deliberationPath(id, action), body)); };

  const backLink = <Link to="/deliberations"><Button icon={<ArrowLeftOutlined />}>返回议事</Button></Link>;
  if (error) {
    return <Result status={error.status === 403 ? '403' : error.status === 404 ? '404' : 'error'}
      title={error.status === 403 ? '无权查看' : error.status === 404 ? '议题不存在' : '加载失败'}
      subTitle={<span data-testid="deliberation-error">{error.message}</span>} extra={backLink} />;
  }
  if (!d) return <Card><Skeleton active /></Card>;
  // Who may act: the community's and street's staff (the API answered the page, so they are in scope); a liaison reads.
  const manager = session?.role !== 'liaison';
  const props = { d, run, post, reload: load };
  const isPublic = ['decided', 'acting', 'delivered', 'closed'].includes(d.status);

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        {backLink}
        <Space>
          {isPublic && <Button icon={<GlobalOutlined />} href={`/api/pages/deliberations/${encodeURIComponent(d.streetId)}/${encodeURIComponent(d.id)}`} target="_blank"
            data-testid="deliberation-public">公开页面</Button>}
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
        </Space>
      </div>
      <Card className="order-card">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="deliberation-heading">{d.title}</Typography.Title>
            <Tag color={deliberationStatusColor[d.status] ?? 'default'} data-testid="deliberation-status">{d.statusText}</Tag>
          </Space>
          <Steps current={d.step - 1} status={d.status === 'declined' ? 'error' : undefined} data-testid="deliberation-steps"
            items={steps.map((s, i) => ({ title: `${s} · ${stepTitles[i]}` }))} />
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="议题编号">{d.id}</Descriptions.Item>
            <Descriptions.Item label="来源">{d.sourceText}{d.estate ? ` · ${d.estate}` : ''}</Descriptions.Item>
            <Descriptions.Item label="提出时间">{beijing(d.raisedAt)}</Descriptions.Item>
            {d.contact && <Descriptions.Item label="提议人"><span data-testid="deliberation-contact">{d.contact.name} {d.contact.phone}</span></Descriptions.Item>}
            {d.description && <Descriptions.Item label="情况说明" span={2}><div className="order-text">{d.description}</div></Descriptions.Item>}
            {d.reply && <Descriptions.Item label={d.status === 'declined' ? '不予受理的理由' : '答复'} span={2}><div className="order-text" data-testid="deliberation-reply">{d.reply}</div></Descriptions.Item>}
          </Descriptions>
        </Space>
      </Card>
      {manager && (d.status === 'raised' || d.status === 'accepted') && <Review {...props} />}
      {manager && d.status === 'accepted' && <Schedule {...props} />}
      {d.meeting && <MeetingCard {...props} manager={manager} />}
      {d.decision && <ActCard {...props} manager={manager} />}
      {(d.status === 'delivered' || d.status === 'closed') && <RateCard {...props} manager={manager} />}
    </div>
  );
}

/** 审: accept, answer directly, or decline with a reason (the raiser reads either by their tracking code). */
function Review({ d, run, post }: StepProps) {
  const [mode, setMode] = useState<'answer' | 'decline' | null>(null);
  const { button } = useWrites();
  const [text, setText] = useState('');
  const submit = async () => {
    const ok = mode === 'answer'
      ? await run('answer', post('answer', { answer: text.trim() }), '已答复。')
      : await run('decline', post('decline', { reason: text.trim() }), '已不予受理。');
    if (ok) { setMode(null); setText(''); }
  };
  return (
    <Card title="审 · 审核" className="order-card" data-testid="review-card">
      <Space wrap>
        {d.status === 'raised' && <WriteButton write="accept" type="primary" onClick={() => void run('accept', post('accept'), '已受理，请安排议事会。')}
          data-testid="deliberation-accept">受理，进入议事</WriteButton>}
        <WriteButton onClick={() => setMode('answer')} data-testid="deliberation-answer">直接答复</WriteButton>
        {d.status === 'raised' && <WriteButton danger onClick={() => setMode('decline')} data-testid="deliberation-decline">不予受理</WriteButton>}
      </Space>
      <Modal title={mode === 'answer' ? '直接答复' : '不予受理'} open={mode !== null} okText="确定" cancelText="返回" onCancel={() => setMode(null)}
        okButtonProps={{ ...button(mode ?? undefined, text.trim().length === 0), danger: mode === 'decline' }} onOk={() => void submit()}>
        <p className="muted">{mode === 'answer' ? '不需要开议事会的，直接告诉提议人怎么办。' : '请写明理由，提议人凭查询码能看到。'}</p>
        <Input.TextArea rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} data-testid="review-text" />
      </Modal>
    </Card>
  );
}

interface ScheduleValues { at: string; place: string; parties: string[]; unitIds?: string[]; withVote: boolean; question?: string; rule?: string; closesAt?: string }

/** 议: the meeting, who is invited (and which member units), and optionally a vote with its counting rule. */
function Schedule({ d, run, post }: StepProps) {
  const [form] = Form.useForm<ScheduleValues>();
  const [units, setUnits] = useState<UnitView[]>([]);
  const withVote = Form.useWatch('withVote', form);
  useEffect(() => { void api<UnitView[]>('GET', `units?communityId=${encodeURIComponent(d.communityId)}`).then(setUnits).catch(() => setUnits([])); }, [d.communityId]);
  const save = (v: ScheduleValues) => void run('schedule', post('meeting', {
    at: fromBeijingInput(v.at), place: v.place, parties: v.parties, unitIds: v.unitIds ?? [],
    vote: v.withVote ? { question: v.question ?? '', rule: v.rule ?? 'simple_majority', closesAt: fromBeijingInput(v.closesAt ?? '') } : undefined,
  }), '议事会已安排。');
  return (
    <Card title="议 · 安排议事会" className="order-card" data-testid="schedule-card">
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}
        initialValues={{ place: '八仙议事厅', parties: ['resident_reps', 'party_members', 'property_company'], withVote: false, rule: 'simple_majority',
          at: toBeijingInput(new Date(Date.now() + 3 * 86400_000)).slice(0, 11) + '19:30' }}>
        <Space wrap>
          <Form.Item name="at" label="时间（北京）" rules={[{ required: true }]}><Input type="datetime-local" data-testid="meeting-at" /></Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true }]}><Input maxLength={100} style={{ width: 260 }} data-testid="meeting-place" /></Form.Item>
        </Space>
        <Form.Item name="parties" label="邀请">
          <Checkbox.Group options={['resident_reps', 'party_members', 'property_company', 'units'].map((p) => ({ value: p, label: partyNames[p] }))} />
        </Form.Item>
        <Form.Item name="unitIds" label="共建单位">
          <Select mode="multiple" placeholder="选择要邀请的共建单位" options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="meeting-units" />
        </Form.Item>
        <Form.Item name="withVote" label="表决" valuePropName="checked"><Switch data-testid="meeting-vote" /></Form.Item>
        {withVote && (
          <>
            <Form.Item name="question" label="表决事项" rules={[{ required: true }]}><Input maxLength={100} data-testid="vote-question" /></Form.Item>
            <Space wrap>
              <Form.Item name="rule" label="计票规则">
                <Select style={{ width: 300 }} options={[{ value: 'simple_majority', label: '过半数：赞成超过投票总数（含弃权）的一半' },
                  { value: 'two_thirds', label: '三分之二：赞成达到投票总数（含弃权）的三分之二' }]} data-testid="vote-rule" />
              </Form.Item>
              <Form.Item name="closesAt" label="表决截止（北京）" rules={[{ required: true }]}><Input type="datetime-local" data-testid="vote-closes" /></Form.Item>
            </Space>
          </>
        )}
        <div><WriteButton write="schedule" type="primary" htmlType="submit" data-testid="meeting-save">安排议事会</WriteButton></div>
      </Form>
    </Card>
  );
}

interface DecisionValues { minutes: string; decision: string; attendees?: number; actions: { kind: string; text?: string; category?: string; address?: string; projectId?: string }[] }

/** 议: the meeting, opinions (add one for any party), the tally with its rule, then the minutes and the decision. */
function MeetingCard({ d, run, post, manager }: StepProps & { manager: boolean }) {
  const [author, setAuthor] = useState('resident_reps');
  const [opinion, setOpinion] = useState('');
  const [form] = Form.useForm<DecisionValues>();
  const m = d.meeting!;
  const open = d.status === 'scheduled';
  const held = Date.now() >= Date.parse(m.at);
  const addOpinion = async () => { if (await run('opinion', post('opinions', { authorKind: author, text: opinion.trim() }), '意见已记录。')) setOpinion(''); };
  const decide = (v: DecisionValues) => void run('decision', post('decision', {
    minutes: v.minutes, decision: v.decision, attendees: v.attendees, actions: (v.actions ?? []).map((a) => ({ ...a, text: a.text ?? '' })),
  }), '决议已记录。');
  return (
    <Card title="议 · 议事协商" className="order-card" data-testid="meeting-card">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="议事会">{beijing(m.at)} · {m.place}</Descriptions.Item>
        <Descriptions.Item label="邀请">{m.partyNames.join('、')}{m.unitIds.length > 0 ? `（${m.unitIds.length} 家共建单位）` : ''}</Descriptions.Item>
        {d.vote && (
          <Descriptions.Item label="表决" span={2}>
            <div data-testid="vote-tally">
              “{d.vote.question}”：赞成 {d.vote.for}、反对 {d.vote.against}、弃权 {d.vote.abstain}（共 {d.vote.cast} 票）
              {d.vote.closed ? <Tag color={d.vote.passed ? 'green' : 'red'} style={{ marginLeft: 8 }}>{d.vote.passed ? '通过' : '未通过'}</Tag>
                : <Tag color="blue" style={{ marginLeft: 8 }}>{beijing(d.vote.closesAt)} 截止</Tag>}
            </div>
            <div className="muted" style={{ fontSize: 12 }}>计票规则：{d.vote.ruleText}</div>
            {manager && open && !d.vote.closed && Date.now() >= Date.parse(d.vote.closesAt) && (
              <WriteButton write="close-vote" size="small" style={{ marginTop: 6 }} onClick={() => void run('close-vote', post('vote/close'), '表决已结束。')}
                data-testid="vote-close">结束表决并计票</WriteButton>
            )}
          </Descriptions.Item>
        )}
        {d.decision && <Descriptions.Item label="决议" span={2}><div className="order-text" data-testid="deliberation-decision">{d.decision}</div></Descriptions.Item>}
        {d.minutes && <Descriptions.Item label="会议纪要" span={2}><div className="order-text">{d.minutes}</div></Descriptions.Item>}
      </Descriptions>
      <List size="small" header={`意见（${d.opinions.length}）`} dataSource={d.opinions} locale={{ emptyText: '还没有意见' }} data-testid="opinions"
        renderItem={(o) => <List.Item><span><Tag>{o.author}</Tag>{o.text}</span><span className="muted">{beijing(o.at)}</span></List.Item>} />
      {manager && open && (
        <Space.Compact style={{ width: '100%', maxWidth: 720, marginTop: 8 }}>
          <Select value={author} onChange={setAuthor} style={{ width: 140 }} options={['resident_reps', 'party_members', 'property_company', 'units', 'residents', 'staff']
            .map((p) => ({ value: p, label: partyNames[p] }))} data-testid="opinion-author" />
          <Input value={opinion} onChange={(e) => setOpinion(e.target.value)} maxLength={500} placeholder="记录一条意见" data-testid="opinion-text" />
          <WriteButton write="opinion" disabled={opinion.trim().length === 0} onClick={() => void addOpinion()} data-testid="opinion-add">记录</WriteButton>
        </Space.Compact>
      )}
      {manager && open && held && (
        <Card type="inner" title="会议纪要与决议" style={{ marginTop: 16 }} data-testid="decision-card">
          <Form form={form} layout="vertical" onFinish={decide} initialValues={{ actions: [{ kind: 'order', category: 'repair' }] }}>
            <Form.Item name="minutes" label="会议纪要" rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={4000} data-testid="decision-minutes" /></Form.Item>
            <Form.Item name="decision" label="决议" rules={[{ required: true }]}><Input.TextArea rows={2} maxLength={1000} data-testid="decision-text" /></Form.Item>
            <Form.Item name="attendees" label="到会人数"><InputNumber min={1} max={10000} data-testid="decision-attendees" /></Form.Item>
            <Form.List name="actions">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} wrap align="baseline">
                      <Form.Item name={[f.name, 'kind']}><Select style={{ width: 100 }} options={[{ value: 'order', label: '工单' }, { value: 'project', label: '项目' }]} /></Form.Item>
                      <Form.Item name={[f.name, 'text']}><Input placeholder="要办的事" style={{ width: 240 }} data-testid={`action-text-${f.name}`} /></Form.Item>
                      <Form.Item name={[f.name, 'category']}><Select style={{ width: 120 }} options={nameOptions(categoryNames)} /></Form.Item>
                      <Form.Item name={[f.name, 'address']}><Input placeholder="地点" style={{ width: 160 }} data-testid={`action-address-${f.name}`} /></Form.Item>
                      <Form.Item name={[f.name, 'projectId']}><Input placeholder="项目编号（项目才填）" style={{ width: 170 }} /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'order', category: 'repair' })} style={{ marginBottom: 12 }}>添加事项</Button>
                </>
              )}
            </Form.List>
            <div><WriteButton write="decision" type="primary" htmlType="submit" data-testid="decision-save">记录决议</WriteButton></div>
          </Form>
        </Card>
      )}
      {manager && open && !held && <p className="muted" style={{ marginTop: 12 }}>议事会开过之后，在这里记录会议纪要和决议。</p>}
    </Card>
  );
}

/** 办: the decision's actions, 转为工单 for those not yet placed (their tracking codes shown once), and what became of each. */
function ActCard({ d, run, reload, manager }: StepProps & { manager: boolean }) {
  const [name, setName] = useState('社区议事会');
  const [phone, setPhone] = useState('');
  const [created, setCreated] = useState<CreatedOrders['orders']>([]);
  const pending = d.actions.some((a) => a.kind === 'order' && !a.targetId);
  const create = () => void run('orders', async () => {
    const answer = await api<CreatedOrders>('POST', deliberationPath(d.id, 'orders'), { contact: { name: name.trim(), phone: phone.trim() } });
    setCreated(answer.orders);
    await reload();
  }, '已转为工单，进入派单流程。');
  return (
    <Card title="办 · 落实办理" className="order-card" data-testid="act-card">
      <Table rowKey="no" size="small" pagination={false} dataSource={d.actions} data-testid="actions"
        columns={[
          { title: '#', dataIndex: 'no', width: 40 },
          { title: '事项', dataIndex: 'text' },
          { title: '类型', width: 80, render: (_, a) => (a.kind === 'project' ? '项目' : '工单') },
          { title: '工单 / 项目', width: 170, render: (_, a) => (a.targetId ? (a.kind === 'order' ? <Link to={`/orders/${encodeURIComponent(a.targetId)}`}>{a.targetId}</Link>
            : <Link to={`/projects/${encodeURIComponent(a.targetId)}`}>{a.targetId}</Link>) : '—') },
          { title: '状态', width: 100, render: (_, a) => <Tag color={a.outcome === 'completed' ? 'green' : a.outcome ? 'default' : a.targetId ? 'blue' : 'orange'}
            data-testid={`action-status-${a.no}`}>{a.statusText}</Tag> },
        ]} />
      {manager && pending && (
        <Space.Compact style={{ marginTop: 12, maxWidth: 560, width: '100%' }}>
          <Input value={name} onChange={(e) => setName(e.target.value)} style={{ width: 160 }} placeholder="联系人" data-testid="orders-contact-name" />
          <Input value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="联系电话（承办单位联系用）" data-testid="orders-contact-phone" />
          <WriteButton write="orders" type="primary" disabled={phone.trim().length === 0} onClick={create} data-testid="orders-create">转为工单</WriteButton>
        </Space.Compact>
      )}
      {created.length > 0 && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid="orders-created" title="已生成工单，请到派单工作台派给承办单位。查询码只显示这一次："
          description={created.map((o) => `${o.orderId}${o.trackingCode ? `（查询码 ${o.trackingCode}）` : ''}`).join('；')} />
      )}
    </Card>
  );
}

/** 评: the residents' ratings of the result, and 结束议题. */
function RateCard({ d, run, post, manager }: StepProps & { manager: boolean }) {
  return (
    <Card title="评 · 居民评议" className="order-card" data-testid="rate-card">
      <p data-testid="rating-summary">{d.ratings.length === 0 ? '还没有居民评价。请在聊天或议事群里请居民评价办理结果。'
        : `${d.ratings.length} 位居民评价，平均 ${d.ratingAverage?.toFixed(1)} 星。`}</p>
      <List size="small" dataSource={d.ratings} renderItem={(r) => <List.Item>{'★'.repeat(r.stars)}{'☆'.repeat(5 - r.stars)} {r.comment ?? ''}<span className="muted">{beijing(r.at)}</span></List.Item>} />
      {manager && d.status === 'delivered' && (
        <WriteButton write="close" onClick={() => void run('close', post('close'), '议题已结束。')} data-testid="deliberation-close">结束议题</WriteButton>
      )}
    </Card>
  );
}
