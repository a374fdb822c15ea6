import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardConfirmation, OnlineMethod, PaymentView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { useFormatTime } from '../ui/storeZone';
import { formatFen } from '../ui/wallet';
import { problemText } from './problemText';

/** How often a waiting payment is asked about (decision 0046: the owner app polls every 2 s while it waits). */
export const POLL_MS = 2000;

/** A fresh Idempotency-Key for one payment attempt. */
export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `p-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** What a wallet top-up's return page is keyed by, where a repair order's is keyed by the order's id. */
export const TOP_UP = 'top-up';

/** What a mall order's return page is keyed by: the order's id is not known before the request that places it. */
export const MALL = 'mall';

/**
 * The page Alipay sends the owner back to for a payment of `orderId` (or {@link TOP_UP}, {@link MALL}) (Stripe appends `?payment_intent=…&redirect_status=…`).
 * The payment's id is not known when the URL is sent (it is part of the request that creates the payment), so the
 * page finds it by the order: remembered in this tab before leaving, else the order's newest payment.
 */
export function returnUrlFor(orderId: string): string {
  return `${window.location.origin}/app/pay/return/${orderId}`;
}

const REMEMBERED = 'm4s.pay.online.';

/** Leaving the app for the payment provider's page (an object, so that tests can watch it). */
export const browser = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

/** Remembers, for the return page, which payment of the order went to Alipay. */
export function rememberPayment(orderId: string, paymentId: string): void {
  try {
    sessionStorage.setItem(REMEMBERED + orderId, paymentId);
  } catch {
    // private mode: the return page finds the payment by the order instead
  }
}

export function rememberedPayment(orderId: string): string | undefined {
  try {
    return sessionStorage.getItem(REMEMBERED + orderId) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A link handed out by Stripe, if it is one a page may open: a web page, or WeChat's own scheme for a QR code's data. */
export function safeLink(url: string | null | undefined, schemes: readonly string[] = ['https:', 'http:']): string | undefined {
  if (!url) return undefined;
  try {
    return schemes.includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the payment still waits for its online part. */
export function waiting(view: PaymentView): boolean {
  return view.payment.status === 'AWAITING_ONLINE';
}

/** 微信支付 / 支付宝 as radio cards: the rest of the checkout is paid online with the chosen one. */
export function OnlineMethodChoice({ methods, value, onChange, disabled }: { methods: readonly OnlineMethod[]; value?: OnlineMethod; onChange: (method: OnlineMethod) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="owner-methods" data-testid="online-methods">
      <legend className="owner-field__label">{t('owner.pay.method')}</legend>
      {methods.map((m) => (
        <label key={m} className={`owner-method${value === m ? ' is-selected' : ''}`}>
          <input type="radio" name="online-method" value={m} checked={value === m} disabled={disabled} onChange={() => onChange(m)} />
          <span className={`owner-method__mark owner-method__mark--${m.toLowerCase()}`} aria-hidden="true" />
          <span>{t(`payments.onlineMethods.${m}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A payment while it waits, kept up to date: asks `GET /me/payments/{id}` every `intervalMs` while the payment is
 * AWAITING_ONLINE and the page is visible (a hidden page asks again when it is shown); with `check` it first asks the
 * server to ask Stripe (`POST …/check`: back from Alipay). Stops once the payment is settled.
 */
