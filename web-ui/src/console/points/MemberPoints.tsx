import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpiringPoints, PointsBalance, PointsEntry } from '../../api/types';
import { ListPage } from '../../antd/ListPage';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { entryChange, entrySource, formatPoints, orderNumberOf } from '../../ui/points';
import { formatDay } from '../../ui/pointsExpiry';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

interface AdjustmentForm {
  points: number;
  reason: string;
}

/**
 * 手工调整积分: points to add or deduct and the reason, then a second step that says what will happen and posts it. The dialog makes one
 * Idempotency-Key each time it opens and sends it with every try, so a repeated click or a retry after a lost answer
 * posts the adjustment once (decision 0017).
 */
export function AdjustDialog({ open, path, onClose, onDone }: { open: boolean; path: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustmentForm>();
  /** the values to confirm: the dialog's second step */
  const [confirming, setConfirming] = useState<AdjustmentForm>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  // a new key each time the dialog opens: another adjustment is another write
  useEffect(() => {
    if (open) {
      setKey(crypto.randomUUID());
      setConfirming(undefined);
      setError(undefined);
    }
  }, [open]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  const post = async (values: AdjustmentForm) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.post(`${path}/adjustments`, { points: values.points, reason: values.reason.trim() }, key);
      message.success(t('points.adjust.done'));
      setConfirming(undefined);
      form.resetFields();
      onDone();
    } catch (e) {
      setConfirming(undefined);
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('points.adjust.title')}
      okText={t(confirming ? 'points.adjust.confirmOk' : 'points.adjust.submit')}
      cancelText={t(confirming ? 'points.adjust.back' : 'common.cancel')}
      confirmLoading={saving}
      onOk={() => (confirming ? void post(confirming) : form.submit())}
      onCancel={() => (confirming ? setConfirming(undefined) : onClose())}
      destroyOnHidden
    >
      <ProblemAlert error={error} fieldsInForm />
      {confirming && (
        <Alert
          type="warning"
          showIcon
          message={t('points.adjust.confirmTitle')}
          description={t(confirming.points >= 0 ? 'points.adjust.confirmAdd' : 'points.adjust.confirmDeduct', {
            points: Math.abs(confirming.points),
            reason: confirming.reason.trim(),
          })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={setConfirming}
        style={confirming ? { display: 'none' } : undefined}
      >
        <Form.Item
          name="points"
          label={t('points.adjust.points')}
          extra={t('points.adjust.pointsHint')}
          rules={[
            { required: true, message: t('points.adjust.pointsRequired') },
            { validator: (_, v: number | undefined) => (v === 0 ? Promise.reject(new Error(t('points.adjust.pointsZero'))) : Promise.resolve()) },
          ]}
        >
          <InputNumber precision={0} min={-1_000_000} max={1_000_000} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('points.adjust.reason')}
          rules={[{ required: true, whitespace: true, message: t('points.adjust.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('points.adjust.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 恢复过期积分: the reason, then an ADJUST entry of exactly the expired points, valid 90 days (once per expiry). */
function ReverseExpiryDialog({ entry, path, onClose, onDone }: { entry?: PointsEntry; path: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async ({ reason }: { reason: string }) => {
    if (!entry) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.post(`${path}/entries/${entry.id}/expiry-reversal`, { reason });
      message.success(t('pointsExpiry.reversed'));
      form.resetFields();
      onDone();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={entry !== undefined}
      title={t('pointsExpiry.reverseTitle')}
      okText={t('pointsExpiry.reverse')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} fieldsInForm />
      {entry && <Typography.Paragraph>{t('pointsExpiry.reverseText', { points: formatPoints(-entryChange(entry), i18n.language) })}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="reason" label={t('pointsExpiry.reason')} rules={[{ required: true, whitespace: true, message: t('pointsExpiry.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The member's points on the member page: balance, history with the source of each entry, manual adjustment. */
export function MemberPoints({ store, memberId }: { store: string; memberId: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const canAdjust = useCan('POINTS_ADJUST');
  const path = `/api/stores/${store}/members/${memberId}/points`;
  const balance = useLoad<PointsBalance>((signal) => api.get<PointsBalance>(path, undefined, signal), [path]);
  const [adjusting, setAdjusting] = useState(false);
  const [reversing, setReversing] = useState<PointsEntry>();
  const expiring = useLoad<ExpiringPoints[]>((signal) => api.get<ExpiringPoints[]>(`${path}/expiring`, undefined, signal), [path]);
  const [refresh, setRefresh] = useState(0);
  const n = (points: number) => formatPoints(points, i18n.language);
  const soonest = expiring.data?.[0];

  const columns: ColumnsType<PointsEntry> = [
    { key: 'createdAt', title: t('points.history.time'), render: (_, e) => formatTime(e.createdAt, 'short') },
    { key: 'kind', title: t('points.history.kind'), render: (_, e) => t(`points.kinds.${e.kind}`) },
    {
      key: 'change',
      title: t('points.history.change'),
      align: 'right',
      render: (_, e) => {
        const change = entryChange(e);
        return (
          <Typography.Text type={change < 0 ? 'danger' : undefined} data-testid="points-change">
            {change > 0 ? `+${n(change)}` : n(change)}
          </Typography.Text>
        );
      },
    },
    {
      key: 'source',
      title: t('points.history.source'),
      render: (_, e) => {
        const order = e.sourceType === 'REPAIR_ORDER_LINE' ? orderNumberOf(e.sourceRef) : undefined;
        return order ? (
          <Link to={`/console/${store}/repair-orders?q=${encodeURIComponent(order)}`}>{entrySource(t, e)}</Link>
        ) : (
          entrySource(t, e)
        );
      },
    },
    {
      key: 'ruleVersion',
      title: t('points.history.ruleVersion'),
      render: (_, e) => (e.ruleVersion == null ? '' : t('points.rules.versionN', { n: e.ruleVersion })),
    },
    {
      key: 'activatesAt',
      title: t('points.history.activatesAt'),
      render: (_, e) => (e.kind === 'GRANT_PENDING' && e.activatesAt ? formatTime(e.activatesAt, 'short') : ''),
    },
    {
      key: 'createdBy',
      title: t('points.history.by'),
      // points from repair orders are posted by the DMS sync and their activation by the store's job: no person
      render: (_, e) =>
        e.sourceType === 'REPAIR_ORDER_LINE' ? t('points.history.byDms') : e.createdBy === 'system' ? t('points.history.bySystem') : e.createdBy,
    },
    ...(canAdjust
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, e: PointsEntry) =>
              e.kind === 'EXPIRE' ? (
                <Button size="small" onClick={() => setReversing(e)}>
                  {t('pointsExpiry.reverse')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('points.memberTitle')}
      style={{ marginTop: 16 }}
      extra={
        canAdjust && (
          <Button icon={<PlusOutlined />} onClick={() => setAdjusting(true)}>
            {t('points.adjust.open')}
          </Button>
        )
      }
    >
      <ProblemAlert error={balance.error} onRetry={balance.reload} />
      {balance.data && (
        <Space size={48} wrap style={{ marginBottom: 16 }}>
          <Statistic title={t('points.balance.available')} value={n(balance.data.available)} />
          <Statistic title={t('points.balance.pending')} value={n(balance.data.pending)} />
          <Statistic title={t('points.balance.lifetimeEarned')} value={n(balance.data.lifetimeEarned)} />
          {soonest && (
            <Statistic
              title={t('pointsExpiry.expiringTitle')}
              value={t('pointsExpiry.expiring', { points: n(soonest.points), date: formatDay(soonest.on, i18n.language) })}
              valueStyle={{ fontSize: 16 }}
            />
          )}
          {balance.data.debt > 0 && (
            <Statistic title={t('points.balance.debt')} value={n(balance.data.debt)} valueStyle={{ color: '#cf1322' }} />
          )}
        </Space>
      )}
      <ListPage<PointsEntry>
        id="memberPoints"
        path={`${path}/entries`}
        defaults={{ size: 10, sort: 'createdAt,desc' }}
        rowKey="id"
        columns={columns}
        refresh={refresh}
        empty={{ description: t('points.history.empty') }}
      />
      <ReverseExpiryDialog
        entry={reversing}
        path={path}
        onClose={() => setReversing(undefined)}
        onDone={() => {
          setReversing(undefined);
          balance.reload();
          expiring.reload();
          setRefresh((r) => r + 1);
        }}
      />
      <AdjustDialog
        open={adjusting}
        path={path}
        onClose={() => setAdjusting(false)}
        onDone={() => {
          setAdjusting(false);
          balance.reload();
          setRefresh((r) => r + 1);
        }}
      />
    </Card>
  );
}
