import { Alert, Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardCardView, DashboardPeriod, DashboardTrend } from '../../api/types';
import { LazyChart as Chart, type ChartOption } from '../../antd/LazyChart';
import { bucketLabel } from './periods';

/** What every dashboard card gets from the page. */
export interface CardProps {
  card: DashboardCardView;
  period: DashboardPeriod;
  trend: DashboardTrend;
  trendStarts: string[];
  store: string;
}

/** A card's frame: its title, and a note instead of numbers when the server could not compute it. */
export function CardFrame({ title, card, extra, children }: { title: string; card: DashboardCardView; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={title} extra={extra} style={{ height: '100%' }}>
      {card.available ? children : <Alert type="warning" showIcon message={t('dashboard.unavailable')} />}
    </Card>
  );
}

/** Figures of a card side by side; a figure the card left out shows as –. */
export function Figures({ items }: { items: { label: string; value?: number | string; suffix?: string; testId?: string }[] }) {
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => (
        <Col key={item.label} xs={12} sm={Math.max(6, Math.floor(24 / items.length))}>
          <Statistic title={item.label} value={item.value ?? '–'} suffix={item.value === undefined ? undefined : item.suffix} data-testid={item.testId} />
        </Col>
      ))}
    </Row>
  );
}

/** Trend series of a card as bars per bucket (day or month), one colour per series. */
export function TrendChart({ label, series, trend, trendStarts }: { label: string; series: { name: string; values: number[] }[]; trend: DashboardTrend; trendStarts: string[] }) {
  const { i18n } = useTranslation();
  const colours = ['#1f3a5f', '#c8873a', '#5b8c5a'];
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    grid: { left: 36, right: 12, top: series.length > 1 ? 32 : 12, bottom: 28 },
    xAxis: { type: 'category', data: trendStarts.map((s) => bucketLabel(s, trend, i18n.language)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s, i) => ({ name: s.name, type: 'bar', data: s.values, itemStyle: { color: colours[i % colours.length] } })),
  };
  return (
    <div style={{ marginTop: 16 }}>
      <Chart option={option} height={200} label={label} />
    </div>
  );
}
