import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './session/SessionContext';
import { SignInPage } from './pages/SignInPage';
import { hadSession } from './session/sessionHint';

const loadSignedIn = () => import('./SignedInRoot');
const SignedInRoot = lazy(loadSignedIn);
// Someone who was signed in on this browser most likely still is: fetch the console while the session is checked.
// Anyone else most likely needs the sign-in form: it is shown at once, not after the session check answers.
const expectSession = hadSession();
if (expectSession) void loadSignedIn();

export function ConsoleRoutes() {
  const { session, loading } = useSession();
  const location = useLocation();
  // While someone reads the sign-in form and pastes a key, the rest of the console loads.
  useEffect(() => {
    if ((loading && expectSession) || session) return;
    const idle = window.setTimeout(() => void loadSignedIn(), 0);
    return () => window.clearTimeout(idle);
  }, [loading, session]);
  const spinner = <div className="center-screen"><span className="spinner" role="status" aria-label="加载中" /></div>;
  if (loading && expectSession) return spinner;
  if (!session) {
    return (
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  return <Suspense fallback={spinner}><SignedInRoot /></Suspense>;
}
