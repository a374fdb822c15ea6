import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayableOrder } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { OwnerCheckout } from './OwnerCheckout';
import { problemText } from './problemText';

/** 待支付 (WAL-3): my settled repair orders not yet paid, newest first; 去支付 opens the order's checkout sheet. */
export function MyPayables() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const [paying, setPaying] = useState<PayableOrder>();
  const payables = useLoad<PayableOrder[] | undefined>(
    (signal) => (store ? api.get<PayableOrder[]>(`/api/stores/${store}/me/payables`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const y = (fen: number) => formatFen(fen, i18n.language);

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  if (paying) {
    return (
      <>
        <h1 className="owner-page-title">{t('owner.pay.title')}</h1>
        <OwnerCheckout
          store={store}
          order={paying}
          onPaid={() => payables.reload()}
          onClose={() => setPaying(undefined)}
        />
      </>
    );
  }
  return (
    <>
      <h1 className="owner-page-title">{t('owner.pay.title')}</h1>
      {payables.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, payables.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={payables.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {payables.loading && !payables.data && <p className="owner-muted">{t('common.loading')}</p>}
      {payables.data && payables.data.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.pay.none')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(payables.data ?? []).map((order) => (
          <li key={order.id} className="owner-card owner-points-entry" data-testid="owner-payable">
            <span className="owner-points-entry__head">
              <span>{t('owner.pay.order', { order: order.dmsNumber })}</span>
              <strong>{y(order.totalFen)}</strong>
            </span>
            <span className="owner-muted">
              {[order.settledAt ? t('owner.pay.settledAt', { time: formatTime(order.settledAt, 'short') }) : '', order.advisor ? t('owner.pay.advisor', { advisor: order.advisor }) : '']
                .filter(Boolean)
                .join(' · ')}
            </span>
            <button type="button" className="owner-button" onClick={() => setPaying(order)}>
              {t('owner.pay.open')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
