import { pagesOf } from '../../antd/tableParams';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Table, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type {
  PaymentMethod,
  RepairOrderSummary,
  WalletCashOutView,
  WalletEntryView,
  WalletPosting,
  WalletSettingsView,
  WalletView,
} from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { formatFen, walletSource, yuanToFen } from '../../ui/wallet';
import { useCan } from '../permissions';

export const PAYMENT_METHODS = ['CASH', 'CARD', 'WECHAT_QR', 'ALIPAY_QR'] as const satisfies readonly PaymentMethod[];

/** The bonus the store's tiers give a top-up of `fen`: the highest tier met (the server decides; this previews). */
export function bonusFor(settings: WalletSettingsView | undefined, fen: number): number {
  return (settings?.bonusTiers ?? []).filter((t) => fen >= t.minTopUp).reduce((best, t) => (t.minTopUp >= best.min ? { min: t.minTopUp, bonus: t.bonus } : best), { min: 0, bonus: 0 }).bonus;
}

/**
 * A dialog of two steps: the form, then a confirmation of what will happen, then the post. The post carries one
 * Idempotency-Key per opening, so a repeated click or a retry after a lost answer posts once (decision 0017); a
 * refusal goes back to the form, beside its field when the problem names one.
 */
export function TwoStepDialog<T extends object>({
  open,
  title,
  confirmOkText,
  danger,
  form,
  initialValues,
  hint,
  confirmTitle,
  confirmText,
  send,
  onClose,
  onDone,
  children,
  width,
}: {
  open: boolean;
  title: string;
  confirmOkText: string;
  danger?: boolean;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  /** Shown above the form's first step. */
  hint?: ReactNode;
  confirmTitle: string;
  confirmText: (values: T) => string;
  /** Posts the confirmed values with the dialog's key; resolves to the message that says it is done. */
  send: (values: T, key: string) => Promise<string>;
  onClose: () => void;
  onDone: () => void;
  children: ReactNode;
  /** a wider dialog for a long form (e.g. the checkout sheet) */
  width?: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [confirming, setConfirming] = useState<T>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) {
      setKey(crypto.randomUUID());
      setConfirming(undefined);
      setError(undefined);
    }
  }, [open]);

  const post = async (values: T) => {
    setSaving(true);
    setError(undefined);
    try {
      message.success(await send(values, key));
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
      title={title}
      width={width}
      okText={confirming ? confirmOkText : t('wallet.spend.submit')}
      okButtonProps={{ danger: danger && confirming !== undefined }}
      cancelText={t(confirming ? 'wallet.spend.back' : 'common.cancel')}
      confirmLoading={saving}
      onOk={() => (confirming ? void post(confirming) : form.submit())}
      onCancel={() => (confirming ? setConfirming(undefined) : onClose())}
      destroyOnHidden
    >
      <ProblemAlert error={error} fieldsInForm />
      {!confirming && hint}
      {confirming && <Alert type="warning" showIcon message={confirmTitle} description={confirmText(confirming)} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v: T) => setConfirming(v)} style={confirming ? { display: 'none' } : undefined}>
        {children}
      </Form>
    </Modal>
  );
}

interface TopUpForm {
  amount: number;
  method: PaymentMethod;
  note?: string;
}

