import { Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { GiftMemberStats, GiftView } from '../../api/types';
import { LazyChart, type ChartOption } from '../../antd/LazyChart';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

const DEFAULTS = { size: 20, sort: 'points,desc' };
/** The most gifts the chart shows: those given out most. */
const CHART_GIFTS = 15;

/** The chart of pieces per gift: redeemed with points and given by distributions, stacked. */
export function giftChart(gifts: GiftView[], labels: { redeemed: string; given: string }): ChartOption {
  const shown = [...gifts].sort((a, b) => b.redeemedQuantity + b.givenQuantity - (a.redeemedQuantity + a.givenQuantity)).slice(0, CHART_GIFTS);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.redeemed, labels.given] },
    grid: { left: 40, right: 16, bottom: 60, top: 40 },
    xAxis: { type: 'category', data: shown.map((g) => g.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.redeemed, type: 'bar', stack: 'pieces', data: shown.map((g) => g.redeemedQuantity) },
      { name: labels.given, type: 'bar', stack: 'pieces', data: shown.map((g) => g.givenQuantity) },
    ],
  };
}

/**
 * 礼品统计 (GIFT-3): a chart of the pieces given out per gift (redeemed with points, given by distributions), and the
 * statistics per member (who redeemed what, how often, the points spent; cancelled ones not counted) with a search,
 * sorting and Excel export.
 */
export function GiftStatistics() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const sortable = useSortable(DEFAULTS);
  const n = (value: number) => formatPoints(value, i18n.language);
  const gifts = useLoad<GiftView[]>(
    (signal) => api.get<Page<GiftView>>(`/api/stores/${store}/gifts`, { size: 100, sort: 'redeemedQuantity,desc' }, signal).then((p) => p.content),
    [store],
  );
  const option = useMemo(
    () => giftChart(gifts.data ?? [], { redeemed: t('gifts.statistics.redeemed'), given: t('gifts.statistics.given') }),
    [gifts.data, t],
  );

  const columns: ColumnsType<GiftMemberStats> = [
    { ...sortable('name'), title: t('gifts.statistics.fields.member'), render: (_, m) => m.memberName },
    { key: 'phone', title: t('gifts.statistics.fields.phone'), render: (_, m) => m.memberPhone },
    { ...sortable('redemptions'), title: t('gifts.statistics.fields.redemptions'), align: 'right', render: (_, m) => n(m.redemptions) },
    { ...sortable('quantity'), title: t('gifts.statistics.fields.quantity'), align: 'right', render: (_, m) => n(m.quantity) },
    { ...sortable('points'), title: t('gifts.statistics.fields.points'), align: 'right', render: (_, m) => n(m.points) },
    { key: 'gifts', title: t('gifts.statistics.fields.gifts'), align: 'right', render: (_, m) => n(m.gifts) },
    { key: 'givenQuantity', title: t('gifts.statistics.fields.givenQuantity'), align: 'right', render: (_, m) => n(m.givenQuantity) },
    { ...sortable('lastAt'), title: t('gifts.statistics.fields.lastAt'), render: (_, m) => formatTime(m.lastAt) },
  ];
  const filters: ListFilter[] = [
    { name: 'search', kind: 'text', label: t('gifts.statistics.search'), placeholder: t('gifts.statistics.searchPlaceholder') },
    {
      name: 'gift',
      kind: 'select',
      label: t('gifts.statistics.fields.gift'),
      placeholder: t('gifts.statistics.allGifts'),
      options: (gifts.data ?? []).map((g) => ({ value: g.id, label: g.name })),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('gifts.statistics.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.giftStatistics') }]}
      />
      {(gifts.data?.length ?? 0) > 0 && (
        <Card size="small" title={t('gifts.statistics.chartTitle')} style={{ marginBottom: 16 }}>
          <LazyChart option={option} label={t('gifts.statistics.chartTitle')} />
        </Card>
      )}
      <ListPage<GiftMemberStats>
        id="giftMemberStats"
        path={`/api/stores/${store}/gift-statistics/members`}
        defaults={DEFAULTS}
        rowKey="memberId"
        filters={filters}
        columns={columns}
        exportable
        empty={{ description: t('gifts.statistics.empty') }}
      />
    </>
  );
}
