import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutQuote, OnlineMethod } from '../api/types';
import { couponUsable, recommendedCoupons, remainingFen, sameCoupons } from '../ui/payments';
import { formatPoints } from '../ui/points';
import { formatFen, typedFen } from '../ui/wallet';
import { OnlineMethodChoice } from './OnlinePayment';
import { problemText } from './problemText';

function typedPoints(text: string): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * The owner's choices on a checkout sheet (a repair order's or a mall cart's, both `Checkouts.Quote`): the coupons (the
 * recommendation until they change it; another choice is asked of the server with `ask`), the wallet (as much of what
 * is due as it holds unless typed otherwise) and the points, and what remains for the online part.
 */
export function useCheckoutChoice(quote: CheckoutQuote | undefined, ask: (coupons: string[]) => Promise<CheckoutQuote>) {
  const { t } = useTranslation();
  // the owner's coupons: the recommendation until they change it
  const [picked, setPicked] = useState<string[]>();
  // another choice than the recommendation: the server's sheet for it, or why it cannot be used
  const [choice, setChoice] = useState<{ coupons: string[]; quote?: CheckoutQuote; error?: string; loading: boolean }>();
  // what the owner typed, for the amount due when they typed it: a new amount due starts again from the defaults
  const [typed, setTyped] = useState<{ due: number; wallet?: string; points?: string }>();

  const combination = choice ? choice.quote?.chosen ?? undefined : quote?.recommended;
  const due = combination?.dueFen;
  const current = choice?.quote ?? quote;
  const pointsMax = current && current.pointsAccepted ? Math.min(current.pointsMax, current.pointsAvailable) : 0;
  const selected = picked ?? (quote ? recommendedCoupons(quote) : []);
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
    if (sameCoupons(next, recommendedCoupons(quote))) {
      setChoice(undefined);
      return;
    }
    setChoice({ coupons: next, loading: true });
    try {
      const asked = await ask(next);
      setChoice((c) => (c && sameCoupons(c.coupons, next) ? { coupons: next, quote: asked, loading: false } : c));
    } catch (e) {
      setChoice((c) => (c && sameCoupons(c.coupons, next) ? { coupons: next, error: problemText(t, e), loading: false } : c));
    }
  };

  const reset = () => {
    setPicked(undefined);
    setChoice(undefined);
    setTyped(undefined);
  };

  const walletFen = typedFen(wallet);
  const pointsUsed = typedPoints(points);
  const rest = due === undefined ? undefined : remainingFen(due, walletFen, pointsUsed, 0);
  const tooMuch = quote !== undefined && (walletFen > quote.walletFen || pointsUsed > pointsMax);
  const blocked = choice?.loading === true || choice?.error !== undefined;
  return { selected, toggle, choice, combination, due, current, pointsMax, wallet, points, type, walletFen, pointsUsed, rest, tooMuch, blocked, reset };
}

export type CheckoutChoice = ReturnType<typeof useCheckoutChoice>;

/**
 * The body of a checkout sheet: the lines and the total, the explanation of the recommendation, every coupon held (a
 * checkbox each; those that cannot be used greyed with the reason), the saving and what is due, the wallet, the points,
 * what remains, and — when the store offers online payment — the methods for the rest; `noOnline` says what happens to
 * a rest that cannot be paid online.
 */
export function CheckoutFields({
  quote,
  choice,
  disabled,
  methods,
  method,
  onMethod,
  noOnline,
}: {
  quote: CheckoutQuote;
  choice: CheckoutChoice;
  disabled: boolean;
  methods: readonly OnlineMethod[];
  method?: OnlineMethod;
  onMethod: (method: OnlineMethod) => void;
  noOnline: (amount: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);
  const { selected, combination, current, pointsMax, wallet, points, rest, tooMuch } = choice;
  const online = methods.length > 0 && rest !== undefined && rest > 0;
  return (
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
              <input id={id} type="checkbox" checked={selected.includes(c.memberCouponId)} disabled={!usable || disabled} onChange={(e) => void choice.toggle(c.memberCouponId, e.target.checked)} />{' '}
              <label htmlFor={id}>{c.name}</label>
              {c.recommended && <span className="owner-muted">{` · ${t('owner.pay.recommended')}`}</span>}
              {c.notUsedText && <span className="owner-field__hint">{c.notUsedText}</span>}
            </li>
          );
        })}
      </ul>
      {choice.choice?.loading && <p className="owner-muted">{t('common.loading')}</p>}
      {choice.choice?.error && (
        <p className="owner-field__error" role="alert" data-testid="checkout-choice-problem">
          {choice.choice.error}
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
        <input id="checkout-wallet" inputMode="decimal" value={wallet} disabled={disabled} onChange={(e) => choice.type({ wallet: e.target.value })} />
        <p className="owner-field__hint">{t('owner.pay.walletHint', { amount: y(quote.walletFen) })}</p>
      </div>
      <div className="owner-field">
        <label htmlFor="checkout-points">{t('owner.pay.points')}</label>
        <input id="checkout-points" inputMode="numeric" value={points} disabled={disabled || pointsMax === 0} onChange={(e) => choice.type({ points: e.target.value })} />
        <p className="owner-field__hint">{current?.pointsAccepted ? t('owner.pay.pointsHint', { available: n(current.pointsAvailable), max: n(pointsMax) }) : t('owner.pay.pointsOff')}</p>
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
      {rest !== undefined && rest > 0 && !online && <p className="owner-muted">{noOnline(y(rest))}</p>}
      {online && (
        <>
          <OnlineMethodChoice methods={methods} value={method} onChange={onMethod} disabled={disabled} />
          <p className="owner-muted">{method ? t('owner.pay.restOnline', { amount: y(rest) }) : t('owner.pay.methodRequired')}</p>
        </>
      )}
    </>
  );
}
