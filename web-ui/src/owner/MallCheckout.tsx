import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/problem';
import type { CheckoutQuote, MallFulfilment, MallOrderView, OnlineMethod, OnlinePaymentOptions, PaymentView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { CheckoutFields, useCheckoutChoice } from './CheckoutFields';
import { buyNowLine, forgetBuyNow, orderLines, useMallCart } from './mallCart';
import { MALL, newKey, OnlinePaymentFlow, rememberPayment, returnUrlFor } from './OnlinePayment';
import { problemText } from './problemText';
import './mall.css';

export const FULFILMENTS = ['PICKUP', 'INSTALLATION'] as const satisfies readonly MallFulfilment[];

const PLACED_FROM = 'm4s.mall.placedFrom';

/** Where the order being paid online came from (the cart, or 立即购买), so that the cart is emptied once it is paid. */
export function rememberPlacedFrom(fromCart: boolean): void {
  try {
    sessionStorage.setItem(PLACED_FROM, fromCart ? 'cart' : 'now');
  } catch {
    // the cart then stays as it is
  }
}

/** After an order of this tab is paid: empties the cart it came from (or forgets the 立即购买 line). */
export function usePaidOrder(store: string | undefined) {
  const cart = useMallCart(store);
  return () => {
    let from: string | null = null;
    try {
      from = sessionStorage.getItem(PLACED_FROM);
      sessionStorage.removeItem(PLACED_FROM);
    } catch {
      // nothing remembered
    }
    if (from === 'cart') cart.clear();
    if (from === 'now') forgetBuyNow();
  };
}

/**
 * 确认订单 (`/app/mall/checkout`, MALL-2): the checkout sheet of the cart (or of the one line of 立即购买, `?buy=now`)
 * priced by the server; 到店自提 or 预约安装; the coupons, wallet and points as on a repair order's sheet (the shared
 * {@link CheckoutFields}); the rest online by the chosen method; a summary; 提交订单 places and pays the order with one
 * Idempotency-Key per attempt. Paid at once: the cart is emptied and the order shown. With an online part: the online
 * payment flow (QR code, Alipay and back to `/app/pay/return/mall`, card), then the order.
 */
export function MallCheckout({ intervalMs }: { intervalMs?: number } = {}) {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const base = `/api/stores/${store ?? ''}/me/mall`;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const buyNow = params.get('buy') === 'now';
  const cart = useMallCart(store);
  const [nowLine] = useState(() => (buyNow ? buyNowLine() : undefined));
  const lines = orderLines(buyNow ? (nowLine ? [nowLine] : []) : cart.lines);
  const linesKey = JSON.stringify(lines);
  const sheet = useLoad<CheckoutQuote | undefined>(
    () => (store && lines.length > 0 ? api.post<CheckoutQuote>(`${base}/checkout`, { lines }) : Promise.resolve(undefined)),
    [store, linesKey],
  );
  const onlineOptions = useLoad<OnlinePaymentOptions | undefined>(
    (signal) => (store ? api.get<OnlinePaymentOptions>(`/api/stores/${store}/me/online-payment`, undefined, signal).catch(() => undefined) : Promise.resolve(undefined)),
    [store],
  );
  const methods = Array.isArray(onlineOptions.data?.methods) ? onlineOptions.data.methods : [];
  const quote = sheet.data;
  const choice = useCheckoutChoice(quote, (coupons) => api.post<CheckoutQuote>(`${base}/checkout`, { lines, coupons }));
  const [fulfilment, setFulfilment] = useState<MallFulfilment>('PICKUP');
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<OnlineMethod>();
  const [key, setKey] = useState(newKey);
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<string>();
  const [placed, setPlaced] = useState<MallOrderView>();
  const paidOrder = usePaidOrder(store);
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);

  const { selected, walletFen, pointsUsed, rest, tooMuch, combination } = choice;
  const online = methods.length > 0 && rest !== undefined && rest > 0;
  const chosen = online && method !== undefined && methods.includes(method) ? method : undefined;

  const place = async () => {
    if (!store || rest === undefined) return;
    setPlacing(true);
    setError(undefined);
    try {
      const pay = chosen && rest > 0 ? { onlineFen: rest, onlineMethod: chosen, returnUrl: returnUrlFor(MALL) } : { onlineFen: 0 };
      const body = { lines, fulfilment, coupons: selected, walletFen, points: pointsUsed, ...pay, ...(note.trim() ? { note: note.trim() } : {}) };
      const order = await api.post<MallOrderView>(`${base}/orders`, body, key);
      rememberPlacedFrom(!buyNow);
      if (order.status === 'PENDING_PAYMENT' && order.paymentId) {
        rememberPayment(MALL, order.paymentId);
        setPlaced(order);
        return;
      }
      paidOrder();
      navigate(`/app/mall/orders/${order.id}`, { replace: true });
    } catch (e) {
      // a definite answer ends this attempt (nothing was kept): the next one is a new request with a new key
      if (isApiError(e) && e.slug !== 'idempotency-request-in-flight') setKey(newKey());
      setError(problemText(t, e));
      if (isApiError(e) && (e.slug === 'mall-out-of-stock' || e.slug === 'mall-product-not-listed')) sheet.reload();
    } finally {
      setPlacing(false);
    }
  };

  const again = () => {
    setPlaced(undefined);
    setError(undefined);
    setKey(newKey());
    choice.reset();
    sheet.reload();
  };

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  if (placed?.paymentId) {
    return (
      <>
        <h1 className="owner-page-title">{t('owner.mall.checkout.payTitle', { order: placed.number })}</h1>
        <OnlinePaymentFlow
          store={store}
          paymentId={placed.paymentId}
          intervalMs={intervalMs}
          onRetry={again}
          onSettled={(view: PaymentView) => {
            if (view.payment.status !== 'FAILED') paidOrder();
          }}
          onDone={() => navigate(`/app/mall/orders/${placed.id}`, { replace: true })}
        />
      </>
    );
  }

  const back = (
    <Link to={buyNow ? '/app/mall' : '/app/mall/cart'} className="owner-back">
      {buyNow ? t('owner.mall.back') : t('owner.mall.checkout.backToCart')}
    </Link>
  );

  if (lines.length === 0) {
    return (
      <>
        {back}
        <h1 className="owner-page-title">{t('owner.mall.checkout.title')}</h1>
        <section className="owner-card">
          <p className="owner-muted">{t('owner.mall.cart.empty')}</p>
          <Link to="/app/mall" className="owner-button owner-button--secondary">
            {t('owner.mall.cart.browse')}
          </Link>
        </section>
      </>
    );
  }

  return (
    <>
      {back}
      <h1 className="owner-page-title">{t('owner.mall.checkout.title')}</h1>
      <section className="owner-card" aria-label={t('owner.mall.checkout.title')}>
        {sheet.error !== undefined && (
          <div role="alert">
            <p className="owner-field__error">{problemText(t, sheet.error)}</p>
            <button type="button" className="owner-button owner-button--secondary" onClick={sheet.reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {sheet.loading && !quote && <p className="owner-muted">{t('common.loading')}</p>}
        {quote && (
          <>
            <fieldset className="owner-mall-choice" aria-label={t('owner.mall.checkout.fulfilment')}>
              <legend className="owner-field__label">{t('owner.mall.checkout.fulfilment')}</legend>
              {FULFILMENTS.map((f) => (
                <label key={f} className={fulfilment === f ? 'is-selected' : undefined}>
                  <input type="radio" name="mall-fulfilment" value={f} checked={fulfilment === f} disabled={placing} onChange={() => setFulfilment(f)} />
                  <span>{t(`owner.mall.checkout.fulfilments.${f}`)}</span>
                </label>
              ))}
            </fieldset>
            <p className="owner-muted owner-small">{t(`owner.mall.checkout.fulfilmentHints.${fulfilment}`)}</p>
            <CheckoutFields
              quote={quote}
              choice={choice}
              disabled={placing}
              methods={methods}
              method={chosen}
              onMethod={setMethod}
              noOnline={(amount) => t('owner.mall.checkout.noOnline', { amount })}
            />
            <div className="owner-field">
              <label htmlFor="mall-note">{t('owner.mall.checkout.note')}</label>
              <textarea id="mall-note" rows={2} maxLength={300} value={note} disabled={placing} placeholder={t('owner.mall.checkout.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
            </div>
            {combination && rest !== undefined && rest >= 0 && !tooMuch && (
              <dl className="owner-facts" aria-label={t('owner.mall.checkout.summary')} data-testid="mall-checkout-summary">
                <dt>{t('owner.mall.checkout.fulfilment')}</dt>
                <dd>{t(`owner.mall.checkout.fulfilments.${fulfilment}`)}</dd>
                <dt>{t('owner.pay.gross')}</dt>
                <dd>{y(quote.grossFen)}</dd>
                <dt>{t('owner.pay.saving')}</dt>
                <dd>{y(combination.savingFen)}</dd>
                <dt>{t('owner.online.wallet')}</dt>
                <dd>{y(walletFen)}</dd>
                <dt>{t('owner.online.points')}</dt>
                <dd>{t('owner.online.pointsWorth', { points: n(pointsUsed), amount: y(pointsUsed) })}</dd>
                <dt>{t('owner.online.online')}</dt>
                <dd>{chosen ? t('payments.onlineWithMethod', { amount: y(rest), method: t(`payments.onlineMethods.${chosen}`) }) : y(rest)}</dd>
              </dl>
            )}
            {error && (
              <p className="owner-field__error" role="alert" data-testid="mall-checkout-problem">
                {error}
              </p>
            )}
            <button
              type="button"
              className="owner-button"
              disabled={placing || sheet.loading || rest === undefined || rest < 0 || (rest > 0 && !chosen) || tooMuch || choice.blocked}
              onClick={() => void place()}
            >
              {placing ? t('owner.mall.checkout.placing') : t('owner.mall.checkout.place')}
            </button>
          </>
        )}
      </section>
    </>
  );
}
