import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';
import { usePaidOrder } from './MallCheckout';
import { MALL, OnlinePaymentFlow, rememberedPayment, TOP_UP } from './OnlinePayment';
import { findPayment } from './paymentLookup';
import { problemText } from './problemText';

/**
 * 支付结果 after Alipay (`/app/pay/return/:orderId`, the return URL given to Stripe, which appends
 * `?payment_intent=…&redirect_status=…`): finds the order's payment (remembered in this tab, else the order's newest
 * payment), asks the server to ask Stripe now (`POST …/check`), then follows it until it settles; 重新支付 opens the
 * order's checkout sheet again. A wallet top-up comes back to `/app/pay/return/top-up` and goes on to 我的钱包; a mall
 * order to `/app/pay/return/mall`, and on to the order once paid (the cart it came from emptied) or back to the cart.
 */
export function PaymentReturn({ intervalMs }: { intervalMs?: number } = {}) {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const store = claims?.stores[0];
  const paidOrder = usePaidOrder(store);
  const [mallOrder, setMallOrder] = useState<string>();
  const found = useLoad<string | undefined>(
    async (signal) => {
      if (!store) return undefined;
      return rememberedPayment(orderId) ?? (await findPayment(api, store, orderId, signal))?.id;
    },
    [store, orderId],
  );

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  return (
    <>
      <h1 className="owner-page-title">{t('owner.online.returnTitle')}</h1>
      {found.loading && <p className="owner-muted">{t('common.loading')}</p>}
      {found.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, found.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={found.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {!found.loading && found.error === undefined && !found.data && (
        <section className="owner-card" role="alert">
          <p>{t('owner.online.returnMissing')}</p>
        </section>
      )}
      {!found.loading && found.data && (
        <OnlinePaymentFlow
          store={store}
          paymentId={found.data}
          check
          intervalMs={intervalMs}
          onRetry={() => navigate(orderId === TOP_UP ? '/app/wallet' : orderId === MALL ? '/app/mall/cart' : `/app/pay?order=${encodeURIComponent(orderId)}`)}
          onSettled={(view) => {
            if (orderId !== MALL) return;
            if (view.payment.subjectId) setMallOrder(view.payment.subjectId);
            if (view.payment.status !== 'FAILED') paidOrder();
          }}
          onDone={() => navigate(orderId === TOP_UP ? '/app/wallet' : orderId === MALL ? (mallOrder ? `/app/mall/orders/${mallOrder}` : '/app/mall/orders') : '/app/payments')}
        />
      )}
    </>
  );
}
