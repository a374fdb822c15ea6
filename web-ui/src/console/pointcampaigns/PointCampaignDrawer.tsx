import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Progress, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { CampaignFileResult, CampaignSegmentResult, MemberSummary, PointCampaignChange, PointCampaignMemberView, PointCampaignView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { SegmentPicker } from '../segments/SegmentPicker';
import { formatPoints } from '../../ui/points';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { STATUS_COLOURS } from './PointCampaignList';

/** How often the drawer reads a campaign again while it is being granted. */
export const POLL_MS = 2000;

export type Done = 'created' | 'saved' | 'submitted' | 'approved' | 'rejected';
type CampaignForm = Pick<PointCampaignChange, 'name' | 'reason' | 'pointsPerMember'>;

interface Props {
  store: string;
  /** the campaign to show; none: a new draft */
  campaignId?: string;
  onClose: () => void;
  /** the campaign after a step, and which step (for the message) */
  onChanged: (campaign: PointCampaignView, done?: Done) => void;
}

/**
 * One campaign in a drawer: the editor while it is a draft or rejected (name, reason, points; members picked from
 * the member list or uploaded as a list of phones/plates, the lines that matched nobody shown with why); the review
 * for a manager who is not its author (approve or reject with a note, each confirmed); the grant's progress (members
 * done of all, granted, skipped and why), read again every few seconds while it runs.
 */
export function PointCampaignDrawer({ store, campaignId, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const manages = useCan('POINT_CAMPAIGN_MANAGE');
  const reviews = useCan('POINT_CAMPAIGN_REVIEW');
  const base = `/api/stores/${store}/point-campaigns`;
  const loaded = useLoad<PointCampaignView | undefined>(
    (signal) => (campaignId ? api.get<PointCampaignView>(`${base}/${campaignId}`, undefined, signal) : Promise.resolve(undefined)),
    [campaignId],
  );
  const campaign = loaded.data;
  const [form] = Form.useForm<CampaignForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [membersChanged, setMembersChanged] = useState(0);
  const n = (value: number) => formatPoints(value, i18n.language);
  const editable = campaignId === undefined || (manages && campaign?.moves.includes('EDIT') === true);
  const running = campaign?.status === 'APPROVED' || campaign?.status === 'GRANTING';

  // while granting, read the campaign again until it is done
  const { reload } = loaded;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, campaign, reload]);

  const step = async (call: () => Promise<PointCampaignView>, done?: Done) => {
    setBusy(true);
    setError(undefined);
    try {
      const after = await call();
      onChanged(after, done);
      loaded.reload();
      setMembersChanged((c) => c + 1);
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = (values: CampaignForm) =>
    void step(
      () =>
        campaign
          ? api.put<PointCampaignView>(`${base}/${campaign.id}`, { ...values, memberIds: null }, campaign.version)
          : api.post<PointCampaignView>(base, { ...values, memberIds: null }),
      campaign ? 'saved' : 'created',
    );

  const title = campaign ? campaign.name : t('pointCampaigns.createTitle');
  return (
    <Drawer open size={720} title={title} onClose={onClose} extra={campaign && <Tag color={STATUS_COLOURS[campaign.status]}>{t(`pointCampaigns.statuses.${campaign.status}`)}</Tag>}>
      {loaded.loading && !campaign && campaignId && <Spin />}
      {error !== undefined && <ProblemAlert error={error} fieldsInForm />}
      {campaign?.status === 'REJECTED' && campaign.reviewNote && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('pointCampaigns.rejectedNote', { by: campaign.reviewedBy ?? '', note: campaign.reviewNote })} />
      )}
      {editable && (campaignId === undefined || campaign) ? (
        <Form<CampaignForm>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={campaign ? { name: campaign.name, reason: campaign.reason, pointsPerMember: campaign.pointsPerMember } : { pointsPerMember: 100 }}
        >
          <Form.Item name="name" label={t('pointCampaigns.fields.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input aria-label={t('pointCampaigns.fields.name')} maxLength={60} />
          </Form.Item>
          <Form.Item name="reason" label={t('pointCampaigns.fields.reason')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea aria-label={t('pointCampaigns.fields.reason')} maxLength={500} rows={2} />
          </Form.Item>
          <Form.Item name="pointsPerMember" label={t('pointCampaigns.fields.pointsPerMember')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber aria-label={t('pointCampaigns.fields.pointsPerMember')} min={1} max={1000000} precision={0} />
          </Form.Item>
          <Space>
            <Button type={campaign ? 'default' : 'primary'} htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
            {campaign?.moves.includes('SUBMIT') && (
              <Popconfirm
                title={t('pointCampaigns.submitConfirm', { name: campaign.name, members: n(campaign.members) })}
                okText={t('pointCampaigns.submit')}
                cancelText={t('common.cancel')}
                onConfirm={() => void step(() => api.post<PointCampaignView>(`${base}/${campaign.id}/submit`, undefined, undefined, campaign.version), 'submitted')}
              >
                <Button type="primary" disabled={campaign.members === 0}>
                  {t('pointCampaigns.submit')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      ) : (
        campaign && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('pointCampaigns.fields.reason')}>{campaign.reason}</Descriptions.Item>
            <Descriptions.Item label={t('pointCampaigns.fields.pointsPerMember')}>{n(campaign.pointsPerMember)}</Descriptions.Item>
            <Descriptions.Item label={t('pointCampaigns.fields.members')}>{n(campaign.members)}</Descriptions.Item>
            <Descriptions.Item label={t('pointCampaigns.fields.total')}>{n(campaign.members * campaign.pointsPerMember)}</Descriptions.Item>
            <Descriptions.Item label={t('pointCampaigns.fields.createdBy')}>{campaign.createdBy}</Descriptions.Item>
          </Descriptions>
        )
      )}

      {campaign?.status === 'SUBMITTED' && reviews && (
        <CampaignReview store={store} campaign={campaign} onReviewed={(after, done) => {
          onChanged(after, done);
          loaded.reload();
        }} />
      )}
      {campaign && (running || campaign.status === 'DONE') && <CampaignProgress campaign={campaign} />}

      {campaign && (
        <CampaignMembers store={store} campaign={campaign} editable={editable} refresh={membersChanged} onChanged={(after) => step(() => Promise.resolve(after))} />
      )}
    </Drawer>
  );
}

/** The campaign's members; while it is editable, add them by hand or from a file, or take one out. */
function CampaignMembers({ store, campaign, editable, refresh, onChanged }: { store: string; campaign: PointCampaignView; editable: boolean; refresh: number; onChanged: (after: PointCampaignView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const base = `/api/stores/${store}/point-campaigns/${campaign.id}`;
  const [page, setPage] = useState(0);
  const members = useLoad<Page<PointCampaignMemberView>>((signal) => api.get(`${base}/members`, { page, size: 10, sort: 'addedAt,asc' }, signal), [base, page, refresh]);
  const [picked, setPicked] = useState<string[]>([]);
  const [fileResult, setFileResult] = useState<CampaignFileResult>();
  const [segmentResult, setSegmentResult] = useState<CampaignSegmentResult>();
  const [segment, setSegment] = useState<string>();
  const [error, setError] = useState<unknown>();

  const act = async (call: () => Promise<PointCampaignView>) => {
    setError(undefined);
    try {
      onChanged(await call());
    } catch (e) {
      setError(e);
    }
  };

  const upload = async (file: File) => {
    setError(undefined);
    const body = new FormData();
    body.append('file', file);
    try {
      const result = await api.upload<CampaignFileResult>(`${base}/members/file`, body);
      setFileResult(result);
      onChanged(result.campaign);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-label={t('pointCampaigns.members')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('pointCampaigns.membersCount', { count: campaign.members })}</Typography.Title>
      {error !== undefined && <ProblemAlert error={error} />}
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <MemberPicker store={store} value={picked} onChange={setPicked} />
          <Button
            disabled={picked.length === 0}
            onClick={() =>
              void act(async () => {
                const after = await api.post<PointCampaignView>(`${base}/members`, { memberIds: picked });
                setPicked([]);
                return after;
              })
            }
          >
            {t('pointCampaigns.addMembers')}
          </Button>
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button icon={<UploadOutlined />}>{t('pointCampaigns.uploadList')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('pointCampaigns.uploadHint')}</Typography.Text>
        </Space>
      )}
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <SegmentPicker store={store} value={segment} onChange={setSegment} label={t('pointCampaigns.segmentPick')} />
          <Button
            disabled={!segment}
            onClick={() =>
              void act(async () => {
                const result = await api.post<CampaignSegmentResult>(`${base}/members/segment`, { segmentId: segment });
                setSegmentResult(result);
                setSegment(undefined);
                return result.campaign;
              })
            }
          >
            {t('pointCampaigns.addFromSegment')}
          </Button>
          <Typography.Text type="secondary">{t('pointCampaigns.segmentHint')}</Typography.Text>
        </Space>
      )}
      {segmentResult && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          message={t('pointCampaigns.segmentResult', { segment: segmentResult.segmentName, matched: segmentResult.matched, added: segmentResult.added, alreadyIn: segmentResult.alreadyIn })}
        />
      )}
      {fileResult && (
        <Alert
          style={{ marginBottom: 12 }}
          type={fileResult.unmatched.length > 0 ? 'warning' : 'success'}
          showIcon
          message={t('pointCampaigns.fileResult', { lines: fileResult.lines, added: fileResult.added, alreadyIn: fileResult.alreadyIn, unmatched: fileResult.unmatched.length })}
          description={
            fileResult.unmatched.length > 0 && (
              <ul aria-label={t('pointCampaigns.unmatched')}>
                {fileResult.unmatched.map((u) => (
                  <li key={u.rowNo}>{t('pointCampaigns.unmatchedLine', { row: u.rowNo, value: u.value, reason: u.reason })}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Table<PointCampaignMemberView>
        size="small"
        rowKey="memberId"
        loading={members.loading}
        dataSource={members.data?.content ?? []}
        pagination={{ current: page + 1, pageSize: 10, total: members.data?.totalElements ?? 0, onChange: (p) => setPage(p - 1) }}
        columns={[
          { key: 'name', title: t('pointCampaigns.fields.memberName'), render: (_, m) => m.name ?? t('pointCampaigns.memberGone') },
          { key: 'phone', title: t('pointCampaigns.fields.phone'), render: (_, m) => m.phone ?? '' },
          { key: 'chosenBy', title: t('pointCampaigns.fields.chosenBy'), render: (_, m) => t(`pointCampaigns.chosenBy.${m.chosenBy}`) },
          {
            key: 'outcome',
            title: t('pointCampaigns.fields.outcome'),
            render: (_, m) =>
              m.skipReason
                ? t('pointCampaigns.skippedBecause', { reason: t(`pointCampaigns.skipReasons.${m.skipReason}`) })
                : m.outcome
                  ? t(`pointCampaigns.outcomes.${m.outcome}`)
                  : '—',
          },
          ...(editable
            ? [
                {
                  key: 'remove',
                  title: t('common.actions'),
                  render: (_: unknown, m: PointCampaignMemberView) => (
                    <Button size="small" type="link" danger onClick={() =>
                        void act(async () => {
                          await api.delete(`${base}/members/${m.memberId}`);
                          return api.get<PointCampaignView>(base);
                        })
                      }>
                      {t('pointCampaigns.removeMember')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

/** Picks several members by name, phone or plate, searching the store's member list as the user types. */
export function MemberPicker({ store, value, onChange }: { store: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [options, setOptions] = useState<MemberSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const known = useRef(new Map<string, MemberSummary>());

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const call = ++latest.current;
      setSearching(true);
      api
        .get<Page<MemberSummary>>(`/api/stores/${store}/members`, { q: q.trim(), size: 10, sort: 'name,asc' })
        .then(
          (page) => {
            if (call !== latest.current) return;
            page.content.forEach((m) => known.current.set(m.id, m));
            setOptions(page.content);
          },
          () => {
            if (call === latest.current) setOptions([]);
          },
        )
        .finally(() => {
          if (call === latest.current) setSearching(false);
        });
    }, 250);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const label = (m: MemberSummary) => [m.name, m.phone, ...(m.plates ?? [])].filter(Boolean).join(' · ');
  const shown = [...value.filter((id) => !options.some((m) => m.id === id)).map((id) => known.current.get(id)).filter((m): m is MemberSummary => m !== undefined), ...options];
  return (
    <Select
      mode="multiple"
      aria-label={t('pointCampaigns.memberSearch')}
      showSearch={{ filterOption: false, onSearch: search }}
      onFocus={() => options.length === 0 && search('')}
      value={value}
      onChange={onChange}
      placeholder={t('pointCampaigns.memberSearch')}
      notFoundContent={searching ? <Spin size="small" /> : t('pointCampaigns.memberNotFound')}
      options={shown.map((m) => ({ value: m.id, label: label(m) }))}
      style={{ minWidth: 320 }}
    />
  );
}

/**
 * The review of a submitted campaign by a manager: approve or reject (a note required), each confirmed, with the
 * version shown; the author is told another manager must review it.
 */
export function CampaignReview({ store, campaign, onReviewed }: { store: string; campaign: PointCampaignView; onReviewed: (after: PointCampaignView, done: Done) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const base = `/api/stores/${store}/point-campaigns`;
  const review = async (action: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      const after = await api.post<PointCampaignView>(`${base}/${campaign.id}/${action}`, { note: note.trim() || null }, undefined, campaign.version);
      onReviewed(after, action === 'approve' ? 'approved' : 'rejected');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={t('pointCampaigns.review')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('pointCampaigns.review')}</Typography.Title>
      {error !== undefined && <ProblemAlert error={error} />}
      {campaign.ownCampaign ? (
        <Alert type="info" showIcon message={t('pointCampaigns.ownCampaign')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea aria-label={t('pointCampaigns.fields.reviewNote')} placeholder={t('pointCampaigns.notePlaceholder')} maxLength={500} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <Space>
            <Popconfirm
              title={t('pointCampaigns.approveConfirm', { name: campaign.name, members: n(campaign.members), total: n(campaign.members * campaign.pointsPerMember) })}
              okText={t('pointCampaigns.approve')}
              cancelText={t('common.cancel')}
              onConfirm={() => void review('approve')}
            >
              <Button type="primary" loading={busy}>
                {t('pointCampaigns.approve')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('pointCampaigns.rejectConfirm', { name: campaign.name })}
              okText={t('pointCampaigns.reject')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              disabled={note.trim() === ''}
              onConfirm={() => void review('reject')}
            >
              <Button danger disabled={note.trim() === ''}>
                {t('pointCampaigns.reject')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
    </section>
  );
}

/** The grant's progress: members done of all, granted and their points, skipped and why. */
export function CampaignProgress({ campaign }: { campaign: PointCampaignView }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatPoints(value, i18n.language);
  const running = campaign.status === 'APPROVED' || campaign.status === 'GRANTING';
  return (
    <section aria-label={t('pointCampaigns.progress')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('pointCampaigns.progress')}</Typography.Title>
      <Progress percent={campaign.members === 0 ? 100 : Math.floor((campaign.membersDone * 100) / campaign.members)} status={running ? 'active' : 'success'} />
      <p>{t('pointCampaigns.progressText', { done: n(campaign.membersDone), total: n(campaign.members) })}</p>
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('pointCampaigns.fields.granted')}>{n(campaign.granted)}</Descriptions.Item>
        <Descriptions.Item label={t('pointCampaigns.fields.pointsGranted')}>{n(campaign.pointsGranted)}</Descriptions.Item>
        <Descriptions.Item label={t('pointCampaigns.fields.skipped')}>{n(campaign.skipped)}</Descriptions.Item>
        <Descriptions.Item label={t('pointCampaigns.skipReasons.MEMBER_GONE')}>{n(campaign.skippedGone)}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}
