import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { MyAdvisorView, RateableOrder } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { dayIn } from '../ui/format';
import { useStoreZone } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { problemText } from './problemText';

/**
 * 我的顾问: the owner's advisor (photo, name, phone to tap and call) and their settled repair orders, each rated once
 * with 1–5 stars and an optional comment (decision 0038).
 */
export function MyAdvisor() {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const advisor = useLoad<MyAdvisorView | null>(
    async (signal) => {
      if (!store) return null;
      try {
        return await api.get<MyAdvisorView>(`/api/stores/${store}/me/advisor`, undefined, signal);
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    [store],
  );
  const orders = useLoad<RateableOrder[]>(
    (signal) => (store ? api.get<RateableOrder[]>(`/api/stores/${store}/me/advisor/orders`, undefined, signal) : Promise.resolve([])),
    [store],
  );

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  const a = advisor.data;
  return (
    <>
      <h1 className="owner-page-title">{t('ownerAdvisor.title')}</h1>
      <section className="owner-card" aria-label={t('ownerAdvisor.title')}>
        {advisor.error ? (
          <p role="alert">{t('owner.loadFailed')}</p>
        ) : a ? (
          <div className="owner-title-row">
            {a.photoUrl && <img src={a.photoUrl} alt={a.displayName} width={64} height={64} style={{ borderRadius: '50%' }} />}
            <div>
              <p>
                <strong>{a.displayName}</strong>
              </p>
              {a.phone && (
                <a className="owner-button owner-button--secondary" href={`tel:${a.phone.replace(/[^0-9+]/g, '')}`}>
                  {t('ownerAdvisor.call', { phone: a.phone })}
                </a>
              )}
            </div>
          </div>
        ) : advisor.data === null ? (
          <p>{t('ownerAdvisor.none')}</p>
        ) : (
          <p className="owner-muted">{t('common.loading')}</p>
        )}
      </section>
      <h2 className="owner-section-title">{t('ownerAdvisor.orders')}</h2>
      {(orders.data ?? []).length === 0 && !orders.loading && <p className="owner-muted">{t('ownerAdvisor.noOrders')}</p>}
      {(orders.data ?? []).map((o) => (
        <OrderRating key={o.orderId} store={store} order={o} onRated={orders.reload} />
      ))}
    </>
  );
}

function OrderRating({ store, order, onRated }: { store: string; order: RateableOrder; onRated: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const zone = useStoreZone();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/stores/${store}/me/advisor/orders/${order.orderId}/rating`, { stars, comment: comment || null });
      onRated();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="owner-card" aria-label={order.dmsNumber}>
      <p>
        {order.dmsNumber} · {dayIn(zone, new Date(order.settledAt))}
        {order.advisor && <span className="owner-muted"> · {order.advisor}</span>}
      </p>
      {order.stars != null ? (
        <p>{t('ownerAdvisor.rated', { stars: order.stars })}{order.comment && ` · ${order.comment}`}</p>
      ) : (
        <>
          <div role="radiogroup" aria-label={t('ownerAdvisor.stars')}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button key={n} type="button" role="radio" aria-checked={stars === n} aria-label={t('ownerAdvisor.starsN', { n })} onClick={() => setStars(n)}>
                {n <= stars ? '★' : '☆'}
              </button>
            ))}
          </div>
          <label>
            {t('ownerAdvisor.comment')}
            <textarea maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          {error && <p role="alert">{error}</p>}
          <button type="button" className="owner-button" disabled={stars === 0 || busy} onClick={submit}>
            {t('ownerAdvisor.submit')}
          </button>
        </>
      )}
    </section>
  );
}
