import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { CheckoutQuote, OnlineMethod, OnlinePaymentOptions, PayableOrder, PaymentRow, PaymentView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { CheckoutFields, useCheckoutChoice } from './CheckoutFields';
import { browser, newKey, OnlinePaymentFlow, rememberPayment, returnUrlFor, safeLink, waiting } from './OnlinePayment';
import { findWaitingPayment } from './paymentLookup';
import { problemText } from './problemText';

/**
 * The checkout sheet of one of the owner's repair orders (WAL-3): the lines, the recommended coupons and the sentence
 * that says why, every coupon held (a checkbox each; those that cannot be used greyed with the reason), another choice
 * asked of the server again (its total, or why not), the wallet (at most what is due) and points (up to what the store
 * lets pay), and what remains; 确认支付 pays once (one Idempotency-Key per sheet) when nothing remains. When the store
 * offers online payment (`GET /me/online-payment`) the rest is paid by the chosen 微信支付 / 支付宝: the WeChat QR panel
 * follows, or the owner goes to Alipay and comes back to the return page; otherwise the rest is paid at the desk. A
 * payment of the order still in progress (409 repair-order-payment-pending) can be opened or cancelled from here.
 */
export function OwnerCheckout({ store, order, onPaid, onClose, intervalMs }: { store: string; order: PayableOrder; onPaid: (paid: PaymentView) => void; onClose: () => void; intervalMs?: number }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const base = `/api/stores/${store}/me/repair-orders/${order.id}`;
  const sheet = useLoad<CheckoutQuote>((signal) => api.get<CheckoutQuote>(`${base}/checkout`, undefined, signal), [base]);
  // online payment here: the methods offered (none, or not known: the rest is paid at the desk as before)
  const onlineOptions = useLoad<OnlinePaymentOptions | undefined>(
    (signal) => api.get<OnlinePaymentOptions>(`/api/stores/${store}/me/online-payment`, undefined, signal).catch(() => undefined),
    [store],
  );
  const methods = Array.isArray(onlineOptions.data?.methods) ? onlineOptions.data.methods : [];
  const [method, setMethod] = useState<OnlineMethod>();
  // another payment of the order waits: the owner may open it or give it up
  const [pending, setPending] = useState<{ payment?: PaymentRow; missing?: boolean; open?: boolean; asking?: boolean; busy?: boolean; error?: string }>();
  const [redirecting, setRedirecting] = useState(false);
  const [key, setKey] = useState(newKey);
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string>();
  const [paid, setPaid] = useState<PaymentView>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);

  const quote = sheet.data;
  const choice = useCheckoutChoice(quote, (coupons) => api.get<CheckoutQuote>(`${base}/checkout`, { coupons, choose: true }));
  const { selected, walletFen, pointsUsed, rest, tooMuch } = choice;
  const online = methods.length > 0 && rest !== undefined && rest > 0;
  const chosen = online && method !== undefined && methods.includes(method) ? method : undefined;

  const pay = async () => {
    setPaying(true);
    setError(undefined);
    setPending(undefined);
    try {
      const body = chosen && rest
        ? { coupons: selected, walletFen, points: pointsUsed, onlineFen: rest, onlineMethod: chosen, returnUrl: returnUrlFor(order.id) }
        : { coupons: selected, walletFen, points: pointsUsed };
      const made = await api.post<PaymentView>(`${base}/payments`, body, key);
      const alipay = waiting(made) && made.online?.method === 'ALIPAY' ? safeLink(made.online.redirectUrl) : undefined;
      if (alipay) {
        // to Alipay; the return page finds this payment again and asks Stripe where it is
        rememberPayment(order.id, made.payment.id);
        setRedirecting(true);
        browser.assign(alipay);
        return;
      }
      setPaid(made);
      if (!waiting(made)) onPaid(made);
    } catch (e) {
      if (isApiError(e) && e.slug === 'repair-order-payment-pending') {
        setPending({ busy: true });
        try {
          const payment = await findWaitingPayment(api, store, order.id);
          setPending({ payment, missing: payment === undefined });
        } catch {
          setPending({ missing: true });
        }
      } else {
        // Stripe refused: that attempt failed and gave back what it held, so the next one is a new payment
        if (isApiError(e) && e.slug === 'stripe-refused') setKey(newKey());
        setError(problemText(t, e));
      }
    } finally {
      setPaying(false);
    }
  };

  /** After a failed or cancelled attempt: a fresh sheet (what it held is back) and a new key for the next attempt. */
  const again = () => {
    setPaid(undefined);
    setPending(undefined);
    setError(undefined);
    setKey(newKey());
    choice.reset();
    sheet.reload();
  };

  const cancelPending = async (payment: PaymentRow) => {
    setPending((p) => ({ ...p, busy: true, error: undefined }));
    try {
      await api.post<PaymentView>(`/api/stores/${store}/me/payments/${payment.id}/cancel`);
      again();
    } catch (e) {
      setPending((p) => ({ ...p, busy: false, error: problemText(t, e) }));
    }
  };

  if (redirecting) {
    return (
      <section className="owner-card" aria-label={t('owner.pay.sheetTitle', { order: order.dmsNumber })}>
        <p role="status">{t('owner.pay.redirecting')}</p>
      </section>
    );
  }

  if (pending?.open && pending.payment) {
    return <OnlinePaymentFlow store={store} paymentId={pending.payment.id} intervalMs={intervalMs} onRetry={again} onDone={onClose} onSettled={onPaid} />;
  }

  if (paid && waiting(paid)) {
    return <OnlinePaymentFlow store={store} paymentId={paid.payment.id} initial={paid} intervalMs={intervalMs} onRetry={again} onDone={onClose} onSettled={onPaid} />;
  }

  if (paid && paid.payment.onlineFen > 0) {
    return <OnlinePaymentFlow store={store} paymentId={paid.payment.id} initial={paid} intervalMs={intervalMs} onRetry={again} onDone={onClose} />;
  }

  if (paid) {
    const p = paid.payment;
    return (
      <section className="owner-card" aria-label={t('owner.pay.sheetTitle', { order: order.dmsNumber })}>
        <p role="status" className="owner-success">
          {t('owner.pay.paid', { order: p.subjectRef })}
        </p>
        <p className="owner-muted">{t('owner.payments.split', { coupon: y(p.couponFen), wallet: y(p.walletFen), points: n(p.pointsUsed), cash: y(p.cashFen) })}</p>
        <button type="button" className="owner-button owner-button--secondary" onClick={onClose}>
          {t('owner.pay.close')}
        </button>
      </section>
    );
  }

  return (
    <section className="owner-card" aria-label={t('owner.pay.sheetTitle', { order: order.dmsNumber })}>
      <h2 className="owner-section-title">{t('owner.pay.sheetTitle', { order: order.dmsNumber })}</h2>
      {sheet.error !== undefined && (
        <p className="owner-field__error" role="alert">
          {problemText(t, sheet.error)}
        </p>
      )}
      {sheet.loading && !quote && <p className="owner-muted">{t('common.loading')}</p>}
      {quote && (
        <>
          <CheckoutFields quote={quote} choice={choice} disabled={paying} methods={methods} method={chosen} onMethod={setMethod} noOnline={(amount) => t('owner.pay.restAtDesk', { amount })} />
          {pending && (
            <div className="owner-alert" role="alert" data-testid="checkout-pending">
              <p>{pending.missing ? t('owner.pay.pendingMissing') : t('owner.pay.pending')}</p>
              {pending.payment && !pending.asking && (
                <>
                  <button type="button" className="owner-button" onClick={() => setPending((p) => ({ ...p, open: true }))}>
                    {t('owner.pay.openPending')}
                  </button>
                  <button type="button" className="owner-button owner-button--secondary owner-button--spaced" onClick={() => setPending((p) => ({ ...p, asking: true }))}>
                    {t('owner.pay.cancelPending')}
                  </button>
                </>
              )}
              {pending.payment && pending.asking && (
                <>
                  <p>{t('owner.online.cancelConfirm')}</p>
                  <button type="button" className="owner-button owner-button--danger" disabled={pending.busy} onClick={() => pending.payment && void cancelPending(pending.payment)}>
                    {t('owner.online.cancelOk')}
                  </button>
                  <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={pending.busy} onClick={() => setPending((p) => ({ ...p, asking: false }))}>
                    {t('owner.online.keep')}
                  </button>
                </>
              )}
              {pending.error && <p className="owner-field__error">{pending.error}</p>}
            </div>
          )}
          {error && (
            <p className="owner-field__error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="owner-button" disabled={paying || rest === undefined || rest < 0 || (rest > 0 && !chosen) || tooMuch || choice.blocked} onClick={() => void pay()}>
            {t('owner.pay.pay')}
          </button>
        </>
      )}
      <button type="button" className="owner-button owner-button--secondary" style={{ marginTop: 8 }} disabled={paying} onClick={onClose}>
        {t('owner.pay.cancel')}
      </button>
    </section>
  );
}
