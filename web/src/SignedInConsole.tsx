import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './session/SessionContext';
import { BoardPage } from './pages/BoardPage';
import { UnitOrdersPage } from './pages/UnitOrdersPage';
import { OrderPage } from './pages/OrderPage';
import { UnitsAdminPage } from './pages/UnitsAdminPage';
import { CommunitiesAdminPage } from './pages/CommunitiesAdminPage';
import { KeysAdminPage } from './pages/KeysAdminPage';
import { StreetPage } from './pages/StreetPage';
import { ShowcaseComposePage } from './pages/ShowcaseComposePage';
import { AppShell } from './components/AppShell';
import { WriteScope } from './components/WriteScope';
import { InboxPage } from './pages/InboxPage';
import { InboxProvider } from './session/InboxContext';
import { hasInbox } from './api/inbox';
import type { Role } from './api/types';
// 需求清单 and 资源清单 (branch lists).
import { NeedsPage } from './pages/NeedsPage';
import { ResourcesPage } from './pages/ResourcesPage';
// 微心愿 and 项目清单 (branch screens)
import { WishesPage } from './pages/WishesPage';
import { WishPage } from './pages/WishPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { ProjectNewPage } from './pages/ProjectNewPage';
import { ProjectPage } from './pages/ProjectPage';
import { UnitProjectsPage } from './pages/UnitProjectsPage';
// 资源共享预约 and 双报到 (branch bookconsole)
import { BookingsPage } from './pages/BookingsPage';
import { PeoplePage } from './pages/PeoplePage';
import { UnitReportsPage } from './pages/UnitReportsPage';
// 活动预告与报名 (branch actconsole): organisers' screens.
import { ActivitiesPage } from './pages/ActivitiesPage';
import { ActivityNewPage } from './pages/ActivityNewPage';
import { ActivityPage } from './pages/ActivityPage';
// 网格管理 and 格事坊 (branch grids)
import { GridReportsPage } from './pages/GridReportsPage';
import { GridReportPage } from './pages/GridReportPage';
import { GridReportNewPage } from './pages/GridReportNewPage';
import { GridsPage } from './pages/GridsPage';
// 议事 (提审议办评; branch deliberation).
import { DeliberationsPage } from './pages/DeliberationsPage';
import { DeliberationPage } from './pages/DeliberationPage';
// 统计与年度评议 (branch scorecard): its own chunk, with ECharts, loaded when the page is opened.
import { lazy, Suspense } from 'react';
const EvaluationPage = lazy(() => import('./pages/EvaluationPage').then((m) => ({ default: m.EvaluationPage })));

const home: Record<Role, string> = { dispatcher: '/board', liaison: '/unit', organizer: '/street', admin: '/admin/units', gridworker: '/grid/report' };
const managesDirectory = (role: Role) => role === 'admin' || role === 'organizer';
/** 微心愿 and 项目清单 lists need a community or street: the dispatcher's and the organizer's (an admin opens one by its link). */
const runsModules = (role: Role) => role === 'dispatcher' || role === 'organizer';
/** 活动: a community's dispatcher, the street's organizer and a unit's liaison announce and run activities. */
const organisesActivities = (role: Role) => role !== 'admin';

/**
 * Everything behind the sign-in: its own chunk (loaded while the sign-in form is shown, or at once for a signed-in
 * reload), so that a first visit only has to run what the sign-in form needs before it can be used.
 */
export default function SignedInConsole() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return null;
  return (
    <InboxProvider>
      <AppShell>
        {/* One write at a time on a screen: every screen's write buttons share this scope (components/WriteScope); a new
            screen (another path) starts a new scope, so a write still on its way on the last one holds nothing here. */}
        <WriteScope key={location.pathname}>
        <Routes>
          <Route path="/signin" element={<Navigate to={returnTo(location.state) ?? home[session.role]} replace />} />
          <Route path="/board" element={session.role === 'dispatcher' ? <BoardPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/unit" element={session.role === 'liaison' ? <UnitOrdersPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/street" element={session.role === 'organizer' ? <StreetPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/showcases/new" element={session.role === 'organizer' ? <ShowcaseComposePage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/orders/:id" element={<OrderPage />} />
          <Route path="/inbox" element={hasInbox(session.role) ? <InboxPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/admin/units" element={managesDirectory(session.role) ? <UnitsAdminPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/admin/communities" element={managesDirectory(session.role) ? <CommunitiesAdminPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/admin/keys" element={session.role === 'admin' ? <KeysAdminPage /> : <Navigate to={home[session.role]} replace />} />
          {/* 需求清单 and 资源清单 (branch lists): staff see the needs of their scope; everyone but admins the resources of theirs. */}
          <Route path="/needs" element={session.role === 'dispatcher' || session.role === 'organizer' ? <NeedsPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/resources" element={session.role !== 'admin' ? <ResourcesPage /> : <Navigate to={home[session.role]} replace />} />
          {/* 微心愿 and 项目清单 (branch screens): staff of a community or street; a liaison's projects */}
          <Route path="/wishes" element={runsModules(session.role) ? <WishesPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/wishes/:id" element={session.role !== 'liaison' ? <WishPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/projects" element={runsModules(session.role) ? <ProjectsPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/projects/new" element={runsModules(session.role) ? <ProjectNewPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/projects/:id" element={<ProjectPage />} />
          <Route path="/unit/projects" element={session.role === 'liaison' ? <UnitProjectsPage /> : <Navigate to={home[session.role]} replace />} />
          {/* 资源共享预约 and 双报到 (branch bookconsole): bookings for everyone but admins; staff's 双报到; a liaison's own 报到 */}
          <Route path="/bookings" element={session.role !== 'admin' ? <BookingsPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/people" element={runsModules(session.role) ? <PeoplePage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/unit/reports" element={session.role === 'liaison' ? <UnitReportsPage /> : <Navigate to={home[session.role]} replace />} />
          {/* 活动预告与报名 (branch actconsole) */}
          <Route path="/activities" element={organisesActivities(session.role) ? <ActivitiesPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/activities/new" element={organisesActivities(session.role) ? <ActivityNewPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/activities/:id" element={<ActivityPage />} />
          {/* 网格管理 and 格事坊 (branch grids): staff triage and manage grids; a grid worker checks in, reports and follows its reports */}
          <Route path="/gridreports" element={runsModules(session.role) || session.role === 'gridworker' ? <GridReportsPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/gridreports/:id" element={runsModules(session.role) || session.role === 'gridworker' ? <GridReportPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/grid/report" element={session.role === 'gridworker' ? <GridReportNewPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/grids" element={runsModules(session.role) ? <GridsPage /> : <Navigate to={home[session.role]} replace />} />
          {/* 议事 (branch deliberation): staff of a community or street, and a unit's liaison for its own and invited topics */}
          <Route path="/deliberations" element={session.role !== 'admin' ? <DeliberationsPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/deliberations/:id" element={<DeliberationPage />} />
          {/* 统计与年度评议 (branch scorecard): every staff role but admins, each in its scope */}
          <Route path="/evaluation" element={session.role !== 'admin' ? <Suspense fallback={null}><EvaluationPage /></Suspense> : <Navigate to={home[session.role]} replace />} />
          <Route path="*" element={<Navigate to={home[session.role]} replace />} />
        </Routes>
        </WriteScope>
      </AppShell>
    </InboxProvider>
  );
}

/** Where the person was going before signing in (a shared order link), unless that was just the start page. */
function returnTo(state: unknown): string | undefined {
  const from = (state as { from?: string } | null)?.from;
  return from && from !== '/' && !from.startsWith('/signin') ? from : undefined;
}
