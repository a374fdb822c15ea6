import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GiftStockAdjustment, GiftStockReceipt, GiftView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { TwoStepDialog } from '../wallet/MemberWallet';

interface ReceiveForm {
  quantity: number;
  reason?: string;
}

/** 入库: stock received (a restock) with a note, confirmed first and posted once with the dialog's Idempotency-Key. */
export function ReceiveStockDialog({ store, gift, onClose, onDone }: { store: string; gift?: GiftView; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<ReceiveForm>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const name = gift?.name ?? '';
  return (
    <TwoStepDialog<ReceiveForm>
      open={gift !== undefined}
      title={t('gifts.receive.title', { name })}
      confirmOkText={t('gifts.receive.confirmOk')}
      form={form}
      hint={gift && <Typography.Paragraph>{t('gifts.stockNow', { stock: n(gift.stock) })}</Typography.Paragraph>}
      confirmTitle={t('gifts.receive.confirmTitle')}
      confirmText={(v) => t('gifts.receive.confirmText', { name, quantity: n(v.quantity), after: n((gift?.stock ?? 0) + v.quantity) })}
      send={async (v, key) => {
        const body: GiftStockReceipt = { quantity: v.quantity, reason: v.reason?.trim() || null };
        const after = await api.post<GiftView>(`/api/stores/${store}/gifts/${gift?.id}/stock-receipts`, body, key);
        return t('gifts.receive.done', { quantity: n(v.quantity), stock: n(after.stock) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="quantity" label={t('gifts.receive.quantity')} rules={[{ required: true, message: t('gifts.receive.quantityRequired') }]}>
        <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('gifts.receive.reason')}>
        <Input maxLength={500} placeholder={t('gifts.receive.reasonPlaceholder')} />
      </Form.Item>
    </TwoStepDialog>
  );
}

interface AdjustForm {
  delta: number;
  reason: string;
}

/**
 * 盘点调整: the stock corrected after a count, up (盘盈) or down (盘亏, never below zero), with the reason; confirmed
 * first (the stock before and after) and posted once with the dialog's Idempotency-Key.
 */
export function AdjustStockDialog({ store, gift, onClose, onDone }: { store: string; gift?: GiftView; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<AdjustForm>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const name = gift?.name ?? '';
  const stock = gift?.stock ?? 0;
  return (
    <TwoStepDialog<AdjustForm>
      open={gift !== undefined}
      title={t('gifts.adjust.title', { name })}
      confirmOkText={t('gifts.adjust.confirmOk')}
      danger
      form={form}
      hint={gift && <Typography.Paragraph>{t('gifts.adjust.hint', { stock: n(stock) })}</Typography.Paragraph>}
      confirmTitle={t('gifts.adjust.confirmTitle')}
      confirmText={(v) =>
        t('gifts.adjust.confirmText', { name, delta: v.delta > 0 ? `+${n(v.delta)}` : n(v.delta), before: n(stock), after: n(stock + v.delta) })
      }
      send={async (v, key) => {
        const body: GiftStockAdjustment = { delta: v.delta, reason: v.reason.trim() };
        const after = await api.post<GiftView>(`/api/stores/${store}/gifts/${gift?.id}/stock-adjustments`, body, key);
        return t('gifts.adjust.done', { stock: n(after.stock) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="delta"
        label={t('gifts.adjust.delta')}
        extra={t('gifts.adjust.deltaHint')}
        rules={[
          { required: true, message: t('gifts.adjust.deltaRequired') },
          {
            validator: (_, value: number | null | undefined) =>
              value == null
                ? Promise.resolve()
                : value === 0
                  ? Promise.reject(new Error(t('gifts.adjust.deltaRequired')))
                  : stock + value < 0
                    ? Promise.reject(new Error(t('gifts.adjust.deltaShort', { stock: n(stock) })))
                    : Promise.resolve(),
          },
        ]}
      >
        <InputNumber min={-1_000_000} max={1_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('gifts.adjust.reason')} rules={[{ required: true, whitespace: true, message: t('gifts.adjust.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}
