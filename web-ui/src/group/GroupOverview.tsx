import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupView, StoreView } from '../api/types';
import { ListPage, useSortable } from '../antd/ListPage';
import { PageHeader } from '../antd/PageHeader';
import { formatTime, knownZone } from '../ui/format';
import { CreateStore } from './CreateStore';
import { EditStore } from './EditStore';
import { GroupOverviewDashboard } from './GroupOverviewDashboard';

export const STORE_STATUSES = ['PROVISIONING', 'ACTIVE', 'READ_ONLY', 'FAILED', 'SUSPENDED'] as const;
const DEFAULTS = { size: 20, sort: 'code,asc' };
const STATUS_COLOURS = { PROVISIONING: 'blue', ACTIVE: 'green', READ_ONLY: 'volcano', FAILED: 'red', SUSPENDED: 'orange' } as const;

/** The group's business numbers for a period and its stores ranked; the stores with status; create a store and watch it come up. */
export function GroupOverview({ groupCode, group }: { groupCode: string; group?: GroupView }) {
  const { t, i18n } = useTranslation();
  const sortable = useSortable(DEFAULTS);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StoreView>();
  // raised after a store was opened or changed, so the list reloads
  const [changes, setChanges] = useState(0);

  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('group.createStore')}
    </Button>
  );

  const columns: ColumnsType<StoreView> = [
    { ...sortable('code'), dataIndex: 'code', title: t('group.fields.code') },
    {
      ...sortable('name'),
      dataIndex: 'name',
      title: t('group.fields.name'),
      render: (name: string, s) => (s.status === 'ACTIVE' || s.status === 'READ_ONLY' ? <Link to={`/console/${s.code}`}>{name}</Link> : name),
    },
    { ...sortable('city'), dataIndex: 'city', title: t('group.fields.city') },
    { key: 'brand', dataIndex: 'brand', title: t('group.fields.brand') },
    {
      key: 'contact',
      title: t('stores.fields.contact'),
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          {s.phone && <span>{s.phone}</span>}
          {s.address && <Typography.Text type="secondary">{s.address}</Typography.Text>}
        </Space>
      ),
    },
    {
      ...sortable('status'),
      dataIndex: 'status',
      title: t('group.fields.status'),
      render: (s: StoreView['status'], row) => (
        <Tag color={STATUS_COLOURS[s]} title={row.failureReason ?? undefined}>
          {t(`group.statuses.${s}`)}
        </Tag>
      ),
    },
    {
      ...sortable('createdAt'),
      dataIndex: 'createdAt',
      title: t('common.createdAt'),
      // each store's row in that store's zone, as its own console shows it
      render: (at: string, s) => formatTime(at, i18n.language, knownZone(s.timeZone)),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) => (
        <Button type="link" size="small" onClick={() => setEditing(s)} aria-label={t('stores.edit.action', { name: s.name })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={group ? group.name : groupCode} breadcrumb={[{ title: t('group.group') }, { title: group ? group.name : groupCode }]} extra={create} />
      <GroupOverviewDashboard groupCode={groupCode} />
      <Typography.Title level={3}>{t('listPages.stores.title')}</Typography.Title>
      <ListPage<StoreView>
        id="groupStores"
        path={`/api/admin/groups/${groupCode}/stores`}
        defaults={DEFAULTS}
        rowKey="code"
        filters={[
          { name: 'q', kind: 'text', label: t('listPages.stores.search'), placeholder: t('group.searchPlaceholder') },
          {
            name: 'status',
            kind: 'select',
            label: t('group.fields.status'),
            placeholder: t('listPages.stores.allStatuses'),
            options: STORE_STATUSES.map((s) => ({ value: s, label: t(`group.statuses.${s}`) })),
          },
        ]}
        columns={columns}
        refresh={changes}
        empty={{ description: t('listPages.stores.empty'), action: create }}
      />
      <EditStore
        store={editing}
        onClose={(changed) => {
          setEditing(undefined);
          if (changed) setChanges((n) => n + 1);
        }}
      />
      <CreateStore
        groupCode={groupCode}
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) setChanges((n) => n + 1);
        }}
      />
    </>
  );
}
