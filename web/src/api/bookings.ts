// 资源共享预约 (functions/Gongjian.Functions/Bookings): what the booking screens read and write. Dates yyyy-MM-dd and
// times HH:mm are Beijing time, as the API writes them.
import dayjs from 'dayjs';
import { api, apiTagged } from './client';

export interface OpeningHours { weekday: string; opens: string; closes: string }
export interface BookingPolicy { resourceId: string; hours: OpeningHours[]; slotMinutes: number; instant: boolean; version: number }

export interface BookingDetail {
  id: string; start: string; end: string; status: string; statusText: string; people: number; name: string; phone: string; purpose?: string;
  requesterUnitId?: string; requesterUnitName?: string; requestedAt: string; reason?: string;
}
export interface ResourceDay { resourceId: string; title: string; unitId: string; date: string; contactVisible: boolean; contactWithheld: boolean; items: BookingDetail[] }

export interface Slot { start: string; end: string; free: boolean }
export interface Availability { resourceId: string; title: string; date: string; open: boolean; slotMinutes: number; instant: boolean; slots: Slot[] }

export interface BookingDayRow {
  ledgerId: string; resourceId: string; unitId: string; streetId: string; title: string; date: string; pending: number; approved: number; used: number;
  noShow: number; slots: string[];
}

export const weekdays: { code: string; name: string }[] = [
  { code: 'monday', name: '周一' }, { code: 'tuesday', name: '周二' }, { code: 'wednesday', name: '周三' }, { code: 'thursday', name: '周四' },
  { code: 'friday', name: '周五' }, { code: 'saturday', name: '周六' }, { code: 'sunday', name: '周日' },
];

export const bookingColors: Record<string, string> = {
  pending: 'blue', approved: 'green', declined: 'default', cancelled: 'default', used: 'cyan', no_show: 'orange',
};

export const weekdayName = (date: string) => weekdays[(dayjs(date).day() + 6) % 7].name;

/** Today in Beijing, whatever the browser's zone. */
export const beijingToday = () => dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)).format('YYYY-MM-DD');

/** Whether a slot of a Beijing day has begun (used / no-show are allowed only then). */
export const hasBegun = (date: string, start: string) => Date.parse(`${date}T${start}:00+08:00`) <= Date.now();

const resource = (id: string, rest = '') => `resources/${encodeURIComponent(id)}${rest}`;

export const getPolicy = (id: string) => apiTagged<BookingPolicy>('GET', resource(id, '/booking-policy'));
export const putPolicy = (id: string, body: Omit<BookingPolicy, 'resourceId' | 'version'>, etag?: string) =>
  apiTagged<BookingPolicy>('PUT', resource(id, '/booking-policy'), body, etag);
export const getDay = (id: string, date: string, masked: boolean) =>
  api<ResourceDay>('GET', resource(id, `/bookings?date=${date}${masked ? '&contact=masked' : ''}`));
export const getAvailability = (id: string, date: string) => api<Availability>('GET', resource(id, `/availability?date=${date}`));
export const listBookingDays = (query: string) => api<{ items: BookingDayRow[]; nextPageToken?: string }>('GET', `bookings?${query}`);

/** approve · decline {reason} · cancel {reason} · used · no-show: the owner unit's transitions. */
export const bookingAction = (resourceId: string, bookingId: string, action: 'approve' | 'decline' | 'cancel' | 'used' | 'no-show', reason?: string) =>
  api('POST', resource(resourceId, `/bookings/${encodeURIComponent(bookingId)}/${action}`), action === 'decline' || action === 'cancel' ? { reason } : undefined);
