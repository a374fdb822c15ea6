import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Page } from '../api/client';
import type { MallOrderStatus, MallOrderView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPrice } from '../ui/mall';
import { formatPoints } from '../ui/points';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { formatFen } from '../ui/wallet';
import { MyPartOrders } from './MyPartOrders';
import { newKey, OnlinePaymentFlow } from './OnlinePayment';
import { problemText } from './problemText';
import './mall.css';

const PAGE_SIZE = 20;

/** The states in which the owner still shows the pick-up code at the desk. */
const CODE_SHOWN: readonly MallOrderStatus[] = ['PAID', 'READY_FOR_PICKUP', 'PARTIALLY_REFUNDED'];

export function MallOrderStatusTag({ status }: { status: MallOrderStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`owner-mall-status owner-mall-status--${status}`} data-testid="owner-mall-order-status">
      {t(`owner.mall.orders.statuses.${status}`)}
    </span>
  );
}

/** What the order holds in a few words: the first line, and how many more. */
function OrderSummary({ order }: { order: MallOrderView }) {
  const { t } = useTranslation();
  const first = order.lines[0];
  if (!first) return null;
  const text = t('owner.mall.orders.line', { name: first.productName, spec: first.spec, quantity: first.quantity });
  return <span>{order.lines.length > 1 ? t('owner.mall.orders.andMore', { first: text, count: order.lines.length - 1 }) : text}</span>;
}

