import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ButtonProps } from 'antd';

/**
 * One write at a time on a screen. Every write of the screen (a click on 派单, a form's submit, Enter in a field)
 * runs through the screen's scope: while one is on its way — the request and the reload that follows it — every
 * other write is refused at once (before React even re-renders), its button is disabled, and the button that was
 * clicked shows its spinner. Reads (tabs, links, filters, 刷新) stay usable. When the write answers, success or not,
 * the buttons come back.
 */
interface Scope {
  /** The name of the write on its way, or null. */
  busy: string | null;
  /** Starts the write <paramref name="name"/>; false (and nothing starts) while another is on its way. */
  begin(name: string): boolean;
  end(): void;
}

const WriteScopeContext = createContext<Scope | null>(null);

function useScopeState(): Scope {
  const running = useRef<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const begin = useCallback((name: string) => {
    if (running.current !== null) return false;
    running.current = name;
    setBusy(name);
    return true;
  }, []);
  const end = useCallback(() => { running.current = null; setBusy(null); }, []);
  return useMemo(() => ({ busy, begin, end }), [busy, begin, end]);
}

/**
 * The scope of one screen: the console puts one around its routes, keyed by the path, so every screen (its drawers and
 * dialogs too) has its own and leaving a screen mid-write leaves the next one free.
 */
export function WriteScope({ children }: { children: ReactNode }) {
  return <WriteScopeContext.Provider value={useScopeState()}>{children}</WriteScopeContext.Provider>;
}

/**
 * The screen's writes: <c>write</c> runs one (false if another is on its way), <c>button</c> gives a write button its
 * state; <c>begin</c>/<c>end</c> for a write that keeps its own try/finally (<c>if (!begin('save')) return; try { … } finally { end(); }</c>).
 */
export function useWrites() {
  const shared = useContext(WriteScopeContext);
  const own = useScopeState(); // only for a component shown outside any screen
  const scope = shared ?? own;
  const { busy, begin, end } = scope;

  const write = useCallback(async (name: string, action: () => Promise<unknown>): Promise<boolean> => {
    if (!begin(name)) return false;
    try {
      await action();
      return true;
    } finally {
      end();
    }
  }, [begin, end]);

  /**
   * The state of the button of write <paramref name="name"/> (none: a button that opens a write's dialog): its
   * spinner while it runs, disabled while another runs or when <paramref name="disabled"/>.
   */
  const button = useCallback((name?: string, disabled = false): Pick<ButtonProps, 'loading' | 'disabled'> => ({
    loading: name !== undefined && busy === name,
    disabled: disabled || (busy !== null && busy !== name),
  }), [busy]);

  return { busy, pending: busy !== null, write, button, begin, end };
}