/** 充值: amount, how it was paid, a note; the confirmation says the bonus the store's tiers add. */
export function TopUpDialog({ open, path, settings, onClose, onDone }: { open: boolean; path: string; settings?: WalletSettingsView; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<TopUpForm>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  return (
    <TwoStepDialog<TopUpForm>
      open={open}
      title={t('wallet.topUp.title')}
      confirmOkText={t('wallet.topUp.confirmOk')}
      form={form}
      confirmTitle={t('wallet.topUp.confirmTitle')}
      confirmText={(v) => {
        const bonus = bonusFor(settings, yuanToFen(v.amount));
        return t('wallet.topUp.confirmText', { amount: y(yuanToFen(v.amount)), method: t(`wallet.methods.${v.method}`) }) + (bonus > 0 ? ' ' + t('wallet.topUp.confirmBonus', { bonus: y(bonus) }) : '');
      }}
      send={async (v, key) => {
        const posted = await api.post<WalletPosting>(`${path}/top-ups`, { amount: yuanToFen(v.amount), method: v.method, note: v.note?.trim() || null }, key);
        return t('wallet.topUp.done', { amount: y(posted.principalDelta), bonus: y(posted.bonusDelta) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="amount" label={t('wallet.topUp.amount')} rules={[{ required: true, message: t('wallet.topUp.amountRequired') }]}>
        <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="method" label={t('wallet.topUp.method')} rules={[{ required: true, message: t('wallet.topUp.methodRequired') }]}>
        <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`wallet.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('wallet.topUp.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}

interface SpendForm {
  amount: number;
  what: 'order' | 'charge';
  repairOrderId?: string;
  description?: string;
}

/** 钱包支付: for one of the member's repair orders or a desk charge, after a confirmation. */
export function SpendDialog({ open, path, orders, onClose, onDone }: { open: boolean; path: string; orders: RepairOrderSummary[]; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<SpendForm>();
  const what = Form.useWatch('what', form);
  const y = (fen: number) => formatFen(fen, i18n.language);
  const describe = (v: SpendForm) =>
    v.what === 'order' ? t('owner.wallet.fromOrder', { order: orders.find((o) => o.id === v.repairOrderId)?.dmsNumber ?? '' }) : (v.description ?? '').trim();
  return (
    <TwoStepDialog<SpendForm>
      open={open}
      title={t('wallet.spend.title')}
      confirmOkText={t('wallet.spend.confirmOk')}
      form={form}
      initialValues={{ what: 'charge' }}
      confirmTitle={t('wallet.spend.confirmTitle')}
      confirmText={(v) => t('wallet.spend.confirmText', { amount: y(yuanToFen(v.amount)), what: describe(v) })}
      send={async (v, key) => {
        const body = v.what === 'order' ? { amount: yuanToFen(v.amount), repairOrderId: v.repairOrderId } : { amount: yuanToFen(v.amount), description: (v.description ?? '').trim() };
        await api.post<WalletPosting>(`${path}/spends`, body, key);
        return t('wallet.spend.done', { amount: y(yuanToFen(v.amount)) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="amount" label={t('wallet.spend.amount')} rules={[{ required: true, message: t('wallet.topUp.amountRequired') }]}>
        <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="what" label={t('wallet.spend.what')}>
        <Radio.Group
          options={[
            { value: 'charge', label: t('wallet.spend.charge') },
            { value: 'order', label: t('wallet.spend.order') },
          ]}
        />
      </Form.Item>
      {what === 'order' ? (
        <Form.Item name="repairOrderId" label={t('wallet.spend.orderId')} rules={[{ required: true, message: t('wallet.spend.orderRequired') }]}>
          <Select placeholder={t('wallet.spend.orderPlaceholder')} options={orders.map((o) => ({ value: o.id, label: `${o.dmsNumber} ${o.plate ?? ''}`.trim() }))} />
        </Form.Item>
      ) : (
        <Form.Item name="description" label={t('wallet.spend.description')} rules={[{ required: true, whitespace: true, message: t('wallet.spend.descriptionRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
      )}
    </TwoStepDialog>
  );
}

interface RefundForm {
  amount: number;
  reason: string;
}

/** 退回钱包: part or all of what is left of a payment, with the reason, after a confirmation. */
export function RefundDialog({ entry, path, onClose, onDone }: { entry?: WalletEntryView; path: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<RefundForm>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  return (
    <TwoStepDialog<RefundForm>
      open={entry !== undefined}
      title={t('wallet.refund.title')}
      confirmOkText={t('wallet.refund.confirmOk')}
      danger
      form={form}
      initialValues={entry ? { amount: entry.refundable / 100 } : undefined}
      hint={entry && <Typography.Paragraph>{t('wallet.refund.left', { amount: y(entry.refundable) })}</Typography.Paragraph>}
      confirmTitle={t('wallet.refund.confirmTitle')}
      confirmText={(v) => t('wallet.refund.confirmText', { amount: y(yuanToFen(v.amount)) })}
      send={async (v, key) => {
        await api.post<WalletPosting>(`${path}/entries/${entry?.id}/refunds`, { amount: yuanToFen(v.amount), reason: v.reason.trim() }, key);
        return t('wallet.refund.done', { amount: y(yuanToFen(v.amount)) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="amount" label={t('wallet.refund.amount')} rules={[{ required: true, message: t('wallet.topUp.amountRequired') }]}>
        <InputNumber min={0.01} max={entry ? entry.refundable / 100 : undefined} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('wallet.refund.reason')} rules={[{ required: true, whitespace: true, message: t('wallet.refund.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}

interface ReversalForm {
  reason: string;
}

/** 撤销充值: a top-up taken by mistake undone (principal and bonus out), with the reason, after a confirmation. */
export function ReversalDialog({ entry, path, onClose, onDone }: { entry?: WalletEntryView; path: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<ReversalForm>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const amount = entry ? y(entry.principalDelta + entry.bonusDelta) : '';
  return (
    <TwoStepDialog<ReversalForm>
      open={entry !== undefined}
      title={t('wallet.reverse.title')}
      confirmOkText={t('wallet.reverse.confirmOk')}
      danger
      form={form}
      hint={entry && <Typography.Paragraph>{t('wallet.reverse.hint', { amount, principal: y(entry.principalDelta), bonus: y(entry.bonusDelta) })}</Typography.Paragraph>}
      confirmTitle={t('wallet.reverse.confirmTitle')}
      confirmText={() => t('wallet.reverse.confirmText', { amount })}
      send={async (v) => {
        await api.post<WalletPosting>(`${path}/entries/${entry?.id}/reversal`, { reason: v.reason.trim() });
        return t('wallet.reverse.done', { amount });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reason" label={t('wallet.reverse.reason')} rules={[{ required: true, whitespace: true, message: t('wallet.reverse.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}

interface CashOutForm {
  amount: number;
  method: PaymentMethod;
  reason: string;
}

/** 本金提现: principal only, with the reason; above the store's threshold it waits for another manager. */
export function CashOutDialog({ open, path, wallet, settings, onClose, onDone }: { open: boolean; path: string; wallet?: WalletView; settings?: WalletSettingsView; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<CashOutForm>();
  const y = (fen: number) => formatFen(fen, i18n.language);
  return (
    <TwoStepDialog<CashOutForm>
      open={open}
      title={t('wallet.cashOut.title')}
      confirmOkText={t('wallet.cashOut.confirmOk')}
      danger
      form={form}
      initialValues={{ method: 'CASH' }}
      hint={wallet && settings && <Typography.Paragraph>{t('wallet.cashOut.hint', { principal: y(wallet.principal), limit: y(settings.cashOutApprovalAbove) })}</Typography.Paragraph>}
      confirmTitle={t('wallet.cashOut.confirmTitle')}
      confirmText={(v) => t('wallet.cashOut.confirmText', { amount: y(yuanToFen(v.amount)), method: t(`wallet.methods.${v.method}`) })}
      send={async (v, key) => {
        const made = await api.post<WalletCashOutView>(`${path}/cash-outs`, { amount: yuanToFen(v.amount), method: v.method, reason: v.reason.trim() }, key);
        return made.status === 'PAID' ? t('wallet.cashOut.paid', { amount: y(made.amount) }) : t('wallet.cashOut.pending');
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="amount" label={t('wallet.cashOut.amount')} rules={[{ required: true, message: t('wallet.topUp.amountRequired') }]}>
        <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="method" label={t('wallet.cashOut.method')}>
        <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`wallet.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('wallet.cashOut.reason')} rules={[{ required: true, whitespace: true, message: t('wallet.cashOut.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}

const PAGE_SIZE = 10;

/**
 * The member's wallet on the member page (WAL-1): principal, bonus and total, the history newest first (paged), and the
 * desk's actions by permission: 充值, 钱包支付, 退回钱包 (per payment), 提现.
 */
export function MemberWallet({ store, memberId, memberPhone }: { store: string; memberId: string; memberPhone?: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const canTopUp = useCan('WALLET_TOP_UP');
  const canSpend = useCan('WALLET_SPEND');
  const canRefund = useCan('WALLET_REFUND');
  const canCashOut = useCan('WALLET_CASH_OUT');
  const canReverse = useCan('WALLET_CASH_OUT_APPROVE');
  const canSeeOrders = useCan('REPAIR_ORDER_VIEW');
  const path = `/api/stores/${store}/members/${memberId}/wallet`;
  const [page, setPage] = useState(0);
  const [changes, setChanges] = useState(0);
  const [dialog, setDialog] = useState<'topUp' | 'spend' | 'cashOut'>();
  const [refunding, setRefunding] = useState<WalletEntryView>();
  const [reversing, setReversing] = useState<WalletEntryView>();
  const wallet = useLoad<WalletView>((signal) => api.get<WalletView>(path, undefined, signal), [path, changes]);
  const entries = useLoad<Page<WalletEntryView>>(
    (signal) => api.get<Page<WalletEntryView>>(`${path}/entries`, { page, size: PAGE_SIZE, sort: 'createdAt,desc' }, signal),
    [path, page, changes],
  );
  const settings = useLoad<WalletSettingsView>((signal) => api.get<WalletSettingsView>(`/api/stores/${store}/wallet/settings`, undefined, signal), [store]);
  const orders = useLoad<RepairOrderSummary[]>(
    (signal) =>
      canSpend && canSeeOrders && memberPhone && dialog === 'spend'
        ? api
            .get<Page<RepairOrderSummary>>(`/api/stores/${store}/repair-orders`, { q: memberPhone, size: 50 }, signal)
            .then((p) => p.content.filter((o) => o.memberId === memberId))
        : Promise.resolve([]),
    [store, memberId, memberPhone, dialog, canSpend, canSeeOrders],
  );
  const y = (fen: number) => formatFen(fen, i18n.language);
  const done = () => {
    setDialog(undefined);
    setRefunding(undefined);
    setReversing(undefined);
    setPage(0);
    setChanges((c) => c + 1);
  };
  const signed = (fen: number) => (fen > 0 ? `+${y(fen)}` : y(fen));

  const columns: ColumnsType<WalletEntryView> = [
    { key: 'createdAt', title: t('wallet.history.time'), render: (_, e) => formatTime(e.createdAt, 'short') },
    { key: 'kind', title: t('wallet.history.kind'), render: (_, e) => t(`wallet.kinds.${e.kind}`) },
    {
      key: 'principal',
      title: t('wallet.history.principal'),
      align: 'right',
      render: (_, e) => (
        <Typography.Text type={e.principalDelta < 0 ? 'danger' : undefined} data-testid="wallet-principal-change">
          {signed(e.principalDelta)}
        </Typography.Text>
      ),
    },
    {
      key: 'bonus',
      title: t('wallet.history.bonus'),
      align: 'right',
      render: (_, e) => <span data-testid="wallet-bonus-change">{signed(e.bonusDelta)}</span>,
    },
    { key: 'source', title: t('wallet.history.source'), render: (_, e) => (e.kind === 'REFUND' ? t('owner.wallet.refund', { what: walletSource(t, e) }) : walletSource(t, e)) },
    { key: 'reason', title: t('wallet.history.reason'), render: (_, e) => e.reason ?? '' },
    { key: 'by', title: t('wallet.history.by'), render: (_, e) => e.createdBy },
    {
      key: 'actions',
      title: '',
      render: (_, e) =>
        canRefund && e.kind === 'SPEND' && e.refundable > 0 ? (
          <Button size="small" onClick={() => setRefunding(e)}>
            {t('wallet.refund.open')}
          </Button>
        ) : canReverse && e.kind === 'TOP_UP' && e.refundable > 0 ? (
          <Button size="small" danger onClick={() => setReversing(e)}>
            {t('wallet.reverse.open')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('wallet.memberTitle')}
      style={{ marginTop: 16 }}
      extra={
        <Space>
          {canTopUp && (
            <Button type="primary" onClick={() => setDialog('topUp')}>
              {t('wallet.topUp.open')}
            </Button>
          )}
          {canSpend && <Button onClick={() => setDialog('spend')}>{t('wallet.spend.open')}</Button>}
          {canCashOut && <Button onClick={() => setDialog('cashOut')}>{t('wallet.cashOut.open')}</Button>}
        </Space>
      }
    >
      <ProblemAlert error={wallet.error ?? entries.error} onRetry={() => setChanges((c) => c + 1)} />
      {wallet.data && (
        <Space size={48} wrap style={{ marginBottom: 8 }}>
          <Statistic title={t('wallet.principal')} value={y(wallet.data.principal)} data-testid="wallet-principal" />
          <Statistic title={t('wallet.bonus')} value={y(wallet.data.bonus)} data-testid="wallet-bonus" />
          <Statistic title={t('wallet.total')} value={y(wallet.data.total)} />
        </Space>
      )}
      <Typography.Paragraph type="secondary">{t('wallet.bonusHint')}</Typography.Paragraph>
      <Table<WalletEntryView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries.data?.content ?? []}
        loading={entries.loading}
        locale={{ emptyText: t('wallet.history.empty') }}
        pagination={pagesOf(page, setPage, PAGE_SIZE, entries.data?.totalElements)}
      />
      <TopUpDialog open={dialog === 'topUp'} path={path} settings={settings.data} onClose={() => setDialog(undefined)} onDone={done} />
      <SpendDialog open={dialog === 'spend'} path={path} orders={orders.data ?? []} onClose={() => setDialog(undefined)} onDone={done} />
      <CashOutDialog open={dialog === 'cashOut'} path={path} wallet={wallet.data} settings={settings.data} onClose={() => setDialog(undefined)} onDone={done} />
      <RefundDialog entry={refunding} path={path} onClose={() => setRefunding(undefined)} onDone={done} />
      <ReversalDialog entry={reversing} path={path} onClose={() => setReversing(undefined)} onDone={done} />
    </Card>
  );
}
