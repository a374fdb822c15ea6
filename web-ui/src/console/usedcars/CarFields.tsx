import { Col, Form, Input, InputNumber, Row, Select, type InputNumberProps } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PhotoView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { PhotoPicker } from '../../ui/PhotoPicker';
import { useStoreZone } from '../../ui/storeZone';
import {
  EMISSION_STANDARDS,
  GEARBOXES,
  MAX_LENGTH,
  MILEAGE_MAX,
  PHOTOS_MAX,
  PRICE_MAX,
  thisYear,
  YEAR_MIN,
} from '../../ui/usedCar';

/**
 * The digits of a typed number as text, which the input turns into the number (as Ant Design's own example), with a
 * minus sign typed in front kept: −5 stays −5 for the form's rules to refuse, never silently 5.
 */
export function parseWhole(text: string | undefined): string {
  const typed = (text ?? '').trim();
  return `${/^[-\u2212]/.test(typed) ? '-' : ''}${typed.replace(/[^\d]/g, '')}`;
}

/**
 * The car's photos in a form: uploaded from the camera or a file as they are picked (decision 0028); Form.Item passes
 * value (the PhotoViews) and onChange, and the form sends their refs.
 */
export function PhotoField({ value = [], onChange }: { value?: PhotoView[]; onChange?: (photos: PhotoView[]) => void }) {
  const { store = '' } = useParams();
  const { api } = useAuth();
  return <PhotoPicker api={api} store={store} value={value} max={PHOTOS_MAX} onChange={(photos) => onChange?.(photos)} />;
}

/** A whole number (yuan, km) with thousands separators while typing; Form.Item passes value and onChange. */
export function ThousandsInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      precision={0}
      style={{ width: '100%' }}
      formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
      parser={(v) => parseWhole(v) as unknown as number}
      {...props}
    />
  );
}

/** The rules of a price in whole yuan: more than 0 (a negative or zero price is refused, saying so), at most the cap. */
export function priceRules(t: TFunction): Rule[] {
  return [
    { type: 'number', min: 1, message: t('usedCars.validation.pricePositive') },
    { type: 'number', max: PRICE_MAX, message: t('usedCars.validation.price') },
  ];
}

/**
 * The car as its owner describes it (UsedCarDetails), under `name` in the form (e.g. ['car'] for a staff
 * submission); the same limits as the server, whose field errors land on the same inputs.
 */
export function CarFields({ name = [] }: { name?: (string | number)[] }) {
  const { t } = useTranslation();
  const required: Rule = { required: true, message: t('validation.required') };
  const text: Rule = { required: true, whitespace: true, message: t('validation.required') };
  const max = (n: number): Rule => ({ max: n, message: t('validation.max', { max: n }) });
  const maxYear = thisYear(useStoreZone());
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'make']} label={t('usedCars.fields.make')} rules={[text, max(MAX_LENGTH.make)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={[...name, 'model']} label={t('usedCars.fields.model')} rules={[text, max(MAX_LENGTH.model)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={[...name, 'year']}
            label={t('usedCars.fields.year')}
            rules={[
              required,
              { type: 'number', min: YEAR_MIN, max: maxYear, message: t('usedCars.validation.year', { min: YEAR_MIN, max: maxYear }) },
            ]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={[...name, 'mileageKm']}
            label={t('usedCars.fields.mileageKm')}
            rules={[required, { type: 'number', min: 0, max: MILEAGE_MAX, message: t('usedCars.validation.mileage') }]}
          >
            <ThousandsInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'city']} label={t('usedCars.fields.city')} rules={[text, max(MAX_LENGTH.city)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'colour']} label={t('usedCars.fields.colour')} rules={[max(MAX_LENGTH.colour)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'gearbox']} label={t('usedCars.fields.gearbox')} rules={[required]}>
            <Select options={GEARBOXES.map((g) => ({ value: g, label: t(`usedCars.gearboxes.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'emissionStandard']} label={t('usedCars.fields.emissionStandard')} rules={[required]}>
            <Select options={EMISSION_STANDARDS.map((e) => ({ value: e, label: t(`usedCars.emissionStandards.${e}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[...name, 'priceWishYuan']}
            label={t('usedCars.fields.priceWishYuan')}
            rules={[required, ...priceRules(t)]}
          >
            <ThousandsInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={[...name, 'conditionNotes']}
        label={t('usedCars.fields.conditionNotes')}
        rules={[max(MAX_LENGTH.conditionNotes)]}
      >
        <Input.TextArea rows={3} showCount maxLength={MAX_LENGTH.conditionNotes} />
      </Form.Item>
      <Form.Item name={[...name, 'photos']} label={t('usedCars.fields.photos')} style={{ marginBottom: 8 }}>
        <PhotoField />
      </Form.Item>
    </>
  );
}
