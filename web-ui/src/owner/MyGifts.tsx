import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Page } from '../api/client';
import type { CatalogueGift, GiftRedemptionView, PointsBalance } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { GiftFilters } from './GiftFilters';
import { chosenPointsBand, GIFT_SORTS, giftFilterCount, giftQuery, giftSearchParams, NO_GIFT_SEARCH, pointsBandLabel, readGiftSearch, type GiftSearch } from './giftSearch';
import { newKey } from './OnlinePayment';
import { problemText } from './problemText';
import { ActiveChips, SearchBox, SortSelect, type FilterChip } from './SearchParts';
import { useSearchPages } from './useSearchPages';
import './mall.css';

const PAGE_SIZE = 20;

/** Whether the owner may redeem one more of the gift now: in stock, within the limit, with enough points. */
export function redeemable(gift: CatalogueGift, available: number | undefined): boolean {
  return gift.stock > 0 && (gift.mayRedeem == null || gift.mayRedeem > 0) && available !== undefined && available >= gift.pointsPrice;
}

/** The filters in force as chips. */
function giftChips(t: TFunction, language: string, search: GiftSearch, bands: { value: string }[]): FilterChip<GiftSearch>[] {
  const chips: FilterChip<GiftSearch>[] = [];
  if (search.pointsMin !== undefined || search.pointsMax !== undefined) {
    const band = chosenPointsBand(search, bands);
    chips.push({ key: 'points', text: band ? pointsBandLabel(t, band, language) : t('owner.gifts.points'), without: { ...search, pointsMin: undefined, pointsMax: undefined } });
  }
  if (search.inStock) chips.push({ key: 'inStock', text: t('owner.mall.inStockOnly'), without: { ...search, inStock: false } });
  return chips;
}

/**
 * 礼品兑换 (GIFT-2): the owner's available points, a search of the store's listed gifts (Chinese text, a points band,
 * only in stock, sorted by 综合, points, newest or most redeemed; 20 at a time with 加载更多; the search lives in the
 * address) with each gift's photo, stock and how many more may be redeemed, 兑换 asked once more ("用 N 积分兑换
 * X？"), then 我的兑换 with each one's state and, until the gift is collected at the desk, 取消兑换 (the points come
 * back).
 */
export function MyGifts() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const me = `/api/stores/${store}/me`;
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readGiftSearch(params), [params]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [changes, setChanges] = useState(0);
  const balance = useLoad<PointsBalance | undefined>((signal) => (store ? api.get<PointsBalance>(`${me}/points`, undefined, signal) : Promise.resolve(undefined)), [store]);
  const gifts = useSearchPages<CatalogueGift>(store ? `${me}/gifts` : undefined, (page) => giftQuery(search, page, PAGE_SIZE), true, changes);
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

  const change = (next: GiftSearch) => setParams(giftSearchParams(next));
  const filters = giftFilterCount(search);
  const reload = () => {
    balance.reload();
    setChanges((n) => n + 1);
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

  const error = balance.error ?? mine.error;
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
      <SearchBox q={search.q} label={t('owner.gifts.searchLabel')} placeholder={t('owner.gifts.searchPlaceholder')} onSearch={(q) => change({ ...search, q })} />
      <div className="owner-market-toolbar">
        <button type="button" className="owner-chip owner-chip--secondary" aria-haspopup="dialog" onClick={() => setFiltersOpen(true)}>
          {filters > 0 ? t('owner.mall.filtersCount', { count: filters }) : t('owner.mall.filters')}
        </button>
        <SortSelect sorts={GIFT_SORTS} value={search.sort} label={t('owner.mall.sortLabel')} text={(sort) => t(`owner.gifts.sorts.${sort}`)} onChange={(sort) => change({ ...search, sort })} />
      </div>
      <ActiveChips chips={giftChips(t, i18n.language, search, gifts.facets.points ?? [])} onChange={change} />
      <p className="owner-muted owner-market-count" role="status">
        {gifts.loading ? t('owner.mall.searching') : gifts.error === undefined ? t('owner.gifts.found', { count: gifts.total }) : ''}
      </p>
      {(gifts.error ?? gifts.moreError) !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, gifts.error ?? gifts.moreError)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={gifts.retry}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {!gifts.loading && gifts.error === undefined && gifts.items.length === 0 && (
        <section className="owner-card" data-testid="owner-gifts-empty">
          <p className="owner-muted">{giftSearchParams(search).toString() === '' ? t('owner.gifts.none') : t('owner.gifts.noResults')}</p>
          {giftSearchParams(search).toString() !== '' && (
            <button type="button" className="owner-button owner-button--secondary" onClick={() => change(NO_GIFT_SEARCH)}>
              {t('owner.mall.clearSearch')}
            </button>
          )}
        </section>
      )}
      <ul className="owner-points-history" aria-label={t('owner.gifts.results')}>
        {gifts.items.map((gift) => {
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
              {gift.photo ? (
                <img className="owner-gift__photo" src={gift.photo.thumbnailUrl} alt={t('owner.gifts.photoAlt', { name: gift.name })} loading="lazy" referrerPolicy="no-referrer" />
              ) : (
                <span className="owner-gift__photo owner-mall-card__photo--none">{t('owner.mall.noPhoto')}</span>
              )}
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
      {gifts.hasMore && gifts.moreError === undefined && (
        <button type="button" className="owner-button owner-button--secondary" disabled={gifts.loadingMore} onClick={gifts.loadMore}>
          {gifts.loadingMore ? t('common.loading') : t('owner.mall.loadMore')}
        </button>
      )}
      {filtersOpen && (
        <GiftFilters
          search={search}
          facets={gifts.facets}
          onApply={(next) => {
            setFiltersOpen(false);
            change(next);
          }}
          onClose={() => setFiltersOpen(false)}
        />
      )}
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
