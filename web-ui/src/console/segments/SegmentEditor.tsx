import { pagesOf } from '../../antd/tableParams';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { AdvisorEntry, CardProgrammeView, SegmentMemberView, SegmentRule, SegmentView, TagView } from '../../api/types';
import { saveFile } from '../../antd/download';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { RuleEditor, emptyRule, type RuleOptions } from './RuleEditor';
import { useSegmentPreview } from './useSegmentPreview';

const PAGE_SIZE = 10;

/**
 * A segment's editor (会员分群, decision 0041): its name and rule rows; while rules change, the count of matching
 * members and a paged preview of them, read from the server as the data is now (nothing saved until 保存). A saved
 * segment's members export to Excel for those who may export members.
 */
export function SegmentEditor() {
  const { t, i18n } = useTranslation();
  const { store = '', segmentId } = useParams();
  const navigate = useNavigate();
  const { api } = useAuth();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const manages = useCan('SEGMENT_MANAGE');
  const exports = useCan('MEMBER_EXPORT');
  const base = `/api/stores/${store}/segments`;
  const isNew = !segmentId;

  const saved = useLoad<SegmentView | undefined>((signal) => (segmentId ? api.get<SegmentView>(`${base}/${segmentId}`, undefined, signal) : Promise.resolve(undefined)), [base, segmentId]);
  const options = useRuleOptions(store);
  const [name, setName] = useState('');
  const [rules, setRules] = useState<SegmentRule[]>(() => [emptyRule('CARD_LEVEL')]);
  const [page, setPage] = useState(0);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (saved.data) {
      setName(saved.data.name);
      setRules(saved.data.rules);
    }
  }, [saved.data]);

  useEffect(() => setPage(0), [rules]);

    const { ready, preview, previewError, counting } = useSegmentPreview(base, rules, page, PAGE_SIZE);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const body = { name, rules };
      const result = isNew ? await api.post<SegmentView>(base, body) : await api.put<SegmentView>(`${base}/${segmentId}`, body, saved.data?.version);
      message.success(t('segments.saved', { count: result.members }));
      if (isNew) navigate(`/console/${store}/segments/${result.id}`, { replace: true });
      else saved.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setError(undefined);
    try {
      await api.delete(`${base}/${segmentId}`);
      message.success(t('segments.deleted'));
      navigate(`/console/${store}/segments`);
    } catch (e) {
      setError(e);
    }
  };

  const exportMembers = async () => {
    setError(undefined);
    try {
      const file = await api.download(`${base}/${segmentId}/members/export`, { sort: 'name,asc' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      saveFile(file.blob, file.fileName ?? 'segment-members.xlsx');
    } catch (e) {
      setError(e);
    }
  };

  const title = isNew ? t('segments.create') : (saved.data?.name ?? t('segments.title'));
  return (
    <>
      <PageHeader
        title={title}
        back={`/console/${store}/segments`}
        breadcrumb={[
          { title: t('console.menu.dashboard'), to: `/console/${store}` },
          { title: t('console.menu.segments'), to: `/console/${store}/segments` },
          { title },
        ]}
        extra={
          <Space>
            {!isNew && exports && (
              <Button icon={<DownloadOutlined />} onClick={() => void exportMembers()}>
                {t('segments.exportMembers')}
              </Button>
            )}
            {!isNew && manages && (
              <Popconfirm title={t('segments.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => void remove()}>
                <Button danger>{t('common.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {saved.error !== undefined && <ProblemAlert error={saved.error} onRetry={saved.reload} />}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={() => void save()}>
          <Form.Item label={t('segments.fields.name')} required>
            <Input aria-label={t('segments.fields.name')} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} disabled={!manages} style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item label={t('segments.fields.rules')} extra={t('segments.rulesHint')}>
            <RuleEditor value={rules} onChange={setRules} options={options} disabled={!manages} />
          </Form.Item>
          {error !== undefined && <ProblemAlert error={error} />}
          {manages && (
            <Button type="primary" htmlType="submit" loading={saving} disabled={name.trim() === '' || rules.length === 0}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
      <Card title={t('segments.preview')}>
        <Typography.Paragraph aria-live="polite">
          {!ready
            ? t('segments.incomplete')
            : previewError === undefined && preview
              ? t('segments.matching', { count: formatPoints(preview.totalElements, i18n.language) })
              : counting
                ? t('common.loading')
                : ''}
        </Typography.Paragraph>
        {previewError !== undefined && <ProblemAlert error={previewError} />}
        <Table<SegmentMemberView>
          size="small"
          rowKey="id"
          loading={counting}
          dataSource={previewError === undefined ? (preview?.content ?? []) : []}
          pagination={pagesOf(page, setPage, PAGE_SIZE, preview?.totalElements)}
          columns={[
            { key: 'name', title: t('segments.memberFields.name'), render: (_, m) => m.name },
            { key: 'phone', title: t('segments.memberFields.phone'), render: (_, m) => m.phone },
            { key: 'cardLevel', title: t('segments.memberFields.cardLevel'), render: (_, m) => m.cardLevel ?? '—' },
            { key: 'points', title: t('segments.memberFields.points'), align: 'right', render: (_, m) => formatPoints(m.points, i18n.language) },
            { key: 'lastVisitAt', title: t('segments.memberFields.lastVisitAt'), render: (_, m) => (m.lastVisitAt ? formatTime(m.lastVisitAt, 'short') : '—') },
            { key: 'tags', title: t('segments.memberFields.tags'), render: (_, m) => m.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          ]}
        />
      </Card>
    </>
  );
}

/** What the rule rows offer: the store's card levels, tags and advisors (each list empty if it cannot be read). */
function useRuleOptions(store: string): RuleOptions {
  const { api } = useAuth();
  const canCards = useCan('CARD_VIEW');
  const canAdvisors = useCan('ADVISOR_VIEW');
  const levels = useLoad<CardProgrammeView | undefined>((signal) => (canCards ? api.get<CardProgrammeView>(`/api/stores/${store}/card-programme`, undefined, signal) : Promise.resolve(undefined)), [store, canCards]);
  const tags = useLoad<TagView[]>((signal) => api.get<TagView[]>(`/api/stores/${store}/tags`, undefined, signal), [store]);
  const advisors = useLoad<AdvisorEntry[]>((signal) => (canAdvisors ? api.get<AdvisorEntry[]>(`/api/stores/${store}/advisors`, undefined, signal) : Promise.resolve([])), [store, canAdvisors]);
  return {
    levels: (levels.data?.levels ?? []).map((l) => ({ value: l.code, label: l.name })),
    tags: Array.isArray(tags.data) ? tags.data.map((tag) => tag.name) : [],
    advisors: Array.isArray(advisors.data) ? advisors.data.map((a) => ({ value: a.username, label: a.displayName })) : [],
  };
}
