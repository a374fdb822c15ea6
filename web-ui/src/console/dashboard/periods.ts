import type { DashboardPeriod, DashboardTrend } from '../../api/types';

/** The periods a dashboard counts, in the order the selector offers them (the server's DashboardPeriod). */
export const PERIODS = ['THIS_MONTH', 'LAST_MONTH', 'LAST_90_DAYS', 'LAST_12_MONTHS'] as const satisfies readonly DashboardPeriod[];
/** The trend buckets: per day over 30 days, per month over 12 (the server's DashboardTrend). */
export const TRENDS = ['LAST_30_DAYS', 'LAST_12_MONTHS'] as const satisfies readonly DashboardTrend[];

/** A trend bucket's first day (2026-01-31) as a person reads it: 1月31日 per day, 2026年1月 per month. */
export function bucketLabel(start: string, trend: DashboardTrend, language: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  const options: Intl.DateTimeFormatOptions =
    trend === 'LAST_30_DAYS' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(date);
}
