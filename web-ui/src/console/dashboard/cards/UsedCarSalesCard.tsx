import { useTranslation } from 'react-i18next';
import { CardFrame, Figures, TrendChart, type CardProps } from '../CardFrame';

/** Used cars listed, reserved and sold in the period, on the market now; listed and sold per day or month. */
export function UsedCarSalesCard({ card, period, trend, trendStarts }: CardProps) {
  const { t } = useTranslation();
  const inPeriod = t(`dashboard.periods.${period}`);
  return (
    <CardFrame title={t('dashboard.cards.usedCarSales.title')} card={card}>
      <Figures
        items={[
          { label: t('dashboard.cards.usedCarSales.listed', { period: inPeriod }), value: card.figures.listed },
          { label: t('dashboard.cards.usedCarSales.reserved', { period: inPeriod }), value: card.figures.reserved },
          { label: t('dashboard.cards.usedCarSales.sold', { period: inPeriod }), value: card.figures.sold },
          { label: t('dashboard.cards.usedCarSales.onMarket'), value: card.figures.onMarket },
        ]}
      />
      <TrendChart
        label={t('dashboard.cards.usedCarSales.trend')}
        trend={trend}
        trendStarts={trendStarts}
        series={[
          { name: t('dashboard.cards.usedCarSales.listedSeries'), values: card.trend.listed ?? [] },
          { name: t('dashboard.cards.usedCarSales.soldSeries'), values: card.trend.sold ?? [] },
        ]}
      />
    </CardFrame>
  );
}
