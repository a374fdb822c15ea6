import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/client';
import type { CatalogueGift, GiftRedemptionView, PointsBalance } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { newKey } from './OnlinePayment';
import { problemText } from './problemText';

/** Whether the owner may redeem one more of the gift now: in stock, within the limit, with enough points. */
export function redeemable(gift: CatalogueGift, available: number | undefined): boolean {
  return gift.stock > 0 && (gift.mayRedeem == null || gift.mayRedeem > 0) && available !== undefined && available >= gift.pointsPrice;
}

/**
 * 礼品兑换 (GIFT-2): the owner's available points, the store's listed gifts (cheapest first) with stock and how many
 * more may be redeemed, 兑换 asked once more ("用 N 积分兑换 X？"), then 我的兑换 with each one's state and, until the
 * gift is collected at the desk, 取消兑换 (the points come back).
 */
export function MyGifts() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const me = `/api/stores/${store}/me`;
  const balance = useLoad<PointsBalance | undefined>((signal) => (store ? api.get<PointsBalance>(`${me}/points`, undefined, signal) : Promise.resolve(undefined)), [store]);
  const gifts = useLoad<CatalogueGift[] | undefined>((signal) => (store ? api.get<CatalogueGift[]>(`${me}/gifts`, undefined, signal) : Promise.resolve(undefined)), [store]);
  const mine = useLoad<Page<GiftRedemptionView> | undefined>(
    (signal) => (store ? api.get<Page<GiftRedemptionView>>(`${me}/gift-redemptions`, { size: 50 }, signal) : Promise.resolve(undefined)),
    [store],
  );
  const [asking, setAsking] = useState<{ gift: CatalogueGift; key: string }>();
  const [cancelling, setCancelling] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const n = (points: number) => formatPoints(points, i18n.language);
  const available = balance.data?.available;

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  const reload = () => {
    balance.reload();
    gifts.reload();
    mine.reload();
  };

  const redeem = async (gift: CatalogueGift, key: string) => {
    setBusy(true);
    try {
      await api.post<GiftRedemptionView>(`${me}/gift-redemptions`, { giftId: gift.id, quantity: 1 }, key);
      setSaid({ ok: true, text: t('owner.gifts.redeemed', { name: gift.name }) });
      setAsking(undefined);
      reload();
    } catch (e) {
      setSaid({ ok: false, text: problemText(t, e) });
      setAsking(undefined);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (redemption: GiftRedemptionView) => {
    setBusy(true);
    try {
      await api.post<GiftRedemptionView>(`${me}/gift-redemptions/${redemption.id}/cancellation`, { reason: t('owner.gifts.cancelReason') });
      setSaid({ ok: true, text: redemption.channel === 'BATCH' ? t('owner.gifts.givenCancelled') : t('owner.gifts.cancelled', { points: n(redemption.points) }) });
      setCancelling(undefined);
      reload();
    } catch (e) {
      setSaid({ ok: false, text: problemText(t, e) });
    } finally {
      setBusy(false);
    }
  };

  const error = balance.error ?? gifts.error ?? mine.error;
  return (
    <>
      <h1 className="owner-page-title">{t('owner.gifts.title')}</h1>
      {error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {available !== undefined && (
        <p className="owner-muted" data-testid="owner-gifts-points">
          {t('owner.gifts.available', { points: n(available) })}
        </p>
      )}
      {said && (
        <p role={said.ok ? 'status' : 'alert'} className={said.ok ? 'owner-success' : 'owner-field__error'}>
          {said.text}
        </p>
      )}
      {gifts.loading && !gifts.data && <p className="owner-muted">{t('common.loading')}</p>}
      {gifts.data && gifts.data.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.gifts.none')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(gifts.data ?? []).map((gift) => {
          const can = redeemable(gift, available);
          const why =
            gift.stock === 0
              ? t('owner.gifts.soldOut')
              : gift.mayRedeem === 0
                ? t('owner.gifts.limitReached')
                : available !== undefined && available < gift.pointsPrice
                  ? t('owner.gifts.short', { points: n(gift.pointsPrice - available) })
                  : undefined;
          return (
            <li key={gift.id} className="owner-card" data-testid="owner-gift">
              <strong>{gift.name}</strong>
              <span> · {t('owner.gifts.price', { points: n(gift.pointsPrice) })}</span>
              {gift.description && <p className="owner-muted">{gift.description}</p>}
              <p className="owner-muted">
                {t('owner.gifts.stock', { count: gift.stock })}
                {gift.memberLimit != null && ' · ' + t('owner.gifts.limit', { limit: gift.memberLimit, left: gift.mayRedeem ?? 0 })}
              </p>
              {why && <p className="owner-muted">{why}</p>}
              {asking?.gift.id === gift.id ? (
                <div className="owner-confirm" role="group" aria-label={t('owner.gifts.redeem')}>
                  <p>{t('owner.gifts.confirm', { points: n(gift.pointsPrice), name: gift.name })}</p>
                  <button type="button" className="owner-button" disabled={busy} onClick={() => void redeem(gift, asking.key)}>
                    {t('owner.gifts.confirmOk')}
                  </button>
                  <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => setAsking(undefined)}>
                    {t('owner.gifts.keep')}
                  </button>
                </div>
              ) : (
                <button type="button" className="owner-button" disabled={!can || busy} aria-label={`${t('owner.gifts.redeem')} ${gift.name}`} onClick={() => setAsking({ gift, key: newKey() })}>
                  {t('owner.gifts.redeem')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <h2 className="owner-section-title">{t('owner.gifts.mine')}</h2>
      {mine.data && mine.data.content.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.gifts.noneMine')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(mine.data?.content ?? []).map((r) => (
          <li key={r.id} className="owner-card owner-points-entry" data-testid="owner-gift-redemption">
            <span className="owner-points-entry__head">
              <span>
                {r.giftName} × {r.quantity}
              </span>
              <strong>{t(`owner.gifts.status.${r.status}`)}</strong>
            </span>
            <span className="owner-muted">
              {r.channel === 'BATCH' ? t('owner.gifts.given') : t('owner.gifts.paid', { points: n(r.points) })} · {formatTime(r.createdAt, 'short')}
            </span>
            {r.status === 'REDEEMED' && <span className="owner-muted">{t('owner.gifts.collect')}</span>}
            {r.allowed.includes('CANCEL') &&
              (cancelling === r.id ? (
                <div className="owner-confirm" role="group" aria-label={t('owner.gifts.cancel')}>
                  <p>{r.channel === 'BATCH' ? t('owner.gifts.givenCancelConfirm') : t('owner.gifts.cancelConfirm', { points: n(r.points) })}</p>
                  <button type="button" className="owner-button owner-button--danger" disabled={busy} onClick={() => void cancel(r)}>
                    {t('owner.gifts.cancelOk')}
                  </button>
                  <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => setCancelling(undefined)}>
                    {t('owner.gifts.keep')}
                  </button>
                </div>
              ) : (
                <button type="button" className="owner-button owner-button--secondary owner-button--danger-text" disabled={busy} onClick={() => setCancelling(r.id)}>
                  {t('owner.gifts.cancel')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </>
  );
}
