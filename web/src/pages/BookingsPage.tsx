import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Empty, List, Select, Space, Tag } from 'antd';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, ApiError } from '../api/client';
import type { ResourceItem, ResourcePage } from '../api/lists';
import { beijingToday, getAvailability, getDay, listBookingDays, weekdayName, type Availability, type BookingDayRow, type ResourceDay } from '../api/bookings';
import { useSession } from '../session/SessionContext';
import { BookingDayCard } from '../components/BookingDayCard';
import { BookingPolicyDrawer } from '../components/BookingPolicyDrawer';
import { BookOnBehalfModal } from '../components/BookOnBehalfModal';
import { WriteButton } from '../components/WriteButton';

/** The pending requests of a list row's slots (“09:00-10:00 pending bk…”). */
const pendingSlots = (row: BookingDayRow) => row.slots.filter((s) => s.split(' ')[1] === 'pending').map((s) => s.split(' ')[0].replace('-', '–'));

/**
 * 资源预约: a resource's bookings by Beijing day. The owner unit's liaison sees its pending requests first, approves or
 * declines them, records no-shows, records a booking taken by phone and sets when the resource opens; the street's
 * organizer and the community's dispatcher see the days of the street's resources, who booked masked.
 */
export function BookingsPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const role = session?.role;
  const [resources, setResources] = useState<ResourceItem[]>([]);
  const [pending, setPending] = useState<BookingDayRow[] | null>(null);
  const [day, setDay] = useState<ResourceDay | null>(null);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [notBookable, setNotBookable] = useState<string | undefined>();
  const [masked, setMasked] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [policyFor, setPolicyFor] = useState<{ id: string; title: string } | null>(null);
  const [slot, setSlot] = useState<{ start: string; end: string } | null>(null);
  const resourceId = params.get('resource') ?? resources[0]?.id;
  const date = params.get('date') ?? beijingToday();
  const resource = resources.find((r) => r.id === resourceId);
  const owner = role === 'liaison' && resource?.unitId === session?.scope;
  const choose = (next: { resource?: string; date?: string }) => {
    setMasked(true);
    setParams({ resource: next.resource ?? resourceId ?? '', date: next.date ?? date });
  };

  useEffect(() => {
    api<ResourcePage>('GET', 'resources?status=active&pageSize=100')
      .then((p) => setResources(p.items.filter((r) => r.kind === 'venue' || r.kind === 'materials')))
      .catch((e) => setError(e instanceof ApiError ? e.message : '资源加载失败，请稍后再试。'));
  }, []);

  const loadPending = useCallback(async () => {
    if (!session || (role !== 'liaison' && role !== 'organizer')) return;
    const scope = role === 'liaison' ? `unit=${encodeURIComponent(session.scope)}` : `street=${encodeURIComponent(session.scope)}`;
    const page = await listBookingDays(`${scope}&pageSize=100`);
    setPending(page.items.filter((r) => r.pending > 0 && r.date >= beijingToday()));
  }, [session, role]);

  const loadDay = useCallback(async () => {
    if (!resourceId) return;
    try {
      setDay(await getDay(resourceId, date, masked));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '预约加载失败，请稍后再试。');
    }
    try {
      setAvailability(await getAvailability(resourceId, date));
      setNotBookable(undefined);
    } catch (e) {
      setAvailability(null);
      setNotBookable(e instanceof ApiError ? e.message : undefined);
    }
  }, [resourceId, date, masked]);

  const reload = useCallback(async () => {
    await Promise.all([loadDay(), loadPending().catch(() => setPending([]))]);
  }, [loadDay, loadPending]);
  useEffect(() => { void reload(); }, [reload]);

  return (
    <div data-testid="bookings-page">
      <div className="page-head">
        <h2>资源预约</h2>
        <Space wrap>
          <Select data-testid="pick-resource" style={{ width: 220 }} placeholder="选择资源" value={resourceId} onChange={(v) => choose({ resource: v })}
            options={resources.map((r) => ({ value: r.id, label: role === 'liaison' ? r.title : `${r.title}（${r.unitName}）` }))} />
          <DatePicker allowClear={false} value={dayjs(date)} onChange={(d) => d && choose({ date: d.format('YYYY-MM-DD') })} />
          <Button icon={<ReloadOutlined />} onClick={() => void reload()}>刷新</Button>
          {resource && (owner || role === 'organizer') && (
            <WriteButton icon={<SettingOutlined />} data-testid="open-policy" onClick={() => setPolicyFor({ id: resource.id, title: resource.title })}>开放预约设置</WriteButton>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {pending && (
        <Card size="small" title={`待审批 ${pending.reduce((n, r) => n + pendingSlots(r).length, 0)} 条`} style={{ marginBottom: 12 }} data-testid="pending">
          <List<BookingDayRow> size="small" dataSource={pending} locale={{ emptyText: '没有待审批的预约' }}
            renderItem={(r) => (
              <List.Item className="pending-item" onClick={() => choose({ resource: r.resourceId, date: r.date })}
                extra={<Button size="small" type="link">查看</Button>}>
                <span>{dayjs(r.date).format('M月D日')} {weekdayName(r.date)} · {r.title} · {pendingSlots(r).map((s) => <Tag key={s} color="blue">{s}</Tag>)}</span>
              </List.Item>
            )} />
        </Card>
      )}
      {resources.length === 0 && !error && <Empty description="暂无可预约的场地或物资" />}
      {day && day.resourceId === resourceId && (
        <BookingDayCard day={day} availability={availability}
          notBookable={notBookable && (owner || role === 'organizer') ? `${notBookable}请点“开放预约设置”填写每周开放时间。` : notBookable} owner={owner}
          reload={reload} onReveal={() => setMasked(false)} onPickSlot={owner ? (start, end) => setSlot({ start, end }) : undefined} />
      )}
      {owner && availability?.open && (
        <div style={{ marginTop: 12 }}>
          <WriteButton data-testid="book-on-behalf" onClick={() => setSlot({ start: availability.slots.find((s) => s.free)?.start ?? '', end: availability.slots.find((s) => s.free)?.end ?? '' })}>
            代为登记预约
          </WriteButton>
          <span className="muted" style={{ marginLeft: 8 }}>也可点上方空闲时段登记。</span>
        </div>
      )}
      <BookingPolicyDrawer resource={policyFor} onClose={() => setPolicyFor(null)} onSaved={() => { setPolicyFor(null); void reload(); }} />
      {resourceId && <BookOnBehalfModal resourceId={resourceId} date={date} slot={slot} onClose={() => setSlot(null)} onBooked={reload} />}
    </div>
  );
}
