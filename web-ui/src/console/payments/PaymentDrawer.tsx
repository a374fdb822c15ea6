import { Alert, App, Button, Collapse, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnlineView, PaymentRefundView, PaymentView, PaymentWebhookView, RefundPreview } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { ONLINE_STATUS_COLOURS, PAYMENT_STATUS_COLOURS, REFUND_ONLINE_COLOURS } from '../../ui/payments';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { formatFen, yuanToFen } from '../../ui/wallet';
import { useCan } from '../permissions';
import { TwoStepDialog } from '../wallet/MemberWallet';

interface RefundForm {
  amount: number;
  reason: string;
}

/** A refund's split in words: cash, wallet, points given back, the online part, earned points taken back, coupons restored. */
export function useRefundSplit() {
  const { t, i18n } = useTranslation();
  return (r: PaymentRefundView) =>
    t('payments.refund.split', {
      cash: formatFen(r.cashFen, i18n.language),
      wallet: formatFen(r.walletFen, i18n.language),
      points: formatPoints(r.pointsReturned, i18n.language),
      online: formatFen(r.onlineFen ?? 0, i18n.language),
      earned: formatPoints(r.earnedPointsReversed, i18n.language),
      coupons: r.couponsRestored,
    });
}

/** What a refund would give back, in words: only the parts it touches, and the coupons when it returns them. */
export function useRefundPreviewText() {
  const { t, i18n } = useTranslation();
  return (p: RefundPreview) => {
    const y = (fen: number) => formatFen(fen, i18n.language);
    const parts = [
      p.cashFen > 0 && t('payments.refund.preview.cash', { amount: y(p.cashFen) }),
      p.walletFen > 0 && t('payments.refund.preview.wallet', { amount: y(p.walletFen) }),
      p.pointsReturned > 0 && t('payments.refund.preview.points', { points: formatPoints(p.pointsReturned, i18n.language) }),
      p.onlineFen > 0 &&
        t('payments.refund.preview.online', { amount: y(p.onlineFen), method: p.onlineMethod ? t(`payments.onlineMethods.${p.onlineMethod}`) : '—' }),
    ].filter(Boolean);
    return t('payments.refund.preview.text', { parts: parts.join(t('payments.refund.preview.separator')) }) + (p.restoresCoupons ? t('payments.refund.preview.coupons') : '');
  };
}

