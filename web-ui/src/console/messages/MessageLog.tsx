import { Result, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import type { OutgoingMessage } from '../../api/owner';
import { ListPage, useSortable } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useFormatTime } from '../../ui/storeZone';

const DEFAULTS = { size: 20, sort: 'createdAt,desc' };
const STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_COLOURS: Record<Status, string> = { PENDING: 'blue', SENT: 'green', FAILED: 'red' };

/** What the store sent to whom (verification codes, later reminders): newest first, searchable, filtered by delivery. */
export function MessageLog() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const sortable = useSortable(DEFAULTS);

  const columns: ColumnsType<OutgoingMessage & { status?: string }> = [
    { ...sortable('createdAt'), title: t('messages.fields.sentAt'), render: (_, m) => formatTime(m.sentAt ?? m.createdAt) },
    { ...sortable('recipient'), title: t('messages.fields.recipient'), render: (_, m) => m.phone ?? m.recipient },
    {
      key: 'kind',
      title: t('messages.fields.kind'),
      render: (_, m) => {
        const kind = m.kind ?? m.type ?? m.channel;
        return kind === 'SMS' ? t('listPages.messages.channels.SMS') : kind;
      },
    },
    { key: 'text', title: t('messages.fields.text'), render: (_, m) => m.text ?? m.body ?? m.content },
    {
      ...sortable('status'),
      dataIndex: 'status',
      title: t('listPages.messages.status'),
      render: (status?: string) =>
        status && (STATUSES as readonly string[]).includes(status) ? (
          <Tag color={STATUS_COLOURS[status as Status]}>{t(`listPages.messages.statuses.${status as Status}`)}</Tag>
        ) : (
          status
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('messages.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.messages') }]}
      />
      <ListPage<OutgoingMessage & { status?: string }>
        id="messages"
        path={`/api/stores/${store}/messages`}
        defaults={DEFAULTS}
        rowKey={(m) => m.id ?? `${m.sentAt ?? m.createdAt}-${m.phone ?? m.recipient}`}
        filters={[
          { name: 'q', kind: 'text', label: t('listPages.messages.search'), placeholder: t('messages.searchPlaceholder') },
          {
            name: 'status',
            kind: 'select',
            label: t('listPages.messages.status'),
            placeholder: t('listPages.messages.allStatuses'),
            options: STATUSES.map((s) => ({ value: s, label: t(`listPages.messages.statuses.${s}`) })),
          },
        ]}
        columns={columns}
        empty={{ description: t('listPages.messages.empty') }}
        // a version of store-console without the message log answers 404 for the store it knows
        unavailable={(error) =>
          isApiError(error) && error.status === 404 && error.slug !== 'store-not-found' ? <Result status="info" title={t('messages.unavailable')} /> : undefined
        }
      />
    </>
  );
}
