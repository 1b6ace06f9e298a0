// The staff inbox: GET /api/inbox polled with If-None-Match (304 = nothing new, no body), POST /api/inbox/read.
import { api, ApiError } from './client';

export interface InboxItem {
  id: string; kind: string; kindName: string; text: string; title?: string; orderId?: string; dueAt?: string; createdAt: string; read: boolean;
}
export interface Inbox { unread: number; items: InboxItem[]; nextPageToken?: string }

/** Roles that have an inbox (a liaison's notices come by chat). */
export const hasInbox = (role: string) => role === 'dispatcher' || role === 'organizer' || role === 'gridworker';

/** The first page; null when it has not changed since the answer tagged `etag`. */
export async function pollInbox(etag: string | null): Promise<{ inbox: Inbox; etag: string | null } | null> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (etag) headers['If-None-Match'] = etag;
  let response: Response;
  try {
    response = await fetch('/api/inbox?pageSize=30', { headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试。');
  }
  if (response.status === 304) return null;
  if (!response.ok) return { inbox: await api<Inbox>('GET', 'inbox?pageSize=30'), etag: null }; // the usual error handling (sign-in page on 401)
  return { inbox: (await response.json()) as Inbox, etag: response.headers.get('ETag') };
}

export const morePages = (token: string) => api<Inbox>('GET', `inbox?pageSize=30&pageToken=${encodeURIComponent(token)}`);

export const markRead = (body: { ids: string[] } | { all: true }) => api<{ marked: number; unread: number }>('POST', 'inbox/read', body);
