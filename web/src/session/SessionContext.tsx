import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, whenSignedOut } from '../api/client';
import type { SessionInfo } from '../api/types';
import { rememberSession } from './sessionHint';

interface SessionState {
  session: SessionInfo | null;
  loading: boolean;
  /** Why the last session ended, shown on the sign-in page (e.g. expired). */
  notice: string | null;
  signIn(key: string): Promise<void>;
  signOut(): Promise<void>;
}

const Context = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  // The sign-in form shows before the first session check answers: a sign-in (or sign-out) that lands first wins.
  const decided = useRef(false);

  const adopt = useCallback((info: SessionInfo | null) => {
    setCsrfToken(info?.csrfToken ?? '');
    rememberSession(info !== null);
    setSession(info);
  }, []);

  useEffect(() => {
    whenSignedOut(() => { adopt(null); setNotice('登录已失效，请重新登录。'); });
    api<SessionInfo>('GET', 'session')
      .then((info) => { if (!decided.current) adopt(info); })
      .catch((e: unknown) => {
        if (decided.current) return;
        adopt(null);
        if (e instanceof ApiError && e.code !== 'session_required') setNotice(e.message);
      })
      .finally(() => setLoading(false));
  }, [adopt]);

  const signIn = useCallback(async (key: string) => {
    const info = await api<SessionInfo>('POST', 'session', { key });
    decided.current = true;
    setNotice(null);
    adopt(info);
  }, [adopt]);

  const signOut = useCallback(async () => {
    decided.current = true;
    try { await api<void>('DELETE', 'session'); } finally {
      adopt(null);
      setNotice('您已安全退出。');
    }
  }, [adopt]);

  return <Context.Provider value={{ session, loading, notice, signIn, signOut }}>{children}</Context.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
