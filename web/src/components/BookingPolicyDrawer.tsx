import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Drawer, Input, InputNumber, Space, Switch } from 'antd';
import { ApiError } from '../api/client';
import { getPolicy, putPolicy, weekdays, type OpeningHours } from '../api/bookings';
import { useWrites } from './WriteScope';

interface Row { weekday: string; open: boolean; opens: string; closes: string }

const blank = (): Row[] => weekdays.map((w) => ({ weekday: w.code, open: false, opens: '09:00', closes: '17:00' }));

/**
 * 开放预约设置: the opening hours of each weekday (Beijing time), the slot length and whether a request is confirmed at once.
 * Saved with the ETag read, so someone else's change meanwhile is refused (412), not overwritten.
 */
export function BookingPolicyDrawer({ resource, onClose, onSaved }: { resource: { id: string; title: string } | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>(blank());
  const [slot, setSlot] = useState<number>(60);
  const [instant, setInstant] = useState(false);
  const [etag, setEtag] = useState<string | undefined>();
  const { button, begin, end } = useWrites();

  useEffect(() => {
    if (!resource) return;
    setRows(blank()); setSlot(60); setInstant(false); setEtag(undefined);
    getPolicy(resource.id).then(({ data, etag: tag }) => {
      const byDay = new Map<string, OpeningHours>(data.hours.map((h) => [h.weekday, h]));
      setRows(blank().map((r) => (byDay.has(r.weekday) ? { ...r, open: true, opens: byDay.get(r.weekday)!.opens, closes: byDay.get(r.weekday)!.closes } : r)));
      setSlot(data.slotMinutes); setInstant(data.instant); setEtag(tag);
    }).catch((e) => {
      if (!(e instanceof ApiError && e.code === 'booking_policy_not_set')) message.warning(e instanceof ApiError ? e.message : '开放预约设置读取失败，请稍后再试。');
    });
  }, [resource, message]);

  const change = (weekday: string, patch: Partial<Row>) => setRows((old) => old.map((r) => (r.weekday === weekday ? { ...r, ...patch } : r)));

  const save = async () => {
    if (!resource || !begin('policy')) return;
    try {
      const hours = rows.filter((r) => r.open).map(({ weekday, opens, closes }) => ({ weekday, opens: opens.trim(), closes: closes.trim() }));
      await putPolicy(resource.id, { hours, slotMinutes: slot, instant }, etag);
      message.success('开放预约设置已保存。');
      onSaved();
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '保存未能完成，请稍后再试。');
      if (e instanceof ApiError && e.status === 412) onClose();
    } finally {
      end();
    }
  };

  return (
    <Drawer title={`开放预约 · ${resource?.title ?? ''}`} open={resource !== null} onClose={onClose} width={460}
      extra={<Button type="primary" {...button('policy')} data-testid="save-policy" onClick={() => void save()}>保存</Button>}>
      <div data-testid="policy-drawer">
        <p className="muted">每周开放时间（北京时间），不勾选的日子不开放。</p>
        {rows.map((r) => (
          <div key={r.weekday} className="policy-row" data-testid={`policy-${r.weekday}`}>
            <Checkbox checked={r.open} onChange={(e) => change(r.weekday, { open: e.target.checked })}>{weekdays.find((w) => w.code === r.weekday)?.name}</Checkbox>
            <Space size={4}>
              <Input aria-label="开始" size="small" style={{ width: 72 }} disabled={!r.open} value={r.opens} onChange={(e) => change(r.weekday, { opens: e.target.value })} />
              <span>至</span>
              <Input aria-label="结束" size="small" style={{ width: 72 }} disabled={!r.open} value={r.closes} onChange={(e) => change(r.weekday, { closes: e.target.value })} />
            </Space>
          </div>
        ))}
        <div className="policy-row">
          <span>每个时段</span>
          <InputNumber aria-label="每个时段分钟数" min={5} max={480} step={15} value={slot} onChange={(v) => setSlot(v ?? 60)} suffix="分钟" />
        </div>
        <div className="policy-row">
          <span>即时确认</span>
          <Space><Switch data-testid="policy-instant" checked={instant} onChange={setInstant} /><span className="muted">{instant ? '预约即成功，无需审批' : '由本单位审批'}</span></Space>
        </div>
      </div>
    </Drawer>
  );
}
