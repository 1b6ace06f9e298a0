// 活动预告与报名 (GET/POST /api/activities…): the shapes the console reads, as /api/openapi.json describes them.
import { api } from './client';
import type { TimelineEntry } from './types';

export interface ActivityRow {
  id: string; status: string; statusText: string; title: string; category: string; place: string; communityId: string;
  organiserKind: string; unitId?: string; startsAt: string; endsAt: string; deadline: string; capacity: number;
  registeredCount: number; waitingCount: number; audiences: string[];
}

export interface Participant {
  personKey: string; name: string; phone: string; kind: string; waiting: boolean; waitingPosition?: number;
  registeredAt: string; checkedInAt?: string; hours?: number;
}

export interface ActivityView {
  id: string; status: string; statusText: string; communityId: string; streetId: string; organiserKind: string; unitId?: string;
  title: string; category: string; description: string; place: string; venueResourceId?: string; startsAt: string; endsAt: string;
  deadline: string; capacity: number; audiences: string[]; registeredCount: number; waitingCount: number; cancelReason?: string;
  /** True for the organiser: names and phones unmasked. */
  contactVisible: boolean;
  participants: Participant[];
  /** Attendance photos: /api/activities/{id}/photos/{photoId}. */
  photoIds: string[];
  /** 活动风采: on the public page with its photos. */
  showcase: boolean;
}

/** The answer to 代为报名: 已报名 or 候补第N位, with the codes to pass on to the person (shown once). */
export interface RegistrationResult {
  activityId: string; status: 'registered' | 'waiting'; statusText: string; message: string; waitingPosition?: number;
  registrationCode?: string; checkInCode?: string;
}

export interface ActivityTimeline { activityId: string; entries: TimelineEntry[] }

/** The codes are the API's (functions/Gongjian.Domain/Activities/ActivityTypes.cs); the names what people read. */
export const activityCategoryNames: Record<string, string> = {
  volunteer: '志愿服务', party: '党建活动', culture: '文化活动', sports: '体育健身', health: '健康服务', education: '教育培训',
  environment: '环境保护', other: '其他',
};

export const audienceNames: Record<string, string> = { residents: '居民', party_members: '党员', volunteers: '志愿者', units: '共建单位' };

export const activityStatusColor: Record<string, string> = { open: 'blue', registration_closed: 'gold', completed: 'green', cancelled: 'default' };

/**
 * The status as people should read it now: registration closes at the deadline, even before the timer that closes it
 * has run (the API then still says 报名中).
 */
export const shownStatus = (a: { status: string; statusText: string; deadline: string }) =>
  a.status === 'open' && Date.now() >= Date.parse(a.deadline) ? { status: 'registration_closed', text: '报名已截止' } : { status: a.status, text: a.statusText };

export const activityPath = (id: string, action = '') => `activities/${encodeURIComponent(id)}${action ? '/' + action : ''}`;

export const listActivities = (query = '') => api<{ items: ActivityRow[] }>('GET', `activities${query ? '?' + query : ''}`);

/** “居民、志愿者”; “—” for none. */
export const audiencesText = (codes: string[]) => codes.map((c) => audienceNames[c] ?? c).join('、') || '—';

const beijingParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** Activities happen in Beijing time, wherever the browser is: “3月14日 周六 09:00”. */
export function beijing(iso: string, withDay = true): string {
  const p = Object.fromEntries(beijingParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return withDay ? `${p.month}月${p.day}日 ${p.weekday} ${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`;
}

/** “3月14日 周六 09:00–12:00”, or both days when it runs past midnight. */
export function beijingSpan(start: string, end: string): string {
  const sameDay = beijing(start).split(' ').slice(0, 2).join(' ') === beijing(end).split(' ').slice(0, 2).join(' ');
  return sameDay ? `${beijing(start)}–${beijing(end, false)}` : `${beijing(start)} 至 ${beijing(end)}`;
}

/** A datetime-local value (“2026-03-14T09:00”, read as Beijing time) as the API's ISO time. */
export const fromBeijingInput = (value: string) => `${value}:00+08:00`;

/** The other way: an instant as a datetime-local value in Beijing time. */
export function toBeijingInput(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}
