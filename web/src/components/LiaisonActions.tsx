import { useState } from 'react';
import { Alert, Card, Form, Input, Modal, Space, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { api, fileToBase64 } from '../api/client';
import { contactQuery } from '../api/contact';
import type { OrderView } from '../api/types';
import { useAction } from './useAction';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';

/** 接单 / 拒单 for an order dispatched to the unit; 办结 with a note and photos once accepted. */
export function LiaisonActions({ order, onChanged, reload }: { order: OrderView; onChanged(o: OrderView): void; reload(): Promise<void> }) {
  const { run } = useAction(reload);
  const { button } = useWrites();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const path = `orders/${encodeURIComponent(order.id)}`;

  if (order.status === 'dispatched') {
    const decline = async () => {
      const ok = await run('decline', async () => onChanged(await api<OrderView>('POST', `${path}/decline${contactQuery(order)}`, { reason: reason.trim() })),
        '已退回，社区会改派其他单位。');
      if (ok) setDeclining(false);
    };
    return (
      <Card title="接单" className="order-card">
        <Space wrap>
          <WriteButton write="accept" type="primary" size="large" data-testid="accept"
            onClick={() => void run('accept', async () => onChanged(await api<OrderView>('POST', `${path}/accept${contactQuery(order)}`)), '已接单，请按时办结。')}>
            接单
          </WriteButton>
          <WriteButton size="large" onClick={() => setDeclining(true)} data-testid="decline">拒单</WriteButton>
        </Space>
        <Modal title="拒单" open={declining} okText="确认拒单" cancelText="取消"
          okButtonProps={button('decline', reason.trim().length === 0)}
          onOk={() => void decline()} onCancel={() => setDeclining(false)}>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} placeholder="请说明理由，例如：本周人手不足" />
        </Modal>
      </Card>
    );
  }

  if (order.status === 'accepted' || order.status === 'reopened') {
    const complete = () => run('complete', async () => {
      const images = await Promise.all(photos.map((p) => fileToBase64(p.originFileObj as Blob)));
      onChanged(await api<OrderView>('POST', `${path}/complete${contactQuery(order)}`, { note: note.trim(), photos: images }));
    }, '已办结，等待居民评价。');
    return (
      <Card title="办结上报" className="order-card">
        {order.status === 'reopened' && <Alert type="warning" showIcon title="居民对上次办理不满意，请重新处理。" style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Form.Item label="办结说明" required>
            <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} placeholder="例如：已更换楼道灯，恢复照明" data-testid="complete-note" />
          </Form.Item>
          <Form.Item label="办结照片（至少一张）" required>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              multiple
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, 9))}
              data-testid="complete-photos"
            >
              {photos.length < 9 && <div><CameraOutlined /><div style={{ marginTop: 4 }}>拍照/选图</div></div>}
            </Upload>
          </Form.Item>
          <WriteButton write="complete" type="primary" size="large" block disabled={note.trim().length === 0 || photos.length === 0}
            onClick={() => void complete()} data-testid="complete">
            提交办结
          </WriteButton>
        </Form>
      </Card>
    );
  }
  return null;
}
