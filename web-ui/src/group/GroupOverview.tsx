import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../api/client';
import type { GroupView, StoreView } from '../api/types';
import { ProblemAlert } from '../antd/ProblemAlert';
import { useTableParams } from '../antd/tableParams';
import { useAuth } from '../auth/AuthContext';
import { formatTime, knownZone } from '../ui/format';
import { useLoad } from '../ui/useLoad';
import { CreateStore } from './CreateStore';
import { EditStore } from './EditStore';
import { GroupOverviewDashboard } from './GroupOverviewDashboard';

export const STORE_STATUSES = ['PROVISIONING', 'ACTIVE', 'FAILED', 'SUSPENDED'] as const;
const STATUS_COLOURS = { PROVISIONING: 'blue', ACTIVE: 'green', FAILED: 'red', SUSPENDED: 'orange' } as const;

/** The group's business numbers for a period and its stores ranked; the stores with status; create a store and watch it come up. */
export function GroupOverview({ groupCode, group }: { groupCode: string; group?: GroupView }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const params = useTableParams({ size: 20, sort: 'code,asc' }, ['status']);
  const status = params.filters.status;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StoreView>();

  const stores = useLoad(
    (signal) =>
      api.get<Page<StoreView>>(
        `/api/admin/groups/${groupCode}/stores`,
        { q: params.q, status, page: params.page, size: params.size, sort: params.sort },
        signal,
      ),
    [groupCode, params.q, status, params.page, params.size, params.sort],
  );
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{group ? group.name : groupCode}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('group.createStore')}
        </Button>
      </Space>
      <GroupOverviewDashboard groupCode={groupCode} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear defaultValue={params.q} placeholder={t('group.searchPlaceholder')} aria-label={t('group.searchPlaceholder')} onSearch={(q) => params.search(q.trim())} style={{ width: 320 }} />
        <Select
          allowClear
          aria-label={t('group.fields.status')}
          placeholder={t('group.fields.status')}
          value={status || undefined}
          style={{ minWidth: 160 }}
          onChange={(v?: string) => params.filter('status', v)}
          options={STORE_STATUSES.map((s) => ({ value: s, label: t(`group.statuses.${s}`) }))}
        />
      </Space>
      <ProblemAlert error={stores.error} onRetry={stores.reload} />
      <Table<StoreView>
        rowKey="code"
        loading={stores.loading}
        dataSource={stores.data?.content ?? []}
        locale={{ emptyText: t('common.empty') }}
        onChange={(pagination, _f, sorter) => params.onTableChange(pagination, sorter as never)}
        pagination={{
          current: params.page + 1,
          pageSize: params.size,
          total: stores.data?.totalElements ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('group.fields.code'), sorter: true, sortOrder: params.sortOrderOf('code') },
          {
            key: 'name',
            dataIndex: 'name',
            title: t('group.fields.name'),
            sorter: true,
            sortOrder: params.sortOrderOf('name'),
            render: (name: string, s) => (s.status === 'ACTIVE' ? <Link to={`/console/${s.code}`}>{name}</Link> : name),
          },
          { key: 'city', dataIndex: 'city', title: t('group.fields.city'), sorter: true, sortOrder: params.sortOrderOf('city') },
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
            key: 'status',
            dataIndex: 'status',
            title: t('group.fields.status'),
            sorter: true,
            sortOrder: params.sortOrderOf('status'),
            render: (s: StoreView['status'], row) => (
              <Tag color={STATUS_COLOURS[s]} title={row.failureReason ?? undefined}>
                {t(`group.statuses.${s}`)}
              </Tag>
            ),
          },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            title: t('common.createdAt'),
            sorter: true,
            sortOrder: params.sortOrderOf('createdAt'),
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
        ]}
      />
      <EditStore
        store={editing}
        onClose={(changed) => {
          setEditing(undefined);
          if (changed) stores.reload();
        }}
      />
      <CreateStore
        groupCode={groupCode}
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) stores.reload();
        }}
      />
    </>
  );
}
