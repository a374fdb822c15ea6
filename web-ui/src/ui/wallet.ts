import type { TFunction } from 'i18next';
import type { OnlineMethod, WalletEntryView } from '../api/types';

/** Fen as yuan with two decimals and grouping: 1234567 → "12,345.67" (a leading minus for negative amounts). */
export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100);
}

/** Yuan typed in a form (at most two decimals) as whole fen, without floating-point drift: 500.1 → 50010. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Yuan typed by someone as whole fen; anything else (empty, letters, negative) as 0. */
export function typedFen(text: string): number {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? yuanToFen(value) : 0;
}

/** The whole change of an entry, principal and bonus together. */
export function entryTotal(entry: Pick<WalletEntryView, 'principalDelta' | 'bonusDelta'>): number {
  return entry.principalDelta + entry.bonusDelta;
}

/** The online method a top-up paid in the app was recorded with (the wallet names methods as the desk does). */
const ONLINE_METHOD_OF: Record<NonNullable<WalletEntryView['method']>, OnlineMethod> = { WECHAT_QR: 'WECHAT_PAY', ALIPAY_QR: 'ALIPAY', CARD: 'CARD', CASH: 'CARD' };

/** What an entry was for, as staff and owners read it. */
export function walletSource(t: TFunction, entry: WalletEntryView): string {
  switch (entry.sourceType) {
    case 'REPAIR_ORDER':
      return t('owner.wallet.fromOrder', { order: entry.sourceRef ?? '' });
    case 'DESK_CHARGE':
      return t('owner.wallet.fromCharge', { what: entry.sourceRef ?? '' });
    case 'DESK_TOP_UP':
      return t('owner.wallet.fromTopUp', { method: entry.method ? t(`wallet.methods.${entry.method}`) : '' });
    case 'CASH_OUT':
      return t('owner.wallet.cashOut', { method: entry.method ? t(`wallet.methods.${entry.method}`) : '' });
    case 'ONLINE_TOP_UP':
      return t('owner.wallet.fromOnlineTopUp', { method: t(`payments.onlineMethods.${ONLINE_METHOD_OF[entry.method ?? 'CARD']}`) });
    case 'MALL_ORDER':
      return t('owner.wallet.fromMallOrder', { order: entry.sourceRef ?? '' });
  }
}
