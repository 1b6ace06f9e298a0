// 网格管理 and 格事坊 (GET/POST /api/grids…, /api/grid-reports…): the shapes the console reads, as /api/openapi.json describes them.
import { api } from './client';

export interface GridMember { role: string; roleText?: string; name: string; phone?: string }

export interface GridView {
  id: string; communityId: string; communityName: string; streetId: string; name: string; area: string;
  centreLat: number; centreLon: number; radiusMetres: number; team: GridMember[];
}

export interface CheckIn { gridId: string; at: string; worker: string; lat: number; lon: number; distanceMetres: number; far: boolean; note?: string }

export interface GridReportRow {
  id: string; status: string; statusText: string; category: string; categoryText: string; gridId: string; text: string; place: string;
  photoCount: number; orderId?: string; handedTo?: string; mergedInto?: string; createdAt: string; updatedAt: string;
}

export interface GridReportView {
  id: string; status: string; statusText: string; communityId: string; streetId: string; gridId: string; category: string; categoryText: string;
  text: string; place: string; lat?: number; lon?: number; reporter?: string; photoIds: string[]; createdAt: string; updatedAt: string;
  orderId?: string; handedTo?: string; note?: string; outcomePhotoIds: string[]; mergedInto?: string; duplicates: string[]; closedAt?: string;
  /** What the signed-in staff may do now: resolve, order, hand_over, merge. */
  actions: string[];
}

export interface DuplicateSuggestion { id: string; status: string; category: string; text: string; place: string; distanceMetres: number; similarity: number; createdAt: string }

export interface GridTimelineEntry { sequence: number; type: string; at: string; by: { role: string; name?: string }; description: string; note?: string }

/** The codes are the API's (functions/Gongjian.Domain/GridReports/GridReportTypes.cs). */
export const reportCategories: { value: string; label: string }[] = [
  { value: 'environment', label: '环境卫生' }, { value: 'vehicle', label: '车辆停放（含僵尸车）' }, { value: 'facility', label: '设施损坏' },
  { value: 'safety', label: '安全隐患' }, { value: 'construction', label: '违章搭建' }, { value: 'dispute', label: '邻里纠纷' }, { value: 'other', label: '其他' },
];

export const reportStatusColor: Record<string, string> = {
  open: 'orange', ordered: 'blue', resolved: 'green', closed: 'green', handed_over: 'purple', merged: 'default',
};

export const memberRoles = [
  { value: 'leader', label: '网格长' }, { value: 'instructor', label: '网格指导员' }, { value: 'worker', label: '网格员' }, { value: 'volunteer', label: '志愿者' },
];

export const listGrids = (community?: string) => api<{ items: GridView[] }>('GET', community ? `grids?community=${encodeURIComponent(community)}` : 'grids');
export const listReports = (query = '') => api<{ items: GridReportRow[] }>('GET', `grid-reports${query ? '?' + query : ''}`);
export const getReport = (id: string) => api<GridReportView>('GET', `grid-reports/${encodeURIComponent(id)}`);
export const reportPhoto = (id: string, photo: string) => `/api/grid-reports/${encodeURIComponent(id)}/photos/${encodeURIComponent(photo)}`;

/** Beijing time, as staff read it: 3月2日 09:30. */
export const beijing = (iso: string) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
};

/** The grids' names by id, for lists and pages that carry only the id (a grid worker sees its own grid). */
export async function gridNames(community?: string): Promise<Record<string, string>> {
  try {
    return Object.fromEntries((await listGrids(community)).items.map((g) => [g.id, g.name]));
  } catch {
    return {};
  }
}

/** A picked file as the API takes photos: base64 without the data: prefix. */
export const toBase64 = (file: File) => new Promise<string>((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
  reader.onerror = () => reject(reader.error);
  reader.readAsDataURL(file);
});

/** A grid worker's one-time chat binding code (POST /api/grids/{id}/binding-codes): shown once. */
export interface GridBindingCode { code: string; gridId: string; gridName: string; workerName: string; expiresAt: string; howToUse: string }

export const issueGridBindingCode = (gridId: string, keyId?: string) =>
  api<GridBindingCode>('POST', `grids/${encodeURIComponent(gridId)}/binding-codes${keyId ? `?keyId=${encodeURIComponent(keyId)}` : ''}`);

/** The grid's live grid-worker keys, oldest first (GET /api/grids/{id}/workers): whom a binding code can be for. */
export interface GridWorker { keyId: string; name: string; since?: string | null }
export const listGridWorkers = (gridId: string) => api<{ gridId: string; items: GridWorker[] }>('GET', `grids/${encodeURIComponent(gridId)}/workers`);
