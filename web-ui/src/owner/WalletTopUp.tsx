import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { BonusTier, OnlineMethod, PaymentView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatFen, typedFen } from '../ui/wallet';
import { browser, newKey, OnlineMethodChoice, OnlinePaymentFlow, rememberPayment, returnUrlFor, safeLink, TOP_UP, waiting } from './OnlinePayment';
import { problemText } from './problemText';

/** The least and most a top-up in the app may be, in fen (the server says the same: 422 wallet-top-up-amount). */
export const TOP_UP_MIN_FEN = 100;
export const TOP_UP_MAX_FEN = 5_000_000;

/** The bonus a top-up of `fen` gets: that of the highest tier it meets, as the store gives it. */
export function bonusFor(tiers: readonly BonusTier[], fen: number): number {
  return tiers.filter((tier) => fen >= tier.minTopUp).reduce((best, tier) => (tier.minTopUp > best.minTopUp ? tier : best), { minTopUp: 0, bonus: 0 }).bonus;
}

/**
 * 在线充值 (WAL-1): the store's tiers as one-tap amounts ("充 1,000 送 150"), any amount typed, what will arrive with
 * its bonus, 微信支付 or 支付宝, then the payment followed like a repair order's (QR code, or Alipay and back to
 * `/app/pay/return/top-up`) until the money is in the wallet. `onSettled` hears the payment once it no longer waits.
 */
export function WalletTopUp({ store, methods, tiers, onSettled, intervalMs }: { store: string; methods: readonly OnlineMethod[]; tiers: readonly BonusTier[]; onSettled: (view: PaymentView) => void; intervalMs?: number }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [typed, setTyped] = useState('');
  const [method, setMethod] = useState<OnlineMethod | undefined>(methods.length === 1 ? methods[0] : undefined);
  const [key, setKey] = useState(newKey);
  const [started, setStarted] = useState<PaymentView>();
  const [busy, setBusy] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const [error, setError] = useState<string>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const fen = typedFen(typed);
  const bonus = bonusFor(tiers, fen);
  const inRange = fen >= TOP_UP_MIN_FEN && fen <= TOP_UP_MAX_FEN;

  const pay = async () => {
    if (!method) return;
    setBusy(true);
    setError(undefined);
    try {
      const made = await api.post<PaymentView>(`/api/stores/${store}/me/wallet/top-ups`, { amountFen: fen, onlineMethod: method, returnUrl: returnUrlFor(TOP_UP) }, key);
      const alipay = waiting(made) && made.online?.method === 'ALIPAY' ? safeLink(made.online.redirectUrl) : undefined;
      if (alipay) {
        rememberPayment(TOP_UP, made.payment.id);
        setRedirecting(true);
        browser.assign(alipay);
        return;
      }
      setStarted(made);
    } catch (e) {
      // Stripe refused: that attempt failed, so the next one is a new payment
      if (isApiError(e) && e.slug === 'stripe-refused') setKey(newKey());
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setStarted(undefined);
    setError(undefined);
    setKey(newKey());
  };

  if (redirecting) {
    return (
      <section className="owner-card" aria-label={t('owner.topUp.title')}>
        <p role="status">{t('owner.pay.redirecting')}</p>
      </section>
    );
  }
  if (started) {
    return <OnlinePaymentFlow store={store} paymentId={started.payment.id} initial={started} intervalMs={intervalMs} onRetry={again} onDone={() => { setTyped(''); again(); }} onSettled={onSettled} />;
  }
  return (
    <section className="owner-card" aria-label={t('owner.topUp.title')} data-testid="wallet-top-up">
      <h2 className="owner-section-title">{t('owner.topUp.title')}</h2>
      {tiers.length > 0 && (
        <div className="owner-chips" role="group" aria-label={t('owner.topUp.tiers')}>
          {tiers.map((tier) => (
            <button key={tier.minTopUp} type="button" className="owner-chip owner-chip--secondary" disabled={busy} onClick={() => setTyped(String(tier.minTopUp / 100))}>
              {t('owner.topUp.tier', { amount: y(tier.minTopUp), bonus: y(tier.bonus) })}
            </button>
          ))}
        </div>
      )}
      <div className="owner-field">
        <label htmlFor="top-up-amount">{t('owner.topUp.amount')}</label>
        <input id="top-up-amount" inputMode="decimal" value={typed} disabled={busy} onChange={(e) => setTyped(e.target.value)} />
        {typed !== '' && !inRange ? (
          <p className="owner-field__error" role="alert">
            {t('owner.topUp.range', { min: y(TOP_UP_MIN_FEN), max: y(TOP_UP_MAX_FEN) })}
          </p>
        ) : (
          <p className="owner-field__hint" data-testid="top-up-arrives">
            {inRange ? (bonus > 0 ? t('owner.topUp.arrivesWithBonus', { total: y(fen + bonus), bonus: y(bonus) }) : t('owner.topUp.arrives', { total: y(fen) })) : t('owner.topUp.hint')}
          </p>
        )}
      </div>
      <OnlineMethodChoice methods={methods} value={method} onChange={setMethod} disabled={busy} />
      {error && (
        <p className="owner-field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="owner-button" disabled={busy || !inRange || !method} onClick={() => void pay()}>
        {inRange ? t('owner.topUp.pay', { amount: y(fen) }) : t('owner.topUp.payNothing')}
      </button>
    </section>
  );
}
