import { Card, Col, Empty, Row, Segmented, Select, Space, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../api/client';
import type { DashboardPeriod, DashboardTrend, DashboardView, StoreView } from '../api/types';
import { LazyChart as Chart, type ChartOption } from '../antd/LazyChart';
import { ProblemAlert } from '../antd/ProblemAlert';
import { useAuth } from '../auth/AuthContext';
import { bucketLabel, PERIODS, TRENDS } from '../console/dashboard/periods';
import { useLoad } from '../ui/useLoad';

/** The figures the group compares its stores by: which card of a store's dashboard, which figure of it. */
export const METRICS = {
  newMembers: ['members', 'newInPeriod'],
  members: ['members', 'total'],
  vehicles: ['vehicles', 'total'],
  waiting: ['usedCarReview', 'waiting'],
  listed: ['usedCarSales', 'listed'],
  sold: ['usedCarSales', 'sold'],
  staff: ['staff', 'total'],
} as const satisfies Record<string, readonly [string, string]>;
export type Metric = keyof typeof METRICS;
const METRIC_KEYS = Object.keys(METRICS) as Metric[];

/** One active store with its dashboard for the period; no dashboard when the store did not answer. */
export interface StoreFigures {
  store: StoreView;
  view?: DashboardView;
}

/** A figure of a store's dashboard; undefined when the store did not answer or the card is not available. */
export function figure(view: DashboardView | undefined, metric: Metric): number | undefined {
  const [key, name] = METRICS[metric];
  const card = view?.cards.find((c) => c.key === key);
  return card?.available ? card.figures[name] : undefined;
}

/** Stores ranked by `metric`, highest first; stores without the figure last, by name. */
export function ranked(rows: StoreFigures[], metric: Metric): (StoreFigures & { rank?: number })[] {
  const sorted = [...rows].sort((a, b) => {
    const x = figure(a.view, metric);
    const y = figure(b.view, metric);
    if (x === undefined || y === undefined) return x === y ? a.store.name.localeCompare(b.store.name) : x === undefined ? 1 : -1;
    return y - x || a.store.name.localeCompare(b.store.name);
  });
  return sorted.map((row, i) => ({ ...row, rank: figure(row.view, metric) === undefined ? undefined : i + 1 }));
}

/** A figure summed over the stores that gave it. */
export function groupTotal(rows: StoreFigures[], metric: Metric): number {
  return rows.reduce((sum, r) => sum + (figure(r.view, metric) ?? 0), 0);
}

/** The sum over the stores of a card's trend series, per bucket. */
export function summed(rows: StoreFigures[], card: string, series: string, buckets: number): number[] {
  const sum = new Array<number>(buckets).fill(0);
  for (const { view } of rows) {
    const values = view?.cards.find((c) => c.key === card)?.trend[series] ?? [];
    values.forEach((v, i) => {
      if (i < buckets) sum[i] = (sum[i] ?? 0) + v;
    });
  }
  return sum;
}

/**
 * The group's business numbers for a period: each store in operation's dashboard (store-console, the same cards its
 * console shows), summed for the group with a trend, and the stores ranked by a chosen figure.
 */
export function GroupOverviewDashboard({ groupCode }: { groupCode: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [period, setPeriod] = useState<DashboardPeriod>('THIS_MONTH');
  const [trend, setTrend] = useState<DashboardTrend>('LAST_30_DAYS');
  const [metric, setMetric] = useState<Metric>('newMembers');

  const figures = useLoad<{ storeCount: number; rows: StoreFigures[] }>(
    async (signal) => {
      // a group's stores fit one page (100); a group beyond that needs tenant-admin's rollup (decision 0026)
      const stores = await api.get<Page<StoreView>>(`/api/admin/groups/${groupCode}/stores`, { size: 100, sort: 'name,asc' }, signal);
      const rows = await Promise.all(
        stores.content
          .filter((store) => store.status === 'ACTIVE')
          .map(async (store) => ({
            store,
            view: await api.get<DashboardView>(`/api/stores/${store.code}/dashboard`, { period, trend }, signal).catch(() => undefined),
          })),
      );
      return { storeCount: stores.totalElements, rows };
    },
    [groupCode, period, trend],
  );
  const rows = useMemo(() => figures.data?.rows ?? [], [figures.data]);
  const trendStarts = rows.find((r) => r.view)?.view?.trendStarts ?? [];
  const total = (m: Metric) => groupTotal(rows, m);
  const inPeriod = t(`dashboard.periods.${period}`);

  const chart = useMemo<ChartOption | undefined>(() => {
    if (trendStarts.length === 0) return undefined;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('groupDashboard.newMembers'), t('groupDashboard.sold')] },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: trendStarts.map((s) => bucketLabel(s, trend, i18n.language)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('groupDashboard.newMembers'), type: 'bar', data: summed(rows, 'members', 'newMembers', trendStarts.length), itemStyle: { color: '#1f3a5f' } },
        { name: t('groupDashboard.sold'), type: 'bar', data: summed(rows, 'usedCarSales', 'sold', trendStarts.length), itemStyle: { color: '#c8873a' } },
      ],
    };
  }, [rows, trendStarts, trend, t, i18n.language]);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<DashboardPeriod>
          aria-label={t('groupDashboard.period')}
          value={period}
          onChange={setPeriod}
          options={PERIODS.map((p) => ({ value: p, label: t(`dashboard.periods.${p}`) }))}
        />
        <Select<DashboardTrend>
          aria-label={t('dashboard.trend')}
          value={trend}
          onChange={setTrend}
          style={{ minWidth: 160 }}
          options={TRENDS.map((p) => ({ value: p, label: t(`dashboard.trends.${p}`) }))}
        />
      </Space>
      <ProblemAlert error={figures.error} onRetry={figures.reload} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('groupDashboard.storesTotal')} value={figures.data?.storeCount ?? '–'} loading={figures.loading} data-testid="count-stores" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('groupDashboard.storesActive')} value={figures.data ? rows.length : '–'} loading={figures.loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('dashboard.newInPeriod', { period: inPeriod })} value={figures.data ? total('newMembers') : '–'} loading={figures.loading} data-testid="group-new-members" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('dashboard.cards.usedCarSales.sold', { period: inPeriod })} value={figures.data ? total('sold') : '–'} loading={figures.loading} />
          </Card>
        </Col>
      </Row>
      {chart && (
        <Card title={t('groupDashboard.trendTitle')} style={{ marginBottom: 16 }}>
          <Chart option={chart} label={t('groupDashboard.trendTitle')} />
        </Card>
      )}
      <Card
        title={t('groupDashboard.rankingTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Select<Metric>
            aria-label={t('groupDashboard.rankBy')}
            value={metric}
            onChange={setMetric}
            style={{ minWidth: 160 }}
            options={METRIC_KEYS.map((m) => ({ value: m, label: t(`groupDashboard.${m}`) }))}
          />
        }
      >
        <StoreRanking rows={rows} metric={metric} period={period} loading={figures.loading} />
      </Card>
    </>
  );
}

