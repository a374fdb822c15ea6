import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UsedCarStatus } from '../../api/types';
import { STATUS_TONES } from '../../ui/usedCar';

/** A consigned car's status in its colour. */
export function StatusTag({ status }: { status: UsedCarStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_TONES[status] === 'default' ? undefined : STATUS_TONES[status]} data-testid="used-car-status" data-status={status}>
      {t(`usedCars.statuses.${status}`)}
    </Tag>
  );
}
