import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { Button, Layout, Tag } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useSession } from '../session/SessionContext';
import { hasInbox } from '../api/inbox';
import { InboxBell } from './InboxBell';
import type { Role } from '../api/types';

/** The pages of a role with more than one (admin; the organizer's 单位管理 and 社区管理 next to its overview). */
const menus: Partial<Record<Role, { to: string; label: string }[]>> = {
  admin: [{ to: '/admin/units', label: '单位管理' }, { to: '/admin/communities', label: '社区管理' }, { to: '/admin/keys', label: '密钥管理' }],
  organizer: [{ to: '/street', label: '街道总览' }, { to: '/admin/units', label: '单位管理' }, { to: '/admin/communities', label: '社区管理' }],
};

/** 需求清单 and 资源清单 (branch lists): appended to the role's menu; a dispatcher or liaison gets a menu with its home first. */
const listsMenu: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/board', label: '工单' }, { to: '/needs', label: '需求清单' }, { to: '/resources', label: '资源清单' }],
  liaison: [{ to: '/unit', label: '工单' }, { to: '/resources', label: '资源清单' }],
  organizer: [{ to: '/needs', label: '需求清单' }, { to: '/resources', label: '资源清单' }],
};

const menuOf = (role: Role) => {
  const items = [...(menus[role] ?? []), ...(listsMenu[role] ?? [])];
  return items.filter((m, i) => items.findIndex((x) => x.to === m.to) === i);
};

export function AppShell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  return (
    <Layout style={{ minHeight: '100%' }}>
      <header className="shell-header">
        <span className="shell-title">共建工作台</span>
        {session && menuOf(session.role).length > 0 && (
          <nav className="shell-nav" data-testid="menu">
            {menuOf(session.role).map((m) => <NavLink key={m.to} to={m.to}>{m.label}</NavLink>)}
          </nav>
        )}
        {session && (
          <div className="shell-who">
            <Tag color="red">{session.roleName}</Tag>
            <span className="name" data-testid="who">{session.scopeName} · {session.name}</span>
            {hasInbox(session.role) && <InboxBell />}
            <Button data-testid="sign-out" icon={<LogoutOutlined />} onClick={() => void signOut()}>退出</Button>
          </div>
        )}
      </header>
      <main className="shell-main">{children}</main>
    </Layout>
  );
}
