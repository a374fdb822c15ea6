import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { components } from '../../api/generated/store-console';
import { useAuth } from '../../auth/AuthContext';
import { relativeTime } from './relativeTime';

type Schemas = components['schemas'];
/** A message of the caller's inbox, its text in the UI's language (GET /api/stores/{store}/inbox). */
export type InboxEntry = Omit<Schemas['InboxEntry'], 'link' | 'readAt'> & { link?: string | null; readAt?: string | null };
export type Inbox = Omit<Schemas['Inbox'], 'content'> & { content: InboxEntry[] };

/** How often the bell asks for new messages while the page is open (and whenever the window gets focus). */
export const POLL_MS = 60_000;
const LATEST = 10;

/**
 * The header's bell (decision 0029): the signed-in user's unread count in this store, the latest messages in a
 * popover with relative times, a click marks the message read and opens its page, 全部已读 marks all. Polls every
 * minute and on focus; no socket.
 */
export function InboxBell({ store }: { store: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const navigate = useNavigate();
  const [inbox, setInbox] = useState<Inbox>();
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    api.get<Inbox>(`/api/stores/${store}/inbox`, { size: LATEST }).then(setInbox, () => undefined);
  }, [api, store]);

  useEffect(() => {
    setInbox(undefined);
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener('focus', load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [load]);

  const openMessage = async (message: InboxEntry) => {
    setOpen(false);
    if (!message.readAt) {
      await api.post(`/api/stores/${store}/inbox/${message.id}/read`).catch(() => undefined);
      load();
    }
    if (message.link) void navigate(message.link);
  };

  const readAll = async () => {
    await api.post(`/api/stores/${store}/inbox/read-all`).catch(() => undefined);
    load();
  };

  const unread = inbox?.unread ?? 0;
  const latest = inbox?.content ?? [];
  const content = (
    <div style={{ width: 340 }} data-testid="inbox-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('inbox.title')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => void readAll()}>
          {t('inbox.readAll')}
        </Button>
      </Space>
      {latest.length > 0 ? (
        <ul className="inbox-list">
          {latest.map((message) => (
            <li key={message.id} data-unread={message.readAt ? undefined : 'true'} style={{ opacity: message.readAt ? 0.6 : 1 }}>
              <Button type="text" block className="inbox-message" onClick={() => void openMessage(message)}>
                <Badge status={message.readAt ? 'default' : 'processing'} />
                <span>
                  <Typography.Text strong={!message.readAt}>{message.title}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{message.body}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{relativeTime(message.createdAt, i18n.language)}</Typography.Text>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} destroyOnHidden>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('inbox.bell', { count: unread })} />
      </Badge>
    </Popover>
  );
}
