// The console talks only to the public API, with the session cookie (HttpOnly: never read here)
// and, on every write, the session's CSRF token in X-Gongjian-Csrf.

export class ApiError extends Error {
  constructor(public status: number, public code: string, title: string) {
    super(title);
  }
}

let csrfToken = '';
let onSignedOut: (() => void) | null = null;

export function setCsrfToken(token: string) { csrfToken = token; }

/** Called when the API says the session is gone (expired, revoked, signed out elsewhere). */
export function whenSignedOut(handler: () => void) { onSignedOut = handler; }

const SESSION_CODES = new Set(['session_expired', 'session_revoked', 'session_invalid', 'session_required', 'authentication_required']);

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await send(method, path, body, 'application/json', (text) => (text ? safeParse(text) : undefined))) as T;
}

/** A read or write of a resource with an ETag: the body and the ETag, to send back as If-Match (412 when someone changed it since). */
export async function apiTagged<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ data: T; etag: string }> {
  let etag = '';
  const data = (await send(method, path, body, 'application/json', (text) => (text ? safeParse(text) : undefined), ifMatch,
    (r) => { etag = r.headers.get('ETag') ?? ''; })) as T;
  return { data, etag };
}

/** A write whose answer is a page (the showcase preview): its HTML as text. */
export async function apiHtml(method: string, path: string, body?: unknown): Promise<string> {
  return (await send(method, path, body, 'text/html', (text) => text)) as string;
}

async function send(method: string, path: string, body: unknown, accept: string, read: (text: string) => unknown,
  ifMatch?: string, seen?: (response: Response) => void): Promise<unknown> {
  const headers: Record<string, string> = { Accept: accept };
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-Gongjian-Csrf'] = csrfToken;
  let response: Response;
  try {
    response = await fetch('/api/' + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试。');
  }
  seen?.(response);
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!response.ok) {
    const problem = ((text ? safeParse(text) : undefined) ?? {}) as { code?: string; title?: string };
    const error = new ApiError(response.status, problem.code ?? 'error', problem.title ?? `请求未能完成（${response.status}）。`);
    if (response.status === 401 && SESSION_CODES.has(error.code) && path !== 'session') onSignedOut?.();
    throw error;
  }
  return read(text);
}

function safeParse(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}

/** The address of an order photo: an <img> sends the session cookie itself (a GET needs no CSRF token). */
export const photoUrl = (orderId: string, photo: string) =>
  // The order lists its photos by address (/api/orders/…/photos/…); a bare id is made into one.
  photo.startsWith('/api/') ? photo : `/api/orders/${encodeURIComponent(orderId)}/photos/${encodeURIComponent(photo)}`;

/** A chosen photo file as base64 (no data: prefix), as the API takes photos. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new ApiError(0, 'file', '照片读取失败，请重新选择。'));
    reader.readAsDataURL(file);
  });
}
