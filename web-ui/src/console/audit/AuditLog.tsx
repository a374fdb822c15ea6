import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AuditActor, AuditEntry } from '../../api/types';
import { ListPage, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatTime } from '../../ui/format';
import { useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { actorText, AUDITED, entityName, fieldName, formatValue } from './auditText';

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
const ACTION_COLOURS = { CREATE: 'green', UPDATE: 'blue', DELETE: 'red' } as const;
/** the trail is read newest first; the endpoint has no other order */
const DEFAULTS = { size: 50, sort: 'occurredAt,desc' };

/**
 * Who changed what, when and from where, as a person reads it; filtered by kind of object, actor, action and whole
 * days of the store; exported to Excel with the same filters.
 */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const zone = useStoreZone();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const canExport = useCan('AUDIT_VIEW');
  const actors = useLoad((signal) => api.get<AuditActor[]>(`/api/stores/${store}/audit/actors`, {}, signal), [store]);

  const filters: ListFilter[] = [
    {
      name: 'entityType',
      kind: 'select',
      searchable: true,
      label: t('audit.fields.entityType'),
      placeholder: t('auditNames.filters.entityType'),
      options: Object.keys(AUDITED.entities).map((type) => ({ value: type, label: entityName(t, type) })),
    },
    {
      name: 'actor',
      kind: 'select',
      searchable: true,
      loading: actors.loading,
      label: t('audit.fields.actor'),
      placeholder: t('auditNames.filters.actor'),
      options: (actors.data ?? []).map((a) => ({ value: a.subject, label: actorText(t, a) })),
    },
    {
      name: 'action',
      kind: 'select',
      label: t('audit.fields.action'),
      placeholder: t('audit.fields.action'),
      options: ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
    },
    {
      name: 'from',
      end: 'to',
      kind: 'dayRange',
      label: t('auditNames.filters.dates'),
      placeholders: [t('auditNames.filters.start'), t('auditNames.filters.end')],
    },
  ];

  const columns: ColumnsType<AuditEntry> = [
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
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.audit') }]}
      />
      <ProblemAlert error={actors.error} onRetry={actors.reload} />
      <ListPage<AuditEntry>
        id="audit"
        path={`/api/stores/${store}/audit`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable={canExport}
        pageSizeOptions={[20, 50, 100, 200]}
        empty={{ description: t('listPages.audit.empty') }}
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
      />
    </>
  );
}
