import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Progress, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { GiftDistributionFileResult, GiftDistributionForm, GiftDistributionMemberView, GiftDistributionSegmentResult, GiftDistributionView, GiftView } from '../../api/types';
import { saveFile } from '../../antd/download';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useLoad } from '../../ui/useLoad';
import { MemberPicker } from '../pointcampaigns/PointCampaignDrawer';
import { SegmentPicker } from '../segments/SegmentPicker';
import { useCan } from '../permissions';
import { DISTRIBUTION_COLOURS, percentDone } from './GiftDistributionList';

/** How often the drawer reads a distribution again while the job gives it. */
export const POLL_MS = 2000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Outcome = 'GIVEN' | 'SKIPPED' | 'PENDING';
type DraftForm = Pick<GiftDistributionForm, 'giftId' | 'title' | 'quantity'>;

interface Props {
  store: string;
  /** the distribution to show; none: a new draft */
  distributionId?: string;
  onClose: () => void;
  /** the distribution after a step; undefined: discarded */
  onChanged: (distribution?: GiftDistributionView) => void;
}

/**
 * One distribution in a drawer. New: the gift, the title and the quantity per member, saved as a draft. A draft:
 * members added from a segment, an uploaded list (the lines that matched nobody shown with why) or picked by hand,
 * then 开始发放 after a confirmation that names the gift, the members and the stock needed. Started: the progress bar
 * (read again every few seconds while running), the counts and the report per member, filtered by outcome and
 * exported to Excel.
 */
