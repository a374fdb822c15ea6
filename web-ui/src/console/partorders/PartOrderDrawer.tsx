import { App, Button, Descriptions, Drawer, Form, Input, Space, Steps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartOrderStatus, PartOrderView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { formatPrice } from '../../ui/mall';
import { useCan } from '../permissions';
import { TwoStepDialog } from '../wallet/MemberWallet';

export const PART_ORDER_COLOURS: Record<PartOrderStatus, string> = {
  ORDERED: 'blue',
  ARRIVED: 'cyan',
  HANDED_OVER: 'green',
  CANCELLED: 'default',
};

export function PartOrderStatusTag({ status }: { status: PartOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={PART_ORDER_COLOURS[status]}>{t(`partOrders.statuses.${status}`)}</Tag>;
}

/** 已预订 → 已到货 → 已交付, or where it was cancelled. */
function PartOrderSteps({ order }: { order: PartOrderView }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const at = (time?: string | null) => (time ? formatTime(time, 'short') : undefined);
  const items = [
    { title: t('partOrders.steps.ordered'), content: at(order.createdAt) },
    { title: t('partOrders.steps.arrived'), content: at(order.arrivedAt) },
    { title: t('partOrders.steps.handedOver'), content: at(order.handedOverAt) },
  ];
  if (order.status === 'CANCELLED') {
    const reached = order.arrivedAt ? 2 : 1;
    return (
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={reached}
        status="error"
        items={[...items.slice(0, reached), { title: t('partOrders.statuses.CANCELLED'), content: at(order.cancelledAt) }]}
      />
    );
  }
  const current = { ORDERED: 0, ARRIVED: 1, HANDED_OVER: 2 }[order.status];
  return <Steps size="small" style={{ marginBottom: 16 }} current={current} status={order.status === 'HANDED_OVER' ? 'finish' : 'process'} items={items} />;
}

/** 取消预订: why (the supplier cannot deliver, the customer declines); confirmed, then posted with the version read. */
function CancelDialog({ order, path, onClose, onDone }: { order?: PartOrderView; path: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <TwoStepDialog<{ reason: string }>
      open={order !== undefined}
      danger
      title={t('partOrders.cancel.title', { number: order?.number ?? '' })}
      confirmOkText={t('partOrders.cancel.confirmOk')}
      form={form}
      confirmTitle={t('partOrders.cancel.confirmTitle')}
      confirmText={(v) => t('partOrders.cancel.confirmText', { number: order?.number ?? '', part: order?.partName ?? '', reason: v.reason.trim() })}
      send={async (v, key) => {
        const after = await api.post<PartOrderView>(`${path}/cancellation`, { reason: v.reason.trim() }, key, order?.version);
        return t('partOrders.cancel.done', { number: after.number });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="reason"
        label={t('partOrders.cancel.reason')}
        rules={[
          { required: true, whitespace: true, message: t('partOrders.cancel.reasonRequired') },
          { max: 300, message: t('partOrders.cancel.reasonTooLong') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={300} placeholder={t('partOrders.cancel.placeholder')} />
      </Form.Item>
    </TwoStepDialog>
  );
}

/**
 * One part order in a drawer (GET /part-orders/{id}): where it is (steps), the member and car, the part, the supplier
 * and money agreed, the advisors; for who may manage the mall the moves its state allows (`allowed`), each confirmed
 * and sent with the version read: 登记到货 (the owner is texted if they agreed, the advisor told), 交付, 取消预订 with
 * the reason.
 */
export function PartOrderDrawer({ store, id, onClose, onChanged }: { store: string; id?: string; onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const formatTime = useFormatTime();
  const manages = useCan('MALL_MANAGE');
  const path = `/api/stores/${store}/part-orders/${id ?? ''}`;
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState<unknown>();
  const [cancelling, setCancelling] = useState(false);
  const loaded = useLoad<PartOrderView | undefined>((signal) => (id ? api.get<PartOrderView>(path, undefined, signal) : Promise.resolve(undefined)), [path, id, changes]);
  const order = id ? loaded.data : undefined;
  const y = (fen?: number | null) => (fen === undefined || fen === null ? '—' : formatPrice(fen, i18n.language));
  const changed = () => {
    setChanges((c) => c + 1);
    onChanged();
  };

  const move = (what: 'arrival' | 'hand-over', o: PartOrderView) => {
    const texts = what === 'arrival' ? 'arrive' : 'handOver';
    modal.confirm({
      title: t(`partOrders.${texts}.title`),
      content: t(`partOrders.${texts}.text`, { number: o.number, part: o.partName, quantity: o.quantity, member: o.memberName ?? '' }) + (what === 'arrival' ? ` ${o.notifyOwner ? t('partOrders.arrive.texted') : t('partOrders.arrive.notTexted')}` : ''),
      okText: t(`partOrders.${texts}.ok`),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(undefined);
        try {
          await api.post<PartOrderView>(`${path}/${what}`, undefined, crypto.randomUUID(), o.version);
          message.success(t(`partOrders.${texts}.done`, { number: o.number }));
        } catch (e) {
          setError(e);
        }
        changed();
      },
    });
  };

  const can = (o: PartOrderView, m: PartOrderView['allowed'][number]) => manages && o.allowed.includes(m);
  return (
    <Drawer
      open={id !== undefined}
      size={680}
      title={order ? t('partOrders.drawer.title', { number: order.number }) : t('partOrders.drawer.loading')}
      onClose={() => {
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
      extra={
        order && (
          <Space wrap>
            {can(order, 'ARRIVE') && (
              <Button type="primary" onClick={() => move('arrival', order)}>
                {t('partOrders.arrive.open')}
              </Button>
            )}
            {can(order, 'HAND_OVER') && (
              <Button type="primary" onClick={() => move('hand-over', order)}>
                {t('partOrders.handOver.open')}
              </Button>
            )}
            {can(order, 'CANCEL') && (
              <Button danger onClick={() => setCancelling(true)}>
                {t('partOrders.cancel.open')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <ProblemAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      {order && (
        <>
          <PartOrderSteps order={order} />
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('partOrders.fields.number')}>{order.number}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.status')}>
              <PartOrderStatusTag status={order.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.member')}>
              <Link to={`/console/${store}/members/${order.memberId}`}>{`${order.memberName ?? ''} ${order.memberPhone ?? ''}`}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.plate')}>{order.plate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.partName')}>{order.partName}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.partNumber')}>{order.partNumber}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.quantity')}>{order.quantity}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.supplier')}>{order.supplier ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.expectedOn')}>{order.expectedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.repairOrderNumber')}>{order.repairOrderNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.priceFen')}>{y(order.priceFen)}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.depositFen')}>{y(order.depositFen)}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.notifyOwner')}>{order.notifyOwner ? t('partOrders.notify.yes') : t('partOrders.notify.no')}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.advisor')}>{order.arrivalAdvisor ?? order.advisor ?? t('partOrders.noAdvisor')}</Descriptions.Item>
            <Descriptions.Item label={t('partOrders.fields.recorded')}>{`${order.createdBy} ${formatTime(order.createdAt, 'short')}`}</Descriptions.Item>
            {order.arrivedAt && <Descriptions.Item label={t('partOrders.fields.arrived')}>{`${order.arrivedBy ?? ''} ${formatTime(order.arrivedAt, 'short')}`}</Descriptions.Item>}
            {order.handedOverAt && <Descriptions.Item label={t('partOrders.fields.handedOver')}>{`${order.handedOverBy ?? ''} ${formatTime(order.handedOverAt, 'short')}`}</Descriptions.Item>}
            {order.cancelledAt && <Descriptions.Item label={t('partOrders.fields.cancelled')}>{`${order.cancelledBy ?? ''} ${formatTime(order.cancelledAt, 'short')} ${order.cancelReason ?? ''}`}</Descriptions.Item>}
            <Descriptions.Item label={t('partOrders.fields.note')} span={2}>
              {order.note ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <CancelDialog
        order={cancelling ? order : undefined}
        path={path}
        onClose={() => setCancelling(false)}
        onDone={() => {
          setCancelling(false);
          changed();
        }}
      />
    </Drawer>
  );
}
