import { useTranslation } from 'react-i18next';
import { SwitchAndNumberSettingsCard } from '../../antd/SwitchAndNumberSettingsCard';

/**
 * 滞销提醒设置 (decision 0053): whether the store is told of listed products in stock that have not sold for a number
 * of days, and how many (7–365, 90 at first); those who keep the mall change it after a confirmation, with the version
 * read. The alerts follow the new rule at the job's next run, soon after.
 */
export function StockAlertSettingsCard({ path, manages, onSaved }: { path: string; manages: boolean; onSaved?: () => void }) {
  const { t } = useTranslation();
  return (
    <SwitchAndNumberSettingsCard
      path={path}
      manages={manages}
      onSaved={onSaved}
      settings={{
        switchField: 'slowMovingEnabled',
        switchLabel: t('stockAlerts.settings.enabled'),
        numberField: 'slowMovingDays',
        numberLabel: t('stockAlerts.settings.days'),
        min: 7,
        max: 365,
        numberMessage: t('stockAlerts.settings.daysRange'),
        title: t('stockAlerts.settings.title'),
        describe: (s) =>
          s.slowMovingEnabled ? t('stockAlerts.settings.ruleOn', { days: s.slowMovingDays }) : t('stockAlerts.settings.ruleOff'),
        describeTestId: 'stock-alert-rule',
        note: t('stockAlerts.settings.lowRule'),
        saved: t('stockAlerts.settings.saved'),
        confirmTitle: t('stockAlerts.settings.confirmTitle'),
        confirmText: t('stockAlerts.settings.confirmText'),
        save: t('stockAlerts.settings.save'),
      }}
    />
  );
}
