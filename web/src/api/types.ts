// The shapes of the public API's answers the console reads (see /api/openapi.json).

export type Role = 'dispatcher' | 'liaison' | 'organizer' | 'admin' | 'gridworker';

export interface SessionInfo {
  role: Role;
  roleName: string;
  scope: string;
  scopeName: string;
  name: string;
  keyId: string;
  csrfToken: string;
  expiresAt: string;
}

export interface UnitRef { id: string; name: string }

export interface OrderSummary {
  id: string;
  status: string;
  statusName: string;
  category?: string;
  categoryName: string;
  communityId: string;
  unit?: UnitRef;
  summary: string;
  placedAt: string;
  updatedAt: string;
  /** The current step's deadline; none once the order is closed. */
  deadline?: ListDeadline;
}

export interface ListDeadline { step: string; stepName: string; dueAt: string; overdue: boolean; escalated: boolean }

export interface OrderPage { items: OrderSummary[]; nextPageToken?: string }

export interface TimelineEntry {
  sequence: number;
  type: string;
  at: string;
  by: { role: string; name?: string };
  description: string;
  reason?: string;
}

export interface Deadline { step: string; stepName: string; dueAt: string; remindAt: string; overdue: boolean; escalated: boolean }

export interface OrderView {
  id: string;
  status: string;
  statusName: string;
  category?: string;
  categoryName: string;
  text: string;
  communityId: string;
  communityName: string;
  address: string;
  contact: { name: string; phone: string };
  contactVisible: boolean;
  /** The caller may see the contact but asked without it (?contact=masked): “显示联系方式” asks again. */
  contactWithheld?: boolean;
  unit?: UnitRef;
  placedAt: string;
  dispatchedAt?: string;
  acceptedAt?: string;
  completedAt?: string;
  closedAt?: string;
  rating?: number;
  ratingComment?: string;
  reopenCount: number;
  beforePhotos: string[];
  afterPhotos: string[];
  version: number;
  personalDataErasedAt?: string;
  deadline?: Deadline;
  overdue: boolean;
  timeline?: TimelineEntry[];
}

export interface UnitView {
  id: string;
  name: string;
  streetId: string;
  level: string;
  kind: string;
  categories: string[];
  communityIds: string[];
}

export interface UnitSuggestion {
  rank: number;
  unitId: string;
  name: string;
  servesCategory: boolean;
  coversCommunity: boolean;
  openOrders: number;
  declinedBefore: boolean;
  reason: string;
}

export interface UnitSuggestions { orderId: string; version: number; items: UnitSuggestion[] }

export interface ContactViewEntry { at: string; keyId: string; role: string; roleName: string; name: string; via: string; viaName: string }

export interface ContactViews { orderId: string; items: ContactViewEntry[] }

export interface OverviewOrder {
  id: string; status: string; statusName: string; categoryName: string; communityId: string; communityName: string;
  unitName?: string; summary: string; step?: string; stepName?: string; dueAt?: string; overdue: boolean; escalated: boolean; placedAt: string;
}

export interface StreetOverview {
  streetId: string;
  streetName: string;
  total: number;
  byStatus: { status: string; statusName: string; count: number }[];
  byCommunity: { communityId: string; communityName: string; total: number; open: number; overdue: number }[];
  overdue: OverviewOrder[];
  escalated: OverviewOrder[];
  at: string;
}

export interface ShowcaseItem {
  category: string; categoryName: string; communityName: string; placedOn: string; completedOn?: string;
  rating?: number; unitName: string; photos: string[]; beforePhotos?: string[];
}

export interface Showcase { id: string; title: string; story: string; streetId: string; streetName: string; publishedAt: string; items: ShowcaseItem[] }

export interface PhotoChoice { orderId: string; before: string[]; after: string[] }

export interface ShowcaseDraft { title: string; story: string; orderIds: string[]; photos: PhotoChoice[] }
