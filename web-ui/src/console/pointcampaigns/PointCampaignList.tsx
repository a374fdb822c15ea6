import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PointCampaignStatus, PointCampaignView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { PointCampaignDrawer } from './PointCampaignDrawer';

export const POINT_CAMPAIGN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'GRANTING', 'DONE', 'REJECTED'] as const satisfies readonly PointCampaignStatus[];
export const STATUS_COLOURS: Record<PointCampaignStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'gold',
  APPROVED: 'blue',
  GRANTING: 'processing',
  DONE: 'green',
  REJECTED: 'red',
};
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

type Open = { kind: 'create' } | { kind: 'open'; id: string } | null;

/**
 * 积分活动 (decision 0037): the store's manual point campaigns with their members and what the grant did; filters by
 * status and a search, Excel export. A row opens the drawer: the editor for a draft, the review for a submitted one,
 * the progress while granting.
 */
export function PointCampaignList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const manages = useCan('POINT_CAMPAIGN_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/point-campaigns`;
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [open, setOpen] = useState<Open>(null);
  const n = (value: number) => formatPoints(value, i18n.language);

  const columns: ColumnsType<PointCampaignView> = [
    {
      ...sortable('name'),
      title: t('pointCampaigns.fields.name'),
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setOpen({ kind: 'open', id: c.id })}>
          {c.name}
        </Button>
      ),
    },
    { ...sortable('pointsPerMember'), title: t('pointCampaigns.fields.pointsPerMember'), align: 'right', render: (_, c) => n(c.pointsPerMember) },
    { key: 'members', title: t('pointCampaigns.fields.members'), align: 'right', render: (_, c) => n(c.members) },
    {
      ...sortable('status'),
      title: t('pointCampaigns.fields.status'),
      render: (_, c) => <Tag color={STATUS_COLOURS[c.status]}>{t(`pointCampaigns.statuses.${c.status}`)}</Tag>,
    },
    {
      key: 'result',
      title: t('pointCampaigns.fields.result'),
      render: (_, c) => (c.membersDone > 0 ? t('pointCampaigns.resultText', { granted: n(c.granted), skipped: n(c.skipped) }) : '—'),
    },
    { key: 'createdBy', title: t('pointCampaigns.fields.createdBy'), dataIndex: 'createdBy' },
    { ...sortable('createdAt'), title: t('pointCampaigns.fields.createdAt'), render: (_, c) => formatTime(c.createdAt) },
  ];

  const filters: ListFilter[] = [
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('pointCampaigns.fields.status'),
      placeholder: t('pointCampaigns.allStatuses'),
      options: POINT_CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`pointCampaigns.statuses.${s}`) })),
    },
    { name: 'q', kind: 'text', label: t('pointCampaigns.search'), placeholder: t('pointCampaigns.searchPlaceholder') },
  ];

  const create = manages ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'create' })}>
      {t('pointCampaigns.create')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t('pointCampaigns.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.pointCampaigns') }]}
      />
      <ListPage<PointCampaignView>
        id="pointCampaigns"
        path={base}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        actions={create}
        exportable
        refresh={changes}
        empty={{ description: t('pointCampaigns.empty'), action: create }}
      />
      {open !== null && (
        <PointCampaignDrawer
          store={store}
          campaignId={open.kind === 'open' ? open.id : undefined}
          onClose={() => {
            setOpen(null);
            reload();
          }}
          onChanged={(c, done) => {
            if (done) message.success(t(`pointCampaigns.done.${done}`, { name: c.name }));
            setOpen({ kind: 'open', id: c.id });
            reload();
          }}
        />
      )}
    </>
  );
}
