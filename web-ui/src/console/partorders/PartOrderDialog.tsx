import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSummary, MemberView, PartOrderRecord, PartOrderView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { yuanToFen } from '../../ui/wallet';
import { MemberPicker } from '../members/MemberPicker';
import { TwoStepDialog } from '../wallet/MemberWallet';

interface RecordForm {
  memberId: string;
  vehicleId?: string;
  partName: string;
  partNumber: string;
  quantity: number;
  supplier?: string;
  expectedOn?: Dayjs;
  price?: number;
  deposit?: number;
  repairOrderNumber?: string;
  note?: string;
  notifyOwner: boolean;
}

const blank = (text?: string) => (text?.trim() ? text.trim() : null);

/**
 * 登记配件预订: the member (picked by name, phone or plate) and, if it is for one of their cars, the car; the part, its
 * number and how many; the supplier and the day it should come, the price and deposit agreed, the repair order, a note;
 * whether the owner wants a text when it comes (yes unless they say no). Confirmed first, posted once with the
 * dialog's Idempotency-Key.
 */
export function PartOrderDialog({ open, store, onClose, onDone }: { open: boolean; store: string; onClose: () => void; onDone: (order?: PartOrderView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<RecordForm>();
  const [member, setMember] = useState<MemberSummary>();
  const base = `/api/stores/${store}`;
  const cars = useLoad<MemberView | undefined>((signal) => (open && member ? api.get<MemberView>(`${base}/members/${member.id}`, undefined, signal) : Promise.resolve(undefined)), [open, base, member?.id]);
  const vehicles = cars.data?.vehicles ?? [];

  return (
    <TwoStepDialog<RecordForm>
      open={open}
      width={640}
      title={t('partOrders.record.title')}
      confirmOkText={t('partOrders.record.confirmOk')}
      form={form}
      initialValues={{ quantity: 1, notifyOwner: true }}
      confirmTitle={t('partOrders.record.confirmTitle')}
      confirmText={(v) =>
        t('partOrders.record.confirmText', { member: member ? `${member.name} ${member.phone}` : '', part: v.partName.trim(), partNumber: v.partNumber.trim(), quantity: v.quantity }) +
        ' ' +
        (v.notifyOwner ? t('partOrders.record.willText') : t('partOrders.record.wontText'))
      }
      send={async (v, key) => {
        const body: PartOrderRecord = {
          memberId: v.memberId,
          vehicleId: v.vehicleId ?? null,
          partName: v.partName.trim(),
          partNumber: v.partNumber.trim(),
          quantity: v.quantity,
          supplier: blank(v.supplier),
          expectedOn: v.expectedOn ? v.expectedOn.format('YYYY-MM-DD') : null,
          priceFen: v.price === undefined || v.price === null ? null : yuanToFen(v.price),
          depositFen: v.deposit === undefined || v.deposit === null ? null : yuanToFen(v.deposit),
          repairOrderNumber: blank(v.repairOrderNumber),
          note: blank(v.note),
          notifyOwner: v.notifyOwner,
        };
        const made = await api.post<PartOrderView>(`${base}/part-orders`, body, key);
        onDone(made);
        return t('partOrders.record.done', { number: made.number, part: made.partName });
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item name="memberId" label={t('partOrders.fields.member')} rules={[{ required: true, message: t('partOrders.record.memberRequired') }]}>
        <MemberPicker
          onPick={(m) => {
            setMember(m);
            form.setFieldValue('vehicleId', undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="vehicleId" label={t('partOrders.record.vehicle')}>
        <Select allowClear disabled={!member} loading={cars.loading} placeholder={t('partOrders.record.vehiclePlaceholder')} options={vehicles.map((v) => ({ value: v.id, label: `${v.plate} · ${v.model}` }))} />
      </Form.Item>
      <Form.Item name="partName" label={t('partOrders.fields.partName')} rules={[{ required: true, whitespace: true, message: t('partOrders.record.partNameRequired') }, { max: 100, message: t('partOrders.record.tooLong', { max: 100 }) }]}>
        <Input maxLength={100} placeholder={t('partOrders.record.partNamePlaceholder')} />
      </Form.Item>
      <Form.Item name="partNumber" label={t('partOrders.fields.partNumber')} rules={[{ required: true, whitespace: true, message: t('partOrders.record.partNumberRequired') }, { max: 40, message: t('partOrders.record.tooLong', { max: 40 }) }]}>
        <Input maxLength={40} placeholder={t('partOrders.record.partNumberPlaceholder')} />
      </Form.Item>
      <Form.Item name="quantity" label={t('partOrders.fields.quantity')} rules={[{ required: true, message: t('partOrders.record.quantityRequired') }]}>
        <InputNumber min={1} max={999} precision={0} />
      </Form.Item>
      <Form.Item name="supplier" label={t('partOrders.record.supplier')} rules={[{ max: 100, message: t('partOrders.record.tooLong', { max: 100 }) }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="expectedOn" label={t('partOrders.record.expectedOn')}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="price" label={t('partOrders.record.price')}>
        <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" />
      </Form.Item>
      <Form.Item
        name="deposit"
        label={t('partOrders.record.deposit')}
        dependencies={['price']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: number | undefined) => {
              const price = getFieldValue('price') as number | undefined;
              return value !== undefined && value !== null && price !== undefined && price !== null && value > price ? Promise.reject(new Error(t('partOrders.record.depositAbovePrice'))) : Promise.resolve();
            },
          }),
        ]}
      >
        <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" />
      </Form.Item>
      <Form.Item name="repairOrderNumber" label={t('partOrders.record.repairOrderNumber')} rules={[{ max: 40, message: t('partOrders.record.tooLong', { max: 40 }) }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="note" label={t('partOrders.record.note')} rules={[{ max: 300, message: t('partOrders.record.tooLong', { max: 300 }) }]}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Form.Item name="notifyOwner" valuePropName="checked">
        <Checkbox>{t('partOrders.record.notifyOwner')}</Checkbox>
      </Form.Item>
    </TwoStepDialog>
  );
}