export function usePaymentWatch(store: string, paymentId: string, initial: PaymentView | undefined, { check = false, intervalMs = POLL_MS } = {}) {
  const { api } = useAuth();
  const path = `/api/stores/${store}/me/payments/${paymentId}`;
  const [view, setView] = useState<PaymentView | undefined>(initial);
  const [error, setError] = useState<unknown>();
  const [hidden, setHidden] = useState(() => typeof document !== 'undefined' && document.hidden);
  // bumped after a failed poll, so that the next one is armed again
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const seen = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', seen);
    return () => document.removeEventListener('visibilitychange', seen);
  }, []);

  // first: the check (back from Alipay), or the payment itself when the caller had none
  useEffect(() => {
    let gone = false;
    if (check) {
      api.post<PaymentView>(`${path}/check`).then(
        (v) => !gone && setView(v),
        // Stripe out of reach: read what we have and keep polling; the webhook or the janitor settles it
        (e: unknown) => {
          if (gone) return;
          setError(e);
          api.get<PaymentView>(path).then((v) => !gone && setView(v), (again: unknown) => !gone && setError(again));
        },
      );
    } else if (!initial) {
      api.get<PaymentView>(path).then((v) => !gone && setView(v), (e: unknown) => !gone && setError(e));
    }
    return () => {
      gone = true;
    };
    // once per payment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  const polling = view !== undefined && waiting(view) && !hidden;
  useEffect(() => {
    if (!polling) return;
    let gone = false;
    const timer = setTimeout(() => {
      api.get<PaymentView>(path).then(
        (v) => {
          if (gone) return;
          setError(undefined);
          setView(v);
          setAttempt((a) => a + 1);
        },
        (e: unknown) => {
          if (gone) return;
          setError(e);
          setAttempt((a) => a + 1);
        },
      );
    }, intervalMs);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [polling, attempt, path, intervalMs, api]);

  return { view, setView, error, setError, hidden };
}

/** The receipt of a payment: what it paid for, the total and each part that paid it, with the time. */
export function PaymentReceipt({ view }: { view: PaymentView }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const p = view.payment;
  const y = (fen: number) => formatFen(fen, i18n.language);
  const method = p.onlineMethod ?? view.online?.method;
  const coupons = view.coupons.length > 0 ? t('owner.online.couponsUsed', { amount: y(p.couponFen), names: view.coupons.map((c) => c.name).join(t('owner.online.listSeparator')) }) : y(p.couponFen);
  return (
    <dl className="owner-facts owner-receipt" aria-label={t('owner.online.receipt')}>
      <dt>{p.subjectType === 'REPAIR_ORDER' ? t('owner.online.order') : t('owner.online.subject')}</dt>
      <dd>{p.subjectRef}</dd>
      <dt>{t('owner.online.total')}</dt>
      <dd>{y(p.grossFen)}</dd>
      <dt>{t('owner.online.coupons')}</dt>
      <dd>{coupons}</dd>
      <dt>{t('owner.online.wallet')}</dt>
      <dd>{y(p.walletFen)}</dd>
      <dt>{t('owner.online.points')}</dt>
      <dd>{t('owner.online.pointsWorth', { points: formatPoints(p.pointsUsed, i18n.language), amount: y(p.pointsUsed) })}</dd>
      {p.cashFen > 0 && (
        <>
          <dt>{t('owner.online.cash')}</dt>
          <dd>{y(p.cashFen)}</dd>
        </>
      )}
      {p.onlineFen > 0 && (
        <>
          <dt>{t('owner.online.online')}</dt>
          <dd>{method ? t('payments.onlineWithMethod', { amount: y(p.onlineFen), method: t(`payments.onlineMethods.${method}`) }) : y(p.onlineFen)}</dd>
        </>
      )}
      {p.refundedFen > 0 && (
        <>
          <dt>{t('owner.online.refunded')}</dt>
          <dd>{y(p.refundedFen)}</dd>
        </>
      )}
      <dt>{t('owner.online.time')}</dt>
      <dd>{formatTime(p.confirmedAt ?? view.online?.settledAt ?? p.createdAt, 'short')}</dd>
    </dl>
  );
}

/**
 * Where a settled payment ended: 支付成功 with its receipt, or 支付未成功 with the reason, the word that what it held was
 * given back, and 重新支付.
 */
export function PaymentOutcome({ view, onRetry, onDone }: { view: PaymentView; onRetry?: () => void; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const failed = view.payment.status === 'FAILED';
  const online = view.online;
  const reason = online?.failureMessage ?? online?.failureCode;
  return (
    <section className="owner-card" aria-label={failed ? t('owner.online.failure') : t('owner.online.success')} data-testid="payment-outcome">
      {failed ? (
        <>
          <h2 className="owner-section-title owner-result owner-result--failed" role="alert">
            {t('owner.online.failure')}
          </h2>
          <p>{online?.status === 'CANCELED' ? t('owner.online.reasonCanceled') : t('owner.online.reasonFailed')}</p>
          {reason && <p className="owner-muted">{t('owner.online.reason', { reason })}</p>}
          <p>{t('owner.online.returned')}</p>
          {online?.lateReturn && <p data-testid="late-return">{t('owner.online.lateReturn', { amount: formatFen(online.amountFen, i18n.language) })}</p>}
          {onRetry && (
            <button type="button" className="owner-button" onClick={onRetry}>
              {t('owner.online.retry')}
            </button>
          )}
        </>
      ) : (
        <>
          <h2 className="owner-section-title owner-result owner-result--ok" role="status">
            {t('owner.online.success')}
          </h2>
          <PaymentReceipt view={view} />
        </>
      )}
      {onDone && (
        <button type="button" className="owner-button owner-button--secondary owner-button--spaced" onClick={onDone}>
          {t('owner.online.done')}
        </button>
      )}
    </section>
  );
}

/** The part of Stripe.js the card panel uses. */
export type CardElementLike = { mount(el: HTMLElement): void; destroy?(): void; unmount?(): void };
export type StripeLike = {
  elements(): { create(type: 'card', options?: Record<string, unknown>): CardElementLike };
  confirmCardPayment(clientSecret: string, data: { payment_method: { card: CardElementLike } }): Promise<{ error?: { message?: string; code?: string }; paymentIntent?: { status: string } }>;
};
type StripeConstructor = (key: string, options?: { stripeAccount?: string }) => StripeLike;

declare global {
  interface Window {
    Stripe?: StripeConstructor;
  }
}

const stripeJs = new Map<string, Promise<void>>();

/** Stripe.js from `url`, loaded once per page (a card number is typed into it and never reaches our servers). */
export function loadStripeJs(url: string): Promise<StripeConstructor> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  let loading = stripeJs.get(url);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        stripeJs.delete(url);
        reject(new Error(`Stripe.js did not load from ${url}`));
      };
      document.head.appendChild(script);
    });
    stripeJs.set(url, loading);
  }
  return loading.then(() => {
    if (!window.Stripe) throw new Error(`Stripe.js did not load from ${url}`);
    return window.Stripe;
  });
}

