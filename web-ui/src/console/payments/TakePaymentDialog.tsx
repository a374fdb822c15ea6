import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, Query } from '../../api/client';
import type { CheckoutCombination, CheckoutQuote, MemberSummary, PaymentMethod, PaymentView, RepairOrderSummary } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { couponUsable, recommendedCoupons, remainingFen, sameCoupons } from '../../ui/payments';
import { formatAmount, formatPoints } from '../../ui/points';
import { useLoad } from '../../ui/useLoad';
import { formatFen, yuanToFen } from '../../ui/wallet';
import { MemberPicker } from '../members/MemberPicker';
import { useCan } from '../permissions';
import { PAYMENT_METHODS, TwoStepDialog } from '../wallet/MemberWallet';

interface TakeForm {
  memberId: string;
  what: 'order' | 'charge';
  repairOrderId?: string;
  description?: string;
  amount?: number;
  coupons: string[];
  wallet?: number;
  points?: number;
  cash?: number;
  cashMethod?: PaymentMethod;
  confirmedInPerson: boolean;
  note?: string;
}

/** `value`, once it has stayed the same for `ms` (typing a description does not ask the server at every key). */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A choice of coupons other than the recommendation, as the server worked it out (or why it cannot be used). */
interface Choice {
  coupons: string[];
  result?: CheckoutCombination;
  error?: unknown;
  loading?: boolean;
}

/**
 * 登记收款 (WAL-3): the member, then a repair order of theirs or a desk charge; the checkout sheet (the recommended
 * coupons and why, the coupons held with why not, wallet and points); coupons (the recommendation unless changed, a
 * changed choice asked of the server again), wallet, points, cash and how it was paid, 当面确认, a note; 还需支付 as
 * the split is typed; confirmed in a second step and posted once with the dialog's Idempotency-Key.
 */