/** 我的订单 (`/app/mall/orders`, MALL-2): my mall orders, newest first, 20 at a time, each with its state and total. */
export function MyMallOrders() {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const formatTime = useFormatTime();
  const store = claims?.stores[0];
  const [page, setPage] = useState(0);
  const [shown, setShown] = useState<MallOrderView[]>([]);
  const loaded = useLoad<Page<MallOrderView> | undefined>(
    (signal) => (store ? api.get<Page<MallOrderView>>(`/api/stores/${store}/me/mall/orders`, { page, size: PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    [store, page],
  );
  useEffect(() => {
    const content = loaded.data?.content;
    if (Array.isArray(content)) setShown((before) => (page === 0 ? content : [...before.filter((o) => !content.some((c) => c.id === o.id)), ...content]));
  }, [loaded.data, page]);
  const more = loaded.data !== undefined && page + 1 < loaded.data.totalPages;

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  return (
    <>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.mall.orders.title')}</h1>
        <Link to="/app/mall" className="owner-link">
          {t('owner.mall.nav')}
        </Link>
      </div>
      {loaded.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, loaded.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={loaded.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      <MyPartOrders store={store} />
      {loaded.loading && shown.length === 0 && <p className="owner-muted">{t('common.loading')}</p>}
      {!loaded.loading && loaded.error === undefined && shown.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.mall.orders.none')}</p>
          <Link to="/app/mall" className="owner-button owner-button--secondary">
            {t('owner.mall.cart.browse')}
          </Link>
        </section>
      )}
      <ul className="owner-points-history" aria-label={t('owner.mall.orders.title')}>
        {shown.map((order) => (
          <li key={order.id} className="owner-card owner-points-entry" data-testid="owner-mall-order">
            <span className="owner-points-entry__head">
              <span>
                {t('owner.mall.orders.number', { number: order.number })} <MallOrderStatusTag status={order.status} />
              </span>
              <strong>{formatPrice(order.grossFen, i18n.language)}</strong>
            </span>
            <OrderSummary order={order} />
            <span className="owner-muted owner-small">
              {t(`owner.mall.checkout.fulfilments.${order.fulfilment}`)} · {formatTime(order.createdAt, 'short')}
            </span>
            <Link to={`/app/mall/orders/${order.id}`} className="owner-button owner-button--secondary" aria-label={t('owner.mall.orders.openLabel', { number: order.number })}>
              {order.status === 'PENDING_PAYMENT' ? t('owner.mall.orders.payNow') : t('owner.mall.orders.open')}
            </Link>
          </li>
        ))}
      </ul>
      {more && (
        <button type="button" className="owner-button owner-button--secondary" disabled={loaded.loading} onClick={() => setPage((p) => p + 1)}>
          {loaded.loading ? t('common.loading') : t('owner.mall.loadMore')}
        </button>
      )}
    </>
  );
}

/**
 * 订单详情 (`/app/mall/orders/:orderId`): the state, the pick-up code shown large for a pick-up order (to show at the
 * desk), the installation's appointment, the lines, how it was paid, the times; an unpaid order can be paid (its
 * online payment followed) or cancelled after a confirmation (its coupons, wallet, points and stock go back).
 */
export function MyMallOrder({ intervalMs }: { intervalMs?: number } = {}) {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const formatTime = useFormatTime();
  const store = claims?.stores[0];
  const { orderId = '' } = useParams();
  const path = `/api/stores/${store ?? ''}/me/mall/orders/${orderId}`;
  const order = useLoad<MallOrderView | undefined>((signal) => (store ? api.get<MallOrderView>(path, undefined, signal) : Promise.resolve(undefined)), [path, store]);
  const [paying, setPaying] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [key] = useState(newKey);
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);

  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<MallOrderView>(`${path}/cancellation`, undefined, key);
      setAsking(false);
      order.reload();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  const back = (
    <Link to="/app/mall/orders" className="owner-back">
      {t('owner.mall.orders.back')}
    </Link>
  );
  if (order.error !== undefined) {
    return (
      <>
        {back}
        <section className="owner-card" role="alert">
          <p>{problemText(t, order.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={order.reload}>
            {t('common.retry')}
          </button>
        </section>
      </>
    );
  }
  const o = order.data;
  if (!o) return <p className="owner-muted">{t('common.loading')}</p>;

  if (paying && o.paymentId) {
    return (
      <>
        {back}
        <h1 className="owner-page-title">{t('owner.mall.checkout.payTitle', { order: o.number })}</h1>
        <OnlinePaymentFlow
          store={store}
          paymentId={o.paymentId}
          intervalMs={intervalMs}
          onDone={() => {
            setPaying(false);
            order.reload();
          }}
        />
      </>
    );
  }

  const unpaid = o.status === 'PENDING_PAYMENT';
  const showCode = o.fulfilment === 'PICKUP' && o.pickupCode && CODE_SHOWN.includes(o.status);
  return (
    <>
      {back}
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.mall.orders.number', { number: o.number })}</h1>
        <MallOrderStatusTag status={o.status} />
      </div>
      {showCode && (
        <section className="owner-card owner-mall-code" aria-label={t('owner.mall.orders.code')}>
          <span className="owner-field__label">{t('owner.mall.orders.code')}</span>
          <strong className="owner-mall-code__digits" data-testid="owner-mall-pickup-code">
            {o.pickupCode}
          </strong>
          <p>{t('owner.mall.orders.codeHint')}</p>
          <p className="owner-muted owner-small">{o.status === 'READY_FOR_PICKUP' ? t('owner.mall.orders.ready') : t('owner.mall.orders.preparing')}</p>
        </section>
      )}
      {o.fulfilment === 'INSTALLATION' && !unpaid && o.status !== 'CANCELLED' && (
        <section className="owner-card" data-testid="owner-mall-installation">
          {o.installationAt ? (
            <p>
              {t('owner.mall.orders.installationAt', { time: formatTime(o.installationAt, 'short') })}
              {o.repairOrderNumber ? ` · ${t('owner.mall.orders.repairOrder', { number: o.repairOrderNumber })}` : ''}
            </p>
          ) : (
            <p>{o.status === 'COMPLETED' ? t('owner.mall.orders.installed') : t('owner.mall.orders.installationPending')}</p>
          )}
        </section>
      )}
      {unpaid && (
        <section className="owner-card owner-alert" role="status">
          <p>{t('owner.mall.orders.unpaid')}</p>
          {o.paymentId && (
            <button type="button" className="owner-button" disabled={busy} onClick={() => setPaying(true)}>
              {t('owner.mall.orders.continuePay')}
            </button>
          )}
          {!asking ? (
            <button type="button" className="owner-button owner-button--secondary owner-button--danger-text owner-button--spaced" disabled={busy} onClick={() => setAsking(true)}>
              {t('owner.mall.orders.cancel')}
            </button>
          ) : (
            <div className="owner-confirm" role="group" aria-label={t('owner.mall.orders.cancel')}>
              <p>{t('owner.mall.orders.cancelConfirm')}</p>
              <button type="button" className="owner-button owner-button--danger" disabled={busy} onClick={() => void cancel()}>
                {t('owner.mall.orders.cancelOk')}
              </button>
              <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => setAsking(false)}>
                {t('owner.mall.orders.keep')}
              </button>
            </div>
          )}
          {error && (
            <p className="owner-field__error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
      <section className="owner-card">
        <h2 className="owner-section-title">{t('owner.mall.orders.lines')}</h2>
        <dl className="owner-facts" data-testid="owner-mall-order-lines">
          {o.lines.map((line) => (
            <div key={line.id} style={{ display: 'contents' }}>
              <dt>{t('owner.mall.orders.line', { name: line.productName, spec: line.spec, quantity: line.quantity })}</dt>
              <dd>{formatPrice(line.amountFen, i18n.language)}</dd>
            </div>
          ))}
        </dl>
        <h2 className="owner-section-title">{t('owner.mall.orders.payment')}</h2>
        <dl className="owner-facts" data-testid="owner-mall-order-payment">
          <dt>{t('owner.online.total')}</dt>
          <dd>{y(o.grossFen)}</dd>
          <dt>{t('owner.online.coupons')}</dt>
          <dd>{y(o.couponFen)}</dd>
          <dt>{t('owner.online.wallet')}</dt>
          <dd>{y(o.walletFen)}</dd>
          <dt>{t('owner.online.points')}</dt>
          <dd>{t('owner.online.pointsWorth', { points: n(o.pointsUsed), amount: y(o.pointsUsed) })}</dd>
          <dt>{t('owner.online.online')}</dt>
          <dd>{y(o.onlineFen)}</dd>
          {o.refundedFen > 0 && (
            <>
              <dt>{t('owner.online.refunded')}</dt>
              <dd>{y(o.refundedFen)}</dd>
            </>
          )}
        </dl>
        <dl className="owner-facts">
          <dt>{t('owner.mall.checkout.fulfilment')}</dt>
          <dd>{t(`owner.mall.checkout.fulfilments.${o.fulfilment}`)}</dd>
          <dt>{t('owner.mall.orders.createdAt')}</dt>
          <dd>{formatTime(o.createdAt, 'short')}</dd>
          {o.paidAt && (
            <>
              <dt>{t('owner.mall.orders.paidAt')}</dt>
              <dd>{formatTime(o.paidAt, 'short')}</dd>
            </>
          )}
          {o.completedAt && (
            <>
              <dt>{t('owner.mall.orders.completedAt')}</dt>
              <dd>{formatTime(o.completedAt, 'short')}</dd>
            </>
          )}
          {o.cancelledAt && (
            <>
              <dt>{t('owner.mall.orders.cancelledAt')}</dt>
              <dd>{formatTime(o.cancelledAt, 'short')}</dd>
            </>
          )}
          {o.note && (
            <>
              <dt>{t('owner.mall.checkout.note')}</dt>
              <dd>{o.note}</dd>
            </>
          )}
        </dl>
      </section>
    </>
  );
}
