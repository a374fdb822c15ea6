import { useTranslation } from 'react-i18next';
import { SwitchAndNumberSettingsCard } from '../../antd/SwitchAndNumberSettingsCard';

/**
 * 收款设置 (WAL-3): whether points pay (积分抵扣, 100 points = 1 yuan) and at most which share of what is due; managers
 * change them after a confirmation, with the version read.
 */
export function PaymentSettingsCard({ path, manages }: { path: string; manages: boolean }) {
  const { t } = useTranslation();
  return (
    <SwitchAndNumberSettingsCard
      path={path}
      manages={manages}
      settings={{
        switchField: 'pointsAccepted',
        switchLabel: t('payments.settings.pointsAccepted'),
        numberField: 'pointsMaxPercent',
        numberLabel: t('payments.settings.pointsMaxPercent'),
        min: 1,
        max: 100,
        suffix: '%',
        numberMessage: t('payments.settings.required'),
        title: t('payments.settings.title'),
        describe: (s) =>
          s.pointsAccepted ? t('payments.settings.pointsOn', { percent: s.pointsMaxPercent }) : t('payments.settings.pointsOff'),
        describeTestId: 'payment-settings-text',
        saved: t('payments.settings.saved'),
        confirmTitle: t('payments.settings.confirmTitle'),
        confirmText: t('payments.settings.confirmText'),
        save: t('payments.settings.save'),
      }}
    />
  );
}
