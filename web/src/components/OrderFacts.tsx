import { Button, Descriptions, Image, Space, Tag, Timeline, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { OrderView } from '../api/types';
import { photoUrl } from '../api/client';
import { dueIn, when } from '../format';
import { StatusTag } from './StatusTag';

/** What is known of an order, as the API shows it to this caller: contact masked unless allowed. Resident text is rendered as text. */
export function OrderFacts({ order, onReveal, revealing }: { order: OrderView; onReveal?: () => void; revealing?: boolean }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-id">{order.id}</Typography.Title>
        <span data-testid="order-status"><StatusTag status={order.status} name={order.statusName} /></span>
        <Tag>{order.categoryName}</Tag>
        {order.deadline && (
          <Tag color={order.deadline.overdue ? 'red' : 'default'}>
            {order.deadline.stepName}：{dueIn(order.deadline.dueAt)}{order.deadline.escalated ? '（已督办）' : ''}
          </Tag>
        )}
      </Space>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="诉求" span={2}><div className="order-text" data-testid="order-text">{order.text}</div></Descriptions.Item>
        <Descriptions.Item label="社区">{order.communityName}</Descriptions.Item>
        <Descriptions.Item label="地址">{order.address}</Descriptions.Item>
        <Descriptions.Item label="联系人">{order.contact.name}</Descriptions.Item>
        <Descriptions.Item label="电话">
          <span data-testid="order-phone">{order.contact.phone}</span>
          {order.contactWithheld && onReveal ? (
            <Button size="small" type="link" icon={<EyeOutlined />} loading={revealing} onClick={onReveal} data-testid="reveal-contact">
              显示联系方式
            </Button>
          ) : !order.contactVisible && !order.personalDataErasedAt && <span className="muted">（已打码）</span>}
        </Descriptions.Item>
        <Descriptions.Item label="承办单位">{order.unit?.name ?? '未派单'}</Descriptions.Item>
        <Descriptions.Item label="点单时间">{when(order.placedAt)}</Descriptions.Item>
        {order.rating != null && <Descriptions.Item label="居民评价">{order.rating} 星 {order.ratingComment ?? ''}</Descriptions.Item>}
      </Descriptions>
      <Photos title="处理前照片" orderId={order.id} ids={order.beforePhotos} />
      <Photos title="办结照片" orderId={order.id} ids={order.afterPhotos} />
      {order.timeline && order.timeline.length > 0 && (
        <div>
          <Typography.Title level={5}>处理过程</Typography.Title>
          <Timeline
            data-testid="timeline"
            items={order.timeline.map((t) => ({
              key: t.sequence,
              content: (
                <div>
                  <div><strong>{t.description}</strong> <span className="muted">{when(t.at)} · {t.by.name ?? ''}</span></div>
                  {t.reason && <div className="order-text">理由：{t.reason}</div>}
                </div>
              ),
            }))}
          />
        </div>
      )}
    </Space>
  );
}

function Photos({ title, orderId, ids }: { title: string; orderId: string; ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Image.PreviewGroup>
        <div className="photo-row">
          {ids.map((id) => <Image key={id} width={120} height={120} style={{ objectFit: 'cover' }} src={photoUrl(orderId, id)} alt={title} />)}
        </div>
      </Image.PreviewGroup>
    </div>
  );
}