/** The stores ranked by `metric`, with every figure of the period beside their name (a link to the store's console). */
export function StoreRanking({ rows, metric, period, loading }: { rows: StoreFigures[]; metric: Metric; period: DashboardPeriod; loading?: boolean }) {
  const { t } = useTranslation();
  const inPeriod = t(`dashboard.periods.${period}`);
  const cell = (row: StoreFigures, m: Metric) => figure(row.view, m) ?? '–';
  return (
    <Table<StoreFigures & { rank?: number }>
      rowKey={(r) => r.store.code}
      size="small"
      loading={loading}
      pagination={false}
      scroll={{ x: true }}
      dataSource={ranked(rows, metric)}
      locale={{ emptyText: <Empty description={t('groupDashboard.noActiveStores')} /> }}
      columns={[
        { key: 'rank', title: t('groupDashboard.rank'), width: 64, render: (_, r) => r.rank ?? '–' },
        {
          key: 'store',
          title: t('groupDashboard.store'),
          render: (_, r) => <Link to={`/console/${r.store.code}`}>{r.store.name}</Link>,
        },
        ...METRIC_KEYS.map((m) => ({
          key: m,
          title: m === 'newMembers' ? t('dashboard.newInPeriod', { period: inPeriod }) : t(`groupDashboard.${m}`),
          align: 'right' as const,
          className: m === metric ? 'ant-table-column-sort' : undefined,
          render: (_: unknown, r: StoreFigures) => (m === 'members' ? <span data-testid={`members-${r.store.code}`}>{cell(r, m)}</span> : cell(r, m)),
        })),
      ]}
    />
  );
}
