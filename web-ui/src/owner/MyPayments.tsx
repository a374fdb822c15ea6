import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Page } from '../api/client';
import type { PaymentRow, PaymentView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { PAYMENT_STATUS_COLOURS } from '../ui/payments';
import { formatPoints } from '../ui/points';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { OnlinePaymentFlow, PaymentReceipt } from './OnlinePayment';
import { problemText } from './problemText';

/** A payment's receipt, read when the owner opens it. */
function Receipt({ store, id }: { store: string; id: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const view = useLoad<PaymentView>((signal) => api.get<PaymentView>(`/api/stores/${store}/me/payments/${id}`, undefined, signal), [store, id]);
  if (view.error !== undefined) {
    return (
      <p className="owner-field__error" role="alert">
        {problemText(t, view.error)}
      </p>
    );
  }
  return view.data ? <PaymentReceipt view={view.data} /> : <p className="owner-muted">{t('common.loading')}</p>;
}

/**
 * 消费记录 (WAL-4): my payments newest first, each with what it paid for, the split (coupons, wallet, points, cash, the
 * online part with its method) and where it is (等待支付, 未成功 among them); 查看凭证 opens the receipt; a desk payment
 * waiting for me has 确认 (asked once more before it is sent); one waiting for its online part has 继续支付.
 */
export function MyPayments({ intervalMs }: { intervalMs?: number } = {}) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const [asking, setAsking] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [opened, setOpened] = useState<{ id: string; continuing: boolean }>();
  const navigate = useNavigate();
  const payments = useLoad<Page<PaymentRow> | undefined>(
    (signal) => (store ? api.get<Page<PaymentRow>>(`/api/stores/${store}/me/payments`, { size: 50 }, signal) : Promise.resolve(undefined)),
    [store],
  );
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);

  const confirm = async (payment: PaymentRow) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<PaymentView>(`/api/stores/${store}/me/payments/${payment.id}/confirmation`, undefined, undefined, payment.version);
      setAsking(undefined);
      payments.reload();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  return (
    <>
      <h1 className="owner-page-title">{t('owner.payments.title')}</h1>
      {payments.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, payments.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={payments.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {payments.loading && !payments.data && <p className="owner-muted">{t('common.loading')}</p>}
      {payments.data && payments.data.content.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.payments.none')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(payments.data?.content ?? []).map((p) => (
          <li key={p.id} className="owner-card owner-points-entry" data-testid="owner-payment">
            <span className="owner-points-entry__head">
              <span>{p.subjectType === 'REPAIR_ORDER' ? t('owner.payments.forOrder', { order: p.subjectRef }) : p.subjectRef}</span>
              <strong>{y(p.grossFen)}</strong>
            </span>
            <span className="owner-muted">{t('owner.payments.split', { coupon: y(p.couponFen), wallet: y(p.walletFen), points: n(p.pointsUsed), cash: y(p.cashFen) })}</span>
            {p.onlineFen > 0 && p.onlineMethod && <span className="owner-muted">{t('owner.payments.online', { amount: y(p.onlineFen), method: t(`payments.onlineMethods.${p.onlineMethod}`) })}</span>}
            {p.refundedFen > 0 && <span className="owner-muted">{t('owner.payments.refunded', { amount: y(p.refundedFen) })}</span>}
            <span className="owner-points-entry__head">
              <span className="owner-muted">{formatTime(p.createdAt, 'short')}</span>
              <span className={`owner-status owner-status--${PAYMENT_STATUS_COLOURS[p.status]}`}>{t(`payments.statuses.${p.status}`)}</span>
            </span>
            {p.status === 'PENDING_CONFIRMATION' && asking !== p.id && (
              <button type="button" className="owner-button" onClick={() => setAsking(p.id)}>
                {t('owner.payments.confirm')}
              </button>
            )}
            {opened?.id !== p.id && p.status === 'AWAITING_ONLINE' && (
              <button type="button" className="owner-button" onClick={() => setOpened({ id: p.id, continuing: true })}>
                {t('owner.payments.continue')}
              </button>
            )}
            {opened?.id !== p.id && p.status !== 'AWAITING_ONLINE' && (
              <button type="button" className="owner-link" onClick={() => setOpened({ id: p.id, continuing: false })}>
                {t('owner.payments.receipt')}
              </button>
            )}
            {opened?.id === p.id && store && (
              <>
                {opened.continuing ? (
                  <OnlinePaymentFlow
                    store={store}
                    paymentId={p.id}
                    intervalMs={intervalMs}
                    onSettled={() => payments.reload()}
                    onRetry={p.subjectType === 'REPAIR_ORDER' && p.subjectId ? () => navigate(`/app/pay?order=${encodeURIComponent(p.subjectId ?? '')}`) : undefined}
                  />
                ) : (
                  <Receipt store={store} id={p.id} />
                )}
                <button type="button" className="owner-link" onClick={() => setOpened(undefined)}>
                  {t('owner.payments.hide')}
                </button>
              </>
            )}
            {asking === p.id && (
              <>
                <p>{t('owner.payments.confirmText', { amount: y(p.cashFen + p.walletFen + p.pointsUsed), by: p.takenBy })}</p>
                <button type="button" className="owner-button" disabled={busy} onClick={() => void confirm(p)}>
                  {t('owner.payments.confirmOk')}
                </button>
                <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => setAsking(undefined)}>
                  {t('owner.payments.back')}
                </button>
                {error && (
                  <p className="owner-field__error" role="alert">
                    {error}
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
