// 微心愿 (GET/POST /api/wishes…): the shapes the console reads, as /api/openapi.json describes them.
import type { ContactViews } from './types';
import { api } from './client';

export interface WishContact { name: string; phone: string }
export interface WishClaimer { kind: 'unit' | 'partyMember' | 'volunteer'; name: string; unitId?: string }

export interface WishView {
  id: string;
  status: string;
  statusText: string;
  category: string;
  categoryName: string;
  communityId: string;
  communityName: string;
  publicText?: string;
  displayName?: string;
  claimer?: WishClaimer;
  submittedAt: string;
  publishedAt?: string;
  claimedAt?: string;
  fulfilledAt?: string;
  confirmedAt?: string;
  fulfilNote?: string;
  photos?: string[];
  /** The resident's own words: staff only. */
  text?: string;
  contact?: WishContact;
  reason?: string;
  claimerContact?: WishContact;
  contactVisible: boolean;
  contactWithheld: boolean;
}

export interface WishListItem {
  id: string;
  status: string;
  statusText: string;
  category: string;
  categoryName: string;
  communityId: string;
  publicText?: string;
  displayName?: string;
  claimerKind?: string;
  claimerName?: string;
  unitId?: string;
  submittedAt: string;
  claimedAt?: string;
  fulfilledAt?: string;
}

export interface WishPage { items: WishListItem[]; nextPageToken?: string }

export type WishContactViews = Omit<ContactViews, 'orderId'> & { wishId: string };

/** The filters of the staff list: each one or two API statuses. */
export const wishFilters = [
  { key: 'submitted', label: '待审核', statuses: ['submitted'] },
  { key: 'published', label: '已发布', statuses: ['published'] },
  { key: 'claimed', label: '已认领', statuses: ['claimed'] },
  { key: 'done', label: '已完成', statuses: ['fulfilled', 'confirmed'] },
] as const;

export const wishStatusColor: Record<string, string> = {
  submitted: 'blue', published: 'gold', claimed: 'cyan', fulfilled: 'green', confirmed: 'green', rejected: 'default', withdrawn: 'default',
};

/** One page of one status, newest first; the token is the API's (bound to the list). */
export const listWishes = (status: string, pageToken?: string, pageSize = 20) =>
  api<WishPage>('GET', `wishes?status=${status}&pageSize=${pageSize}${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`);

export const wishPath = (id: string, action = '') => `wishes/${encodeURIComponent(id)}${action ? '/' + action : ''}`;
