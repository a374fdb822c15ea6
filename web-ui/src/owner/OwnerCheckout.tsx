import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { CheckoutQuote, OnlineMethod, OnlinePaymentOptions, PayableOrder, PaymentRow, PaymentView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { couponUsable, recommendedCoupons, remainingFen, sameCoupons } from '../ui/payments';
import { formatPoints } from '../ui/points';
import { useLoad } from '../ui/useLoad';
import { formatFen, typedFen } from '../ui/wallet';
import { browser, newKey, OnlineMethodChoice, OnlinePaymentFlow, rememberPayment, returnUrlFor, safeLink, waiting } from './OnlinePayment';
import { findWaitingPayment } from './paymentLookup';
import { problemText } from './problemText';

function typedPoints(text: string): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

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
  // the owner's coupons: the recommendation until they change it
  const [picked, setPicked] = useState<string[]>();
  // another choice than the recommendation: the server's sheet for it, or why it cannot be used
  const [choice, setChoice] = useState<{ coupons: string[]; quote?: CheckoutQuote; error?: string; loading: boolean }>();
  // what the owner typed, for the amount due when they typed it: a new amount due starts again from the defaults
  const [typed, setTyped] = useState<{ due: number; wallet?: string; points?: string }>();
  const [key, setKey] = useState(newKey);
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string>();
  const [paid, setPaid] = useState<PaymentView>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);

  const quote = sheet.data;
  const combination = choice ? choice.quote?.chosen ?? undefined : quote?.recommended;
  const due = combination?.dueFen;
  const current = choice?.quote ?? quote;
  const pointsMax = current && current.pointsAccepted ? Math.min(current.pointsMax, current.pointsAvailable) : 0;

  const selected = picked ?? (quote ? recommendedCoupons(quote) : []);
  // the wallet pays as much of what is due as it holds, unless the owner typed another amount for it
  const own = typed && typed.due === due ? typed : undefined;
  const wallet = own?.wallet ?? (quote && due !== undefined ? String(Math.min(quote.walletFen, due) / 100) : '');
  const points = own?.points ?? '';
  const type = (change: { wallet?: string; points?: string }) => {
    if (due !== undefined) setTyped({ due, wallet, points, ...change });
  };

  const toggle = async (id: string, on: boolean) => {
    if (!quote) return;
    const next = on ? [...selected, id] : selected.filter((c) => c !== id);
    setPicked(next);
    setError(undefined);
    if (sameCoupons(next, recommendedCoupons(quote))) {
      setChoice(undefined);
      return;
    }
    setChoice({ coupons: next, loading: true });
    try {
      const asked = await api.get<CheckoutQuote>(`${base}/checkout`, { coupons: next, choose: true });
      setChoice((c) => (c && sameCoupons(c.coupons, next) ? { coupons: next, quote: asked, loading: false } : c));
    } catch (e) {
      setChoice((c) => (c && sameCoupons(c.coupons, next) ? { coupons: next, error: problemText(t, e), loading: false } : c));
    }
  };

  const walletFen = typedFen(wallet);
  const pointsUsed = typedPoints(points);
  const rest = due === undefined ? undefined : remainingFen(due, walletFen, pointsUsed, 0);
  const tooMuch = quote !== undefined && (walletFen > quote.walletFen || pointsUsed > pointsMax);
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
    setPicked(undefined);
    setChoice(undefined);
    setTyped(undefined);
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
          <dl className="owner-facts">
            {quote.lines.map((line) => (
              <div key={line.id} style={{ display: 'contents' }}>
                <dt>{line.description}</dt>
                <dd>{y(line.amountFen)}</dd>
              </div>
            ))}
            <dt>{t('owner.pay.gross')}</dt>
            <dd data-testid="checkout-gross">{y(quote.grossFen)}</dd>
          </dl>
          <p className="owner-note" data-testid="checkout-explanation">
            {quote.explanation}
          </p>
          <h3 className="owner-subtitle">{t('owner.pay.coupons')}</h3>
          {quote.held.length === 0 && <p className="owner-muted">{t('owner.pay.noCoupons')}</p>}
          <ul className="owner-pick" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {quote.held.map((c) => {
              const usable = couponUsable(c);
              const id = `coupon-${c.memberCouponId}`;
              return (
                <li key={c.memberCouponId} style={{ opacity: usable ? 1 : 0.5, marginBottom: 8 }} data-testid="checkout-coupon">
                  <input
                    id={id}
                    type="checkbox"
                    checked={selected.includes(c.memberCouponId)}
                    disabled={!usable || paying}
                    onChange={(e) => void toggle(c.memberCouponId, e.target.checked)}
                  />{' '}
                  <label htmlFor={id}>{c.name}</label>
                  {c.recommended && <span className="owner-muted">{` · ${t('owner.pay.recommended')}`}</span>}
                  {c.notUsedText && <span className="owner-field__hint">{c.notUsedText}</span>}
                </li>
              );
            })}
          </ul>
          {choice?.loading && <p className="owner-muted">{t('common.loading')}</p>}
          {choice?.error && (
            <p className="owner-field__error" role="alert" data-testid="checkout-choice-problem">
              {choice.error}
            </p>
          )}
          {combination && (
            <dl className="owner-facts">
              <dt>{t('owner.pay.saving')}</dt>
              <dd data-testid="checkout-saving">{y(combination.savingFen)}</dd>
              <dt>{t('owner.pay.due')}</dt>
              <dd data-testid="checkout-due">{y(combination.dueFen)}</dd>
            </dl>
          )}
          <div className="owner-field" style={{ marginTop: 12 }}>
            <label htmlFor="checkout-wallet">{t('owner.pay.wallet')}</label>
            <input id="checkout-wallet" inputMode="decimal" value={wallet} disabled={paying} onChange={(e) => type({ wallet: e.target.value })} />
            <p className="owner-field__hint">{t('owner.pay.walletHint', { amount: y(quote.walletFen) })}</p>
          </div>
          <div className="owner-field">
            <label htmlFor="checkout-points">{t('owner.pay.points')}</label>
            <input id="checkout-points" inputMode="numeric" value={points} disabled={paying || pointsMax === 0} onChange={(e) => type({ points: e.target.value })} />
            <p className="owner-field__hint">
              {current?.pointsAccepted ? t('owner.pay.pointsHint', { available: n(current.pointsAvailable), max: n(pointsMax) }) : t('owner.pay.pointsOff')}
            </p>
          </div>
          {rest !== undefined && (
            <p data-testid="checkout-rest">
              <strong>{t('owner.pay.rest', { amount: y(Math.max(rest, 0)) })}</strong>
            </p>
          )}
          {tooMuch && (
            <p className="owner-field__error" role="alert">
              {t('owner.pay.tooMuch')}
            </p>
          )}
          {rest !== undefined && rest < 0 && !tooMuch && (
            <p className="owner-field__error" role="alert">
              {t('owner.pay.overpaid')}
            </p>
          )}
          {rest !== undefined && rest > 0 && !online && <p className="owner-muted">{t('owner.pay.restAtDesk', { amount: y(rest) })}</p>}
          {online && (
            <>
              <OnlineMethodChoice methods={methods} value={chosen} onChange={setMethod} disabled={paying} />
              <p className="owner-muted">{chosen ? t('owner.pay.restOnline', { amount: y(rest) }) : t('owner.pay.methodRequired')}</p>
            </>
          )}
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
          <button type="button" className="owner-button" disabled={paying || rest === undefined || rest < 0 || (rest > 0 && !chosen) || tooMuch || choice?.loading === true || choice?.error !== undefined} onClick={() => void pay()}>
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
