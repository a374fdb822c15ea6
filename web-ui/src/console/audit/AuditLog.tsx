import { DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { AuditActor, AuditEntry } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useTableParams } from '../../antd/tableParams';
import { useAuth } from '../../auth/AuthContext';
import { dayBounds, formatTime } from '../../ui/format';
import { useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { actorText, AUDITED, entityName, fieldName, formatValue } from './auditText';

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
const ACTION_COLOURS = { CREATE: 'green', UPDATE: 'blue', DELETE: 'red' } as const;
const FILTERS = ['entityType', 'actor', 'action', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

/** Who changed what, when and from where, as a person reads it; filtered by kind of object, actor, action and days. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
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
  const actors = useLoad((signal) => api.get<AuditActor[]>(`/api/stores/${store}/audit/actors`, {}, signal), [store]);

  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from, DAY), dayjs(to, DAY)] : null;

  return (
    <>
      <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('audit.fields.entityType')}
          placeholder={t('auditNames.filters.entityType')}
          value={entityType || undefined}
          style={{ minWidth: 180 }}
          onChange={(v?: string) => params.filter('entityType', v)}
          options={Object.keys(AUDITED.entities).map((type) => ({ value: type, label: entityName(t, type) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('audit.fields.actor')}
          placeholder={t('auditNames.filters.actor')}
          value={actor || undefined}
          loading={actors.loading}
          style={{ minWidth: 220 }}
          onChange={(v?: string) => params.filter('actor', v)}
          options={(actors.data ?? []).map((a) => ({ value: a.subject, label: actorText(t, a) }))}
        />
        <Select
          allowClear
          aria-label={t('audit.fields.action')}
          placeholder={t('audit.fields.action')}
          value={action || undefined}
          style={{ minWidth: 140 }}
          onChange={(v?: string) => params.filter('action', v)}
          options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('auditNames.filters.dates')}
          placeholder={[t('auditNames.filters.start'), t('auditNames.filters.end')]}
          value={range}
          onChange={(days) => {
            const [start, end] = days ?? [];
            params.filter('from', start ? start.format(DAY) : undefined);
            params.filter('to', end ? end.format(DAY) : undefined);
          }}
        />
      </Space>
      <ProblemAlert error={entries.error ?? actors.error} onRetry={entries.reload} />
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
          expandedRowRender: (e) => {
            const context = { t, language, zone, linkedNames: e.linkedNames ?? {} };
            return (
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={Object.entries(e.changes ?? {}).map(([field, change]) => ({ field, before: change.before, after: change.after }))}
                columns={[
                  { key: 'field', dataIndex: 'field', title: t('audit.field'), render: (field: string) => fieldName(t, e.entityType, field) },
                  { key: 'before', title: t('audit.before'), render: (_, c) => formatValue(e.entityType, c.field, c.before, context) },
                  { key: 'after', title: t('audit.after'), render: (_, c) => formatValue(e.entityType, c.field, c.after, context) },
                ]}
              />
            );
          },
        }}
        columns={[
          { key: 'occurredAt', dataIndex: 'occurredAt', title: t('audit.fields.occurredAt'), render: (at: string) => formatTime(at, language, zone, 'medium', true) },
          { key: 'actor', title: t('audit.fields.actor'), render: (_, e) => actorText(t, { name: e.actorName, displayName: e.actorDisplayName, role: e.actorRole }) },
          { key: 'action', dataIndex: 'action', title: t('audit.fields.action'), render: (a: AuditEntry['action']) => <Tag color={ACTION_COLOURS[a]}>{t(`audit.actions.${a}`)}</Tag> },
          {
            key: 'object',
            title: t('auditNames.object'),
            render: (_, e) =>
              e.entityLabel ? (
                t('auditNames.values.object', { type: entityName(t, e.entityType), name: e.entityLabel })
              ) : (
                <>
                  {entityName(t, e.entityType)} <Typography.Text code copyable>{e.entityId}</Typography.Text>
                </>
              ),
          },
          { key: 'clientIp', dataIndex: 'clientIp', title: t('audit.fields.clientIp') },
        ]}
      />
    </>
  );
}
