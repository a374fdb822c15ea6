import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Progress, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AdvisorAnnouncementDetail, AdvisorAnnouncementRow, AdvisorEntry } from '../../api/types';
import { ListPage, useSortable } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

const DEFAULTS = { size: 20, sort: 'postedAt,desc' };

interface Draft {
  title: string;
  body: string;
  audience: 'ALL' | 'CHOSEN';
  advisors?: string[];
}

/** 发布公告: title, text and who it is for (every advisor, or the chosen ones from the directory). */
export function PostAnnouncementDialog({ store, open, onClose, onPosted }: { store: string; open: boolean; onClose: () => void; onPosted: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<Draft>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const audience = Form.useWatch('audience', form);
  const directory = useLoad<AdvisorEntry[]>(
    (signal) => (open ? api.get<AdvisorEntry[]>(`/api/stores/${store}/advisors`, undefined, signal) : Promise.resolve([])),
    [store, open],
  );

  const post = async (draft: Draft) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.post(`/api/stores/${store}/advisors/announcements`, {
        title: draft.title,
        body: draft.body,
        advisors: draft.audience === 'CHOSEN' ? draft.advisors : undefined,
      });
      form.resetFields();
      onPosted();
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('advisorNews.post')}
      okText={t('advisorNews.send')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<Draft> form={form} layout="vertical" initialValues={{ audience: 'ALL' }} onFinish={(v) => void post(v)}>
        <Form.Item name="title" label={t('advisorNews.fields.title')} rules={[{ required: true, whitespace: true, message: t('advisorNews.titleRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="body" label={t('advisorNews.fields.body')} rules={[{ required: true, whitespace: true, message: t('advisorNews.bodyRequired') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="audience" label={t('advisorNews.fields.audience')}>
          <Radio.Group
            options={[
              { value: 'ALL', label: t('advisorNews.audience.ALL') },
              { value: 'CHOSEN', label: t('advisorNews.audience.CHOSEN') },
            ]}
          />
        </Form.Item>
        {audience === 'CHOSEN' && (
          <Form.Item name="advisors" label={t('advisorNews.fields.advisors')} rules={[{ required: true, message: t('advisorNews.advisorsRequired') }]}>
            <Select
              mode="multiple"
              aria-label={t('advisorNews.fields.advisors')}
              loading={directory.loading}
              optionFilterProp="label"
              options={(directory.data ?? []).filter((a) => a.active && a.enabled).map((a) => ({ value: a.username, label: a.displayName }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One announcement for the manager: its text, and who has not read it yet, then who has (with when). */
export function AnnouncementReceipts({ store, id, onClose }: { store: string; id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const detail = useLoad<AdvisorAnnouncementDetail | undefined>(
    (signal) => (id ? api.get<AdvisorAnnouncementDetail>(`/api/stores/${store}/advisors/announcements/${id}`, undefined, signal) : Promise.resolve(undefined)),
    [store, id],
  );
  const d = detail.data;
  const unread = d?.readers.filter((r) => !r.readAt) ?? [];
  const read = d?.readers.filter((r) => r.readAt) ?? [];
  return (
    <Drawer open={id !== undefined} onClose={onClose} size="large" title={d?.title ?? t('advisorNews.detail')}>
      {detail.loading && !d ? (
        <Spin />
      ) : !d ? (
        <ProblemAlert error={detail.error} onRetry={detail.reload} />
      ) : (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('advisorNews.fields.postedBy')}>{d.postedByName}</Descriptions.Item>
            <Descriptions.Item label={t('advisorNews.fields.postedAt')}>{formatTime(d.postedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('advisorNews.fields.read')}>{t('advisorNews.readOf', { read: d.readCount, total: d.total })}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
          <Typography.Title level={5}>{t('advisorNews.unreadBy', { n: unread.length })}</Typography.Title>
          {unread.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('advisorNews.everyoneRead')}</Typography.Paragraph>
          ) : (
            <ul data-testid="unread-advisors">
              {unread.map((r) => (
                <li key={r.username}>{r.displayName}</li>
              ))}
            </ul>
          )}
          <Typography.Title level={5}>{t('advisorNews.readBy', { n: read.length })}</Typography.Title>
          {read.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('advisorNews.nobodyRead')}</Typography.Paragraph>
          ) : (
            <ul data-testid="read-advisors">
              {read.map((r) => (
                <li key={r.username}>
                  {r.displayName} <Typography.Text type="secondary">{formatTime(r.readAt)}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Drawer>
  );
}

/**
 * 顾问公告 for managers (decision 0042): what was posted, newest first, with how many of its advisors have read it;
 * a row opens who has not; 发布公告 posts to every advisor or to chosen ones.
 */
export function AdvisorAnnouncementList() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const sortable = useSortable(DEFAULTS);
  const [posting, setPosting] = useState(false);
  const [opened, setOpened] = useState<string>();
  const [changes, setChanges] = useState(0);

  const columns: ColumnsType<AdvisorAnnouncementRow> = [
    {
      ...sortable('title'),
      title: t('advisorNews.fields.title'),
      render: (_, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpened(row.id)}>
          {row.title}
        </Button>
      ),
    },
    {
      key: 'audience',
      title: t('advisorNews.fields.audience'),
      render: (_, row) => <Tag>{t(`advisorNews.audience.${row.audience}`, { defaultValue: row.audience })}</Tag>,
    },
    { key: 'postedBy', title: t('advisorNews.fields.postedBy'), render: (_, row) => row.postedByName },
    { ...sortable('postedAt'), title: t('advisorNews.fields.postedAt'), render: (_, row) => formatTime(row.postedAt) },
    {
      key: 'read',
      title: t('advisorNews.fields.read'),
      render: (_, row) => (
        <Space>
          <Progress type="circle" size={28} percent={row.total === 0 ? 0 : Math.round((row.readCount * 100) / row.total)} showInfo={false} />
          <span>{t('advisorNews.readOf', { read: row.readCount, total: row.total })}</span>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('advisorNews.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.advisorNews') }]}
      />
      <ListPage<AdvisorAnnouncementRow>
        id="advisorNews"
        path={`/api/stores/${store}/advisors/announcements`}
        defaults={DEFAULTS}
        rowKey="id"
        columns={columns}
        refresh={changes}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
            {t('advisorNews.post')}
          </Button>
        }
        empty={{ description: t('advisorNews.empty') }}
      />
      <PostAnnouncementDialog
        store={store}
        open={posting}
        onClose={() => setPosting(false)}
        onPosted={() => {
          setPosting(false);
          setChanges((n) => n + 1);
          message.success(t('advisorNews.posted'));
        }}
      />
      <AnnouncementReceipts store={store} id={opened} onClose={() => setOpened(undefined)} />
    </>
  );
}
