import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { options as nameOptions, type CommunityItem } from '../api/admin';
import { streetOf } from '../api/projects';
import { activityCategoryNames, activityPath, audienceNames, fromBeijingInput, type ActivityView } from '../api/activities';
import { useSession } from '../session/SessionContext';
import { useWrites } from '../components/WriteScope';

interface Values {
  title: string; category: string; description?: string; place: string; communityId?: string; organiserKind?: 'community' | 'street';
  startsAt: string; endsAt: string; deadline: string; capacity: number; audiences: string[];
}

/** A datetime-local value moved by some hours, still as a Beijing wall-clock value. */
const shift = (value: string, hours: number) => new Date(Date.parse(value + ':00Z') + hours * 3600_000).toISOString().slice(0, 16);

/**
 * 发布活动: title, category, place, start and end (Beijing time, whatever the browser's zone), places, who may join and the
 * registration deadline. A dispatcher announces for its community, the street's organizer for one community or the
 * street, a liaison in its unit's name; the API checks each again and its refusals are shown in its words.
 */
export function ActivityNewPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const { button, begin, end } = useWrites();
  const [problem, setProblem] = useState<string | null>(null);
  const role = session?.role;

  useEffect(() => {
    if (!session || role === 'dispatcher') return;
    void (async () => {
      const street = await streetOf(session.role, session.scope);
      setCommunities((await api<CommunityItem[]>('GET', 'communities')).filter((c) => c.streetId === street && !c.retiredAt));
    })().catch(() => setProblem('社区列表加载失败，请刷新后再试。'));
  }, [session, role]);

  // A start time fills an empty end (two hours later) and deadline (the evening before, or an hour before a same-day start).
  const started = (value: string) => {
    if (!value) return;
    if (!form.getFieldValue('endsAt')) form.setFieldValue('endsAt', shift(value, 2));
    if (!form.getFieldValue('deadline')) form.setFieldValue('deadline', shift(value, -1));
  };

  const save = async (v: Values) => {
    if (!session || !begin('save')) return;
    setProblem(null);
    try {
      const created = await api<ActivityView>('POST', 'activities', {
        communityId: role === 'dispatcher' ? session.scope : v.communityId,
        organiserKind: role === 'liaison' ? 'unit' : role === 'organizer' ? v.organiserKind ?? 'community' : 'community',
        ...(role === 'liaison' ? { unitId: session.scope } : {}),
        title: v.title.trim(), category: v.category, description: (v.description ?? '').trim(), place: v.place.trim(),
        startsAt: fromBeijingInput(v.startsAt), endsAt: fromBeijingInput(v.endsAt), deadline: fromBeijingInput(v.deadline),
        capacity: v.capacity, audiences: v.audiences,
      });
      message.success('活动已发布，居民可以报名了。');
      navigate(`/${activityPath(created.id)}`);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '发布未成功，请稍后再试。');
    } finally {
      end();
    }
  };

  return (
    <Card title="发布活动" extra={<Link to="/activities"><Button icon={<ArrowLeftOutlined />}>返回活动</Button></Link>}>
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }} onFinish={(v) => void save(v)}
        initialValues={{ capacity: 30, audiences: ['residents'], organiserKind: 'community', category: 'volunteer' }}>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
          <Input maxLength={60} showCount placeholder="例如：学雷锋志愿服务日" data-testid="activity-title" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select style={{ width: 160 }} options={nameOptions(activityCategoryNames)} data-testid="activity-category" />
          </Form.Item>
          <Form.Item name="capacity" label="名额（人）" rules={[{ required: true, message: '请填写名额' }]}>
            <InputNumber min={1} max={2000} data-testid="activity-capacity" />
          </Form.Item>
          {role !== 'dispatcher' && (
            <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择活动所在社区' }]}>
              <Select style={{ width: 180 }} placeholder="活动所在社区" options={communities.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="activity-community-select" />
            </Form.Item>
          )}
          {role === 'organizer' && (
            <Form.Item name="organiserKind" label="主办">
              <Radio.Group options={[{ value: 'community', label: '社区' }, { value: 'street', label: '街道' }]} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写活动地点' }]}>
          <Input maxLength={100} placeholder="例如：东七里社区党群服务中心二楼活动室" data-testid="activity-place" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="startsAt" label="开始（北京时间）" rules={[{ required: true, message: '请选择开始时间' }]}>
            <Input type="datetime-local" onChange={(e) => started(e.target.value)} data-testid="activity-starts" />
          </Form.Item>
          <Form.Item name="endsAt" label="结束（北京时间）" rules={[{ required: true, message: '请选择结束时间' }]}>
            <Input type="datetime-local" data-testid="activity-ends" />
          </Form.Item>
          <Form.Item name="deadline" label="报名截止（北京时间）" rules={[{ required: true, message: '请选择报名截止时间' }]}>
            <Input type="datetime-local" data-testid="activity-deadline" />
          </Form.Item>
        </Space>
        <Form.Item name="audiences" label="谁可以报名" rules={[{ required: true, message: '请至少选一类' }]}>
          <Checkbox.Group options={nameOptions(audienceNames)} data-testid="activity-audiences" />
        </Form.Item>
        <Form.Item name="description" label="活动介绍">
          <Input.TextArea maxLength={1000} showCount rows={4} placeholder="做什么、带什么、注意什么" data-testid="activity-description" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="activity-problem" />}
        <Button type="primary" htmlType="submit" {...button('save')} data-testid="activity-save">发布活动</Button>
      </Form>
    </Card>
  );
}
