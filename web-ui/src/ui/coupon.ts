import type { TFunction } from 'i18next';
import type { CouponKind } from '../api/types';
import { formatFen } from './wallet';

/** The rule fields of a coupon, template or held, as its text needs them. */
export interface CouponRule {
  kind: CouponKind;
  valueFen: number;
  thresholdFen: number;
  percentOff: number;
  capFen?: number | null;
  pointsMultiplier: number;
}

/** Yuan without decimals when whole: 30000 → "300", 1250 → "12.50". */
export function yuan(fen: number, language: string): string {
  return fen % 100 === 0 ? new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN').format(fen / 100) : formatFen(fen, language);
}

/** 折 as Chinese shoppers read a percentage off: 20 → "8", 15 → "8.5". */
export function zhe(percentOff: number): string {
  const value = (100 - percentOff) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/0$/, '');
}

/** What a coupon gives in a few words: 满300减50, 8折（最高减200元）, 免费项目, 2倍积分, 100元代金券. */
export function couponValue(t: TFunction, rule: CouponRule, language: string): string {
  const y = (fen: number) => yuan(fen, language);
  const threshold = rule.thresholdFen > 0 ? t('coupons.value.threshold', { threshold: y(rule.thresholdFen) }) : '';
  const cap = rule.capFen ? t('coupons.value.cap', { cap: y(rule.capFen) }) : '';
  switch (rule.kind) {
    case 'CASH':
      return threshold + t('coupons.value.cash', { value: y(rule.valueFen) });
    case 'THRESHOLD':
      return t('coupons.value.thresholdOff', { threshold: y(rule.thresholdFen), value: y(rule.valueFen) });
    case 'PERCENT':
      // Chinese reads what is paid (8折), English what is taken off (20% off): one placeholder, worked out per language
      return threshold + t('coupons.value.percent', { rate: language === 'en' ? String(rule.percentOff) : zhe(rule.percentOff) }) + cap;
    case 'FREE_ITEM':
      return threshold + t('coupons.value.freeItem') + cap;
    case 'POINTS_MULTIPLIER':
      return threshold + t('coupons.value.multiplier', { times: rule.pointsMultiplier });
  }
}

/** The validity of a template: fixed dates, or days from when it is handed out. */
export function validityText(t: TFunction, v: { validFrom?: string | null; validUntil?: string | null; validDays?: number | null }): string {
  if (v.validDays) return t('coupons.validity.days', { days: v.validDays });
  return t('coupons.validity.dates', { from: v.validFrom ?? '', until: v.validUntil ?? '' });
}
