import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { StockAlertKind, StockAlertView, StockItemKind } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { StockAlertSettingsCard } from './StockAlertSettingsCard';

export const STOCK_ALERT_KINDS = ['LOW_STOCK', 'SLOW_MOVING'] as const satisfies readonly StockAlertKind[];
export const STOCK_ITEM_KINDS = ['PRODUCT', 'GIFT'] as const satisfies readonly StockItemKind[];
const COLOURS: Record<StockAlertKind, string> = { LOW_STOCK: 'red', SLOW_MOVING: 'orange' };
const DEFAULTS = { size: 20, sort: 'raisedAt,desc' };

/**
 * 库存预警 (MALL-3, GIFT-1; decision 0053): the alerts the per-store job raised — a product's SKU or a gift at or
 * below its low-stock mark, a listed product in stock with no sale for the store's number of days — with the figures
 * of the moment, open ones first (已解除: those whose condition ended); filters by kind of alert, products or gifts and
 * name, sorting, export. An item's name leads to its list, found by that name. The slow-moving rule is above.
 */
export function StockAlertList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const [params] = useSearchParams();
  const formatTime = useFormatTime();
  const manages = useCan('MALL_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const [changes, setChanges] = useState(0);
  const cleared = params.get('cleared') === 'true';
  const n = (value: number) => value.toLocaleString(i18n.language);

  const columns: ColumnsType<StockAlertView> = [
    { ...sortable('raisedAt'), title: t('stockAlerts.fields.raisedAt'), render: (_, a) => formatTime(a.raisedAt, 'short') },
    {
      ...sortable('alertKind'),
      title: t('stockAlerts.fields.alertKind'),
      render: (_, a) => <Tag color={COLOURS[a.alertKind]}>{t(`stockAlerts.kinds.${a.alertKind}`)}</Tag>,
    },
    {
      ...sortable('itemName'),
      title: t('stockAlerts.fields.item'),
      render: (_, a) => (
        <Space size={4}>
          <Tag>{t(`stockAlerts.itemKinds.${a.itemKind}`)}</Tag>
          <Link to={`/console/${store}/${a.itemKind === 'GIFT' ? 'gifts' : 'products'}?search=${encodeURIComponent(a.itemName)}`}>{a.itemName}</Link>
          {a.spec && <span>{a.spec}</span>}
        </Space>
      ),
    },
    { ...sortable('stock'), title: t('stockAlerts.fields.stock'), align: 'right', render: (_, a) => n(a.stock) },
    {
      ...sortable('idleDays'),
      title: t('stockAlerts.fields.figure'),
      render: (_, a) =>
        a.alertKind === 'LOW_STOCK'
          ? t('stockAlerts.lowText', { mark: n(a.lowStockAt ?? 0) })
          : t('stockAlerts.idleText', { days: n(a.idleDays ?? 0), since: a.lastSoldAt ? formatTime(a.lastSoldAt, 'short') : '—' }),
    },
    { key: 'notified', title: t('stockAlerts.fields.notified'), align: 'right', render: (_, a) => n(a.notified) },
    ...(cleared
      ? [{ ...sortable('clearedAt'), title: t('stockAlerts.fields.clearedAt'), render: (_: unknown, a: StockAlertView) => (a.clearedAt ? formatTime(a.clearedAt, 'short') : '—') }]
      : []),
  ];

  const filters: ListFilter[] = [
    {
      name: 'cleared',
      kind: 'select',
      label: t('stockAlerts.fields.state'),
      placeholder: t('stockAlerts.states.false'),
      options: [
        { value: 'false', label: t('stockAlerts.states.false') },
        { value: 'true', label: t('stockAlerts.states.true') },
      ],
    },
    {
      name: 'alertKind',
      kind: 'select',
      multiple: true,
      label: t('stockAlerts.fields.alertKind'),
      placeholder: t('stockAlerts.allKinds'),
      options: STOCK_ALERT_KINDS.map((k) => ({ value: k, label: t(`stockAlerts.kinds.${k}`) })),
    },
    {
      name: 'itemKind',
      kind: 'select',
      label: t('stockAlerts.fields.itemKind'),
      placeholder: t('stockAlerts.allItemKinds'),
      options: STOCK_ITEM_KINDS.map((k) => ({ value: k, label: t(`stockAlerts.itemKinds.${k}`) })),
    },
    { name: 'search', kind: 'text', label: t('stockAlerts.search'), placeholder: t('stockAlerts.searchPlaceholder') },
  ];

  return (
    <>
      <PageHeader title={t('stockAlerts.title')} breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.stockAlerts') }]} />
      <StockAlertSettingsCard path={`/api/stores/${store}/stock-alert-settings`} manages={manages} onSaved={() => setChanges((c) => c + 1)} />
      <ListPage<StockAlertView>
        id="stockAlerts"
        path={`/api/stores/${store}/stock-alerts`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        refresh={changes}
        empty={{ description: cleared ? t('stockAlerts.emptyCleared') : t('stockAlerts.empty') }}
      />
    </>
  );
}
