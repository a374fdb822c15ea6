import { PlusOutlined } from '@ant-design/icons';
import { Button, Progress, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { GiftDistributionStatus, GiftDistributionView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { GiftDistributionDrawer } from './GiftDistributionDrawer';

export const GIFT_DISTRIBUTION_STATUSES = ['DRAFT', 'RUNNING', 'DONE'] as const satisfies readonly GiftDistributionStatus[];
export const DISTRIBUTION_COLOURS: Record<GiftDistributionStatus, string> = { DRAFT: 'default', RUNNING: 'processing', DONE: 'green' };
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/** How far a distribution is: members done of all, in percent. */
export function percentDone(d: Pick<GiftDistributionView, 'done' | 'members'>) {
  return d.members === 0 ? 0 : Math.floor((d.done * 100) / d.members);
}

/**
 * 礼品发放 (GIFT-3, decision 0049): the store's batch distributions, newest first, each with its status, a progress
 * bar (members done of all) and its counts (given, skipped); filters by status and a title or gift. A row opens the
 * drawer (the draft's members and the start, or the progress and the report); who manages gifts creates one.
 */
export function GiftDistributionList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const formatTime = useFormatTime();
  const manages = useCan('GIFT_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const [changes, setChanges] = useState(0);
  const [open, setOpen] = useState<{ id?: string } | null>(null);
  const n = (value: number) => formatPoints(value, i18n.language);

  const columns: ColumnsType<GiftDistributionView> = [
    {
      ...sortable('title'),
      title: t('gifts.distributions.fields.title'),
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => setOpen({ id: d.id })}>
          {d.title}
        </Button>
      ),
    },
    { key: 'gift', title: t('gifts.distributions.fields.gift'), render: (_, d) => d.giftName },
    { key: 'quantity', title: t('gifts.distributions.fields.quantity'), align: 'right', render: (_, d) => n(d.quantity) },
    {
      ...sortable('status'),
      title: t('gifts.distributions.fields.status'),
      render: (_, d) => <Tag color={DISTRIBUTION_COLOURS[d.status]}>{t(`gifts.distributions.statuses.${d.status}`)}</Tag>,
    },
    {
      key: 'progress',
      title: t('gifts.distributions.fields.progress'),
      render: (_, d) =>
        d.status === 'DRAFT' ? (
          t('gifts.distributions.membersChosen', { count: d.members })
        ) : (
          <Progress size="small" style={{ minWidth: 140 }} percent={percentDone(d)} status={d.status === 'RUNNING' ? 'active' : 'success'} format={() => `${n(d.done)}/${n(d.members)}`} />
        ),
    },
    { key: 'given', title: t('gifts.distributions.fields.given'), align: 'right', render: (_, d) => n(d.given) },
    { key: 'skipped', title: t('gifts.distributions.fields.skipped'), align: 'right', render: (_, d) => n(d.skipped) },
    { key: 'createdBy', title: t('gifts.distributions.fields.createdBy'), render: (_, d) => d.createdBy },
    { ...sortable('createdAt'), title: t('gifts.distributions.fields.createdAt'), render: (_, d) => formatTime(d.createdAt) },
  ];

  const filters: ListFilter[] = [
    { name: 'search', kind: 'text', label: t('gifts.distributions.search'), placeholder: t('gifts.distributions.searchPlaceholder') },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('gifts.distributions.fields.status'),
      placeholder: t('gifts.distributions.allStatuses'),
      options: GIFT_DISTRIBUTION_STATUSES.map((s) => ({ value: s, label: t(`gifts.distributions.statuses.${s}`) })),
    },
  ];

  const create = manages && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({})}>
      {t('gifts.distributions.create')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('gifts.distributions.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.giftDistributions') }]}
        extra={create}
      />
      <ListPage<GiftDistributionView>
        id="giftDistributions"
        path={`/api/stores/${store}/gift-distributions`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        refresh={changes}
        empty={{ description: t('gifts.distributions.empty'), action: create }}
      />
      {open && (
        <GiftDistributionDrawer
          store={store}
          distributionId={open.id}
          onClose={() => setOpen(null)}
          onChanged={(after) => {
            if (after === undefined) setOpen(null);
            else if (open.id === undefined) setOpen({ id: after.id });
            setChanges((c) => c + 1);
          }}
        />
      )}
    </>
  );
}
