import { useCallback } from 'react';
import { App } from 'antd';
import { ApiError } from '../api/client';
import { useWrites } from './WriteScope';

/**
 * Runs a write of the screen with its message: one at a time on the screen (<c>WriteScope</c>) — a second click
 * while the first is on its way does nothing (a double click on 派单 is one dispatch), and the screen's other write
 * buttons wait. A 409 means the record changed meanwhile: say so and reload it before the buttons come back.
 */
export function useAction(reload: () => Promise<void>, subject = '工单') {
  const { message } = App.useApp();
  const { write, busy } = useWrites();

  const run = useCallback(async (name: string, action: () => Promise<unknown>, done: string): Promise<boolean> => {
    let ok = false;
    await write(name, async () => {
      try {
        await action();
        message.success(done);
        ok = true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          message.warning(`${e.message}${subject}已有变化，已为您刷新。`);
          await reload().catch(() => undefined);
        } else {
          message.error(e instanceof ApiError ? e.message : '操作未能完成，请稍后再试。');
        }
      }
    });
    return ok;
  }, [message, reload, subject, write]);

  return { run, busy };
}
