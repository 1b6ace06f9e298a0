import dayjs from 'dayjs';

export const when = (iso?: string) => (iso ? dayjs(iso).format('M月D日 HH:mm') : '');

/** A deadline as people say it: “剩 2 小时” or “已超时 3 小时”. */
export function dueIn(iso: string): string {
  // From milliseconds: a deadline passed 30 s ago is overdue, not “剩 1 分钟” (a whole-minute diff rounds it to 0).
  const ms = dayjs(iso).diff(dayjs());
  const span = (m: number) => (m >= 60 * 24 ? `${Math.floor(m / 1440)} 天` : m >= 60 ? `${Math.floor(m / 60)} 小时` : `${Math.max(m, 1)} 分钟`);
  return ms >= 0 ? `剩 ${span(Math.ceil(ms / 60000))}` : `已超时 ${span(Math.floor(-ms / 60000))}`;
}

export const statusColor: Record<string, string> = {
  placed: 'blue', declined: 'orange', dispatched: 'gold', accepted: 'cyan', reopened: 'magenta',
  completed: 'green', confirmed: 'green', cancelled: 'default', rejected: 'default',
};
