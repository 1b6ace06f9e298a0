import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, Modal, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import {
  activityCategoryNames, activityPath, activityStatusColor, audiencesText, beijing, beijingSpan, shownStatus, type ActivityTimeline, type ActivityView,
} from '../api/activities';
import { useAction } from '../components/useAction';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';
import { ParticipantsCard } from '../components/ActivityParticipants';
import { AttendanceCard } from '../components/ActivityAttendance';
import { ShowcaseCard } from '../components/ActivityShowcase';
import type { ActivityProps } from '../components/activityProps';
import { RegisterForSomeone } from '../components/ActivityRegisterForm';
import { ReviseActivity } from '../components/ActivityReviseForm';

/**
 * One activity for its organiser: the facts and counts, 签到 from the list or by the code on the person's phone, the
 * waiting list, 登记出勤 with hours after the end, 修改信息 (name, category, place, introduction) before the start, 取消活动
 * with a reason, and the timeline. Other staff read it with
 * names and phones masked, as the API gives them.
 */
export function ActivityPage() {
  const { id = '' } = useParams();
  const [activity, setActivity] = useState<ActivityView | null>(null);
  const [timeline, setTimeline] = useState<ActivityTimeline | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      const [view, story] = await Promise.all([api<ActivityView>('GET', activityPath(id)), api<ActivityTimeline>('GET', activityPath(id, 'timeline'))]);
      setActivity(view);
      setTimeline(story);
      setError(null);
    } catch (e) {
      setActivity(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', '活动加载失败，请稍后再试。'));
    }
  }, [id]);
  useEffect(() => { setActivity(null); void load(); }, [load]);
  const { run } = useAction(load, '活动');
  const post = (action: string, body: unknown) => async () => {
    setActivity(await api<ActivityView>('POST', activityPath(id, action), body));
    setTimeline(await api<ActivityTimeline>('GET', activityPath(id, 'timeline')).catch(() => timeline));
  };

  const backLink = <Link to="/activities"><Button icon={<ArrowLeftOutlined />}>返回活动</Button></Link>;
  if (error) {
    return <Result status={error.status === 403 ? '403' : error.status === 404 ? '404' : 'error'}
      title={error.status === 403 ? '无权查看' : error.status === 404 ? '活动不存在' : '加载失败'}
      subTitle={<span data-testid="activity-error">{error.message}</span>} extra={backLink} />;
  }
  if (!activity) return <Card><Skeleton active /></Card>;

  const live = activity.status === 'open' || activity.status === 'registration_closed';
  const organiser = activity.contactVisible;
  const ended = Date.now() >= Date.parse(activity.endsAt);
  const status = shownStatus(activity);

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        {backLink}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
      </div>
      {!organiser && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您不是这次活动的主办方：报名人的姓名和电话已打码，也不能签到或登记。" />}
      {organiser && live && <OrganiserActions activity={activity} run={run} post={post} ended={ended} reload={load} />}
      <Card className="order-card">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="activity-heading">{activity.title}</Typography.Title>
            <Tag color={activityStatusColor[status.status] ?? 'default'} data-testid="activity-status">{status.text}</Tag>
            <Tag>{activityCategoryNames[activity.category] ?? activity.category}</Tag>
          </Space>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="时间（北京）">{beijingSpan(activity.startsAt, activity.endsAt)}</Descriptions.Item>
            <Descriptions.Item label="地点">{activity.place}</Descriptions.Item>
            <Descriptions.Item label="报名">
              <span data-testid="activity-counts">已报名 {activity.registeredCount}/{activity.capacity}，候补 {activity.waitingCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label="报名截止">{beijing(activity.deadline)}</Descriptions.Item>
            <Descriptions.Item label="谁可以报名">{audiencesText(activity.audiences)}</Descriptions.Item>
            <Descriptions.Item label="活动编号">{activity.id}</Descriptions.Item>
            {activity.description && <Descriptions.Item label="活动介绍" span={2}><div className="order-text">{activity.description}</div></Descriptions.Item>}
            {activity.cancelReason && <Descriptions.Item label="取消原因" span={2}><div className="order-text" data-testid="activity-cancel-reason">{activity.cancelReason}</div></Descriptions.Item>}
          </Descriptions>
        </Space>
      </Card>
      {organiser && live && ended && <AttendanceCard activity={activity} run={run} post={post} />}
      {activity.status === 'completed' && <ShowcaseCard activity={activity} run={run} post={post} organiser={organiser} />}
      <ParticipantsCard activity={activity} canCheckIn={organiser && live} run={run} post={post} />
      <Card title="活动记录" size="small" className="order-card" data-testid="activity-timeline">
        {timeline && timeline.entries.length > 0 ? (
          <Timeline items={timeline.entries.map((e) => ({
            color: e.type === 'cancelled' ? 'red' : e.type === 'waiting' ? 'orange' : e.type === 'checked_in' || e.type === 'attendance' ? 'green' : 'gray',
            children: (
              <div>
                <div>{e.description}</div>
                {e.reason && <div className="order-text muted">{e.type === 'revised' ? e.reason : `原因：${e.reason}`}</div>}
                <div className="muted" style={{ fontSize: 12 }}>{beijing(e.at)} · {e.by.name ?? e.by.role}</div>
              </div>
            ),
          }))} />
        ) : <span className="muted">暂无记录</span>}
      </Card>
    </div>
  );
}