/**
 * 银行卡支付: the card field of Stripe.js (on the dealer group's account) and 支付 X 元, which confirms the payment with
 * Stripe from the browser; then `onConfirmed` (the flow asks the server where the payment is). A declined card says
 * why here; Stripe's webhook fails the payment and the flow shows 支付未成功 with 重新支付.
 */
export function CardPanel({ store, paymentId, onConfirmed }: { store: string; paymentId: string; onConfirmed: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const host = useRef<HTMLDivElement>(null);
  const [config, setConfig] = useState<CardConfirmation>();
  const [stripe, setStripe] = useState<{ stripe: StripeLike; card: CardElementLike }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let gone = false;
    api.get<CardConfirmation>(`/api/stores/${store}/me/payments/${paymentId}/card`).then(
      (c) => !gone && setConfig(c),
      (e: unknown) => !gone && setError(problemText(t, e)),
    );
    return () => {
      gone = true;
    };
    // once per payment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, paymentId]);

  useEffect(() => {
    if (!config) return;
    let gone = false;
    let mounted: CardElementLike | undefined;
    loadStripeJs(config.jsUrl).then(
      (Stripe) => {
        if (gone || !host.current) return;
        const made = Stripe(config.publishableKey, { stripeAccount: config.account });
        mounted = made.elements().create('card', { hidePostalCode: true });
        mounted.mount(host.current);
        setStripe({ stripe: made, card: mounted });
      },
      () => !gone && setError(t('owner.card.unavailable')),
    );
    return () => {
      gone = true;
      if (mounted) (mounted.destroy ?? mounted.unmount)?.call(mounted);
    };
  }, [config, t]);

  const pay = async () => {
    if (!stripe || !config) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await stripe.stripe.confirmCardPayment(config.clientSecret, { payment_method: { card: stripe.card } });
      if (result.error) {
        setError(t('owner.card.declined', { reason: result.error.message ?? result.error.code ?? '' }));
      }
      onConfirmed();
    } catch {
      setError(t('owner.card.unavailable'));
    } finally {
      setBusy(false);
    }
  };

  const amount = config ? formatFen(config.amountFen, i18n.language) : '';
  return (
    <div data-testid="card-panel">
      <h2 className="owner-section-title">{t('owner.card.title')}</h2>
      {config && <p>{t('owner.card.text', { amount })}</p>}
      <div className="owner-card-field" ref={host} aria-label={t('owner.card.field')} />
      {!stripe && !error && <p className="owner-muted">{t('owner.card.loading')}</p>}
      {error && (
        <p className="owner-field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="owner-button" disabled={!stripe || busy} onClick={() => void pay()}>
        {config ? t('owner.card.pay', { amount }) : t('owner.card.payNothing')}
      </button>
    </div>
  );
}

/** 微信支付: the QR code to scan with WeChat, the amount, and for a phone (and the test fixture) a link to open it. */
export function WeChatQrPanel({ view }: { view: PaymentView }) {
  const { t, i18n } = useTranslation();
  const online = view.online;
  if (!online) return null;
  const amount = formatFen(online.amountFen, i18n.language);
  const image = online.qrImage?.startsWith('data:image/') ? online.qrImage : undefined;
  const link = safeLink(online.qrData, ['https:', 'http:', 'weixin:']);
  return (
    <div className="owner-qr" data-testid="wechat-qr">
      <h2 className="owner-section-title">{t('owner.online.wechatTitle')}</h2>
      {image && <img className="owner-qr__image" src={image} alt={t('owner.online.qrAlt', { amount })} width={220} height={220} />}
      <p className="owner-qr__amount">{t('owner.online.amount', { amount })}</p>
      <p>{t('owner.online.scan')}</p>
      {link && (
        <a className="owner-link" href={link} target="_blank" rel="noreferrer">
          {t('owner.online.openOnPhone')}
        </a>
      )}
    </div>
  );
}

/**
 * A payment with an online part from start to end: while it waits, the WeChat QR panel (or the way to Alipay), kept
 * up to date (see {@link usePaymentWatch}), with 取消支付 asked once more ("取消后优惠券、钱包和积分将退回"); then
 * {@link PaymentOutcome}. `onSettled` hears the payment once it no longer waits.
 */
export function OnlinePaymentFlow({
  store,
  paymentId,
  initial,
  check,
  intervalMs,
  onRetry,
  onDone,
  onSettled,
}: {
  store: string;
  paymentId: string;
  initial?: PaymentView;
  check?: boolean;
  intervalMs?: number;
  onRetry?: () => void;
  onDone?: () => void;
  onSettled?: (view: PaymentView) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { view, setView, error, setError, hidden } = usePaymentWatch(store, paymentId, initial, { check, intervalMs });
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = `/api/stores/${store}/me/payments/${paymentId}`;
  const settled = view !== undefined && !waiting(view);

  useEffect(() => {
    if (settled && view) onSettled?.(view);
    // once, when it settles
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  const act = async (what: 'cancel' | 'check') => {
    setBusy(true);
    setError(undefined);
    try {
      setView(await api.post<PaymentView>(`${path}/${what}`));
      setAsking(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!view) {
    return (
      <section className="owner-card">
        {error !== undefined ? (
          <p className="owner-field__error" role="alert">
            {problemText(t, error)}
          </p>
        ) : (
          <p className="owner-muted">{t('owner.online.processing')}</p>
        )}
      </section>
    );
  }
  if (settled) return <PaymentOutcome view={view} onRetry={onRetry} onDone={onDone} />;

  const online = view.online;
  const amount = formatFen(online?.amountFen ?? view.payment.onlineFen, i18n.language);
  const hasQr = online?.method === 'WECHAT_PAY' && (online.qrImage || online.qrData);
  const alipay = online?.method === 'ALIPAY' ? safeLink(online.redirectUrl) : undefined;
  const card = online?.method === 'CARD' && online.status === 'REQUIRES_ACTION';
  return (
    <section className="owner-card" aria-label={t('owner.online.returnTitle')} data-testid="online-flow">
      {hasQr && <WeChatQrPanel view={view} />}
      {card && <CardPanel store={store} paymentId={paymentId} onConfirmed={() => void act('check')} />}
      {alipay && (
        <>
          <h2 className="owner-section-title">{t('owner.online.alipayTitle')}</h2>
          <p>{t('owner.online.alipayText', { amount })}</p>
          <a className="owner-button" href={alipay}>
            {t('owner.online.goAlipay')}
          </a>
          <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => void act('check')}>
            {t('owner.online.checkNow')}
          </button>
        </>
      )}
      {!hasQr && !alipay && !card && <p>{t('owner.online.processing')}</p>}
      <p className="owner-muted" role="status">
        {hidden ? t('owner.online.paused') : t('owner.online.waiting')}
      </p>
      {error !== undefined && (
        <p className="owner-field__error" role="alert">
          {problemText(t, error)}
        </p>
      )}
      {!asking ? (
        <button type="button" className="owner-button owner-button--secondary owner-button--danger-text owner-button--spaced" disabled={busy} onClick={() => setAsking(true)}>
          {t('owner.online.cancel')}
        </button>
      ) : (
        <div className="owner-confirm" role="group" aria-label={t('owner.online.cancel')}>
          <p>{t('owner.online.cancelConfirm')}</p>
          <button type="button" className="owner-button owner-button--danger" disabled={busy} onClick={() => void act('cancel')}>
            {t('owner.online.cancelOk')}
          </button>
          <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => setAsking(false)}>
            {t('owner.online.keep')}
          </button>
        </div>
      )}
    </section>
  );
}
