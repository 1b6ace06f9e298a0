import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { api } from '../api/client';
import type { OrderView, UnitView } from '../api/types';
import { useAction } from './useAction';

/** 派单 to a member unit, or 不予受理 with a reason: for a placed or declined order of the dispatcher's community. */
export function DispatcherActions({ order, onChanged, reload }: { order: OrderView; onChanged(o: OrderView): void; reload(): Promise<void> }) {
  const { run, busy } = useAction(reload);
  const [units, setUnits] = useState<UnitView[] | null>(null);
  const [allUnits, setAllUnits] = useState(false);
  const [unitId, setUnitId] = useState<string>();
  const [note, setNote] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    const query = new URLSearchParams({ communityId: order.communityId });
    if (order.category && !allUnits) query.set('category', order.category);
    setUnits(null);
    api<UnitView[]>('GET', `units?${query}`).then(setUnits).catch(() => setUnits([]));
  }, [order.communityId, order.category, allUnits]);

  const dispatch = () => run('dispatch', async () => {
    onChanged(await api<OrderView>('POST', `orders/${encodeURIComponent(order.id)}/dispatch`, { unitId, ...(note.trim() ? { note: note.trim() } : {}) }));
  }, '已派单，等待单位接单。');

  const reject = async () => {
    const ok = await run('reject', async () => {
      onChanged(await api<OrderView>('POST', `orders/${encodeURIComponent(order.id)}/reject`, { reason: reason.trim() }));
    }, '已不予受理，居民会收到您的说明。');
    if (ok) setRejecting(false);
  };

  return (
    <Card title={order.status === 'declined' ? '重新派单' : '派单'} className="order-card" data-testid="dispatch-card">
      <Form layout="vertical">
        <Form.Item label="承办单位" required>
          <Select
            data-testid="unit-select"
            placeholder={units === null ? '正在加载单位…' : units.length === 0 ? '没有服务该类别的单位，请勾选“显示全部单位”' : '请选择承办单位'}
            loading={units === null}
            value={unitId}
            onChange={setUnitId}
            options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={allUnits} onChange={(e) => { setAllUnits(e.target.checked); setUnitId(undefined); }}>显示本社区全部单位</Checkbox>
        </Form.Item>
        <Form.Item label="派单说明（选填）">
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} placeholder="例如：请尽快上门查看" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" disabled={!unitId} loading={busy === 'dispatch'} onClick={() => void dispatch()} data-testid="dispatch">派单</Button>
          <Button danger onClick={() => setRejecting(true)}>不予受理</Button>
        </Space>
      </Form>
      <Modal
        title="不予受理"
        open={rejecting}
        okText="确认不予受理"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0, loading: busy === 'reject' }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(false)}
      >
        <Alert type="warning" showIcon title="理由会告知居民，请说明原因和可以求助的渠道。" style={{ marginBottom: 12 }} />
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} placeholder="请填写不予受理的理由" />
      </Modal>
    </Card>
  );
}
