import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponCentreItem } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { couponValue, validityText } from '../ui/coupon';
import { useLoad } from '../ui/useLoad';
import { problemText } from './problemText';

/**
 * 领券中心 (WAL-2): the store's claimable coupons with what is left of their stock; 领取 claims one (one
 * Idempotency-Key per coupon shown, so a double tap claims once), a refusal (已领完, 已达上限) said in words.
 */
export function CouponCentre() {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const centre = useLoad<CouponCentreItem[] | undefined>(
    (signal) => (store ? api.get<CouponCentreItem[]>(`/api/stores/${store}/me/coupon-centre`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const keys = useRef(new Map<string, string>());
  const [claiming, setClaiming] = useState<string>();
  const [said, setSaid] = useState<{ id: string; text: string; ok: boolean }>();
  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  const claim = async (item: CouponCentreItem) => {
    const key = keys.current.get(item.templateId) ?? crypto.randomUUID();
    keys.current.set(item.templateId, key);
    setClaiming(item.templateId);
    try {
      await api.post(`/api/stores/${store}/me/coupon-centre/${item.templateId}/claims`, undefined, key);
      keys.current.delete(item.templateId);
      setSaid({ id: item.templateId, ok: true, text: t('owner.centre.claimed', { name: item.name }) });
      centre.reload();
    } catch (e) {
      keys.current.delete(item.templateId);
      setSaid({ id: item.templateId, ok: false, text: problemText(t, e) });
    } finally {
      setClaiming(undefined);
    }
  };

  return (
    <>
      <h1 className="owner-page-title">{t('owner.centre.title')}</h1>
      {centre.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, centre.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={centre.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {centre.loading && !centre.data && <p className="owner-muted">{t('common.loading')}</p>}
      {centre.data && centre.data.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.centre.none')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(centre.data ?? []).map((item) => {
          const soldOut = item.remaining === 0;
          const label = soldOut ? t('owner.centre.soldOut') : item.held >= item.perMemberLimit ? t('owner.centre.held') : t('owner.centre.claim');
          return (
            <li key={item.templateId} className="owner-card" data-testid="owner-centre-item">
              <strong>{couponValue(t, item, i18n.language)}</strong>
              <span> · {item.name}</span>
              {item.description && <p className="owner-muted">{item.description}</p>}
              <p className="owner-muted">
                {validityText(t, item)}
                {' · '}
                {item.remaining == null ? t('owner.centre.unlimited') : t('owner.centre.remaining', { count: item.remaining })}
              </p>
              <button
                type="button"
                className="owner-button"
                disabled={!item.canClaim || claiming === item.templateId}
                aria-label={`${label} ${item.name}`}
                onClick={() => void claim(item)}
              >
                {label}
              </button>
              {said?.id === item.templateId && (
                <p role={said.ok ? 'status' : 'alert'} className="owner-muted">
                  {said.text}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
