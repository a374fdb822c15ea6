import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillingStatus } from '../../api/types';
import { DEFAULT_TIME_ZONE, formatTime } from '../../ui/format';

/**
 * What an executive (or, in the store console, the store's staff) must know about the group's subscription: past due
 * (and when the stores become read-only), read-only since, ended. Nothing while all is well.
 */
export function BillingStatusBanner({
  status,
  readOnlyFrom,
  audience = 'group',
}: {
  status: BillingStatus;
  readOnlyFrom?: string | null;
  /** who reads it: the group's executives (group console) or a store's staff (store console) */
  audience?: 'group' | 'store';
}) {
  const { t, i18n } = useTranslation();
  const when = formatTime(readOnlyFrom, i18n.language, DEFAULT_TIME_ZONE);
  switch (status) {
    case 'PAST_DUE':
      return (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t(`billing.${audience}Banner.pastDue.title`)}
          description={t(`billing.${audience}Banner.pastDue.text`, { when })}
        />
      );
    case 'READ_ONLY':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t(`billing.${audience}Banner.readOnly.title`)}
          description={t(`billing.${audience}Banner.readOnly.text`, { when })}
        />
      );
    case 'CANCELED':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t(`billing.${audience}Banner.canceled.title`)}
          description={t(`billing.${audience}Banner.canceled.text`, { when })}
        />
      );
    default:
      return null;
  }
}
