import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useTableParams } from '../../antd/tableParams';
import { useAuth } from '../../auth/AuthContext';
import { dayBounds } from '../../ui/format';
import { useFormatTime, useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
const ACTION_COLOURS = { CREATE: 'green', UPDATE: 'blue', DELETE: 'red' } as const;
const FILTERS = ['entityType', 'actor', 'action', 'from', 'to'] as const;

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Who changed what, when and from where; filtered by entity, actor, action and day. */
export function AuditLog() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const zone = useStoreZone();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const params = useTableParams({ size: 50 }, FILTERS);
  const { entityType, actor, action, from, to } = params.filters;

  const entries = useLoad(
    (signal) =>
      api.get<Page<AuditEntry>>(
        `/api/stores/${store}/audit`,
        {
          entityType,
          actor,
          action,
          // whole days of the store, as the times in the table read
          from: from ? dayBounds(from, zone).start : undefined,
          to: to ? dayBounds(to, zone).end : undefined,
          page: params.page,
          size: params.size,
        },
        signal,
      ),
    [store, zone, entityType, actor, action, from, to, params.page, params.size],
  );

  return (
    <>
      <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear defaultValue={entityType} placeholder={t('audit.fields.entityType')} aria-label={t('audit.fields.entityType')} onSearch={(v) => params.filter('entityType', v.trim())} />
        <Input.Search allowClear defaultValue={actor} placeholder={t('audit.fields.actor')} aria-label={t('audit.fields.actor')} onSearch={(v) => params.filter('actor', v.trim())} />
        <Select
          allowClear
          aria-label={t('audit.fields.action')}
          placeholder={t('audit.fields.action')}
          value={action || undefined}
          style={{ minWidth: 140 }}
          onChange={(v?: string) => params.filter('action', v)}
          options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
        />
        <label>
          {t('audit.from')} <Input type="date" value={from} onChange={(e) => params.filter('from', e.target.value)} style={{ width: 160 }} />
        </label>
        <label>
          {t('audit.to')} <Input type="date" value={to} onChange={(e) => params.filter('to', e.target.value)} style={{ width: 160 }} />
        </label>
      </Space>
      <ProblemAlert error={entries.error} onRetry={entries.reload} />
      <Table<AuditEntry>
        rowKey="id"
        loading={entries.loading}
        dataSource={entries.data?.content ?? []}
        locale={{ emptyText: t('common.empty') }}
        onChange={(pagination, _f, sorter) => params.onTableChange(pagination, sorter as never)}
        pagination={{
          current: params.page + 1,
          pageSize: params.size,
          total: entries.data?.totalElements ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
        }}
        expandable={{
          rowExpandable: (e) => Object.keys(e.changes ?? {}).length > 0,
          expandedRowRender: (e) => (
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={Object.entries(e.changes ?? {}).map(([field, change]) => ({ field, before: change.before, after: change.after }))}
              columns={[
                { key: 'field', dataIndex: 'field', title: t('audit.field') },
                { key: 'before', dataIndex: 'before', title: t('audit.before'), render: show },
                { key: 'after', dataIndex: 'after', title: t('audit.after'), render: show },
              ]}
            />
          ),
        }}
        columns={[
          { key: 'occurredAt', dataIndex: 'occurredAt', title: t('audit.fields.occurredAt'), render: (at: string) => formatTime(at) },
          { key: 'actor', title: t('audit.fields.actor'), render: (_, e) => `${e.actorName} (${e.actorRole})` },
          { key: 'action', dataIndex: 'action', title: t('audit.fields.action'), render: (a: AuditEntry['action']) => <Tag color={ACTION_COLOURS[a]}>{t(`audit.actions.${a}`)}</Tag> },
          { key: 'entityType', dataIndex: 'entityType', title: t('audit.fields.entityType') },
          { key: 'entityId', dataIndex: 'entityId', title: t('audit.fields.entityId'), ellipsis: true },
          { key: 'clientIp', dataIndex: 'clientIp', title: t('audit.fields.clientIp') },
        ]}
      />
    </>
  );
}
