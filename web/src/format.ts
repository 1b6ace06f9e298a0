import dayjs from 'dayjs';

export const when = (iso?: string) => (iso ? dayjs(iso).format('M月D日 HH:mm') : '');

/** A deadline as people say it: “剩 2 小时” or “已超时 3 小时”. */
export function dueIn(iso: string): string {
  const minutes = dayjs(iso).diff(dayjs(), 'minute');
  const span = (m: number) => (m >= 60 * 24 ? `${Math.floor(m / 1440)} 天` : m >= 60 ? `${Math.floor(m / 60)} 小时` : `${Math.max(m, 1)} 分钟`);
  return minutes >= 0 ? `剩 ${span(minutes)}` : `已超时 ${span(-minutes)}`;
}

export const statusColor: Record<string, string> = {
  placed: 'blue', declined: 'orange', dispatched: 'gold', accepted: 'cyan', reopened: 'magenta',
  completed: 'green', confirmed: 'green', cancelled: 'default', rejected: 'default',
};
