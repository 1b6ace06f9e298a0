// 议事 (GET/POST /api/deliberations…, 提审议办评): the shapes the console reads, as /api/openapi.json describes them.
import { api } from './client';

export interface DeliberationRow {
  id: string; status: string; statusText: string; step: number; title: string; communityId: string; estate?: string; source: string;
  raisedAt: string; meetingAt?: string; opinionCount: number; actionCount: number; actionsDone: number; ratingCount: number; ratingAverage?: number;
}

export interface Meeting { at: string; place: string; parties: string[]; partyNames: string[]; unitIds: string[] }
export interface Vote {
  question: string; rule: string; ruleText: string; closesAt: string; closed: boolean; for: number; against: number; abstain: number; cast: number; passed?: boolean;
}
export interface Opinion { no: number; authorKind: string; author: string; unitId?: string; text: string; at: string }
export interface DecisionAction {
  no: number; kind: string; text: string; category?: string; address?: string; projectId?: string; targetId?: string; outcome?: string; statusText: string;
}

export interface DeliberationView {
  id: string; status: string; statusText: string; step: number; communityId: string; streetId: string; estate?: string; title: string;
  description: string; source: string; sourceText: string; unitId?: string; contact?: { name: string; phone: string }; contactVisible: boolean;
  raisedAt: string; reply?: string; meeting?: Meeting; vote?: Vote; opinions: Opinion[]; minutes?: string; decision?: string; attendees?: number;
  decidedAt?: string; actions: DecisionAction[]; deliveredAt?: string; ratings: { stars: number; comment?: string; at: string }[];
  ratingAverage?: number; version: number;
}

export interface CreatedOrders { deliberation: DeliberationView; orders: { actionNo: number; orderId: string; trackingCode?: string }[] }

export const steps = ['提', '审', '议', '办', '评'] as const;
export const stepTitles = ['提出议题', '审核', '议事协商', '落实办理', '居民评议'] as const;

export const deliberationStatusColor: Record<string, string> = {
  raised: 'orange', accepted: 'blue', scheduled: 'blue', decided: 'purple', acting: 'purple', delivered: 'green', closed: 'default',
  declined: 'default', answered: 'green',
};

export const partyNames: Record<string, string> = {
  resident_reps: '居民代表', party_members: '党员', property_company: '物业公司', units: '共建单位', residents: '居民', staff: '社区工作人员',
};

export const sourceNames: Record<string, string> = { resident: '居民', grid_worker: '网格员', unit: '共建单位', staff: '社区工作人员' };

export const deliberationPath = (id: string, action = '') => `deliberations/${encodeURIComponent(id)}${action ? '/' + action : ''}`;

export const listDeliberations = (query = '') => api<{ items: DeliberationRow[] }>('GET', `deliberations${query ? '?' + query : ''}`);
