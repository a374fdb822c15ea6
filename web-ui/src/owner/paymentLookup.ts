import type { ApiClient, Page } from '../api/client';
import type { PaymentRow } from '../api/types';
import { MALL, TOP_UP } from './OnlinePayment';

/** My newest payments, as the consumption records list them (newest first). */
async function myPayments(api: ApiClient, store: string, signal?: AbortSignal): Promise<PaymentRow[]> {
  const mine = await api.get<Page<PaymentRow>>(`/api/stores/${store}/me/payments`, { size: 50 }, signal);
  return Array.isArray(mine?.content) ? mine.content : [];
}

/** My payment of `orderId` that waits for its online part (409 repair-order-payment-pending names no id). */
export async function findWaitingPayment(api: ApiClient, store: string, orderId: string): Promise<PaymentRow | undefined> {
  return (await myPayments(api, store)).find((p) => p.status === 'AWAITING_ONLINE' && p.subjectId === orderId);
}

/** My newest payment of `orderId` (or my newest wallet top-up for `TOP_UP`, mall order for `MALL`): the one waiting if there is one, else the latest attempt. */
export async function findPayment(api: ApiClient, store: string, orderId: string, signal?: AbortSignal): Promise<PaymentRow | undefined> {
  const ofOrder = (await myPayments(api, store, signal)).filter((p) => (orderId === TOP_UP ? p.subjectType === 'WALLET_TOP_UP' : orderId === MALL ? p.subjectType === 'MALL_ORDER' : p.subjectId === orderId));
  return ofOrder.find((p) => p.status === 'AWAITING_ONLINE') ?? ofOrder[0];
}