export function GiftDistributionDrawer({ store, distributionId, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const manages = useCan('GIFT_MANAGE');
  const base = `/api/stores/${store}/gift-distributions`;
  const loaded = useLoad<GiftDistributionView | undefined>(
    (signal) => (distributionId ? api.get<GiftDistributionView>(`${base}/${distributionId}`, undefined, signal) : Promise.resolve(undefined)),
    [distributionId],
  );
  const d = loaded.data;
  const [error, setError] = useState<unknown>();
  const [changes, setChanges] = useState(0);
  const n = (value: number) => formatPoints(value, i18n.language);
  const running = d?.status === 'RUNNING';

  const { reload } = loaded;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => {
      reload();
      setChanges((c) => c + 1);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, d, reload]);

  const step = async (call: () => Promise<GiftDistributionView | undefined>) => {
    setError(undefined);
    try {
      const after = await call();
      onChanged(after);
      if (after) {
        loaded.reload();
        setChanges((c) => c + 1);
      }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Drawer
      open
      size={760}
      title={d ? d.title : t('gifts.distributions.create')}
      onClose={onClose}
      extra={d && <Tag color={DISTRIBUTION_COLOURS[d.status]}>{t(`gifts.distributions.statuses.${d.status}`)}</Tag>}
    >
      {loaded.loading && !d && distributionId && <Spin />}
      {error !== undefined && <ProblemAlert error={error} />}
      {distributionId === undefined && <DraftForm store={store} onCreated={(created) => onChanged(created)} />}
      {d && (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('gifts.distributions.fields.gift')}>{d.giftName}</Descriptions.Item>
          <Descriptions.Item label={t('gifts.distributions.fields.quantity')}>{n(d.quantity)}</Descriptions.Item>
          <Descriptions.Item label={t('gifts.distributions.fields.members')}>{n(d.members)}</Descriptions.Item>
          <Descriptions.Item label={t('gifts.distributions.fields.giftStock')}>{n(d.giftStock)}</Descriptions.Item>
          <Descriptions.Item label={t('gifts.distributions.fields.createdBy')}>{d.createdBy}</Descriptions.Item>
          <Descriptions.Item label={t('gifts.distributions.fields.startedBy')}>{d.startedBy ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      {d?.status === 'DRAFT' && manages && (
        <DraftActions store={store} distribution={d} onDone={(after) => void step(() => Promise.resolve(after))} onError={setError} />
      )}
      {d && d.status !== 'DRAFT' && <DistributionProgress distribution={d} />}
      {d && <DistributionMembers store={store} distribution={d} editable={d.status === 'DRAFT' && manages} refresh={changes} onChanged={(after) => void step(() => Promise.resolve(after))} />}
    </Drawer>
  );
}

/**
 * 开始发放 and 删除草稿 of a draft, each after a confirmation: the start names the gift, the members and the pieces
 * needed, warns when the stock is short, and sends the version confirmed.
 */
export function DraftActions({ store, distribution: d, onDone, onError }: { store: string; distribution: GiftDistributionView; onDone: (after?: GiftDistributionView) => void; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [busy, setBusy] = useState(false);
  const n = (value: number) => formatPoints(value, i18n.language);
  const base = `/api/stores/${store}/gift-distributions`;
  const act = async (call: () => Promise<GiftDistributionView | undefined>) => {
    setBusy(true);
    onError(undefined);
    try {
      onDone(await call());
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space style={{ marginTop: 16 }}>
      <Popconfirm
        title={t('gifts.distributions.startTitle')}
        description={
          <div style={{ maxWidth: 360 }}>
            <p>{t('gifts.distributions.startText', { gift: d.giftName, members: n(d.members), quantity: n(d.quantity), total: n(d.members * d.quantity) })}</p>
            {d.members * d.quantity > d.giftStock && <p>{t('gifts.distributions.startShort', { stock: n(d.giftStock) })}</p>}
          </div>
        }
        okText={t('gifts.distributions.start')}
        cancelText={t('common.cancel')}
        onConfirm={() => void act(() => api.post<GiftDistributionView>(`${base}/${d.id}/start`, undefined, undefined, d.version))}
      >
        <Button type="primary" disabled={d.members === 0} loading={busy}>
          {t('gifts.distributions.start')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('gifts.distributions.discardTitle')}
        okText={t('gifts.distributions.discard')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          void act(async () => {
            await api.delete(`${base}/${d.id}`);
            return undefined;
          })
        }
      >
        <Button danger>{t('gifts.distributions.discard')}</Button>
      </Popconfirm>
    </Space>
  );
}

/** The first step of a new distribution: which gift, why, how many each member gets. */
function DraftForm({ store, onCreated }: { store: string; onCreated: (created: GiftDistributionView) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<DraftForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const gifts = useLoad<GiftView[]>(
    (signal) => api.get<Page<GiftView>>(`/api/stores/${store}/gifts`, { size: 100, sort: 'name,asc' }, signal).then((p) => p.content),
    [store],
  );
  const n = (value: number) => formatPoints(value, i18n.language);
  const save = async (values: DraftForm) => {
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await api.post<GiftDistributionView>(`/api/stores/${store}/gift-distributions`, { ...values, memberIds: null, segmentId: null }));
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<DraftForm> form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ quantity: 1 }}>
      {error !== undefined && <ProblemAlert error={error} fieldsInForm />}
      <Form.Item name="giftId" label={t('gifts.distributions.fields.gift')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          aria-label={t('gifts.distributions.fields.gift')}
          showSearch={{ optionFilterProp: 'label' }}
          loading={gifts.loading}
          options={(gifts.data ?? []).map((g) => ({ value: g.id, label: t('gifts.distributions.giftOption', { name: g.name, stock: n(g.stock) }) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('gifts.distributions.fields.title')} extra={t('gifts.distributions.titleHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input aria-label={t('gifts.distributions.fields.title')} maxLength={100} />
      </Form.Item>
      <Form.Item name="quantity" label={t('gifts.distributions.fields.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber aria-label={t('gifts.distributions.fields.quantity')} min={1} max={99} precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('gifts.distributions.next')}
      </Button>
    </Form>
  );
}

/** The job's progress: members done of all, given, skipped and why. */
export function DistributionProgress({ distribution: d }: { distribution: GiftDistributionView }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatPoints(value, i18n.language);
  return (
    <section aria-label={t('gifts.distributions.progress')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('gifts.distributions.progress')}</Typography.Title>
      <Progress percent={percentDone(d)} status={d.status === 'RUNNING' ? 'active' : 'success'} />
      <p>{t('gifts.distributions.progressText', { done: n(d.done), total: n(d.members) })}</p>
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('gifts.distributions.fields.given')}>{n(d.given)}</Descriptions.Item>
        <Descriptions.Item label={t('gifts.distributions.fields.skipped')}>{n(d.skipped)}</Descriptions.Item>
        <Descriptions.Item label={t('gifts.distributions.skipReasons.OUT_OF_STOCK')}>{n(d.skippedOutOfStock)}</Descriptions.Item>
        <Descriptions.Item label={t('gifts.distributions.skipReasons.MEMBER_LIMIT')}>{n(d.skippedMemberLimit)}</Descriptions.Item>
        <Descriptions.Item label={t('gifts.distributions.skipReasons.MEMBER_GONE')}>{n(d.skippedGone)}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}

/** The members and, once started, the report: what was done for each; in a draft, add or take out members. */
function DistributionMembers({ store, distribution, editable, refresh, onChanged }: { store: string; distribution: GiftDistributionView; editable: boolean; refresh: number; onChanged: (after: GiftDistributionView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const base = `/api/stores/${store}/gift-distributions/${distribution.id}`;
  const [page, setPage] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();
  const members = useLoad<Page<GiftDistributionMemberView>>(
    (signal) => api.get(`${base}/members`, { page, size: 10, sort: 'addedAt,asc', outcome }, signal),
    [base, page, outcome, refresh],
  );
  const [picked, setPicked] = useState<string[]>([]);
  const [segment, setSegment] = useState<string>();
  const [fileResult, setFileResult] = useState<GiftDistributionFileResult>();
  const [segmentResult, setSegmentResult] = useState<GiftDistributionSegmentResult>();
  const [error, setError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);

  const act = async (call: () => Promise<GiftDistributionView>) => {
    setError(undefined);
    try {
      onChanged(await call());
    } catch (e) {
      setError(e);
    }
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    await act(async () => {
      const result = await api.upload<GiftDistributionFileResult>(`${base}/members/file`, body);
      setFileResult(result);
      return result.distribution;
    });
  };
  const download = async () => {
    setExporting(true);
    setError(undefined);
    try {
      const file = await api.download(`${base}/members/export`, { outcome }, XLSX);
      saveFile(file.blob, file.fileName ?? 'gift-distribution.xlsx');
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-label={t('gifts.distributions.members')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('gifts.distributions.membersChosen', { count: distribution.members })}</Typography.Title>
      {error !== undefined && <ProblemAlert error={error} />}
      {editable && (
        <Space orientation="vertical" style={{ marginBottom: 12, width: '100%' }}>
          <Space wrap>
            <SegmentPicker store={store} value={segment} onChange={setSegment} label={t('gifts.distributions.segmentPick')} />
            <Button
              disabled={!segment}
              onClick={() =>
                void act(async () => {
                  const result = await api.post<GiftDistributionSegmentResult>(`${base}/members/segment`, { segmentId: segment });
                  setSegmentResult(result);
                  setSegment(undefined);
                  return result.distribution;
                })
              }
            >
              {t('gifts.distributions.addFromSegment')}
            </Button>
          </Space>
          <Space wrap>
            <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
              <Button icon={<UploadOutlined />}>{t('gifts.distributions.uploadList')}</Button>
            </Upload>
            <Typography.Text type="secondary">{t('gifts.distributions.uploadHint')}</Typography.Text>
          </Space>
          <Space wrap>
            <MemberPicker store={store} value={picked} onChange={setPicked} />
            <Button
              disabled={picked.length === 0}
              onClick={() =>
                void act(async () => {
                  const after = await api.post<GiftDistributionView>(`${base}/members`, { memberIds: picked });
                  setPicked([]);
                  return after;
                })
              }
            >
              {t('gifts.distributions.addMembers')}
            </Button>
          </Space>
        </Space>
      )}
      {segmentResult && (
        <Alert style={{ marginBottom: 12 }} type="success" showIcon message={t('gifts.distributions.segmentResult', { segment: segmentResult.segmentName, matched: segmentResult.matched, added: segmentResult.added, alreadyIn: segmentResult.alreadyIn })} />
      )}
      {fileResult && (
        <Alert
          style={{ marginBottom: 12 }}
          type={fileResult.unmatched.length > 0 ? 'warning' : 'success'}
          showIcon
          message={t('gifts.distributions.fileResult', { lines: fileResult.lines, added: fileResult.added, alreadyIn: fileResult.alreadyIn, unmatched: fileResult.unmatched.length })}
          description={
            fileResult.unmatched.length > 0 && (
              <ul aria-label={t('gifts.distributions.unmatched')}>
                {fileResult.unmatched.map((u) => (
                  <li key={u.rowNo}>{t('gifts.distributions.unmatchedLine', { row: u.rowNo, value: u.value, reason: u.reason })}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {distribution.status !== 'DRAFT' && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<Outcome>
            allowClear
            aria-label={t('gifts.distributions.fields.outcome')}
            placeholder={t('gifts.distributions.allOutcomes')}
            style={{ minWidth: 160 }}
            value={outcome}
            onChange={(value?: Outcome) => {
              setOutcome(value);
              setPage(0);
            }}
            options={(['GIVEN', 'SKIPPED', 'PENDING'] as const).map((o) => ({ value: o, label: t(`gifts.distributions.outcomes.${o}`) }))}
          />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
            {t('gifts.distributions.exportReport')}
          </Button>
        </Space>
      )}
      <Table<GiftDistributionMemberView>
        size="small"
        rowKey="memberId"
        loading={members.loading}
        dataSource={members.data?.content ?? []}
        pagination={{ current: page + 1, pageSize: 10, total: members.data?.totalElements ?? 0, onChange: (p) => setPage(p - 1) }}
        columns={[
          { key: 'name', title: t('gifts.distributions.fields.memberName'), render: (_, m) => m.memberName ?? t('gifts.distributions.memberGone') },
          { key: 'phone', title: t('gifts.distributions.fields.phone'), render: (_, m) => m.memberPhone ?? '' },
          { key: 'chosenBy', title: t('gifts.distributions.fields.chosenBy'), render: (_, m) => t(`gifts.distributions.chosenBy.${m.chosenBy}`) },
          {
            key: 'outcome',
            title: t('gifts.distributions.fields.outcome'),
            render: (_, m) =>
              m.skipReason
                ? t('gifts.distributions.skippedBecause', { reason: t(`gifts.distributions.skipReasons.${m.skipReason}`) })
                : t(`gifts.distributions.outcomes.${m.outcome ?? 'PENDING'}`),
          },
          ...(editable
            ? [
                {
                  key: 'remove',
                  title: t('common.actions'),
                  render: (_: unknown, m: GiftDistributionMemberView) => (
                    <Button size="small" type="link" danger onClick={() =>
                        void act(async () => {
                          await api.delete(`${base}/members/${m.memberId}`);
                          return api.get<GiftDistributionView>(base);
                        })
                      }>
                      {t('gifts.distributions.removeMember')}
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
