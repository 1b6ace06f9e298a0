import { useCallback, useRef, useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../api/client';

/**
 * Runs one write at a time: a second click while the first is on its way does nothing (a double
 * click on 派单 is one dispatch). A 409 means the order changed meanwhile: say so and reload it.
 */
export function useAction(reload: () => Promise<void>, subject = '工单') {
  const { message } = App.useApp();
  const running = useRef(false);
  const [busy, setBusy] = useState<string | null>(null);

  const run = useCallback(async (name: string, action: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(name);
    try {
      await action();
      message.success(done);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(`${e.message}${subject}已有变化，已为您刷新。`);
        await reload().catch(() => undefined);
      } else {
        message.error(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
      }
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, [message, reload, subject]);

  return { run, busy };
}
