import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillingView } from '../../api/types';
import { DEFAULT_TIME_ZONE, formatTime } from '../../ui/format';
import { formatFen } from '../../ui/wallet';
import { BILLING_STATUS_COLOURS } from './billing';

/** The group's subscription at a glance: plan and price, status, stores billed, trial, period, cancellation. */
export function BillingSummary({ view }: { view: BillingView }) {
  const { t, i18n } = useTranslation();
  const time = (iso?: string | null) => formatTime(iso, i18n.language, DEFAULT_TIME_ZONE);
  const planName = view.plan ? (i18n.language === 'en' ? view.plan.nameEn : view.plan.nameZh) : t('billing.noPlan');
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('billing.fields.status')}>
        <Tag color={BILLING_STATUS_COLOURS[view.status]}>{t(`billing.statuses.${view.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.fields.plan')}>
        {planName}
        {view.plan && ` · ${t('billing.perStoreMonth', { amount: formatFen(view.plan.monthlyFenPerStore, i18n.language) })}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.fields.billableStores')}>
        {t('billing.storeCount', { count: view.billableStores })}
        {view.quantity !== view.billableStores && view.status !== 'NONE' && view.status !== 'CANCELED' && (
          <span> ({t('billing.quantityPending', { count: view.quantity })})</span>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.fields.trialEnd')}>{view.trialEnd ? time(view.trialEnd) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('billing.fields.period')}>
        {view.currentPeriodStart ? `${time(view.currentPeriodStart)} – ${time(view.currentPeriodEnd)}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.fields.renewal')}>
        {view.cancelAtPeriodEnd
          ? t('billing.endsAt', { when: time(view.currentPeriodEnd) })
          : view.currentPeriodEnd
            ? t('billing.renewsAt', { when: time(view.currentPeriodEnd) })
            : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}
