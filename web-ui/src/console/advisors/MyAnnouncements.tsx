import { NotificationOutlined } from '@ant-design/icons';
import { Badge, Button, Modal, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MyAdvisorAnnouncement, MyAdvisorAnnouncementsUnread } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';

const DEFAULTS = { size: 20, sort: 'postedAt,desc' };
/** How often the header asks for the unread count (and on window focus), like the inbox bell. */
export const ANNOUNCEMENT_POLL_MS = 60_000;
/** Sent when an announcement was opened, so the header's badge counts again at once. */
export const ANNOUNCEMENT_READ_EVENT = 'm4s:announcement-read';

/** The header's badge: how many announcements to the signed-in advisor are unread; a click opens 我的公告. */
export function AnnouncementBadge({ store }: { store: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    api.get<MyAdvisorAnnouncementsUnread>(`/api/stores/${store}/advisors/announcements/mine/unread`).then((r) => setUnread(r.unread), () => undefined);
  }, [api, store]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, ANNOUNCEMENT_POLL_MS);
    window.addEventListener('focus', load);
    window.addEventListener(ANNOUNCEMENT_READ_EVENT, load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', load);
      window.removeEventListener(ANNOUNCEMENT_READ_EVENT, load);
    };
  }, [load]);
  if (unread === 0) return null;
  return (
    <Tooltip title={t('advisorNews.unreadBadge', { n: unread })}>
      <Link to={`/console/${store}/my-announcements?unread=true`} aria-label={t('advisorNews.unreadBadge', { n: unread })}>
        <Badge count={unread} size="small">
          <NotificationOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}

/**
 * 我的公告 (decision 0042): the announcements that went to the signed-in advisor, unread ones marked; opening one
 * shows its text and is the read receipt (opening it again changes nothing).
 */
export function MyAnnouncements() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const sortable = useSortable(DEFAULTS);
  const [opened, setOpened] = useState<MyAdvisorAnnouncement>();
  const [changes, setChanges] = useState(0);

  const open = async (row: MyAdvisorAnnouncement) => {
    setOpened(row);
    const read = await api.post<MyAdvisorAnnouncement>(`/api/stores/${store}/advisors/announcements/mine/${row.id}/read`).catch(() => undefined);
    if (read && !row.readAt) {
      setChanges((n) => n + 1);
      window.dispatchEvent(new Event(ANNOUNCEMENT_READ_EVENT));
    }
  };

  const columns: ColumnsType<MyAdvisorAnnouncement> = [
    {
      key: 'state',
      title: t('advisorNews.fields.state'),
      render: (_, row) => (row.readAt ? <Tag>{t('advisorNews.read')}</Tag> : <Badge status="processing" text={t('advisorNews.unread')} />),
    },
    {
      ...sortable('title'),
      title: t('advisorNews.fields.title'),
      render: (_, row) => (
        <Button type="link" style={{ padding: 0, fontWeight: row.readAt ? undefined : 600 }} onClick={() => void open(row)}>
          {row.title}
        </Button>
      ),
    },
    { key: 'postedBy', title: t('advisorNews.fields.postedBy'), render: (_, row) => row.postedByName },
    { ...sortable('postedAt'), title: t('advisorNews.fields.postedAt'), render: (_, row) => formatTime(row.postedAt) },
  ];

  const filters: ListFilter[] = [
    {
      name: 'unread',
      kind: 'select',
      label: t('advisorNews.fields.state'),
      options: [{ value: 'true', label: t('advisorNews.unread') }],
    },
  ];

  return (
    <>
      <PageHeader
        title={t('advisorNews.mineTitle')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.myAnnouncements') }]}
      />
      <ListPage<MyAdvisorAnnouncement>
        id="myAnnouncements"
        path={`/api/stores/${store}/advisors/announcements/mine`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        refresh={changes}
        empty={{ description: t('advisorNews.mineEmpty') }}
      />
      <Modal open={opened !== undefined} title={opened?.title} footer={null} onCancel={() => setOpened(undefined)}>
        {opened && (
          <>
            <Typography.Paragraph type="secondary">
              {t('advisorNews.postedLine', { name: opened.postedByName, time: formatTime(opened.postedAt) })}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{opened.body}</Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