export function TakePaymentDialog({
  open,
  store,
  member: given,
  onClose,
  onDone,
}: {
  open: boolean;
  store: string;
  /** the member already chosen (e.g. from the member's page); otherwise picked in the dialog */
  member?: Pick<MemberSummary, 'id' | 'name' | 'phone'>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const canSeeOrders = useCan('REPAIR_ORDER_VIEW');
  const [form] = Form.useForm<TakeForm>();
  const [picked, setMember] = useState<MemberSummary>();
  const member: Pick<MemberSummary, 'id' | 'name' | 'phone'> | undefined = given ?? picked;
  const [choice, setChoice] = useState<Choice>();
  const memberId = Form.useWatch('memberId', form);
  const what = Form.useWatch('what', form) ?? 'order';
  const repairOrderId = Form.useWatch('repairOrderId', form);
  const description = useSettled((Form.useWatch('description', form) ?? '').trim());
  const amount = useSettled(Form.useWatch('amount', form));
  const wallet = Form.useWatch('wallet', form) ?? 0;
  const points = Form.useWatch('points', form) ?? 0;
  const cash = Form.useWatch('cash', form) ?? 0;
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (value: number) => formatPoints(value, i18n.language);
  const base = `/api/stores/${store}`;

  const subject: Query | undefined =
    what === 'order' ? (repairOrderId ? { repairOrderId } : undefined) : description && amount ? { description, amountFen: yuanToFen(amount) } : undefined;
  const subjectKey = memberId && subject ? JSON.stringify([memberId, subject]) : '';

  const orders = useLoad<RepairOrderSummary[]>(
    (signal) =>
      open && canSeeOrders && member
        ? api
            .get<Page<RepairOrderSummary>>(`${base}/repair-orders`, { q: member.phone, size: 50, sort: 'settledAt,desc' }, signal)
            .then((p) => p.content.filter((o) => o.memberId === member.id && o.status === 'SETTLED'))
        : Promise.resolve([]),
    [open, base, member?.id, canSeeOrders],
  );
  const quote = useLoad<{ key: string; sheet: CheckoutQuote } | undefined>(
    (signal) =>
      subjectKey ? api.get<CheckoutQuote>(`${base}/members/${memberId}/checkout`, subject, signal).then((sheet) => ({ key: subjectKey, sheet })) : Promise.resolve(undefined),
    [subjectKey],
  );
  // only the sheet of what is chosen now, not the last one while the next loads
  const sheet = subjectKey && quote.data?.key === subjectKey ? quote.data.sheet : undefined;

  // a new sheet starts from its recommendation and asks for the whole amount in cash
  useEffect(() => {
    setChoice(undefined);
    if (!sheet) return;
    form.setFieldsValue({ coupons: recommendedCoupons(sheet), wallet: 0, points: 0, cash: sheet.recommended.dueFen / 100 });
  }, [sheet, form]);

  const choose = async (next: string[]) => {
    if (!sheet || !memberId || !subject) return;
    if (sameCoupons(next, recommendedCoupons(sheet))) {
      setChoice(undefined);
      return;
    }
    setChoice({ coupons: next, loading: true });
    try {
      const asked = await api.get<CheckoutQuote>(`${base}/members/${memberId}/checkout`, { ...subject, coupons: next, choose: true });
      setChoice((c) => (c && sameCoupons(c.coupons, next) ? { coupons: next, result: asked.chosen ?? undefined } : c));
    } catch (error) {
      setChoice((c) => (c && sameCoupons(c.coupons, next) ? { coupons: next, error } : c));
    }
  };

  const combination = choice ? choice.result : sheet?.recommended;
  const due = combination?.dueFen;
  const rest = due === undefined ? undefined : remainingFen(due, yuanToFen(wallet), points, yuanToFen(cash));
  const subjectText = (v: TakeForm) =>
    v.what === 'order' ? t('payments.take.forOrder', { order: sheet?.subjectRef ?? orders.data?.find((o) => o.id === v.repairOrderId)?.dmsNumber ?? '' }) : t('payments.take.forCharge', { what: (v.description ?? '').trim() });

  return (
    <TwoStepDialog<TakeForm>
      open={open}
      width={760}
      title={t('payments.take.title')}
      confirmOkText={t('payments.take.confirmOk')}
      form={form}
      initialValues={{ memberId: given?.id, what: 'order', coupons: [], wallet: 0, points: 0, cash: 0, confirmedInPerson: false }}
      confirmTitle={t('payments.take.confirmTitle')}
      confirmText={(v) =>
        t('payments.take.confirmText', {
          member: member ? `${member.name} ${member.phone}` : '',
          what: subjectText(v),
          due: y(due ?? 0),
          coupon: y(combination?.savingFen ?? 0),
          wallet: y(yuanToFen(v.wallet ?? 0)),
          points: n(v.points ?? 0),
          cash: y(yuanToFen(v.cash ?? 0)),
          method: v.cashMethod && (v.cash ?? 0) > 0 ? t(`wallet.methods.${v.cashMethod}`) : '—',
        }) + (v.confirmedInPerson ? '' : ' ' + t('payments.take.confirmPending'))
      }
      send={async (v, key) => {
        const body = {
          memberId: v.memberId,
          ...(v.what === 'order' ? { repairOrderId: v.repairOrderId } : { description: (v.description ?? '').trim(), amountFen: yuanToFen(v.amount ?? 0) }),
          coupons: v.coupons ?? [],
          walletFen: yuanToFen(v.wallet ?? 0),
          points: v.points ?? 0,
          cashFen: yuanToFen(v.cash ?? 0),
          cashMethod: (v.cash ?? 0) > 0 ? v.cashMethod : undefined,
          confirmedInPerson: v.confirmedInPerson,
          note: v.note?.trim() || undefined,
        };
        const made = await api.post<PaymentView>(`${base}/payments`, body, key);
        return made.payment.status === 'PENDING_CONFIRMATION' ? t('payments.take.donePending', { amount: y(made.payment.grossFen - made.payment.couponFen) }) : t('payments.take.done', { amount: y(made.payment.grossFen - made.payment.couponFen) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      {given ? (
        <>
          <Form.Item name="memberId" hidden>
            <Input />
          </Form.Item>
          <Typography.Paragraph strong>{`${given.name} ${given.phone}`}</Typography.Paragraph>
        </>
      ) : (
        <Form.Item name="memberId" label={t('payments.take.member')} rules={[{ required: true, message: t('payments.take.memberRequired') }]}>
          <MemberPicker
            onPick={(m) => {
              setMember(m);
              form.setFieldValue('repairOrderId', undefined);
            }}
          />
        </Form.Item>
      )}
      <Form.Item name="what" label={t('payments.take.what')}>
        <Radio.Group
          options={[
            { value: 'order', label: t('payments.take.order') },
            { value: 'charge', label: t('payments.take.charge') },
          ]}
        />
      </Form.Item>
      {what === 'order' ? (
        <Form.Item name="repairOrderId" label={t('payments.take.orderId')} rules={[{ required: true, message: t('payments.take.orderRequired') }]}>
          {canSeeOrders ? (
            <Select
              placeholder={t('payments.take.orderPlaceholder')}
              loading={orders.loading}
              notFoundContent={member ? t('payments.take.noOrders') : t('payments.take.memberFirst')}
              options={(orders.data ?? []).map((o) => ({ value: o.id, label: `${o.dmsNumber} ${o.plate ?? ''} ${formatAmount(o.total.amount, i18n.language)}`.trim() }))}
            />
          ) : (
            <Input placeholder={t('payments.take.orderIdPlaceholder')} />
          )}
        </Form.Item>
      ) : (
        <Space wrap align="start">
          <Form.Item name="description" label={t('payments.take.description')} rules={[{ required: true, whitespace: true, message: t('payments.take.descriptionRequired') }]}>
            <Input maxLength={200} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="amount" label={t('payments.take.amount')} rules={[{ required: true, message: t('payments.take.amountRequired') }]}>
            <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: 180 }} />
          </Form.Item>
        </Space>
      )}
      <ProblemAlert error={subjectKey ? quote.error : undefined} onRetry={quote.reload} />
      {subjectKey && quote.loading && !sheet && <Spin />}
      {sheet && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('payments.sheet.gross')}>{y(sheet.grossFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.sheet.recommendedDue')}>{y(sheet.recommended.dueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.sheet.wallet')}>{y(sheet.walletFen)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.sheet.points')}>
              {sheet.pointsAccepted ? t('payments.sheet.pointsText', { available: n(sheet.pointsAvailable), max: n(sheet.pointsMax) }) : t('payments.sheet.pointsOff')}
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={sheet.explanation} data-testid="checkout-explanation" />
          <Form.Item name="coupons" label={t('payments.sheet.coupons')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              onChange={(next) => void choose(next as string[])}
              options={sheet.held.map((c) => ({
                value: c.memberCouponId,
                disabled: !couponUsable(c),
                label: (
                  <span>
                    {c.name}
                    {c.recommended && <Typography.Text type="success">{` ${t('payments.sheet.recommendedTag')}`}</Typography.Text>}
                    {c.notUsedText && <Typography.Text type="secondary">{` ${c.notUsedText}`}</Typography.Text>}
                  </span>
                ),
              }))}
            />
          </Form.Item>
          {sheet.held.length === 0 && <Typography.Paragraph type="secondary">{t('payments.sheet.noCoupons')}</Typography.Paragraph>}
          {choice?.loading && <Spin size="small" />}
          <ProblemAlert error={choice?.error} />
          {choice?.result && (
            <Typography.Paragraph data-testid="checkout-chosen">
              {t('payments.sheet.chosenText', { saving: y(choice.result.savingFen), due: y(choice.result.dueFen) })}
            </Typography.Paragraph>
          )}
          <Space wrap align="start">
            <Form.Item name="wallet" label={t('payments.take.wallet')}>
              <InputNumber min={0} max={sheet.walletFen / 100} precision={2} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="points" label={t('payments.take.points')}>
              <InputNumber min={0} max={sheet.pointsAccepted ? sheet.pointsMax : 0} precision={0} disabled={!sheet.pointsAccepted} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item
              name="cash"
              label={t('payments.take.cash')}
              rules={[{ validator: () => (rest === 0 ? Promise.resolve() : Promise.reject(new Error(t('payments.take.splitMismatch')))) }]}
            >
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item
              name="cashMethod"
              label={t('payments.take.cashMethod')}
              rules={[{ validator: (_, v) => (cash > 0 && !v ? Promise.reject(new Error(t('payments.take.methodRequired'))) : Promise.resolve()) }]}
            >
              <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`wallet.methods.${m}`) }))} />
            </Form.Item>
          </Space>
          <Typography.Paragraph strong data-testid="checkout-rest">
            {rest === undefined ? t('payments.take.restUnknown') : t('payments.take.rest', { amount: y(rest) })}
            {rest !== undefined && rest > 0 && (
              <Button type="link" size="small" onClick={() => form.setFieldValue('cash', (yuanToFen(cash) + rest) / 100)}>
                {t('payments.take.restAsCash')}
              </Button>
            )}
          </Typography.Paragraph>
          <Form.Item name="confirmedInPerson" valuePropName="checked" extra={t('payments.take.inPersonHint')}>
            <Checkbox>{t('payments.take.inPerson')}</Checkbox>
          </Form.Item>
          <Form.Item name="note" label={t('payments.take.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
    </TwoStepDialog>
  );
}
