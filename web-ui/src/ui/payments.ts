import type { CheckoutHeldCoupon, CheckoutQuote, OnlineMethod, OnlinePaymentStatus, PaymentStatus } from '../api/types';

/** Why a coupon held cannot pay at all (greyed out); the other reasons (not combinable, saves less) still let it be chosen. */
const UNUSABLE = ['EXPIRED', 'NOT_YET_VALID', 'NOT_APPLICABLE', 'THRESHOLD_NOT_MET'];

export function couponUsable(coupon: CheckoutHeldCoupon): boolean {
  return !coupon.notUsedReason || !UNUSABLE.includes(coupon.notUsedReason);
}

/** The coupons of the sheet's recommendation, by member coupon id. */
export function recommendedCoupons(quote: CheckoutQuote): string[] {
  return quote.recommended.coupons.map((c) => c.memberCouponId);
}

/** Whether two choices of coupons are the same set. */
export function sameCoupons(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** What is left to pay in fen after the wallet, the points (100 points = 1 yuan = 100 fen) and the cash. */
export function remainingFen(dueFen: number, walletFen: number, points: number, cashFen: number): number {
  return dueFen - walletFen - points - cashFen;
}

export const PAYMENT_STATUSES = ['AWAITING_ONLINE', 'PENDING_CONFIRMATION', 'CONFIRMED', 'PARTLY_REFUNDED', 'REFUNDED', 'FAILED'] as const satisfies readonly PaymentStatus[];

export const PAYMENT_STATUS_COLOURS: Record<PaymentStatus, string> = {
  AWAITING_ONLINE: 'orange',
  PENDING_CONFIRMATION: 'orange',
  CONFIRMED: 'green',
  PARTLY_REFUNDED: 'blue',
  REFUNDED: 'default',
  FAILED: 'red',
};

/** The online methods in the order the owner app offers them. */
export const ONLINE_METHODS = ['WECHAT_PAY', 'ALIPAY'] as const satisfies readonly OnlineMethod[];

export const ONLINE_STATUS_COLOURS: Record<OnlinePaymentStatus, string> = {
  CREATED: 'default',
  REQUIRES_ACTION: 'orange',
  PROCESSING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
  CANCELED: 'default',
};

export const REFUND_ONLINE_COLOURS: Record<'PENDING' | 'SUCCEEDED' | 'FAILED', string> = {
  PENDING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
};
