// 考核指标 and 年度评议 (issue 14): the indicators of a period, the year's scorecard, traces and exports.
import { api } from './client';

export interface IndicatorValue { code: string; name: string; value: number | null }
export interface IndicatorDefinition { code: string; name: string; unit: string; definition: string }
export interface OrderUnit { unitId: string; unitName: string; values: IndicatorValue[]; received: number }
export interface CategoryCount { category: string; name: string; received: number }
export interface OrderIndicators { streetId: string; period: string; asOf: string; periodName: string; total: OrderUnit; units: OrderUnit[];
  definitions: IndicatorDefinition[]; categories: CategoryCount[] }
export interface ModuleFigures { id: string; name: string; values: IndicatorValue[]; records: number }
export interface ModuleIndicators { streetId: string; period: string; periodName: string; total: ModuleFigures; units: ModuleFigures[]; communities: ModuleFigures[]; definitions: IndicatorDefinition[] }
export interface SchemeItem { indicator: string; pointsPer: number; cap: number }
export interface Scheme { streetId: string; year: number; version: number; total: number; items: SchemeItem[]; manual: { name: string; max: number } | null;
  grades: { excellent: number; good: number; pass: number }; createdAt: string; createdBy: string }
export interface ItemScore { indicator: string; value: number | null; pointsPer: number; cap: number; points: number; capped: boolean }
export interface ScoreLine { unitId: string; unitName: string; items: ItemScore[]; manual: number | null; total: number; grade: string; rank: number }
export interface Scorecard { streetId: string; year: number; status: 'draft' | 'published'; schemeVersion: number; scheme: Scheme; asOf: string;
  publishedAt: string | null; publishedBy: string | null; lines: ScoreLine[]; unitsInStreet: number; indicators: IndicatorDefinition[] }
export interface TraceItem { sourceId: string; kind: string; kindText: string; title: string; at: string; value: number }
export interface Trace { unitId: string; unitName: string; indicator: string; indicatorName: string; definition: string; value: number | null; items: TraceItem[] }

export const orderIndicators = (period: string) => api<OrderIndicators>('GET', `indicators/orders?period=${encodeURIComponent(period)}`);
export const moduleIndicators = (period: string) => api<ModuleIndicators>('GET', `indicators/modules?period=${encodeURIComponent(period)}`);
export const scorecard = (year: number) => api<Scorecard>('GET', `evaluation/scorecard?year=${year}`);
export const trace = (year: number, unit: string, indicator: string) =>
  api<Trace>('GET', `evaluation/trace?year=${year}&unit=${encodeURIComponent(unit)}&indicator=${encodeURIComponent(indicator)}`);
export const setManual = (year: number, unitId: string, score: number) => api<unknown>('PUT', 'evaluation/manual', { year, unitId, score });
export const publish = (year: number) => api<Scorecard>('POST', 'evaluation/publish', { year });
export interface SchemeBody { year: number; total: number; items: SchemeItem[]; manual: { name: string; max: number } | null; grades: { excellent: number; good: number; pass: number } }
export interface Schemes { streetId: string; year: number; current: Scheme | null; versions: { version: number; createdAt: string; createdBy: string }[];
  publishedVersion: number | null; indicators: IndicatorDefinition[] }
export const createScheme = (body: SchemeBody) => api<Scheme>('POST', 'evaluation/schemes', body);
export const schemes = (year: number) => api<Schemes>('GET', `evaluation/schemes?year=${year}`);
/** A GET the browser downloads itself, with the session cookie. */
export const exportUrl = (what: 'indicators' | 'scorecard', period: string, format: 'xlsx' | 'csv' = 'xlsx') =>
  `/api/evaluation/export?what=${what}&${what === 'scorecard' ? 'year' : 'period'}=${encodeURIComponent(period)}${format === 'csv' ? '&format=csv' : ''}`;

/** A suggested scheme (100 points: 80 from the indicators, 20 from 居民代表评议) the organizer can start from. */
export const suggestedScheme = (year: number) => ({
  year, total: 100,
  items: [
    { indicator: 'response_rate', pointsPer: 15, cap: 15 }, { indicator: 'on_time_completion_rate', pointsPer: 15, cap: 15 },
    { indicator: 'satisfaction_rate', pointsPer: 10, cap: 10 }, { indicator: 'projects_claimed', pointsPer: 5, cap: 10 },
    { indicator: 'commitments_met', pointsPer: 2, cap: 10 }, { indicator: 'activity_attendance', pointsPer: 0.5, cap: 10 },
    { indicator: 'volunteer_hours', pointsPer: 0.5, cap: 10 }, { indicator: 'escalations', pointsPer: -2, cap: 10 },
  ],
  manual: { name: '居民代表评议', max: 20 }, grades: { excellent: 85, good: 70, pass: 60 },
});

/** A value as people read it: rates as percentages, hours and counts as they are, no value as “—”. */
export function shown(v: number | null | undefined, unit?: string) {
  if (v === null || v === undefined) return '—';
  if (unit === 'rate') return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
export interface ExportRecord { what: string; whatText: string; period: string; periodText: string; format: string; unitId: string | null; unitName: string | null;
  communityId: string | null; communityName: string | null; role: string; roleName: string; by: string; fileName: string; at: string }
export const exportRecords = () => api<{ streetId: string; items: ExportRecord[] }>('GET', 'evaluation/exports?take=100');
