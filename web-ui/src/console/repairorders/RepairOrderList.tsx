import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RepairOrderSummary } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ACCOUNT_TYPES, formatAmount, formatPoints, type AccountTypeName } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { AccountTag, OrderStatusTag } from './AccountTag';

export const REPAIR_ORDER_STATUSES = ['OPEN', 'SETTLED', 'REFUNDED', 'REVERSED'] as const;

/** 维修工单: the store's repair orders from the DMS with the points each produced; filtered, searched, exported. */
export function RepairOrderList() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const defaults = { size: 20, sort: 'openedAt,desc' };
  const sortable = useSortable(defaults);

  const columns: ColumnsType<RepairOrderSummary> = [
    {
      ...sortable('dmsNumber'),
      title: t('repairOrders.fields.dmsNumber'),
      render: (_, order) => <Link to={`/console/${store}/repair-orders/${order.id}`}>{order.dmsNumber}</Link>,
    },
    { key: 'status', title: t('repairOrders.fields.status'), render: (_, order) => <OrderStatusTag status={order.status} /> },
    {
      key: 'member',
      title: t('repairOrders.fields.member'),
      render: (_, order) => <Link to={`/console/${store}/members/${order.memberId}`}>{order.memberName}</Link>,
    },
    { key: 'plate', dataIndex: 'plate', title: t('repairOrders.fields.plate') },
    { key: 'advisor', dataIndex: 'advisor', title: t('repairOrders.fields.advisor') },
    {
      key: 'accountTypes',
      title: t('repairOrders.fields.accountTypes'),
      render: (_, order) => order.accountTypes.map((a: AccountTypeName) => <AccountTag key={a} account={a} />),
    },
    {
      ...sortable('total'),
      title: t('repairOrders.fields.total'),
      align: 'right',
      render: (_, order) => formatAmount(order.total.amount, i18n.language),
    },
    {
      ...sortable('points'),
      title: t('repairOrders.fields.points'),
      align: 'right',
      render: (_, order) => formatPoints(order.points, i18n.language),
    },
    { ...sortable('openedAt'), title: t('repairOrders.fields.openedAt'), render: (_, order) => formatTime(order.openedAt, 'short') },
    { ...sortable('settledAt'), title: t('repairOrders.fields.settledAt'), render: (_, order) => formatTime(order.settledAt, 'short') },
  ];

  const filters: ListFilter[] = [
    { name: 'q', kind: 'text', label: t('repairOrders.search'), placeholder: t('repairOrders.searchPlaceholder') },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('repairOrders.fields.status'),
      placeholder: t('repairOrders.allStatuses'),
      options: REPAIR_ORDER_STATUSES.map((s) => ({ value: s, label: t(`repairOrders.statuses.${s}`) })),
    },
    {
      name: 'accountType',
      kind: 'select',
      multiple: true,
      label: t('repairOrders.fields.accountTypes'),
      placeholder: t('repairOrders.allAccounts'),
      options: ACCOUNT_TYPES.map((a) => ({ value: a, label: t(`repairOrders.accounts.${a}`) })),
    },
    {
      name: 'settledFrom',
      end: 'settledTo',
      kind: 'dayRange',
      label: t('repairOrders.fields.settledAt'),
      placeholders: [t('repairOrders.settledFrom'), t('repairOrders.settledTo')],
    },
    { name: 'advisor', kind: 'text', label: t('repairOrders.fields.advisor'), placeholder: t('repairOrders.advisorPlaceholder') },
  ];

  return (
    <>
      <PageHeader
        title={t('repairOrders.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.repairOrders') }]}
      />
      <ListPage<RepairOrderSummary>
        id="repairOrders"
        path={`/api/stores/${store}/repair-orders`}
        defaults={defaults}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        empty={{ description: t('repairOrders.empty') }}
      />
    </>
  );
}
