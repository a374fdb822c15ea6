import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PartOrderRow, PartOrderStatus } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { PartOrderDialog } from './PartOrderDialog';
import { PartOrderDrawer, PartOrderStatusTag } from './PartOrderDrawer';

export const PART_ORDER_STATUSES = ['ORDERED', 'ARRIVED', 'HANDED_OVER', 'CANCELLED'] as const satisfies readonly PartOrderStatus[];
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/**
 * 配件预订 (MALL-3): parts ordered for customers, newest first; filters by status and the days recorded, a search of
 * the number, the member's name or phone and the part's name or number; sorting, paging and the Excel export of what
 * the filters show. 登记预订 records one; a row (or the bell's link, /part-orders/:partOrderId) opens its drawer.
 */
export function PartOrderList() {
  const { t } = useTranslation();
  const { store = '', partOrderId } = useParams();
  const navigate = useNavigate();
  const formatTime = useFormatTime();
  const sortable = useSortable(DEFAULTS);
  const manages = useCan('MALL_MANAGE');
  const [changes, setChanges] = useState(0);
  const [open, setOpen] = useState<string | undefined>(partOrderId);
  const [recording, setRecording] = useState(false);

  const columns: ColumnsType<PartOrderRow> = [
    { ...sortable('createdAt'), title: t('partOrders.fields.createdAt'), render: (_, r) => formatTime(r.createdAt, 'short') },
    {
      ...sortable('number'),
      title: t('partOrders.fields.number'),
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {r.number}
        </Button>
      ),
    },
    {
      key: 'member',
      title: t('partOrders.fields.member'),
      render: (_, r) => <Link to={`/console/${store}/members/${r.memberId}`}>{`${r.memberName} ${r.memberPhone}`}</Link>,
    },
    { key: 'plate', title: t('partOrders.fields.plate'), render: (_, r) => r.plate ?? '—' },
    { ...sortable('partName'), title: t('partOrders.fields.partName'), render: (_, r) => t('partOrders.partText', { part: r.partName, partNumber: r.partNumber, quantity: r.quantity }) },
    { key: 'supplier', title: t('partOrders.fields.supplier'), render: (_, r) => r.supplier ?? '—' },
    { ...sortable('expectedOn'), title: t('partOrders.fields.expectedOn'), render: (_, r) => r.expectedOn ?? '—' },
    { key: 'advisor', title: t('partOrders.fields.advisor'), render: (_, r) => r.advisor ?? '—' },
    { ...sortable('status'), title: t('partOrders.fields.status'), render: (_, r) => <PartOrderStatusTag status={r.status} /> },
    {
      key: 'actions',
      title: t('partOrders.fields.actions'),
      render: (_, r) => (
        <Button size="small" onClick={() => setOpen(r.id)}>
          {t('partOrders.detail')}
        </Button>
      ),
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('partOrders.fields.status'),
      placeholder: t('partOrders.allStatuses'),
      options: PART_ORDER_STATUSES.map((s) => ({ value: s, label: t(`partOrders.statuses.${s}`) })),
    },
    { name: 'from', end: 'to', kind: 'dayRange', days: true, label: t('partOrders.recordedDays'), placeholders: [t('partOrders.fromDay'), t('partOrders.toDay')] },
    { name: 'search', kind: 'text', label: t('partOrders.search'), placeholder: t('partOrders.searchPlaceholder') },
  ];

  return (
    <>
      <PageHeader title={t('partOrders.title')} breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.partOrders') }]} />
      <ListPage<PartOrderRow>
        id="partOrders"
        path={`/api/stores/${store}/part-orders`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        refresh={changes}
        actions={
          manages && (
            <Button type="primary" onClick={() => setRecording(true)}>
              {t('partOrders.record.open')}
            </Button>
          )
        }
        empty={{ description: t('partOrders.empty') }}
      />
      <PartOrderDrawer
        store={store}
        id={open}
        onClose={() => {
          setOpen(undefined);
          if (partOrderId) void navigate(`/console/${store}/part-orders`, { replace: true });
        }}
        onChanged={() => setChanges((c) => c + 1)}
      />
      <PartOrderDialog
        open={recording}
        store={store}
        onClose={() => setRecording(false)}
        onDone={(made) => {
          setChanges((c) => c + 1);
          if (made) setOpen(made.id);
        }}
      />
    </>
  );
}
