import { useEffect, useState } from 'react';
import type { ButtonProps } from 'antd';
import { App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { api, ApiError } from '../api/client';
import { useWrites } from './WriteScope';

interface BookForm { start: string; end: string; name: string; phone: string; purpose: string; people: number }

/**
 * 代为登记: the owner unit records a booking someone asked for by phone or at the door, on the resource's day. Whether
 * the slot is still free is the API's to say (one booking per slot): a refusal is shown as its Chinese title.
 */
export function BookOnBehalfModal({ resourceId, date, slot, onClose, onBooked }: {
  resourceId: string; date: string; slot: { start: string; end: string } | null; onClose: () => void; onBooked: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BookForm>();
  const { button, begin, end } = useWrites();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!slot) return;
    form.resetFields();
    form.setFieldsValue({ start: slot.start, end: slot.end, people: 1 });
    setRefusal(null);
  }, [slot, form]);

  const save = async () => {
    const v = await form.validateFields();
    if (!begin('book')) return;
    try {
      const booked = await api<{ statusText: string }>('POST', `resources/${encodeURIComponent(resourceId)}/bookings`, {
        date, start: v.start.trim(), end: v.end.trim(), name: v.name.trim(), phone: v.phone.trim(), purpose: v.purpose.trim(), people: v.people,
      });
      message.success(`已登记（${booked.statusText}）。`);
      onClose();
      await onBooked();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : '登记未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  return (
    <Modal open={slot !== null} title={`代为登记预约 · ${date}`} okText="登记" cancelText="取消" onOk={() => void save()} onCancel={onClose}
      okButtonProps={{ ...button('book'), 'data-testid': 'save-booking' } as ButtonProps}>
      <Form form={form} layout="vertical" data-testid="book-form">
        <Space>
          <Form.Item name="start" label="开始" rules={[{ required: true, message: '请填写' }]}><Input aria-label="开始时间" style={{ width: 90 }} placeholder="09:00" /></Form.Item>
          <Form.Item name="end" label="结束" rules={[{ required: true, message: '请填写' }]}><Input aria-label="结束时间" style={{ width: 90 }} placeholder="10:00" /></Form.Item>
          <Form.Item name="people" label="人数" rules={[{ required: true, message: '请填写' }]}><InputNumber min={1} max={10000} /></Form.Item>
        </Space>
        <Form.Item name="name" label="预约人" rules={[{ required: true, whitespace: true, message: '请填写预约人' }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, message: '请填写用途' }]}><Input maxLength={100} placeholder="例如：楼道议事会" /></Form.Item>
      </Form>
      {refusal && <div className="signin-alert error" role="alert" data-testid="book-refusal">{refusal}</div>}
    </Modal>
  );
}
