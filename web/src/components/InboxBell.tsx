import { Link } from 'react-router-dom';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useInbox } from '../session/InboxContext';

/** The header's bell: unread notices, opening the inbox. */
export function InboxBell() {
  const { inbox } = useInbox();
  const unread = inbox?.unread ?? 0;
  return (
    <Link to="/inbox" aria-label={unread ? `消息，${unread} 条未读` : '消息'} data-testid="inbox-bell">
      <Badge count={unread} overflowCount={99} size="small">
        <Button icon={<BellOutlined />} aria-hidden tabIndex={-1} />
      </Badge>
    </Link>
  );
}
