import type { TFunction } from 'i18next';
import type { ExpiryPolicy } from '../api/types';

/*
 * Points expiry (decision 0039) in plain words. Days are calendar days of the store (yyyy-MM-dd strings), counted
 * without a date library so the owner app's bundle stays small.
 */

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last day of points that become available on `day` under the policy, as the server counts it; undefined: never. */
export function expiresOn(policy: ExpiryPolicy, day: string): string | undefined {
  const [y, m] = parts(day);
  if (policy.kind === 'END_OF_MONTH_AFTER_N_MONTHS') {
    const months = y * 12 + (m - 1) + (policy.months ?? 0);
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
  }
  if (policy.kind === 'END_OF_NEXT_YEAR') return iso(y + 1, 12, 31);
  return undefined;
}

/** A calendar day (yyyy-MM-dd) as people read it: 2027年4月30日 / Apr 30, 2027. */
export function formatDay(day: string, language: string): string {
  const [y, m, d] = parts(day);
  if (language.startsWith('zh')) return `${y}年${m}月${d}日`;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The policy in plain words, with an example for points that become available on `today` (a store day). */
export function expiryPolicyText(t: TFunction, policy: ExpiryPolicy, today: string, language: string): string {
  const until = expiresOn(policy, today);
  const example = until ? formatDay(until, language) : '';
  if (policy.kind === 'END_OF_MONTH_AFTER_N_MONTHS') return t('pointsExpiry.policy.monthly', { months: policy.months, example });
  if (policy.kind === 'END_OF_NEXT_YEAR') return t('pointsExpiry.policy.nextYear', { example });
  return t('pointsExpiry.policy.never');
}

/** Today in the store's zone (yyyy-MM-dd). */
export function storeToday(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
