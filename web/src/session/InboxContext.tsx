import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { hasInbox, markRead, pollInbox, type Inbox } from '../api/inbox';
import { useSession } from './SessionContext';

const POLL_MS = 30_000;

interface InboxState {
  inbox: Inbox | null;
  /** Asks now (after a change made here); 304 keeps what is shown. */
  refresh(): Promise<void>;
  read(body: { ids: string[] } | { all: true }): Promise<void>;
}

const Context = createContext<InboxState | null>(null);

/** Polls the signed-in dispatcher's or organizer's inbox every 30 s with If-None-Match, for the bell and the inbox page. */
export function InboxProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const etag = useRef<string | null>(null);
  const active = !!session && hasInbox(session.role);

  const refresh = useCallback(async () => {
    if (!active) return;
    try {
      const answer = await pollInbox(etag.current);
      if (answer) { etag.current = answer.etag; setInbox(answer.inbox); }
    } catch { /* the next poll tries again; the bell keeps its last count */ }
  }, [active]);

  useEffect(() => {
    if (!active) return;
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [active, refresh]);

  const read = useCallback(async (body: { ids: string[] } | { all: true }) => {
    await markRead(body);
    await refresh();
  }, [refresh]);

  return <Context.Provider value={{ inbox, refresh, read }}>{children}</Context.Provider>;
}

export function useInbox(): InboxState {
  const state = useContext(Context);
  if (!state) throw new Error('useInbox outside InboxProvider');
  return state;
}
