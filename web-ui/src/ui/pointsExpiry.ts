import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { ExpiryPolicy } from '../api/types';

/** The last day of points that become available on `day` under the policy, as the server counts it; undefined: never. */
export function expiresOn(policy: ExpiryPolicy, day: dayjs.Dayjs): dayjs.Dayjs | undefined {
  if (policy.kind === 'END_OF_MONTH_AFTER_N_MONTHS') return day.add(policy.months ?? 0, 'month').endOf('month').startOf('day');
  if (policy.kind === 'END_OF_NEXT_YEAR') return day.add(1, 'year').endOf('year').startOf('day');
  return undefined;
}

/** A calendar day (yyyy-MM-dd) as people read it: 2027年4月30日 / Apr 30, 2027. */
export function formatDay(day: string, language: string): string {
  const d = dayjs(day);
  return language.startsWith('zh') ? `${d.year()}年${d.month() + 1}月${d.date()}日` : d.format('MMM D, YYYY');
}

/** The policy in plain words, with an example for points that become available today (store day). */
export function expiryPolicyText(t: TFunction, policy: ExpiryPolicy, today: dayjs.Dayjs, language: string): string {
  const until = expiresOn(policy, today);
  const example = until ? formatDay(until.format('YYYY-MM-DD'), language) : '';
  if (policy.kind === 'END_OF_MONTH_AFTER_N_MONTHS') return t('pointsExpiry.policy.monthly', { months: policy.months, example });
  if (policy.kind === 'END_OF_NEXT_YEAR') return t('pointsExpiry.policy.nextYear', { example });
  return t('pointsExpiry.policy.never');
}

/** Today in the store's zone, as a day. */
export function storeToday(zone: string): dayjs.Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()));
}
