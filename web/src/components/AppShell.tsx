import type { ReactNode } from 'react';
import { Button, Layout, Tag } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useSession } from '../session/SessionContext';
import { hasInbox } from '../api/inbox';
import { InboxBell } from './InboxBell';

export function AppShell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  return (
    <Layout style={{ minHeight: '100%' }}>
      <header className="shell-header">
        <span className="shell-title">共建工作台</span>
        {session && (
          <div className="shell-who">
            <Tag color="red">{session.roleName}</Tag>
            <span className="name" data-testid="who">{session.scopeName} · {session.name}</span>
            {hasInbox(session.role) && <InboxBell />}
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>退出</Button>
          </div>
        )}
      </header>
      <main className="shell-main">{children}</main>
    </Layout>
  );
}
