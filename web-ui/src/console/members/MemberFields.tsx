import { Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { dayIn } from '../../ui/format';
import { useStoreZone } from '../../ui/storeZone';

/** The sources the API knows (store-console MemberSource). */
export const MEMBER_SOURCES = ['WALK_IN', 'REFERRAL', 'ONLINE', 'PHONE', 'EVENT', 'DMS_IMPORT', 'OTHER'] as const;

// the same rules the server applies (MemberProfile, VehicleDetails); the server's answer still decides
export const PHONE = /^1[3-9]\d{9}$/;
export const PLATE =
  /^\s*[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z]\s?[A-HJ-NP-Za-hj-np-z0-9]{4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警]\s*$/;
export const VIN = /^\s*[A-HJ-NPR-Za-hj-npr-z0-9]{17}\s*$/;

/** The store's calendar day, by which the server checks birthdays and purchase dates (store-console StoreTime). */
function useToday(): () => string {
  const zone = useStoreZone();
  return () => dayIn(zone);
}

/** Name, phone, birthday, source, notes: under `prefix` (e.g. `profile`). */
export function ProfileFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  const today = useToday();
  const required: Rule = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name={[prefix, 'name']} label={t('members.fields.name')} rules={[required, { max: 64, message: t('validation.max', { max: 64 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={[prefix, 'phone']} label={t('members.fields.phone')} rules={[required, { pattern: PHONE, message: t('validation.phone') }]}>
        <Input inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={[prefix, 'birthday']}
        label={t('members.fields.birthday')}
        rules={[{ validator: async (_, v?: string) => { if (v && v >= today()) throw new Error(t('validation.past')); } }]}
      >
        <Input type="date" max={today()} />
      </Form.Item>
      <Form.Item name={[prefix, 'source']} label={t('members.fields.source')}>
        <Select allowClear options={MEMBER_SOURCES.map((s) => ({ value: s, label: t(`members.sources.${s}`) }))} />
      </Form.Item>
      <Form.Item name={[prefix, 'notes']} label={t('members.fields.notes')} rules={[{ max: 500, message: t('validation.max', { max: 500 }) }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/** Plate, VIN, model, purchase date, mileage; `name` is the path of the vehicle in the form (e.g. [0] in a list). */
export function VehicleFields({ name = [] }: { name?: (string | number)[] }) {
  const { t } = useTranslation();
  const today = useToday();
  const required: Rule = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name={[...name, 'plate']} label={t('vehicles.fields.plate')} rules={[required, { pattern: PLATE, message: t('validation.plate') }]}>
        <Input autoComplete="off" placeholder={t('vehicles.platePlaceholder')} />
      </Form.Item>
      <Form.Item name={[...name, 'vin']} label={t('vehicles.fields.vin')} rules={[required, { pattern: VIN, message: t('validation.vin') }]}>
        <Input autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item name={[...name, 'model']} label={t('vehicles.fields.model')} rules={[required, { max: 64, message: t('validation.max', { max: 64 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={[...name, 'purchaseDate']} label={t('vehicles.fields.purchaseDate')}>
        <Input type="date" max={today()} />
      </Form.Item>
      <Form.Item name={[...name, 'mileageKm']} label={t('vehicles.fields.mileageKm')}>
        <InputNumber min={0} max={2_000_000} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/** Empty optional inputs are sent as absent, not as "". */
export function cleaned<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as T;
}
