import { useTranslation } from 'react-i18next';
import { CardFrame, Figures, type CardProps } from '../CardFrame';

/** Members' vehicles: in all, registered in the period, members with a vehicle. */
export function VehiclesCard({ card, period }: CardProps) {
  const { t } = useTranslation();
  return (
    <CardFrame title={t('dashboard.cards.vehicles.title')} card={card}>
      <Figures
        items={[
          { label: t('dashboard.cards.vehicles.total'), value: card.figures.total },
          { label: t('dashboard.newInPeriod', { period: t(`dashboard.periods.${period}`) }), value: card.figures.newInPeriod },
          { label: t('dashboard.cards.vehicles.membersWithVehicle'), value: card.figures.membersWithVehicle },
        ]}
      />
    </CardFrame>
  );
}
