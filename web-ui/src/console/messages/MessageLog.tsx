import { Input, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Page } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { OutgoingMessage } from '../../api/owner';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useTableParams } from '../../antd/tableParams';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

/** What the store sent to whom (verification codes, later reminders): newest first, searchable. */
export function MessageLog() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const params = useTableParams({ size: 20 });
  const messages = useLoad(
    (signal) => api.get<Page<OutgoingMessage>>(`/api/stores/${store}/messages`, { q: params.q, page: params.page, size: params.size }, signal),
    [store, params.q, params.page, params.size],
  );

  if (isApiError(messages.error) && messages.error.status === 404 && messages.error.slug !== 'store-not-found') {
    return <Result status="info" title={t('messages.unavailable')} />;
  }

  return (
    <>
      <Typography.Title level={2}>{t('messages.title')}</Typography.Title>
      <Input.Search
        allowClear
        defaultValue={params.q}
        placeholder={t('messages.searchPlaceholder')}
        aria-label={t('messages.searchPlaceholder')}
        onSearch={(q) => params.search(q.trim())}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ProblemAlert error={messages.error} onRetry={messages.reload} />
      <Table<OutgoingMessage>
        rowKey={(m) => m.id ?? `${m.sentAt ?? m.createdAt}-${m.phone ?? m.recipient}`}
        loading={messages.loading}
        dataSource={messages.data?.content ?? []}
        locale={{ emptyText: t('common.empty') }}
        onChange={(pagination, _f, sorter) => params.onTableChange(pagination, sorter as never)}
        pagination={{
          current: params.page + 1,
          pageSize: params.size,
          total: messages.data?.totalElements ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        columns={[
          { key: 'at', title: t('messages.fields.sentAt'), render: (_, m) => formatTime(m.sentAt ?? m.createdAt) },
          { key: 'to', title: t('messages.fields.recipient'), render: (_, m) => m.phone ?? m.recipient },
          { key: 'kind', title: t('messages.fields.kind'), render: (_, m) => m.kind ?? m.type ?? m.channel },
          { key: 'text', title: t('messages.fields.text'), render: (_, m) => m.text ?? m.body ?? m.content },
        ]}
      />
    </>
  );
}
