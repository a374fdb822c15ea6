import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../permissions';
import { CardFrame, Figures, type CardProps } from '../CardFrame';

/** How long a car has waited, in days and hours (under an hour: minutes). */
export function waited(minutes: number, t: (key: 'dashboard.waited.days' | 'dashboard.waited.hours' | 'dashboard.waited.minutes', options: { days?: number; hours?: number; minutes?: number }) => string): string {
  if (minutes < 60) return t('dashboard.waited.minutes', { minutes });
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? t('dashboard.waited.days', { days, hours }) : t('dashboard.waited.hours', { hours });
}

/** Cars waiting for the expert review, cars back with their owners, how long the oldest has waited. */
export function UsedCarReviewCard({ card, store }: CardProps) {
  const { t } = useTranslation();
  const reviews = useCan('USED_CAR_MANAGE');
  const oldest = card.figures.oldestWaitingMinutes;
  return (
    <CardFrame
      title={t('dashboard.cards.usedCarReview.title')}
      card={card}
      extra={reviews ? <Link to={`/console/${store}/used-car-queue`}>{t('dashboard.cards.usedCarReview.open')}</Link> : undefined}
    >
      <Figures
        items={[
          { label: t('dashboard.cards.usedCarReview.waiting'), value: card.figures.waiting },
          { label: t('dashboard.cards.usedCarReview.changesRequested'), value: card.figures.changesRequested },
          { label: t('dashboard.cards.usedCarReview.oldest'), value: oldest === undefined ? undefined : waited(oldest, t) },
        ]}
      />
    </CardFrame>
  );
}
