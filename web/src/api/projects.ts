// 项目清单 (GET/POST /api/projects…): the shapes the console reads, as /api/openapi.json describes them.
import { api } from './client';
import type { AdminUnit, CommunityItem } from './admin';

export interface ProjectRow {
  id: string; title: string; category: string; status: string; communityId?: string; unitsWanted: number; placesTaken: number;
  approved: number; approvedUnits: string; nextDueAt?: string; escalated: boolean; startsOn: string; endsOn: string;
}

export interface ProjectClaim {
  claimId: string; unitId: string; unitName: string; commitment: string; provideBy: string; status: 'pending' | 'approved' | 'declined';
  claimedAt: string; decidedAt?: string; declineReason?: string;
}

export interface ProjectReport { unitId: string; unitName: string; text: string; photoIds: string[]; at: string }
export interface ProjectMilestone { id: string; title: string; dueAt: string; escalated: boolean; reports: ProjectReport[] }

export interface ProjectView {
  id: string; title: string; category: string; status: string; statusName: string; streetId: string; communityId?: string; goal: string;
  needIds: string[]; startsOn: string; endsOn: string; unitsWanted: number; placesTaken: number; approved: number;
  milestones: ProjectMilestone[]; claims: ProjectClaim[]; summary?: string; createdAt: string; version: number;
}

/** The categories of 财源街道's 项目清单 (functions/Gongjian.Domain/Projects/ProjectTypes.cs). */
export const projectCategories = ['医疗健康', '法律服务', '党建联建', '文化教育', '帮贫解困', '其他'];

export const projectStatuses: { code: string; name: string; color: string }[] = [
  { code: 'draft', name: '草稿', color: 'default' },
  { code: 'published', name: '认领中', color: 'blue' },
  { code: 'full', name: '名额已满', color: 'gold' },
  { code: 'in_progress', name: '实施中', color: 'cyan' },
  { code: 'closed', name: '已结项', color: 'green' },
  { code: 'cancelled', name: '已取消', color: 'default' },
];
export const projectStatus = (code: string) => projectStatuses.find((s) => s.code === code) ?? { code, name: code, color: 'default' };

export const claimStatusNames: Record<string, { name: string; color: string }> = {
  pending: { name: '待审核', color: 'blue' }, approved: { name: '已通过', color: 'green' }, declined: { name: '未通过', color: 'default' },
};

export const projectPath = (id: string, action = '') => `projects/${encodeURIComponent(id)}${action ? '/' + action : ''}`;

/** A report photo: staff-only (the session cookie goes with the <img> request). */
export const projectPhotoUrl = (id: string, photoId: string) => `/api/${projectPath(id)}/photos/${encodeURIComponent(photoId)}`;

export const listProjects = (query: string) => api<{ items: ProjectRow[] }>('GET', `projects${query ? '?' + query : ''}`);

/** The street a dispatcher's community or a liaison's unit belongs to (the public directory). */
export async function streetOf(role: string, scope: string): Promise<string | undefined> {
  if (role === 'organizer') return scope;
  if (role === 'dispatcher') return (await api<CommunityItem[]>('GET', 'communities')).find((c) => c.id === scope)?.streetId;
  if (role === 'liaison') return (await api<AdminUnit[]>('GET', 'units')).find((u) => u.id === scope)?.streetId;
  return undefined;
}
