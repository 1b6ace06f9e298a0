// 双报到 (functions/Gongjian.Functions/People): unit reports with their commitments, and the people who reported.
import { api, ApiError } from './client';

export interface UnitReportRow {
  id: string; status: string; statusName: string; unitId: string; unitName: string; communityId: string; year: number; commitmentsMade: number;
  commitmentsMet: number; reportedAt: string;
}
export interface Commitment { id: string; kind: 'post' | 'resource' | 'serviceitems'; title: string; met: boolean; metAt?: string; evidence?: string }
export interface UnitReport extends Omit<UnitReportRow, never> {
  communityName: string; streetId: string; serviceItemsPerYear: number; commitments: Commitment[]; acceptedAt?: string;
}

export interface Team { id: string; name: string; members: number }
export interface PersonRow {
  id: string; status: string; statusName: string; kind: string; kindName: string; name: string; phone: string; teams: string[]; hours: number; registeredAt: string;
}
export interface HoursEntry { entryId: string; date: string; hours: number; what: string }
export interface Person {
  id: string; status: string; statusName: string; kind: string; kindName: string; communityId: string; communityName: string; name: string; phone: string;
  workUnit: string; unitId?: string; teams: Team[]; posts: string[]; hours: number; points: number; records: number; logged: HoursEntry[];
  registeredAt: string; confirmedAt?: string;
}

export const commitmentKindNames: Record<string, string> = { post: '岗位', resource: '资源', serviceitems: '服务项目' };

export const listUnitReports = (query: string) => api<{ items: UnitReportRow[]; nextPageToken?: string }>('GET', `unitreports${query ? '?' + query : ''}`);
export const getUnitReport = (id: string) => api<UnitReport>('GET', `unitreports/${encodeURIComponent(id)}`);
export const acceptUnitReport = (id: string) => api<UnitReport>('POST', `unitreports/${encodeURIComponent(id)}/accept`);
export const meetCommitment = (id: string, commitmentId: string, evidence: string) =>
  api<UnitReport>('POST', `unitreports/${encodeURIComponent(id)}/commitments/${encodeURIComponent(commitmentId)}/met`, { evidence });
export const reportUnit = (body: { communityId: string; year?: number; posts: string[]; resourceIds: string[]; serviceItemsPerYear: number }) =>
  api<UnitReport>('POST', 'unitreports', body);

export const listPeople = (query: string) => api<{ items: PersonRow[]; nextPageToken?: string }>('GET', `people?${query}`);
export const getPerson = (id: string) => api<Person>('GET', `people/${encodeURIComponent(id)}`);
export const confirmPerson = (id: string) => api<Person>('POST', `people/${encodeURIComponent(id)}/confirm`);
export const logHours = (id: string, body: { date: string; hours: number; what: string }) => api<Person>('POST', `people/${encodeURIComponent(id)}/hours`, body);
export const joinTeam = (id: string, teamId: string) => api<Person>('POST', `people/${encodeURIComponent(id)}/teams`, { teamId });
export interface CommunityTeam extends Team { standing: boolean; purpose?: string | null; retired: boolean }
export const listTeams = (communityId: string) => api<{ communityId: string; teams: CommunityTeam[] }>('GET', `communities/${encodeURIComponent(communityId)}/teams`);
export const createTeam = (communityId: string, name: string, purpose?: string) =>
  api<CommunityTeam>('POST', `communities/${encodeURIComponent(communityId)}/teams`, { name, purpose: purpose || undefined });
export const retireTeam = (communityId: string, teamId: string) =>
  api<void>('POST', `communities/${encodeURIComponent(communityId)}/teams/${encodeURIComponent(teamId)}/retire`);
/**
 * The CSV export (the community's own dispatcher): fetched with the session cookie and saved as a file; a refusal is
 * thrown as the problem's Chinese title, like every other call.
 */
export async function exportPeople(communityId: string, fileName: string): Promise<void> {
  const response = await fetch(`/api/people/export.csv?communityId=${encodeURIComponent(communityId)}`, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; title?: string };
    throw new ApiError(response.status, problem.code ?? 'error', problem.title ?? `导出未能完成（${response.status}）。`);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
