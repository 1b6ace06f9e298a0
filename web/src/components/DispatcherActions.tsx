import { useEffect, useState } from 'react';
import { Alert, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { contactQuery } from '../api/contact';
import type { OrderView, UnitSuggestion, UnitSuggestions } from '../api/types';
import { useAction } from './useAction';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';

/**
 * 派单 in one step to a suggested member unit (the API ranks the community's units by category, coverage and
 * current load, with the reason; the best is preselected), or 不予受理 with a reason.
 */
export function DispatcherActions({ order, onChanged, reload }: { order: OrderView; onChanged(o: OrderView): void; reload(): Promise<void> }) {
  const { run } = useAction(reload);
  const { button } = useWrites();
  const [suggestions, setSuggestions] = useState<UnitSuggestion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string>();
  const [note, setNote] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    let cancelled = false;
    setSuggestions(null);
    setProblem(null);
    api<UnitSuggestions>('GET', `orders/${encodeURIComponent(order.id)}/suggestions`)
      .then((s) => {
        if (cancelled) return;
        setSuggestions(s.items);
        setUnitId((current) => (current && s.items.some((u) => u.unitId === current) ? current : s.items[0]?.unitId));
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setSuggestions([]);
        setProblem(e instanceof ApiError ? e.message : '推荐单位加载失败，请刷新后重试。');
      });
    return () => { cancelled = true; };
  }, [order.id, order.version]);

  const chosen = suggestions?.find((s) => s.unitId === unitId);

  const dispatch = () => run('dispatch', async () => {
    onChanged(await api<OrderView>('POST', `orders/${encodeURIComponent(order.id)}/dispatch${contactQuery(order)}`,
      { unitId, ...(note.trim() ? { note: note.trim() } : {}) }));
  }, '已派单，等待单位接单。');

  const reject = async () => {
    const ok = await run('reject', async () => {
      onChanged(await api<OrderView>('POST', `orders/${encodeURIComponent(order.id)}/reject${contactQuery(order)}`, { reason: reason.trim() }));
    }, '已不予受理，居民会收到您的说明。');
    if (ok) setRejecting(false);
  };

  return (
    <Card title={order.status === 'declined' ? '重新派单' : '派单'} className="order-card" data-testid="dispatch-card">
      <Form layout="vertical">
        {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="suggestions-problem" />}
        <Form.Item label="承办单位（按推荐排序）" required>
          <Select
            data-testid="unit-select"
            placeholder={suggestions === null ? '正在加载推荐单位…' : suggestions.length === 0 ? '本社区暂无可派的成员单位' : '请选择承办单位'}
            loading={suggestions === null}
            value={unitId}
            onChange={setUnitId}
            options={(suggestions ?? []).map((u) => ({ value: u.unitId, label: u.name, suggestion: u }))}
            optionRender={(option) => {
              const u = (option.data as { suggestion: UnitSuggestion }).suggestion;
              return (
                <div className="suggestion-option" data-testid={`suggestion-${u.unitId}`}>
                  <div>{u.rank === 1 && <Tag color="red">推荐</Tag>}{u.name}</div>
                  <div className="muted suggestion-reason">{u.reason}</div>
                </div>
              );
            }}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        {chosen && (
          <Typography.Paragraph className="suggestion-why" data-testid="suggestion-reason">
            <BulbOutlined /> {chosen.rank === 1 ? '推荐理由' : '该单位'}：{chosen.reason}
          </Typography.Paragraph>
        )}
        <Form.Item label="派单说明（选填）">
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} placeholder="例如：请尽快上门查看" />
        </Form.Item>
        <Space wrap>
          <WriteButton write="dispatch" type="primary" disabled={!unitId} onClick={() => void dispatch()} data-testid="dispatch">派单</WriteButton>
          <WriteButton danger onClick={() => setRejecting(true)} data-testid="reject">不予受理</WriteButton>
        </Space>
      </Form>
      <Modal
        title="不予受理"
        open={rejecting}
        okText="确认不予受理"
        cancelText="取消"
        okButtonProps={{ danger: true, ...button('reject', reason.trim().length === 0) }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(false)}
      >
        <Alert type="warning" showIcon title="理由会告知居民，请说明原因和可以求助的渠道。" style={{ marginBottom: 12 }} />
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} placeholder="请填写不予受理的理由" />
      </Modal>
    </Card>
  );
}
