import { useState } from 'react';
import type { ButtonProps } from 'antd';
import { Alert, Button, Card, Empty, Input, Modal, Space, Table, Tag } from 'antd';
import { bookingAction, bookingColors, hasBegun, weekdayName, type Availability, type BookingDetail, type ResourceDay } from '../api/bookings';
import { useAction } from './useAction';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';

/**
 * A resource's Beijing day: its slots (free or taken) and its bookings. The owner unit's liaison approves or declines
 * (with a reason) what is pending, cancels an approved booking before it begins (with a reason) and, once a slot began,
 * records it used or a no-show; who booked is masked until it
 * asks to see them (that look is recorded in the contact audit).
 */
export function BookingDayCard({ day, availability, notBookable, owner, reload, onReveal, onPickSlot }: {
  day: ResourceDay; availability: Availability | null; notBookable?: string; owner: boolean; reload: () => Promise<void>;
  onReveal: () => void; onPickSlot?: (start: string, end: string) => void;
}) {
  const { run } = useAction(reload, '预约');
  const { button } = useWrites();
  const [declining, setDeclining] = useState<{ booking: BookingDetail; action: 'decline' | 'cancel' } | null>(null);
  const [reason, setReason] = useState('');

  const act = async (b: BookingDetail, action: 'approve' | 'used' | 'no-show', done: string) => {
    await run(`${action}-${b.id}`, async () => { await bookingAction(day.resourceId, b.id, action); await reload(); }, done);
  };
  const decline = async () => {
    if (!declining) return;
    const { booking, action } = declining;
    const done = action === 'decline' ? '已拒绝，时段已空出。' : '已取消，时段已空出。';
    if (await run(`${action}-${booking.id}`, async () => { await bookingAction(day.resourceId, booking.id, action, reason.trim()); await reload(); }, done)) setDeclining(null);
  };

  const columns = [
    { title: '时段', key: 'slot', width: 120, render: (_: unknown, b: BookingDetail) => <b>{b.start}–{b.end}</b> },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string, b: BookingDetail) => <Tag color={bookingColors[s] ?? 'default'}>{b.statusText}</Tag> },
    { title: '预约人', key: 'who', render: (_: unknown, b: BookingDetail) => (
      <span>{b.name || b.phone ? `${b.name} · ${b.phone}` : <span className="muted">联系方式已按期删除</span>}{b.requesterUnitName ? <span className="muted">（{b.requesterUnitName}）</span> : null}</span>) },
    { title: '人数', dataIndex: 'people', width: 70 },
    ...(owner ? [{ title: '用途', dataIndex: 'purpose', render: (p: string | undefined, b: BookingDetail) => (
      <span>{p}{b.reason ? <div className="muted">理由：{b.reason}</div> : null}</span>) }] : []),
    ...(owner ? [{
      title: '操作', key: 'actions', width: 190,
      render: (_: unknown, b: BookingDetail) => (
        <Space size={4} wrap>
          {b.status === 'pending' && <WriteButton write={`approve-${b.id}`} size="small" type="primary" onClick={() => void act(b, 'approve', '已批准。')}>批准</WriteButton>}
          {b.status === 'pending' && <WriteButton size="small" onClick={() => { setReason(''); setDeclining({ booking: b, action: 'decline' }); }}>拒绝</WriteButton>}
          {b.status === 'approved' && !hasBegun(day.date, b.start) && <WriteButton size="small" onClick={() => { setReason(''); setDeclining({ booking: b, action: 'cancel' }); }}>取消预约</WriteButton>}
          {b.status === 'approved' && hasBegun(day.date, b.start) && <>
            <WriteButton write={`used-${b.id}`} size="small" onClick={() => void act(b, 'used', '已登记为已使用。')}>已使用</WriteButton>
            <WriteButton write={`no-show-${b.id}`} size="small" danger onClick={() => void act(b, 'no-show', '已登记为未到场。')}>未到场</WriteButton>
          </>}
        </Space>
      ),
    }] : []),
  ];

  return (
    <Card title={<span className="day-title">{day.title}<span className="muted"> · {day.date} {weekdayName(day.date)}</span></span>} data-testid="booking-day">
      {notBookable && <Alert type="info" showIcon title={notBookable} style={{ marginBottom: 12 }} />}
      {availability && !availability.open && <Alert type="info" showIcon title="这一天不开放预约。" style={{ marginBottom: 12 }} />}
      {availability && availability.open && (
        <div className="slot-strip" data-testid="slots">
          {availability.slots.map((s) => (
            <span key={s.start} className={`slot ${s.free ? 'free' : 'taken'}${s.free && onPickSlot ? ' clickable' : ''}`} title={s.free ? '空闲' : '已占用'}
              onClick={() => s.free && onPickSlot?.(s.start, s.end)}>
              {s.start}–{s.end} {s.free ? '空闲' : '已占用'}
            </span>
          ))}
        </div>
      )}
      {owner && day.contactWithheld && day.items.length > 0 && (
        <p className="muted">预约人姓名和电话已隐藏；查看会记入联系方式查看记录。
          <Button size="small" data-testid="reveal-contact" onClick={onReveal} style={{ marginLeft: 8 }}>显示预约人信息</Button></p>
      )}
      <Table rowKey="id" size="middle" dataSource={day.items} columns={columns} pagination={false} scroll={{ x: owner ? 860 : 560 }}
        locale={{ emptyText: <Empty description="这一天还没有预约" /> }} />
      <Modal open={declining !== null} title={`${declining?.action === 'cancel' ? '取消' : '拒绝'} ${declining?.booking.start ?? ''}–${declining?.booking.end ?? ''} 的预约`}
        okText={declining?.action === 'cancel' ? '取消预约' : '拒绝'} cancelText="返回"
        okButtonProps={{ danger: true, ...button(declining ? `${declining.action}-${declining.booking.id}` : undefined, reason.trim().length === 0), 'data-testid': 'confirm-decline' } as ButtonProps}
        onOk={() => void decline()} onCancel={() => setDeclining(null)}>
        <p className="muted">理由会记在这条预约上，时段随即空出。</p>
        <Input.TextArea rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：当天已安排党员活动" />
      </Modal>
    </Card>
  );
}
