import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The zones a store in China can be in, as a select: mainland China keeps Beijing time (Asia/Shanghai, the default);
 * Xinjiang's own time (Asia/Urumqi) is offered for stores that keep it; Hong Kong, Macau and Taiwan have their own ids.
 */
const ZONE_NAMES = {
  'Asia/Shanghai': 'shanghai',
  'Asia/Urumqi': 'urumqi',
  'Asia/Hong_Kong': 'hongKong',
  'Asia/Macau': 'macau',
  'Asia/Taipei': 'taipei',
} as const;
export const STORE_ZONES = Object.keys(ZONE_NAMES) as (keyof typeof ZONE_NAMES)[];
export const DEFAULT_STORE_ZONE = 'Asia/Shanghai';

/**
 * A store's phone as customers dial it, the rule tenant-admin applies (Stores.PHONE): a mainland mobile number, a
 * landline with its area code and an optional extension, or a 400/800 number.
 */
export const STORE_PHONE = /^(1[3-9]\d{9}|0[1-9]\d{1,2}-?[2-9]\d{6,7}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/;

/** Address and phone of a store, in a store form (create and edit). */
export function StoreContactFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="address" label={t('stores.fields.address')} rules={[{ max: 200, message: t('validation.max', { max: 200 }) }]}>
        <Input autoComplete="off" placeholder={t('stores.fields.addressPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('stores.fields.phone')}
        extra={t('stores.fields.phoneHint')}
        rules={[{ pattern: STORE_PHONE, message: t('stores.fields.phoneInvalid') }]}
        normalize={(value: string) => value.trim()}
      >
        <Input autoComplete="off" inputMode="tel" />
      </Form.Item>
    </>
  );
}

/** The store's zone, picked from STORE_ZONES by name. */
export function StoreZoneField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="timeZone" label={t('group.fields.timeZone')} rules={[{ required: true, message: t('validation.required') }]}>
      <Select aria-label={t('group.fields.timeZone')} options={STORE_ZONES.map((zone) => ({ value: zone, label: t(`stores.zones.${ZONE_NAMES[zone]}`) }))} />
    </Form.Item>
  );
}
