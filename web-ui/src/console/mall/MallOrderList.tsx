import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MallFulfilment, MallOrderRow, MallOrderStatus } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { formatPrice } from '../../ui/mall';
import { useFormatTime } from '../../ui/storeZone';
import { MallOrderDrawer, MallOrderStatusTag } from './MallOrderDrawer';

export const MALL_ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'READY_FOR_PICKUP',
  'SCHEDULED_FOR_INSTALLATION',
  'COMPLETED',
  'CANCELLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
] as const satisfies readonly MallOrderStatus[];
export const MALL_FULFILMENTS = ['PICKUP', 'INSTALLATION'] as const satisfies readonly MallFulfilment[];
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/**
 * 商城订单 (MALL-2): the owners' mall orders, newest first; filters by status, fulfilment and the order number or the
 * member's phone or name; sorting and paging; the filtered list exported to Excel. A row opens its drawer, where the order is moved on (备货完成, 预约安装,
 * 取货核销, 安装完成) and refunded.
 */
export function MallOrderList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const formatTime = useFormatTime();
  const sortable = useSortable(DEFAULTS);
  const [changes, setChanges] = useState(0);
  const [open, setOpen] = useState<string>();

  const columns: ColumnsType<MallOrderRow> = [
    { ...sortable('createdAt'), title: t('mall.orders.fields.createdAt'), render: (_, r) => formatTime(r.createdAt, 'short') },
    {
      ...sortable('number'),
      title: t('mall.orders.fields.number'),
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {r.number}
        </Button>
      ),
    },
    {
      key: 'member',
      title: t('mall.orders.fields.member'),
      render: (_, r) => <Link to={`/console/${store}/members/${r.memberId}`}>{`${r.memberName} ${r.memberPhone}`}</Link>,
    },
    { key: 'summary', title: t('mall.orders.fields.items'), render: (_, r) => (r.summary ? t('mall.orders.itemsText', { summary: r.summary, count: r.items }) : r.items) },
    { key: 'fulfilment', title: t('mall.orders.fields.fulfilment'), render: (_, r) => t(`mall.orders.fulfilments.${r.fulfilment}`) },
    { ...sortable('grossFen'), title: t('mall.orders.fields.grossFen'), align: 'right', render: (_, r) => formatPrice(r.grossFen, i18n.language) },
    { key: 'refundedFen', title: t('mall.orders.fields.refundedFen'), align: 'right', render: (_, r) => (r.refundedFen > 0 ? formatPrice(r.refundedFen, i18n.language) : '—') },
    { ...sortable('status'), title: t('mall.orders.fields.status'), render: (_, r) => <MallOrderStatusTag status={r.status} /> },
    {
      key: 'actions',
      title: t('mall.orders.fields.actions'),
      render: (_, r) => (
        <Button size="small" onClick={() => setOpen(r.id)}>
          {t('mall.orders.detail')}
        </Button>
      ),
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('mall.orders.fields.status'),
      placeholder: t('mall.orders.allStatuses'),
      options: MALL_ORDER_STATUSES.map((s) => ({ value: s, label: t(`mall.orders.statuses.${s}`) })),
    },
    {
      name: 'fulfilment',
      kind: 'select',
      label: t('mall.orders.fields.fulfilment'),
      placeholder: t('mall.orders.allFulfilments'),
      options: MALL_FULFILMENTS.map((f) => ({ value: f, label: t(`mall.orders.fulfilments.${f}`) })),
    },
    { name: 'search', kind: 'text', label: t('mall.orders.search'), placeholder: t('mall.orders.searchPlaceholder') },
  ];

  return (
    <>
      <PageHeader title={t('mall.orders.title')} breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.mallOrders') }]} />
      <ListPage<MallOrderRow>
        id="mallOrders"
        path={`/api/stores/${store}/mall-orders`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        refresh={changes}
        exportable
        empty={{ description: t('mall.orders.empty') }}
      />
      <MallOrderDrawer store={store} id={open} onClose={() => setOpen(undefined)} onChanged={() => setChanges((c) => c + 1)} />
    </>
  );
}
