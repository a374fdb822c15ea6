import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillingStatus } from '../../api/types';
import { DEFAULT_TIME_ZONE, formatTime } from '../../ui/format';

/** The statuses that need a word, with its weight and its texts' key; any other status shows nothing. */
const BANNERS: Partial<Record<BillingStatus, { type: 'warning' | 'error'; key: 'pastDue' | 'readOnly' | 'canceled' }>> = {
  PAST_DUE: { type: 'warning', key: 'pastDue' },
  READ_ONLY: { type: 'error', key: 'readOnly' },
  CANCELED: { type: 'error', key: 'canceled' },
};

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
  const banner = BANNERS[status];
  if (!banner) return null;
  const when = formatTime(readOnlyFrom, i18n.language, DEFAULT_TIME_ZONE);
  return (
    <Alert
      type={banner.type}
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t(`billing.${audience}Banner.${banner.key}.title`)}
      description={t(`billing.${audience}Banner.${banner.key}.text`, { when })}
    />
  );
}
