import type { TFunction } from 'i18next';

/** The DMS's account types, in the order the pages list them (decision 0030). */
export const ACCOUNT_TYPES = ['CUSTOMER', 'INSURANCE', 'WARRANTY', 'INTERNAL'] as const;
export type AccountTypeName = (typeof ACCOUNT_TYPES)[number];

/** The rates of a rule version as the API sends them: points per yuan, decimal strings or numbers. */
export interface PointsRates {
  customer: number | string;
  warranty: number | string;
  internal: number | string;
  insurance: number | string;
}

export function rateOf(rates: PointsRates, account: AccountTypeName): number | string {
  switch (account) {
    case 'CUSTOMER':
      return rates.customer;
    case 'WARRANTY':
      return rates.warranty;
    case 'INTERNAL':
      return rates.internal;
    case 'INSURANCE':
      return rates.insurance;
  }
}

/** A non-negative decimal as an integer of `scale` decimals (`"0.5"`, 4 → 5000n); exact, no floating point. */
function scaled(value: number | string, scale: number): bigint {
  const text = typeof value === 'number' ? value.toFixed(scale) : value.trim();
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return 0n;
  const whole = match[1] || '0';
  const fraction = (match[2] ?? '').padEnd(scale, '0').slice(0, scale);
  return BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction || '0');
}

/**
 * A line's points as the server counts them (PointsRules.Applied.pointsFor): the amount in yuan times the account's
 * points per yuan, rounded down per line. Computed on exact decimals (fen × 1/10000 point), so the preview never
 * differs from what settlement grants.
 */
export function linePoints(amountYuan: number | string, pointsPerYuan: number | string): number {
  const product = scaled(amountYuan, 2) * scaled(pointsPerYuan, 4);
  return Number(product / 1_000_000n);
}

/** An order's points: each line counted and rounded on its own, then added. */
export function orderPoints(lines: { amountYuan: number | string; account: AccountTypeName }[], rates: PointsRates): number {
  return lines.reduce((sum, line) => sum + linePoints(line.amountYuan, rateOf(rates, line.account)), 0);
}

/** Points with thousands separators (1,500). */
export function formatPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language).format(points);
}

/** Yuan with two decimals and ¥ (¥1,239.00). */
export function formatAmount(amount: number | string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(Number(amount));
}

/** A ledger entry as the pages list it. */
export interface LedgerEntry {
  kind: string;
  available: number;
  pending: number;
  debt: number;
  sourceType: string;
  sourceRef?: string | null;
  reason?: string | null;
}

/**
 * The change an entry made to the member's points as one signed number: available and pending together, a debt
 * recorded counted as points taken and a debt paid as points given; an activation shows the points that became
 * available (it moves them from pending, the total stays).
 */
export function entryChange(entry: LedgerEntry): number {
  return entry.kind === 'ACTIVATE' ? -entry.pending : entry.available + entry.pending - entry.debt;
}

/** The DMS order number of a repair order line's reference (`RO-1001#2` → `RO-1001`). */
export function orderNumberOf(sourceRef: string | null | undefined): string | undefined {
  if (!sourceRef) return undefined;
  const at = sourceRef.lastIndexOf('#');
  return at > 0 ? sourceRef.slice(0, at) : sourceRef;
}

/** Where an entry's points came from, in plain words (工单 RO-1001 第 2 行 / 手工调整：… / 兑换：…). */
export function entrySource(t: TFunction, entry: LedgerEntry): string {
  switch (entry.sourceType) {
    case 'REPAIR_ORDER_LINE': {
      const ref = entry.sourceRef ?? '';
      const at = ref.lastIndexOf('#');
      return at > 0
        ? t('points.sources.repairOrderLine', { order: ref.slice(0, at), line: ref.slice(at + 1) })
        : t('points.sources.repairOrder', { order: ref });
    }
    case 'STAFF_ADJUSTMENT':
      return t('points.sources.adjustment', { reason: entry.reason ?? '' });
    case 'POINT_TASK':
      return t('pointTasks.source', { task: entry.sourceRef ?? '' });
    case 'POINT_CAMPAIGN':
      return t('pointCampaigns.source', { campaign: entry.sourceRef ?? '' });
    case 'REDEMPTION':
      return t('points.sources.redemption', { what: entry.sourceRef ?? entry.reason ?? '' });
    case 'EXPIRY':
      return t('pointsExpiry.sourceExpiry', { date: entry.sourceRef ?? '' });
    case 'EXPIRY_REVERSAL':
      return t('pointsExpiry.sourceReversal', { date: entry.sourceRef ?? '', reason: entry.reason ?? '' });
    case 'TRANSFER':
    case 'TRANSFER_REVERSAL':
      return transferSource(t, entry);
    case 'PAYMENT':
      return t('points.sources.payment', { what: entry.sourceRef ?? '' });
    default:
      return entry.sourceType;
  }
}

/** A transfer's entry names the other member (masked): 转赠给 张* 138****0002 / 来自 张* 的转赠 / 转赠撤销 (decision 0040). */
export function transferSource(t: TFunction, entry: LedgerEntry): string {
  const other = entry.sourceRef ?? '';
  if (entry.sourceType === 'TRANSFER_REVERSAL') return t('pointTransfers.sources.reversal', { other });
  return entry.kind === 'TRANSFER_OUT' ? t('pointTransfers.sources.out', { other }) : t('pointTransfers.sources.in', { other });
}
