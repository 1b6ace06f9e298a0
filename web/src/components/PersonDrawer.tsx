import { useCallback, useEffect, useState } from 'react';
import { Alert, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../api/client';
import { confirmPerson, getPerson, joinTeam, listTeams, logHours, type CommunityTeam, type HoursEntry, type Person } from '../api/people';
import { beijingToday } from '../api/bookings';
import { when } from '../format';
import { useAction } from './useAction';
import { WriteButton } from './WriteButton';

/**
 * One person who reported (在职党员 or 志愿者): teams, posts, hours and points; name and phone as the API gives them to
 * this role (masked outside the person's own community). Staff confirm the report; only then can they add the person to a
 * team and log service hours (the API refuses both before), so until then the drawer says so instead of offering them.
 */
export function PersonDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [teams, setTeams] = useState<CommunityTeam[]>([]);
  const [team, setTeam] = useState<string | undefined>();
  const [form] = Form.useForm<{ date: dayjs.Dayjs; hours: number; what: string }>();
  const load = useCallback(async () => {
    if (!id) return;
    try {
      setPerson(await getPerson(id));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '读取失败，请稍后再试。');
    }
  }, [id]);
  useEffect(() => { setPerson(null); form.resetFields(); void load(); }, [load, form]);
  const { run } = useAction(load, '报到');
  const communityId = person?.communityId;
  useEffect(() => {
    if (communityId) void listTeams(communityId).then((t) => setTeams(t.teams)).catch(() => setTeams([]));
  }, [communityId]);
  const join = async () => {
    if (id && team && await run('team', async () => { await joinTeam(id, team); await load(); }, '已加入队伍。')) { setTeam(undefined); onChanged(); }
  };

  const confirm = async () => {
    if (id && await run('confirm', async () => { await confirmPerson(id); await load(); }, '已确认报到。')) onChanged();
  };
  const log = async () => {
    if (!id) return;
    const v = await form.validateFields();
    if (await run('hours', async () => { await logHours(id, { date: v.date.format('YYYY-MM-DD'), hours: v.hours, what: v.what.trim() }); await load(); }, '已登记服务时长。')) {
      form.resetFields();
      onChanged();
    }
  };

  return (
    <Drawer title={person ? `${person.name} · ${person.kindName}` : '报到人员'} open={id !== null} onClose={onClose} width={520}
      extra={person?.status === 'registered' ? <WriteButton write="confirm" type="primary" onClick={() => void confirm()}>确认报到</WriteButton> : null}>
      {error && <Alert type="error" showIcon title={error} />}
      {person && (
        <div data-testid="person">
          <Descriptions size="small" column={1} items={[
            { key: 's', label: '状态', children: <Tag color={person.status === 'confirmed' ? 'green' : 'blue'}>{person.statusName}</Tag> },
            { key: 'p', label: '电话', children: person.phone },
            { key: 'w', label: '工作单位', children: person.workUnit },
            { key: 'c', label: '报到社区', children: person.communityName },
            { key: 't', label: '队伍', children: person.teams.length ? person.teams.map((t) => <Tag key={t.id}>{t.name}</Tag>) : '未加入' },
            { key: 'o', label: '岗位', children: person.posts.length ? person.posts.join('、') : '未认领' },
            { key: 'h', label: '今年服务', children: `${person.hours} 小时 · ${person.points} 积分${person.records ? `（含活动、心愿、工单记录 ${person.records} 条）` : ''}` },
            { key: 'r', label: '报到时间', children: when(person.registeredAt) },
          ]} />
          {person.status !== 'confirmed' ? (
            <Alert type="info" showIcon style={{ marginTop: 12 }} data-testid="person-unconfirmed"
              title="确认报到后，才能为其加入队伍、登记服务时长。" />
          ) : (
            <>
              <Space style={{ marginTop: 8 }}>
                <Select data-testid="pick-team" style={{ width: 200 }} placeholder="加入队伍" value={team} onChange={setTeam}
                  options={teams.filter((t) => !t.retired && !person.teams.some((m) => m.id === t.id)).map((t) => ({ value: t.id, label: t.name }))} />
                <WriteButton write="team" disabled={!team} onClick={() => void join()}>加入</WriteButton>
              </Space>
              <h4 style={{ marginTop: 16 }}>登记的服务时长</h4>
              <List<HoursEntry> size="small" dataSource={[...person.logged].reverse()} locale={{ emptyText: '还没有登记' }}
                renderItem={(h) => <List.Item><span>{h.date} · {h.what}</span><b>{h.hours} 小时</b></List.Item>} />
              <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} initialValues={{ date: dayjs(beijingToday()), hours: 2 }}>
                <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(beijingToday()), 'day')} />
                </Form.Item>
                <Form.Item name="hours" rules={[{ required: true, message: '请填写时长' }]}><InputNumber min={0.5} max={24} step={0.5} suffix="小时" style={{ width: 110 }} /></Form.Item>
                <Form.Item name="what" rules={[{ required: true, whitespace: true, message: '请填写服务内容' }]}><Input maxLength={100} placeholder="服务内容" style={{ width: 160 }} /></Form.Item>
                <Space><WriteButton write="hours" onClick={() => void log()}>登记时长</WriteButton></Space>
              </Form>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
