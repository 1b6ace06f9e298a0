// The shapes of the public API's answers the console reads (see /api/openapi.json).

export type Role = 'dispatcher' | 'liaison' | 'organizer' | 'admin';

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
}

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
