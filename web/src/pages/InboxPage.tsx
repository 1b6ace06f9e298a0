import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { ApiError } from '../api/client';
import { morePages, type InboxItem } from '../api/inbox';
import { useInbox } from '../session/InboxContext';
import { when } from '../format';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

const kindColor: Record<string, string> = {
  placed: 'blue', declined: 'orange', withdrawn: 'orange', cancelled: 'default', escalation: 'red', reminder: 'gold', digest: 'purple',
};

/** 消息: notices for the dispatcher or organizer, newest first; unread ones marked, each linking to its order. */
export function InboxPage() {
  const { inbox, read } = useInbox();
  const { message } = App.useApp();
  const [older, setOlder] = useState<InboxItem[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const { write } = useWrites();
  const [loadingMore, setLoadingMore] = useState(false);
  if (!inbox) return <Spin />;

  const token = older.length ? next : inbox.nextPageToken;
  const items = [...inbox.items, ...older.filter((o) => !inbox.items.some((i) => i.id === o.id))];

  const act = (name: string, work: () => Promise<void>) => write(name, async () => {
    try { await work(); } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
    }
  });
  const more = async (page: string) => {
    if (loadingMore) return;
    setLoadingMore(true);
    try {
      const older = await morePages(page);
      setOlder((o) => [...o, ...older.items]);
      setNext(older.nextPageToken);
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '消息加载失败，请稍后再试。');
    } finally { setLoadingMore(false); }
  };

  return (
    <Card
      title={<span>消息 {inbox.unread > 0 && <Tag color="red" data-testid="inbox-unread">{inbox.unread} 条未读</Tag>}</span>}
      extra={<WriteButton write="all" disabled={inbox.unread === 0} onClick={() => void act('all', () => read({ all: true }))}>全部标为已读</WriteButton>}
    >
      {items.length === 0 ? <Empty description="暂无消息。新工单、拒单、督办等通知会显示在这里。" /> : (
        <List
          dataSource={items}
          data-testid="inbox-list"
          renderItem={(n) => (
            <List.Item className={n.read ? 'notice' : 'notice unread'}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={kindColor[n.kind] ?? 'default'}>{n.kindName}</Tag>
                  {!n.read && <Tag color="red">未读</Tag>}
                  <Typography.Text type="secondary">{when(n.createdAt)}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{n.text}</Typography.Paragraph>
                <Space>
                  {n.orderId && (
                    <Link to={`/orders/${encodeURIComponent(n.orderId)}`} onClick={() => { if (!n.read) void read({ ids: [n.id] }).catch(() => undefined); }}>
                      查看工单
                    </Link>
                  )}
                  {!n.read && <WriteButton write={`read-${n.id}`} type="link" size="small" onClick={() => void act(`read-${n.id}`, () => read({ ids: [n.id] }))}>标为已读</WriteButton>}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      {token && (
        <Button block style={{ marginTop: 12 }} loading={loadingMore} onClick={() => void more(token)}>加载更多</Button>
      )}
    </Card>
  );
}
