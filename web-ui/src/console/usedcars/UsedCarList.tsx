import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { UsedCarStatus, UsedCarSummary } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useTableParams } from '../../antd/tableParams';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { carName, daysSince, formatKm, formatWaiting, formatYuan, QUEUE_STATUSES, USED_CAR_STATUSES } from '../../ui/usedCar';
import { StatusTag } from './StatusTag';

type Mode = 'queue' | 'all';

function isStatus(value: string): value is UsedCarStatus {
  return (USED_CAR_STATUSES as readonly string[]).includes(value);
}

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
  const { api } = useAuth();
  const manages = useCan('USED_CAR_MANAGE');
  const navigate = useNavigate();
  const queue = mode === 'queue';
  const params = useTableParams({ size: 20, sort: queue ? 'submittedAt,asc' : 'submittedAt,desc' }, ['status']);
  const chosen = (params.filters.status ?? '').split(',').filter(isStatus);
  const statuses = queue ? [...QUEUE_STATUSES] : chosen;

  const cars = useLoad(
    (signal) =>
      api.get<Page<UsedCarSummary>>(
        `/api/stores/${store}/used-cars`,
        { status: statuses.join(','), q: params.q, page: params.page, size: params.size, sort: params.sort },
        signal,
      ),
    [store, statuses.join(','), params.q, params.page, params.size, params.sort],
  );

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: params.sortOrderOf(key) });
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

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{queue ? t('usedCars.queueTitle') : t('usedCars.title')}</Typography.Title>
        {manages && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/console/${store}/used-cars/new`)}>
            {t('usedCars.submit')}
          </Button>
        )}
      </Space>
      {queue && <Typography.Paragraph type="secondary">{t('usedCars.queueHint')}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={params.q}
          placeholder={t('usedCars.searchPlaceholder')}
          aria-label={t('usedCars.searchPlaceholder')}
          onSearch={(q) => params.search(q.trim())}
          style={{ width: 320 }}
        />
        {!queue && (
          <Select<UsedCarStatus[]>
            mode="multiple"
            allowClear
            value={chosen}
            onChange={(values) => params.filter('status', values.join(','))}
            placeholder={t('usedCars.allStatuses')}
            aria-label={t('usedCars.statusFilter')}
            options={USED_CAR_STATUSES.map((s) => ({ value: s, label: t(`usedCars.statuses.${s}`) }))}
            style={{ minWidth: 280 }}
          />
        )}
      </Space>
      <ProblemAlert error={cars.error} onRetry={cars.reload} />
      <Table<UsedCarSummary>
        rowKey="id"
        loading={cars.loading}
        dataSource={cars.data?.content ?? []}
        onChange={(pagination, _filters, sorter) => params.onTableChange(pagination, sorter as never)}
        locale={{ emptyText: t('common.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: params.page + 1,
          pageSize: params.size,
          total: cars.data?.totalElements ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        columns={columns}
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
