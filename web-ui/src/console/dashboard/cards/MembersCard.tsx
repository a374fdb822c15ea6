import { useTranslation } from 'react-i18next';
import { CardFrame, Figures, TrendChart, type CardProps } from '../CardFrame';

/** Members: in all, new in the period, new per day or month. */
export function MembersCard({ card, period, trend, trendStarts }: CardProps) {
  const { t } = useTranslation();
  const title = t('dashboard.cards.members.title');
  return (
    <CardFrame title={title} card={card}>
      <Figures
        items={[
          { label: t('dashboard.cards.members.total'), value: card.figures.total, testId: 'count-members' },
          { label: t('dashboard.newInPeriod', { period: t(`dashboard.periods.${period}`) }), value: card.figures.newInPeriod },
        ]}
      />
      <TrendChart
        label={t('dashboard.cards.members.trend')}
        trend={trend}
        trendStarts={trendStarts}
        series={[{ name: t('dashboard.cards.members.trend'), values: card.trend.newMembers ?? [] }]}
      />
    </CardFrame>
  );
}
