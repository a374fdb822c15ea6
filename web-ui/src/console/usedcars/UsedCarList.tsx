import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { UsedCarStatus, UsedCarSummary } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useCan } from '../permissions';
import { useFormatTime } from '../../ui/storeZone';
import { carName, daysSince, formatKm, formatWaiting, formatYuan, QUEUE_STATUSES, USED_CAR_STATUSES } from '../../ui/usedCar';
import { StatusTag } from './StatusTag';

type Mode = 'queue' | 'all';

/** How long the car has waited, and for whom: the reviewer (coloured as it grows) or the owner. */
function Waiting({ car }: { car: UsedCarSummary }) {
  const { t } = useTranslation();
  if (car.status === 'CHANGES_REQUESTED') {
    return <Typography.Text type="secondary">{t('usedCars.waitingOwner', { time: formatWaiting(t, car.updatedAt) })}</Typography.Text>;
  }
  const days = daysSince(car.submittedAt);
  const colour = days >= 3 ? 'red' : days >= 1 ? 'gold' : undefined;
  return <Tag color={colour}>{t('usedCars.waitingReview', { time: formatWaiting(t, car.submittedAt) })}</Tag>;
}

/** The list of consigned cars: the review queue (waiting, oldest first) or all cars with a status filter. */
function UsedCarTable({ mode }: { mode: Mode }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const manages = useCan('USED_CAR_MANAGE');
  const navigate = useNavigate();
  const queue = mode === 'queue';
  const defaults = { size: 20, sort: queue ? 'submittedAt,asc' : 'submittedAt,desc' };
  const sortable = useSortable(defaults);

  const columns: ColumnsType<UsedCarSummary> = [
    {
      ...sortable('make'),
      title: t('usedCars.car'),
      render: (_, car) => (
        <Link to={`/console/${store}/used-cars/${car.id}`} state={{ from: mode }}>
          {carName(car)}
        </Link>
      ),
    },
    { ...sortable('year'), dataIndex: 'year', title: t('usedCars.fields.year') },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('usedCars.fields.status'),
      render: (status: UsedCarStatus) => <StatusTag status={status} />,
    },
    ...(queue ? [{ key: 'waiting', title: t('usedCars.waiting'), render: (_: unknown, car: UsedCarSummary) => <Waiting car={car} /> }] : []),
    {
      ...sortable('mileageKm'),
      dataIndex: 'mileageKm',
      title: t('usedCars.fields.mileageKm'),
      align: 'right',
      render: (km: number) => formatKm(t, km, i18n.language),
    },
    { key: 'city', dataIndex: 'city', title: t('usedCars.fields.city') },
    {
      ...sortable('priceWishYuan'),
      dataIndex: 'priceWishYuan',
      title: t('usedCars.fields.priceWishYuan'),
      align: 'right',
      render: (yuan: number) => formatYuan(yuan, i18n.language, { wan: false }),
    },
    ...(queue
      ? [{ key: 'revision', dataIndex: 'revision', title: t('usedCars.fields.revision'), align: 'right' as const }]
      : [
          {
            ...sortable('askingPriceYuan'),
            dataIndex: 'askingPriceYuan',
            title: t('usedCars.fields.askingPriceYuan'),
            align: 'right' as const,
            render: (yuan: number | null | undefined) => formatYuan(yuan, i18n.language, { wan: false }),
          },
        ]),
    {
      ...sortable('submittedAt'),
      dataIndex: 'submittedAt',
      title: t('usedCars.fields.submittedAt'),
      render: (at: string) => formatTime(at, 'short'),
    },
    ...(queue
      ? []
      : [
          {
            ...sortable('updatedAt'),
            dataIndex: 'updatedAt',
            title: t('common.updatedAt'),
            render: (at: string) => formatTime(at, 'short'),
          },
        ]),
  ];

  const submit = manages ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/console/${store}/used-cars/new`)}>
      {t('usedCars.submit')}
    </Button>
  ) : undefined;
  const filters: ListFilter[] = [
    { name: 'q', kind: 'text', label: t('listPattern.usedCars.search'), placeholder: t('usedCars.searchPlaceholder') },
    ...(queue
      ? []
      : [
          {
            name: 'status',
            kind: 'select' as const,
            multiple: true,
            label: t('usedCars.statusFilter'),
            placeholder: t('usedCars.allStatuses'),
            options: USED_CAR_STATUSES.map((s) => ({ value: s, label: t(`usedCars.statuses.${s}`) })),
          },
        ]),
  ];
  const title = queue ? t('usedCars.queueTitle') : t('usedCars.title');

  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t(queue ? 'console.menu.usedCarQueue' : 'console.menu.usedCars') }]}
      />
      {queue && <Typography.Paragraph type="secondary">{t('usedCars.queueHint')}</Typography.Paragraph>}
      <ListPage<UsedCarSummary>
        id={queue ? 'usedCarQueue' : 'usedCars'}
        path={`/api/stores/${store}/used-cars`}
        fixedQuery={queue ? { status: QUEUE_STATUSES.join(',') } : undefined}
        defaults={defaults}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        actions={submit}
        empty={{
          description: t(queue ? 'listPattern.usedCars.emptyQueue' : manages ? 'listPattern.usedCars.empty' : 'listPattern.usedCars.emptyReadOnly'),
          action: queue ? undefined : submit,
        }}
      />
    </>
  );
}

/** 待审核: cars waiting for the expert review or for their owner's changes, oldest first. */
export function ReviewQueue() {
  return <UsedCarTable mode="queue" />;
}

/** 二手车: every consigned car, filtered by status, searched, sorted and paged in the address. */
export function UsedCarList() {
  return <UsedCarTable mode="all" />;
}
