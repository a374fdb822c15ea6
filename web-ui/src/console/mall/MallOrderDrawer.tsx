import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MallOrderLine, MallOrderStatus, MallOrderView, PaymentView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPrice } from '../../ui/mall';
import { formatPoints } from '../../ui/points';
import { dayIn, wallClockText, zonedInstant } from '../../ui/format';
import { useFormatTime, useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { formatFen } from '../../ui/wallet';
import { PaymentRefundDialog } from '../payments/PaymentDrawer';
import { useCan } from '../permissions';
import { TwoStepDialog } from '../wallet/MemberWallet';

export const MALL_ORDER_COLOURS: Record<MallOrderStatus, string> = {
  PENDING_PAYMENT: 'orange',
  PAID: 'blue',
  READY_FOR_PICKUP: 'cyan',
  SCHEDULED_FOR_INSTALLATION: 'geekblue',
  COMPLETED: 'green',
  CANCELLED: 'default',
  PARTIALLY_REFUNDED: 'purple',
  REFUNDED: 'default',
};

export function MallOrderStatusTag({ status }: { status: MallOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={MALL_ORDER_COLOURS[status]}>{t(`mall.orders.statuses.${status}`)}</Tag>;
}

function newKey(): string {
  return crypto.randomUUID();
}

/** 取货核销: the six digits the owner shows; a wrong code is the server's 409 mall-order-code-wrong, shown in the dialog. */
export function PickupDialog({ order, path, onClose, onDone }: { order?: MallOrderView; path: string; onClose: () => void; onDone: (after: MallOrderView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <TwoStepDialog<{ code: string }>
      open={order !== undefined}
      title={t('mall.orders.pickup.title', { number: order?.number ?? '' })}
      confirmOkText={t('mall.orders.pickup.confirmOk')}
      form={form}
      hint={<Typography.Paragraph>{t('mall.orders.pickup.hint')}</Typography.Paragraph>}
      confirmTitle={t('mall.orders.pickup.confirmTitle')}
      confirmText={(v) => t('mall.orders.pickup.confirmText', { number: order?.number ?? '', member: order ? `${order.memberName ?? ''} ${order.memberPhone ?? ''}` : '', code: v.code })}
      send={async (v, key) => {
        const after = await api.post<MallOrderView>(`${path}/pickup`, { code: v.code.trim() }, key, order?.version);
        onDone(after);
        return t('mall.orders.pickup.done', { number: after.number });
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item
        name="code"
        label={t('mall.orders.pickup.code')}
        rules={[
          { required: true, message: t('mall.orders.pickup.codeRequired') },
          { pattern: /^\s*\d{6}\s*$/, message: t('mall.orders.pickup.codeFormat') },
        ]}
      >
        <Input inputMode="numeric" maxLength={6} autoComplete="off" placeholder={t('mall.orders.pickup.placeholder')} style={{ width: 200, fontSize: 20, letterSpacing: 4 }} />
      </Form.Item>
    </TwoStepDialog>
  );
}

interface ScheduleForm {
  at: Dayjs;
  repairOrderNumber?: string;
}

/** The picked date and time as the store's wall clock, whatever zone the browser is in: the instant it means. */
function pickedInstant(at: Dayjs, zone: string): string {
  return zonedInstant(at.format('YYYY-MM-DD'), at.hour(), at.minute(), zone);
}

/**
 * 预约安装: when the owner comes to have it fitted, and the repair order it is fitted under (optional). The picker shows
 * and takes the store's wall clock (the confirmation and the lists show times in the store's zone).
 */
export function ScheduleDialog({ order, path, onClose, onDone }: { order?: MallOrderView; path: string; onClose: () => void; onDone: (after: MallOrderView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const zone = useStoreZone();
  const [form] = Form.useForm<ScheduleForm>();
  return (
    <TwoStepDialog<ScheduleForm>
      open={order !== undefined}
      title={t('mall.orders.schedule.title', { number: order?.number ?? '' })}
      confirmOkText={t('mall.orders.schedule.confirmOk')}
      form={form}
      initialValues={order?.installationAt ? { at: dayjs(wallClockText(order.installationAt, zone)), repairOrderNumber: order.repairOrderNumber ?? undefined } : undefined}
      confirmTitle={t('mall.orders.schedule.confirmTitle')}
      confirmText={(v) => t('mall.orders.schedule.confirmText', { number: order?.number ?? '', time: formatTime(pickedInstant(v.at, zone), 'short') })}
      send={async (v, key) => {
        const number = v.repairOrderNumber?.trim();
        const after = await api.post<MallOrderView>(`${path}/schedule`, { at: pickedInstant(v.at, zone), ...(number ? { repairOrderNumber: number } : {}) }, key, order?.version);
        onDone(after);
        return t('mall.orders.schedule.done', { number: after.number });
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item name="at" label={t('mall.orders.schedule.at')} rules={[{ required: true, message: t('mall.orders.schedule.atRequired') }]}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.format('YYYY-MM-DD') < dayIn(zone)} placeholder={t('mall.orders.schedule.atPlaceholder')} />
      </Form.Item>
      <Form.Item name="repairOrderNumber" label={t('mall.orders.schedule.repairOrderNumber')} rules={[{ max: 40, message: t('mall.orders.schedule.repairOrderTooLong') }]}>
        <Input maxLength={40} placeholder={t('mall.orders.schedule.repairOrderPlaceholder')} />
      </Form.Item>
    </TwoStepDialog>
  );
}

/** Where the order is: 下单 → 支付 → 备货完成 / 预约安装 → 取货 / 安装完成, or where it stopped. */
function OrderSteps({ order }: { order: MallOrderView }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const pickup = order.fulfilment === 'PICKUP';
  const reached: Record<MallOrderStatus, number> = {
    PENDING_PAYMENT: 1,
    PAID: 2,
    READY_FOR_PICKUP: 3,
    SCHEDULED_FOR_INSTALLATION: 3,
    COMPLETED: 4,
    CANCELLED: 1,
    PARTIALLY_REFUNDED: order.completedAt ? 4 : order.readyAt || order.installationAt ? 3 : 2,
    REFUNDED: order.completedAt ? 4 : order.readyAt || order.installationAt ? 3 : 2,
  };
  const items = [
    { title: t('mall.orders.steps.placed'), content: formatTime(order.createdAt, 'short') },
    { title: t('mall.orders.steps.paid'), content: order.paidAt ? formatTime(order.paidAt, 'short') : undefined },
    pickup
      ? { title: t('mall.orders.steps.ready'), content: order.readyAt ? formatTime(order.readyAt, 'short') : undefined }
      : { title: t('mall.orders.steps.scheduled'), content: order.installationAt ? formatTime(order.installationAt, 'short') : undefined },
    { title: pickup ? t('mall.orders.steps.pickedUp') : t('mall.orders.steps.installed'), content: order.completedAt ? formatTime(order.completedAt, 'short') : undefined },
  ];
  const cancelled = order.status === 'CANCELLED';
  return (
    <Steps
      size="small"
      style={{ marginBottom: 16 }}
      current={cancelled ? 1 : Math.min(reached[order.status], 3)}
      status={cancelled ? 'error' : order.status === 'COMPLETED' ? 'finish' : 'process'}
      items={cancelled ? [items[0]!, { title: t('mall.orders.statuses.CANCELLED'), content: order.cancelledAt ? formatTime(order.cancelledAt, 'short') : undefined }] : items}
    />
  );
}

/**
 * One mall order in a drawer (GET /mall-orders/{id}): where it is (steps), the member, the lines, how it was paid and
 * what was refunded; the moves its state allows (`allowed`) for who may manage the mall: 备货完成 (pick-up), 预约安装
 * (installation), 取货核销 with the owner's code, 安装完成, each confirmed; 退款 through the payment's refund dialog for
 * who may refund payments.
 */
export function MallOrderDrawer({ store, id, onClose, onChanged }: { store: string; id?: string; onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const formatTime = useFormatTime();
  const manages = useCan('MALL_MANAGE');
  const refunds = useCan('PAYMENT_REFUND');
  const path = `/api/stores/${store}/mall-orders/${id ?? ''}`;
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState<unknown>();
  const [dialog, setDialog] = useState<'pickup' | 'schedule'>();
  const [refunding, setRefunding] = useState<PaymentView>();
  const loaded = useLoad<MallOrderView | undefined>((signal) => (id ? api.get<MallOrderView>(path, undefined, signal) : Promise.resolve(undefined)), [path, id, changes]);
  const order = id ? loaded.data : undefined;
  const y = (fen: number) => formatFen(fen, i18n.language);
  const n = (points: number) => formatPoints(points, i18n.language);
  const changed = () => {
    setChanges((c) => c + 1);
    onChanged();
  };

  const move = (what: 'ready' | 'installation', o: MallOrderView) =>
    modal.confirm({
      title: what === 'ready' ? t('mall.orders.ready.title') : t('mall.orders.installation.title'),
      content:
        what === 'ready'
          ? t('mall.orders.ready.text', { number: o.number })
          : o.repairOrderNumber
            ? t('mall.orders.installation.textWithRepairOrder', { number: o.number, repairOrder: o.repairOrderNumber })
            : t('mall.orders.installation.text', { number: o.number }),
      okText: what === 'ready' ? t('mall.orders.ready.ok') : t('mall.orders.installation.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(undefined);
        try {
          await api.post<MallOrderView>(`${path}/${what}`, undefined, newKey(), o.version);
          message.success(what === 'ready' ? t('mall.orders.ready.done', { number: o.number }) : t('mall.orders.installation.done', { number: o.number }));
          changed();
        } catch (e) {
          setError(e);
          changed();
        }
      },
    });

  const openRefund = async (paymentId: string) => {
    setError(undefined);
    try {
      setRefunding(await api.get<PaymentView>(`/api/stores/${store}/payments/${paymentId}`));
    } catch (e) {
      setError(e);
    }
  };

  const can = (o: MallOrderView, m: MallOrderView['allowed'][number]) => manages && o.allowed.includes(m);
  const pickup = order?.fulfilment === 'PICKUP';
  return (
    <Drawer
      open={id !== undefined}
      size={720}
      title={order ? t('mall.orders.drawer.title', { number: order.number }) : t('mall.orders.drawer.loading')}
      onClose={() => {
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
      extra={
        order && (
          <Space wrap>
            {pickup && can(order, 'READY') && (
              <Button type="primary" onClick={() => move('ready', order)}>
                {t('mall.orders.ready.open')}
              </Button>
            )}
            {!pickup && can(order, 'SCHEDULE') && (
              <Button type={order.status === 'PAID' ? 'primary' : 'default'} onClick={() => setDialog('schedule')}>
                {order.installationAt ? t('mall.orders.schedule.change') : t('mall.orders.schedule.open')}
              </Button>
            )}
            {pickup && can(order, 'COMPLETE') && (
              <Button type="primary" onClick={() => setDialog('pickup')}>
                {t('mall.orders.pickup.open')}
              </Button>
            )}
            {!pickup && can(order, 'COMPLETE') && (
              <Button type="primary" onClick={() => move('installation', order)}>
                {t('mall.orders.installation.open')}
              </Button>
            )}
            {refunds && order.allowed.includes('REFUND') && order.paymentId && (
              <Button danger onClick={() => order.paymentId && void openRefund(order.paymentId)}>
                {t('mall.orders.refund')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <ProblemAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      {order && (
        <>
          <OrderSteps order={order} />
          {order.status === 'PENDING_PAYMENT' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('mall.orders.drawer.unpaid')} />}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('mall.orders.fields.number')}>{order.number}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.status')}>
              <MallOrderStatusTag status={order.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.member')}>
              <Link to={`/console/${store}/members/${order.memberId}`}>{`${order.memberName ?? ''} ${order.memberPhone ?? ''}`}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.fulfilment')}>{t(`mall.orders.fulfilments.${order.fulfilment}`)}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.grossFen')}>{y(order.grossFen)}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.couponFen')}>{y(order.couponFen)}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.walletFen')}>{y(order.walletFen)}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.pointsUsed')}>{t('payments.pointsWorth', { points: n(order.pointsUsed), amount: y(order.pointsUsed) })}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.onlineFen')}>{y(order.onlineFen)}</Descriptions.Item>
            <Descriptions.Item label={t('mall.orders.fields.refundedFen')}>{y(order.refundedFen)}</Descriptions.Item>
            {order.installationAt && <Descriptions.Item label={t('mall.orders.fields.installationAt')}>{formatTime(order.installationAt, 'short')}</Descriptions.Item>}
            {order.repairOrderNumber && (
              <Descriptions.Item label={t('mall.orders.fields.repairOrderNumber')}>
                <Link to={`/console/${store}/repair-orders?q=${encodeURIComponent(order.repairOrderNumber)}`}>{order.repairOrderNumber}</Link>
              </Descriptions.Item>
            )}
            {order.completedAt && <Descriptions.Item label={t('mall.orders.fields.completed')}>{`${order.completedBy ?? ''} ${formatTime(order.completedAt, 'short')}`}</Descriptions.Item>}
            {order.cancelledAt && <Descriptions.Item label={t('mall.orders.fields.cancelled')}>{`${formatTime(order.cancelledAt, 'short')} ${order.cancelReason ?? ''}`}</Descriptions.Item>}
            <Descriptions.Item label={t('mall.orders.fields.note')}>{order.note ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('mall.orders.drawer.lines')}
          </Typography.Title>
          <Table<MallOrderLine>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={order.lines}
            columns={[
              { key: 'product', title: t('mall.orders.lines.product'), render: (_, l) => l.productName },
              { key: 'spec', title: t('mall.orders.lines.spec'), render: (_, l) => l.spec },
              { key: 'unit', title: t('mall.orders.lines.unitPrice'), align: 'right', render: (_, l) => formatPrice(l.unitPriceFen, i18n.language) },
              { key: 'quantity', title: t('mall.orders.lines.quantity'), align: 'right', render: (_, l) => l.quantity },
              { key: 'amount', title: t('mall.orders.lines.amount'), align: 'right', render: (_, l) => formatPrice(l.amountFen, i18n.language) },
            ]}
          />
        </>
      )}
      <PickupDialog
        order={dialog === 'pickup' ? order : undefined}
        path={path}
        onClose={() => setDialog(undefined)}
        onDone={() => changed()}
      />
      <ScheduleDialog order={dialog === 'schedule' ? order : undefined} path={path} onClose={() => setDialog(undefined)} onDone={() => changed()} />
      <PaymentRefundDialog
        view={refunding}
        path={`/api/stores/${store}/payments/${refunding?.payment.id ?? ''}`}
        onClose={() => setRefunding(undefined)}
        onRefunded={() => changed()}
      />
    </Drawer>
  );
}
