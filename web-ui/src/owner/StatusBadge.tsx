import { useTranslation } from 'react-i18next';
import type { UsedCarStatus } from '../api/types';
import { STATUS_TONES } from '../ui/usedCar';

/** A consigned car's status as a coloured badge (the console's colours, without Ant Design). */
export function StatusBadge({ status }: { status: UsedCarStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`owner-status owner-status--${STATUS_TONES[status]}`} data-testid="used-car-status" data-status={status}>
      {t(`usedCars.statuses.${status}`)}
    </span>
  );
}