/** 签到 by the code on the person's phone, 代为报名 while registration is open, 修改信息 before the start, and 取消活动 with a reason (staff tell those registered). */
function OrganiserActions({ activity, run, post, ended, reload }: ActivityProps & { ended: boolean; reload: () => Promise<void> }) {
  const { button } = useWrites();
  const [code, setCode] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const checkIn = async () => {
    if (await run('code', post('checkin', { code: code.trim().toUpperCase() }), '签到成功。')) setCode('');
  };
  const cancel = async () => {
    if (await run('cancel', post('cancel', { reason: reason.trim() }), '活动已取消，请通知已报名的人。')) { setCancelling(false); setReason(''); }
  };
  return (
    <Card title="主办方操作" className="order-card">
      <Space.Compact style={{ maxWidth: 360, width: '100%', marginBottom: 12 }}>
        <Input value={code} onChange={(e) => setCode(e.target.value)} maxLength={6} placeholder="报名人手机上的 6 位签到码"
          onPressEnter={() => void checkIn()} data-testid="checkin-code" />
        <WriteButton write="code" type="primary" disabled={code.trim().length === 0} onClick={() => void checkIn()} data-testid="checkin-by-code">按签到码签到</WriteButton>
      </Space.Compact>
      {ended && <p className="muted">活动已结束，请在下方登记出勤和时长（当天到场的仍可补签到）。</p>}
      {!ended && (
        <Space wrap>
          {activity.status === 'open' && Date.now() < Date.parse(activity.deadline) && <RegisterForSomeone activity={activity} run={run} reload={reload} />}
          {Date.now() < Date.parse(activity.startsAt) && <ReviseActivity activity={activity} run={run} post={post} />}
          <WriteButton danger onClick={() => setCancelling(true)} data-testid="activity-cancel">取消活动</WriteButton>
        </Space>
      )}
      <Modal title="取消活动" open={cancelling} okText="确认取消" cancelText="返回" okButtonProps={{ danger: true, ...button('cancel', reason.trim().length === 0) }}
        onOk={() => void cancel()} onCancel={() => setCancelling(false)}>
        <p className="muted">已报名 {activity.registeredCount} 人、候补 {activity.waitingCount} 人。取消后请按名单电话告知。</p>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={200}
          placeholder="取消的原因，例如：因天气原因改期" data-testid="activity-cancel-reason-input" />
      </Modal>
    </Card>
  );
}
