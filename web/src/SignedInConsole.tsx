import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './session/SessionContext';
import { BoardPage } from './pages/BoardPage';
import { UnitOrdersPage } from './pages/UnitOrdersPage';
import { OrderPage } from './pages/OrderPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { StreetPage } from './pages/StreetPage';
import { ShowcaseComposePage } from './pages/ShowcaseComposePage';
import { AppShell } from './components/AppShell';
import { InboxPage } from './pages/InboxPage';
import { InboxProvider } from './session/InboxContext';
import { hasInbox } from './api/inbox';
import type { Role } from './api/types';

const home: Record<Role, string> = { dispatcher: '/board', liaison: '/unit', organizer: '/street', admin: '/soon' };

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
        <Routes>
          <Route path="/signin" element={<Navigate to={returnTo(location.state) ?? home[session.role]} replace />} />
          <Route path="/board" element={session.role === 'dispatcher' ? <BoardPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/unit" element={session.role === 'liaison' ? <UnitOrdersPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/street" element={session.role === 'organizer' ? <StreetPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/showcases/new" element={session.role === 'organizer' ? <ShowcaseComposePage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/orders/:id" element={<OrderPage />} />
          <Route path="/inbox" element={hasInbox(session.role) ? <InboxPage /> : <Navigate to={home[session.role]} replace />} />
          <Route path="/soon" element={<ComingSoonPage />} />
          <Route path="*" element={<Navigate to={home[session.role]} replace />} />
        </Routes>
      </AppShell>
    </InboxProvider>
  );
}

/** Where the person was going before signing in (a shared order link), unless that was just the start page. */
function returnTo(state: unknown): string | undefined {
  const from = (state as { from?: string } | null)?.from;
  return from && from !== '/' && !from.startsWith('/signin') ? from : undefined;
}
