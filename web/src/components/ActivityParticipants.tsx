import { Card, Table, Tag } from 'antd';
import { WriteButton } from './WriteButton';
import { audienceNames, beijing, type Participant } from '../api/activities';
import type { ActivityProps } from './activityProps';

/**
 * 报名名单 and 候补名单 as the API gives them to this caller (names and phones unmasked for the organiser only), with 签到
 * per registered person while the activity runs. Those waiting cannot check in: a place must free for them first.
 */
export function ParticipantsCard({ activity, canCheckIn, run, post }: ActivityProps & { canCheckIn: boolean }) {
  const registered = activity.participants.filter((p) => !p.waiting);
  const waiting = activity.participants.filter((p) => p.waiting);
  const checkedIn = registered.filter((p) => p.checkedInAt).length;
  const who = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (n: string) => n || <span className="muted">已按期删除</span> },
    { title: '电话', dataIndex: 'phone', width: 130 },
    { title: '身份', width: 90, render: (_: unknown, p: Participant) => audienceNames[p.kind] ?? p.kind },
    { title: '报名时间', width: 150, render: (_: unknown, p: Participant) => beijing(p.registeredAt) },
  ];
  return (
    <>
      <Card title={`报名名单（${registered.length}/${activity.capacity}，已签到 ${checkedIn}）`} size="small" className="order-card" data-testid="activity-registered">
        <Table<Participant>
          rowKey="personKey" size="small" pagination={false} scroll={{ x: 720 }} dataSource={registered}
          locale={{ emptyText: '还没有人报名' }}
          columns={[
            ...who,
            {
              title: '签到', width: 150,
              render: (_, p) => p.checkedInAt ? <Tag color="green">已签到 {beijing(p.checkedInAt, false)}</Tag>
                : canCheckIn ? <WriteButton size="small" write={`in-${p.personKey}`} data-testid={`checkin-${p.phone}`}
                  onClick={() => void run(`in-${p.personKey}`, post('checkin', { personKey: p.personKey }), `${p.name} 已签到。`)}>签到</WriteButton>
                : <span className="muted">未签到</span>,
            },
            { title: '时长', width: 80, render: (_, p) => (p.hours != null ? `${p.hours} 小时` : <span className="muted">—</span>) },
          ]}
        />
      </Card>
      <Card title={`候补名单（${waiting.length}）`} size="small" className="order-card" data-testid="activity-waiting">
        <Table<Participant>
          rowKey="personKey" size="small" pagination={false} scroll={{ x: 600 }} dataSource={waiting}
          locale={{ emptyText: '没有人候补' }}
          columns={[{ title: '顺位', width: 70, render: (_, p) => `第 ${p.waitingPosition} 位` }, ...who]}
        />
      </Card>
    </>
  );
}
