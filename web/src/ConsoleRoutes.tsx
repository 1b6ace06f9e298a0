import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from './session/SessionContext';
import { SignInPage } from './pages/SignInPage';

const loadSignedIn = () => import('./SignedInConsole');
const SignedInConsole = lazy(loadSignedIn);

export function ConsoleRoutes() {
  const { session, loading } = useSession();
  const location = useLocation();
  // While someone reads the sign-in form and pastes a key, the rest of the console loads.
  useEffect(() => {
    if (loading || session) return;
    const idle = window.setTimeout(() => void loadSignedIn(), 0);
    return () => window.clearTimeout(idle);
  }, [loading, session]);
  const spinner = <div className="center-screen"><Spin size="large" /></div>;
  if (loading) return spinner;
  if (!session) {
    return (
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  return <Suspense fallback={spinner}><SignedInConsole /></Suspense>;
}
