import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Page } from '../api/client';
import type { PayableOrder, PaymentRow } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { OnlinePaymentFlow } from './OnlinePayment';
import { OwnerCheckout } from './OwnerCheckout';
import { problemText } from './problemText';

/**
 * 待支付 (WAL-3): my settled repair orders not yet paid, newest first; 去支付 opens the order's checkout sheet (also
 * opened by `?order=<id>`, e.g. 重新支付 on the return page); an order whose online payment is in progress says so and
 * 查看支付 opens that payment (QR code, waiting, cancel).
 */
export function MyPayables({ intervalMs }: { intervalMs?: number } = {}) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const [params, setParams] = useSearchParams();
  const [paying, setPaying] = useState<PayableOrder>();
  const [watching, setWatching] = useState<string>();
  const payables = useLoad<PayableOrder[] | undefined>(
    (signal) => (store ? api.get<PayableOrder[]>(`/api/stores/${store}/me/payables`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  // my payments waiting for their online part, by order: such an order opens its payment rather than a new sheet
  const mine = useLoad<Page<PaymentRow> | undefined>(
    (signal) => (store ? api.get<Page<PaymentRow>>(`/api/stores/${store}/me/payments`, { size: 50 }, signal).catch(() => undefined) : Promise.resolve(undefined)),
    [store, payables.data],
  );
  const waitingFor = (orderId: string) => (Array.isArray(mine.data?.content) ? mine.data.content : []).find((p) => p.status === 'AWAITING_ONLINE' && p.subjectId === orderId);
  const y = (fen: number) => formatFen(fen, i18n.language);
  const asked = params.get('order');
  // ?order=<id> opens that order's sheet (kept once open: paying it takes it off the list)
  useEffect(() => {
    const order = asked ? payables.data?.find((o) => o.id === asked) : undefined;
    if (order) setPaying((current) => current ?? order);
  }, [asked, payables.data]);
  const close = () => {
    setPaying(undefined);
    setWatching(undefined);
    if (asked) setParams({}, { replace: true });
    payables.reload();
  };

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  if (watching) {
    const order = payables.data?.find((o) => o.id === watching);
    const payment = waitingFor(watching);
    return (
      <>
        <h1 className="owner-page-title">{t('owner.pay.title')}</h1>
        {payment && (
          <OnlinePaymentFlow
            store={store}
            paymentId={payment.id}
            intervalMs={intervalMs}
            onRetry={() => {
              setWatching(undefined);
              setPaying(order);
            }}
            onDone={close}
          />
        )}
      </>
    );
  }
  if (paying) {
    return (
      <>
        <h1 className="owner-page-title">{t('owner.pay.title')}</h1>
        <OwnerCheckout
          store={store}
          order={paying}
          intervalMs={intervalMs}
          onPaid={() => payables.reload()}
          onClose={close}
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
        {(payables.data ?? []).map((order) => {
          const inProgress = waitingFor(order.id);
          return (
          <li key={order.id} className="owner-card owner-points-entry" data-testid="owner-payable">
            <span className="owner-points-entry__head">
              <span>
                {t('owner.pay.order', { order: order.dmsNumber })} {inProgress && <span className="owner-badge">{t('owner.pay.inProgress')}</span>}
              </span>
              <strong>{y(order.totalFen)}</strong>
            </span>
            <span className="owner-muted">
              {[order.settledAt ? t('owner.pay.settledAt', { time: formatTime(order.settledAt, 'short') }) : '', order.advisor ? t('owner.pay.advisor', { advisor: order.advisor }) : '']
                .filter(Boolean)
                .join(' · ')}
            </span>
            {inProgress ? (
              <button type="button" className="owner-button" onClick={() => setWatching(order.id)}>
                {t('owner.pay.openPayment')}
              </button>
            ) : (
              <button type="button" className="owner-button" onClick={() => setPaying(order)}>
                {t('owner.pay.open')}
              </button>
            )}
          </li>
          );
        })}
      </ul>
    </>
  );
}
