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

/** The modules' screens (微心愿, 项目清单, 需求清单, 资源清单), appended to the role's menu; each role's home comes first. */
const moduleMenus: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/board', label: '派单工作台' }, { to: '/wishes', label: '微心愿' }, { to: '/projects', label: '项目清单' },
    { to: '/needs', label: '需求清单' }, { to: '/resources', label: '资源清单' }],
  organizer: [{ to: '/wishes', label: '微心愿' }, { to: '/projects', label: '项目清单' }, { to: '/needs', label: '需求清单' }, { to: '/resources', label: '资源清单' }],
  liaison: [{ to: '/unit', label: '本单位工单' }, { to: '/unit/projects', label: '共建项目' }, { to: '/resources', label: '资源清单' }],
};

/** 活动预告与报名 (branch actconsole), after the modules above. */
const activityMenus: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/activities', label: '活动' }], organizer: [{ to: '/activities', label: '活动' }], liaison: [{ to: '/activities', label: '活动' }],
};

/** 资源共享预约 and 双报到 (branch bookconsole). */
const bookingPeopleMenus: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/bookings', label: '资源预约' }, { to: '/people', label: '双报到' }],
  organizer: [{ to: '/bookings', label: '资源预约' }, { to: '/people', label: '双报到' }],
  liaison: [{ to: '/bookings', label: '资源预约' }, { to: '/unit/reports', label: '双报到' }],
};

/** 网格管理 and 格事坊 (branch grids): staff triage; a grid worker reports from its phone. */
const gridMenus: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/gridreports', label: '格事坊' }, { to: '/grids', label: '网格管理' }],
  organizer: [{ to: '/gridreports', label: '格事坊' }, { to: '/grids', label: '网格管理' }],
  gridworker: [{ to: '/grid/report', label: '签到上报' }, { to: '/gridreports', label: '我的上报' }],
};

/** 议事 (提审议办评; branch deliberation). */
const deliberationMenus: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/deliberations', label: '议事' }], organizer: [{ to: '/deliberations', label: '议事' }], liaison: [{ to: '/deliberations', label: '议事' }],
};

/** 统计与年度评议 (branch scorecard). */
const evaluationMenus: Partial<Record<Role, { to: string; label: string }[]>> = {
  dispatcher: [{ to: '/evaluation', label: '评议' }], organizer: [{ to: '/evaluation', label: '评议' }], liaison: [{ to: '/evaluation', label: '评议' }],
};

const menuOf = (role: Role) => {
  const items = [...(menus[role] ?? []), ...(moduleMenus[role] ?? []), ...(activityMenus[role] ?? []), ...(bookingPeopleMenus[role] ?? []),
    ...(gridMenus[role] ?? []), ...(deliberationMenus[role] ?? []),
    ...(evaluationMenus[role] ?? [])];
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
            {menuOf(session.role).map((m) => <NavLink key={m.to} to={m.to} end>{m.label}</NavLink>)}
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
