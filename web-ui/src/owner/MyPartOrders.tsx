import { useTranslation } from 'react-i18next';
import type { Page } from '../api/client';
import type { MyPartOrder } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { formatPrice } from '../ui/mall';

/**
 * 配件预订 on 我的订单 (MALL-3): the parts the store ordered for the owner, newest first, each with where it is (已预订,
 * 已到货 — collect it —, 已交付, 已取消 with the reason). Shown only when there are any, so the page of an owner with
 * none stays as it was; a failure to load it leaves the mall orders below alone.
 */
export function MyPartOrders({ store }: { store: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const loaded = useLoad<Page<MyPartOrder>>((signal) => api.get<Page<MyPartOrder>>(`/api/stores/${store}/me/part-orders`, { page: 0, size: 20 }, signal), [store]);
  const orders = loaded.data?.content ?? [];
  if (orders.length === 0) return null;
  return (
    <section className="owner-card" aria-label={t('owner.mall.orders.parts.title')}>
      <h2 className="owner-section-title">{t('owner.mall.orders.parts.title')}</h2>
      <p className="owner-muted owner-small">{t('owner.mall.orders.parts.hint')}</p>
      <ul className="owner-points-history">
        {orders.map((o) => (
          <li key={o.id} className="owner-points-entry" data-testid="owner-part-order">
            <span className="owner-points-entry__head">
              <span>
                {t('owner.mall.orders.parts.number', { number: o.number })}{' '}
                <span className={`owner-mall-status owner-part-status--${o.status}`}>{t(`owner.mall.orders.parts.statuses.${o.status}`)}</span>
              </span>
            </span>
            <span>{t('owner.mall.orders.parts.line', { part: o.partName, quantity: o.quantity })}</span>
            {o.plate && <span className="owner-muted owner-small">{t('owner.mall.orders.parts.plate', { plate: o.plate })}</span>}
            {o.status === 'ORDERED' && o.expectedOn && <span className="owner-muted owner-small">{t('owner.mall.orders.parts.expectedOn', { date: o.expectedOn })}</span>}
            {o.status === 'ARRIVED' && o.arrivedAt && <strong>{t('owner.mall.orders.parts.arrivedAt', { time: formatTime(o.arrivedAt, 'short') })}</strong>}
            {o.status === 'HANDED_OVER' && o.handedOverAt && <span className="owner-muted owner-small">{t('owner.mall.orders.parts.handedOverAt', { time: formatTime(o.handedOverAt, 'short') })}</span>}
            {o.status === 'CANCELLED' && <span className="owner-muted owner-small">{t('owner.mall.orders.parts.cancelled', { reason: o.cancelReason ?? '' })}</span>}
            {o.depositFen ? <span className="owner-muted owner-small">{t('owner.mall.orders.parts.deposit', { amount: formatPrice(o.depositFen, i18n.language) })}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