/** Asks the server, a moment after the amount settles, how a refund of it would be shared, and shows the answer. */
export function RefundSplitPreview({ path, amount, onPreview }: { path: string; amount: unknown; onPreview: (p: RefundPreview | undefined) => void }) {
  const { api } = useAuth();
  const text = useRefundPreviewText();
  const [preview, setPreview] = useState<RefundPreview>();
  const fen = typeof amount === 'number' && amount > 0 ? yuanToFen(amount) : undefined;
  useEffect(() => {
    const show = (p: RefundPreview | undefined) => {
      setPreview(p);
      onPreview(p);
    };
    if (fen === undefined) {
      show(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.get<RefundPreview>(`${path}/refund-preview`, { amountFen: fen }, controller.signal).then(show, () => {
        if (!controller.signal.aborted) show(undefined);
      });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, path, fen, onPreview]);
  if (!preview) return null;
  return (
    <Typography.Paragraph type="secondary" data-testid="refund-preview">
      {text(preview)}
    </Typography.Paragraph>
  );
}

/**
 * 退款: an amount up to what may still be refunded and the reason, confirmed in a second step; the post carries the
 * dialog's Idempotency-Key. While the amount is typed, the server says how it would be shared (shown under the
 * amount and in the confirmation); it answers the refund with the payment, whose last refund says what went back.
 */
export function PaymentRefundDialog({ view, path, onClose, onRefunded }: { view?: PaymentView; path: string; onClose: () => void; onRefunded: (after: PaymentView) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<RefundForm>();
  const split = useRefundSplit();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const refundable = view?.refundableFen ?? 0;
  const amount = Form.useWatch('amount', form);
  const [preview, setPreview] = useState<RefundPreview>();
  const previewText = useRefundPreviewText();
  return (
    <TwoStepDialog<RefundForm>
      open={view !== undefined}
      title={t('payments.refund.title')}
      confirmOkText={t('payments.refund.confirmOk')}
      danger
      form={form}
      initialValues={view ? { amount: refundable / 100 } : undefined}
      hint={
        view && (
          <>
            <Typography.Paragraph>{t('payments.refund.left', { amount: y(refundable) })}</Typography.Paragraph>
            {view.payment.onlineFen > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="refund-online-hint"
                title={t('payments.refund.onlineHint', {
                  amount: y(view.payment.onlineFen),
                  method: view.payment.onlineMethod ? t(`payments.onlineMethods.${view.payment.onlineMethod}`) : '—',
                })}
              />
            )}
            {view.payment.subjectType === 'WALLET_TOP_UP' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="refund-top-up-hint" title={t('payments.refund.topUpHint')} />}
          </>
        )
      }
      confirmTitle={t('payments.refund.confirmTitle')}
      confirmText={(v) =>
        t('payments.refund.confirmText', { amount: y(yuanToFen(v.amount)), member: view ? `${view.payment.memberName} ${view.payment.memberPhone}` : '' }) +
        (preview && preview.amountFen === yuanToFen(v.amount) ? ' ' + previewText(preview) : '')
      }
      send={async (v, key) => {
        const after = await api.post<PaymentView>(`${path}/refunds`, { amountFen: yuanToFen(v.amount), reason: v.reason.trim() }, key);
        onRefunded(after);
        const last = after.refunds[after.refunds.length - 1];
        return t('payments.refund.done', { amount: y(yuanToFen(v.amount)) }) + (last ? ' ' + split(last) : '');
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item name="amount" label={t('payments.refund.amount')} rules={[{ required: true, message: t('payments.refund.amountRequired') }]}>
        <InputNumber min={0.01} max={refundable / 100} precision={2} style={{ width: 200 }} />
      </Form.Item>
      {view && <RefundSplitPreview path={path} amount={amount} onPreview={setPreview} />}
      <Form.Item name="reason" label={t('payments.refund.reason')} rules={[{ required: true, whitespace: true, message: t('payments.refund.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}

/**
 * A payment's online part (decision 0046): method, amount, where it is at Stripe, the intent's id, why it failed, when
 * it settled, and money paid at Stripe after the payment had failed on its way back.
 */
export function OnlinePart({ online }: { online: OnlineView }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <Descriptions column={2} size="small" bordered data-testid="payment-online">
      <Descriptions.Item label={t('payments.online.method')}>{t(`payments.onlineMethods.${online.method}`)}</Descriptions.Item>
      <Descriptions.Item label={t('payments.online.amount')}>{formatFen(online.amountFen, i18n.language)}</Descriptions.Item>
      <Descriptions.Item label={t('payments.online.status')}>
        <Tag color={ONLINE_STATUS_COLOURS[online.status]}>{t(`payments.onlineStatuses.${online.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('payments.online.intent')}>{online.intentId ? <Typography.Text copyable>{online.intentId}</Typography.Text> : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('payments.online.failure')}>{[online.failureMessage, online.failureCode && `(${online.failureCode})`].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('payments.online.settledAt')}>{online.settledAt ? formatTime(online.settledAt, 'short') : '—'}</Descriptions.Item>
      {online.lateReturn && (
        <Descriptions.Item label={t('payments.online.lateReturn')} span={2}>
          <Tag color={REFUND_ONLINE_COLOURS[online.lateReturn]}>{t(`payments.refundOnlineStatuses.${online.lateReturn}`)}</Tag>
          {t('payments.online.lateReturnText', { amount: formatFen(online.amountFen, i18n.language) })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** A payment's status as a tag, with 争议 beside it when the owner disputed it at Stripe. */
export function PaymentStatusTags({ payment }: { payment: PaymentView['payment'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={PAYMENT_STATUS_COLOURS[payment.status]}>{t(`payments.statuses.${payment.status}`)}</Tag>
      {payment.disputed && (
        <Tag color="red" title={t('payments.disputedHint')}>
          {t('payments.disputed')}
        </Tag>
      )}
    </>
  );
}

/** A refund's online part and where it is at Stripe: 退款中, 已退, 失败. */
export function RefundOnline({ refund }: { refund: PaymentRefundView }) {
  const { t, i18n } = useTranslation();
  if (!refund.onlineFen) return <>—</>;
  return (
    <Space size={4}>
      {formatFen(refund.onlineFen, i18n.language)}
      {refund.onlineStatus && <Tag color={REFUND_ONLINE_COLOURS[refund.onlineStatus]}>{t(`payments.refundOnlineStatuses.${refund.onlineStatus}`)}</Tag>}
    </Space>
  );
}

/** 向 Stripe 查询 (PAYMENT_TAKE) while a payment waits for its online part: the server asks Stripe and takes in the answer. */
export function StripeCheckButton({ path, view, onChecked, onError }: { path: string; view: PaymentView; onChecked: (after: PaymentView) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const canTake = useCan('PAYMENT_TAKE');
  const [checking, setChecking] = useState(false);
  if (!canTake || view.payment.status !== 'AWAITING_ONLINE') return null;
  const check = async () => {
    setChecking(true);
    try {
      const after = await api.post<PaymentView>(`${path}/check`);
      message.info(t('payments.online.checked', { status: after.online ? t(`payments.onlineStatuses.${after.online.status}`) : t(`payments.statuses.${after.payment.status}`) }));
      onChecked(after);
    } catch (e) {
      onError(e);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Button loading={checking} onClick={() => void check()}>
      {t('payments.online.check')}
    </Button>
  );
}

/** The Stripe events received about a payment, oldest first, each with what it changed, in words. */
export function StripeNotifications({ webhooks }: { webhooks: PaymentWebhookView[] }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const effect = (code: string) => {
    const key = `payments.webhooks.effects.${code}`;
    return i18n.exists(key) ? t(key as 'payments.webhooks.effects.NONE') : code;
  };
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'webhooks',
          label: t('payments.webhooks.title', { count: webhooks.length }),
          children: (
            <Table<PaymentWebhookView>
              rowKey="eventId"
              size="small"
              pagination={false}
              dataSource={webhooks}
              columns={[
                { key: 'receivedAt', title: t('payments.webhooks.receivedAt'), render: (_, w) => formatTime(w.receivedAt, 'short') },
                { key: 'type', title: t('payments.webhooks.type'), dataIndex: 'type' },
                { key: 'effect', title: t('payments.webhooks.effect'), render: (_, w) => effect(w.effect) },
                { key: 'eventId', title: t('payments.webhooks.eventId'), dataIndex: 'eventId' },
              ]}
            />
          ),
        },
      ]}
    />
  );
}

/**
 * One payment in a drawer (GET /payments/{id}): what it paid for, the split, the coupons used, the refunds with what
 * each gave back (the online part with where its refund is at Stripe); the online part and the Stripe notifications;
 * 确认收款 (with the version read) while it waits for confirmation, 向 Stripe 查询 while it waits for its online part,
 * 退款 while something is left.
 */
export function PaymentDrawer({ store, id, onClose, onChanged }: { store: string; id?: string; onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const canTake = useCan('PAYMENT_TAKE');
  const canRefund = useCan('PAYMENT_REFUND');
  const path = `/api/stores/${store}/payments/${id ?? ''}`;
  const [changes, setChanges] = useState(0);
  const [refunding, setRefunding] = useState(false);
  const [lastRefund, setLastRefund] = useState<PaymentRefundView>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const split = useRefundSplit();
  const loaded = useLoad<PaymentView | undefined>((signal) => (id ? api.get<PaymentView>(path, undefined, signal) : Promise.resolve(undefined)), [path, id, changes]);
  const view = id ? loaded.data : undefined;
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (points: number) => formatPoints(points, i18n.language);
  const p = view?.payment;

  const confirm = async () => {
    if (!p) return;
    setConfirming(true);
    setError(undefined);
    try {
      await api.post<PaymentView>(`${path}/confirmation`, undefined, undefined, p.version);
      message.success(t('payments.confirm.done'));
      setChanges((c) => c + 1);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <Drawer
      open={id !== undefined}
      size={640}
      title={p ? t('payments.drawer.title', { what: p.subjectRef }) : t('payments.drawer.loading')}
      onClose={() => {
        setLastRefund(undefined);
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
      extra={
        p && (
          <Space>
            {canTake && p.allowed.includes('CONFIRM') && (
              <Popconfirm title={t('payments.confirm.title')} description={t('payments.confirm.text', { amount: y(p.cashFen) })} okText={t('payments.confirm.open')} cancelText={t('common.cancel')} onConfirm={() => void confirm()}>
                <Button type="primary" loading={confirming}>
                  {t('payments.confirm.open')}
                </Button>
              </Popconfirm>
            )}
            <StripeCheckButton
              path={path}
              view={view}
              onChecked={() => {
                setError(undefined);
                setChanges((c) => c + 1);
                onChanged();
              }}
              onError={setError}
            />
            {canRefund && view.refundableFen > 0 && (
              <Button danger onClick={() => setRefunding(true)}>
                {t('payments.refund.open')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <ProblemAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      {lastRefund && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('payments.refund.doneTitle', { amount: y(lastRefund.amountFen) })} description={split(lastRefund)} data-testid="refund-split" />}
      {p && view && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('payments.fields.member')}>{`${p.memberName} ${p.memberPhone}`}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.subject')}>{`${t(`payments.subjects.${p.subjectType}`)} ${p.subjectRef}`}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.status')}>
              <PaymentStatusTags payment={p} />
            </Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.channel')}>{t(`payments.channels.${p.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.grossFen')}>{y(p.grossFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.couponFen')}>{y(p.couponFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.walletFen')}>{y(p.walletFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.pointsUsed')}>{t('payments.pointsWorth', { points: n(p.pointsUsed), amount: y(p.pointsUsed) })}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.cashFen')}>{p.cashMethod ? t('payments.cashWithMethod', { amount: y(p.cashFen), method: t(`wallet.methods.${p.cashMethod}`) }) : y(p.cashFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.onlineFen')}>
              {p.onlineMethod ? t('payments.onlineWithMethod', { amount: y(p.onlineFen), method: t(`payments.onlineMethods.${p.onlineMethod}`) }) : y(p.onlineFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.refundedFen')}>{y(p.refundedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.bonusPoints')}>{p.pointsMultiplier > 1 ? t('payments.multiplied', { points: n(p.bonusPoints), times: p.pointsMultiplier }) : n(p.bonusPoints)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.refundable')}>{y(view.refundableFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.takenBy')}>{p.takenBy}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.createdAt')}>{formatTime(p.createdAt, 'short')}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.confirmedBy')}>{p.confirmedBy ? `${p.confirmedBy} ${formatTime(p.confirmedAt, 'short')}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('payments.fields.note')}>{p.note ?? '—'}</Descriptions.Item>
          </Descriptions>
          {p.disputed && <Alert type="error" showIcon style={{ marginTop: 16 }} title={t('payments.disputedHint')} />}
          {view.online && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('payments.online.title')}
              </Typography.Title>
              <OnlinePart online={view.online} />
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('payments.drawer.coupons')}
          </Typography.Title>
          {view.coupons.length === 0 ? (
            <Typography.Text type="secondary">{t('payments.drawer.noCoupons')}</Typography.Text>
          ) : (
            <ul>
              {view.coupons.map((c) => (
                <li key={c.memberCouponId}>{t('payments.drawer.coupon', { name: c.name, amount: y(c.discountFen) })}</li>
              ))}
            </ul>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('payments.drawer.refunds')}
          </Typography.Title>
          <Table<PaymentRefundView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.refunds}
            locale={{ emptyText: t('payments.drawer.noRefunds') }}
            columns={[
              { key: 'createdAt', title: t('payments.fields.createdAt'), render: (_, r) => formatTime(r.createdAt, 'short') },
              { key: 'amount', title: t('payments.refund.amount'), align: 'right', render: (_, r) => y(r.amountFen) },
              { key: 'split', title: t('payments.drawer.refundSplit'), render: (_, r) => split(r) },
              ...(p.onlineFen > 0
                ? [
                    {
                      key: 'online',
                      title: t('payments.drawer.refundOnline'),
                      render: (_: unknown, r: PaymentRefundView) => <RefundOnline refund={r} />,
                    },
                  ]
                : []),
              { key: 'reason', title: t('payments.refund.reason'), dataIndex: 'reason' },
              { key: 'by', title: t('payments.drawer.by'), dataIndex: 'createdBy' },
            ]}
          />
          {view.online && <StripeNotifications webhooks={view.webhooks ?? []} />}
        </>
      )}
      <PaymentRefundDialog
        view={refunding ? view : undefined}
        path={path}
        onClose={() => setRefunding(false)}
        onRefunded={(after) => {
          setLastRefund(after.refunds[after.refunds.length - 1]);
          setChanges((c) => c + 1);
          onChanged();
        }}
      />
    </Drawer>
  );
}
