import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberCouponState, MemberCouponView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { couponValue } from '../ui/coupon';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { problemText } from './problemText';

export const OWNER_COUPON_TABS = ['AVAILABLE', 'USED', 'EXPIRED'] as const satisfies readonly MemberCouponState[];

/** 我的优惠券 (WAL-2): the owner's coupons by tab — 可用 (soonest to end first), 已使用, 已过期 — and the way to the claim centre. */
export function MyCoupons() {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const [tab, setTab] = useState<MemberCouponState>('AVAILABLE');
  const coupons = useLoad<MemberCouponView[] | undefined>(
    (signal) => (store ? api.get<MemberCouponView[]>(`/api/stores/${store}/me/coupons`, { state: tab }, signal) : Promise.resolve(undefined)),
    [store, tab],
  );
  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  return (
    <>
      <h1 className="owner-page-title">{t('owner.coupons.title')}</h1>
      <p>
        <Link to="/app/coupon-centre" className="owner-button owner-button--secondary">
          {t('owner.coupons.toCentre')}
        </Link>
      </p>
      <div role="tablist" aria-label={t('owner.coupons.title')} className="owner-nav">
        {OWNER_COUPON_TABS.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={tab === s} className={tab === s ? 'owner-button' : 'owner-button owner-button--secondary'} onClick={() => setTab(s)}>
            {t(`owner.coupons.tabs.${s}`)}
          </button>
        ))}
      </div>
      {coupons.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, coupons.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={coupons.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {coupons.loading && !coupons.data && <p className="owner-muted">{t('common.loading')}</p>}
      {coupons.data && coupons.data.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t(`owner.coupons.none.${tab}`)}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(coupons.data ?? []).map((c) => (
          <li key={c.id} className="owner-card" data-testid="owner-coupon">
            <strong>{couponValue(t, c, i18n.language)}</strong>
            <span> · {c.name}</span>
            <p className="owner-muted">
              {c.state === 'USED' && c.discountFen != null
                ? t('owner.coupons.usedText', { amount: formatFen(c.discountFen, i18n.language) })
                : t('owner.coupons.dates', { from: c.validFrom, until: c.validUntil })}
            </p>
            {c.stackGroup ? <p className="owner-muted">{t('owner.coupons.stacks', { group: c.stackGroup })}</p> : <p className="owner-muted">{t('owner.coupons.alone')}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
