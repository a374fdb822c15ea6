import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoView, ProductForm, ProductSkuForm, ProductView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { PhotosField } from '../../ui/PhotoPicker';
import { yuanToFen } from '../../ui/wallet';
import { useCan } from '../permissions';

/** At most this many photos per product (ProductForm). */
export const PRODUCT_PHOTOS_MAX = 9;
/** The highest price a SKU may have, in yuan (SkuForm: 100,000,000.00 yuan in fen). */
const PRICE_MAX_YUAN = 100_000_000;

/** A SKU's row as typed: prices in yuan (two decimals at most), empty numbers undefined or null. */
export interface SkuValues {
  spec: string;
  code?: string | null;
  price: number;
  salePrice?: number | null;
  lowStockAt?: number | null;
  initialStock?: number | null;
}

/** The product form's values as typed. */
export interface ProductValues {
  categoryId: string;
  name: string;
  subtitle?: string | null;
  description?: string | null;
  hot?: boolean;
  recommended?: boolean;
  rank?: number | null;
  fitment?: string[];
  photos?: PhotoView[];
  skus?: SkuValues[];
  listed?: boolean;
}

/** A SKU's request: text trimmed, yuan as fen, a first stock only for a new SKU. */
export function toSkuForm(v: SkuValues, creating: boolean): ProductSkuForm {
  const details: ProductSkuForm = {
    spec: v.spec.trim(),
    code: v.code?.trim() || null,
    priceFen: yuanToFen(v.price),
    salePriceFen: v.salePrice == null ? null : yuanToFen(v.salePrice),
    lowStockAt: v.lowStockAt ?? 0,
  };
  return creating ? { ...details, initialStock: v.initialStock ?? 0 } : details;
}

/** The request a product form makes: text trimmed, fitment without blanks or repeats, photos by ref; SKUs and listing on creation only. */
export function toProductForm(v: ProductValues, creating: boolean): ProductForm {
  const fitment = [...new Set((v.fitment ?? []).map((f) => f.trim()).filter((f) => f !== ''))];
  const details: ProductForm = {
    categoryId: v.categoryId,
    name: v.name.trim(),
    subtitle: v.subtitle?.trim() || null,
    description: v.description?.trim() || null,
    hot: v.hot ?? false,
    recommended: v.recommended ?? false,
    rank: v.rank ?? 0,
    fitment,
    photos: (v.photos ?? []).map((p) => p.ref),
  };
  return creating ? { ...details, skus: (v.skus ?? []).map((s) => toSkuForm(s, true)), listed: v.listed ?? false } : details;
}

function toValues(p: ProductView): ProductValues {
  return {
    categoryId: p.categoryId,
    name: p.name,
    subtitle: p.subtitle ?? undefined,
    description: p.description ?? undefined,
    hot: p.hot,
    recommended: p.recommended,
    rank: p.rank,
    fitment: p.fitment,
    photos: p.photos,
  };
}

const NEW_SKU: Partial<SkuValues> = { lowStockAt: 0, initialStock: 0 };
const NEW: Partial<ProductValues> = { hot: false, recommended: false, rank: 0, fitment: [], photos: [], skus: [NEW_SKU as SkuValues], listed: false };

/** The rules of a price in yuan: at least one fen, at most the cap. */
export function priceRules(t: TFunction, required: boolean): Rule[] {
  return [
    ...(required ? [{ required: true, message: t('mall.sku.priceRequired') }] : []),
    { type: 'number', min: 0.01, message: t('mall.sku.priceMin') },
    { type: 'number', max: PRICE_MAX_YUAN, message: t('mall.sku.priceMax') },
  ];
}

/** The discount price is lower than the price it discounts (`pricePath`: where the price is in the form). */
export function salePriceRule(t: TFunction, pricePath: (string | number)[]): Rule {
  return ({ getFieldValue }) => ({
    validator: (_, value: number | null | undefined) => {
      const price: unknown = getFieldValue(pricePath);
      return value != null && typeof price === 'number' && value >= price ? Promise.reject(new Error(t('mall.sku.saleNotLower'))) : Promise.resolve();
    },
  });
}

/** The SKU rows of a new product: spec, article number, price and discount price in yuan, low-stock mark, first stock. */
function SkuRows() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="skus"
      rules={[{ validator: (_, skus: unknown[] | undefined) => ((skus?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('mall.editor.skusRequired')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top" data-testid="product-sku-row">
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'spec']}
                  label={t('mall.sku.spec')}
                  rules={[
                    { required: true, whitespace: true, message: t('mall.sku.specRequired') },
                    { max: 60, message: t('mall.sku.specTooLong') },
                  ]}
                >
                  <Input maxLength={60} placeholder={t('mall.sku.specPlaceholder')} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'code']} label={t('mall.sku.code')} rules={[{ max: 40, message: t('mall.sku.codeTooLong') }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'price']} label={t('mall.sku.price')} rules={priceRules(t, true)}>
                  <InputNumber min={0.01} max={PRICE_MAX_YUAN} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'salePrice']} label={t('mall.sku.salePrice')} dependencies={[['skus', field.name, 'price']]} rules={[...priceRules(t, false), salePriceRule(t, ['skus', field.name, 'price'])]}>
                  <InputNumber min={0.01} max={PRICE_MAX_YUAN} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[field.name, 'lowStockAt']} label={t('mall.sku.lowStockAt')} rules={[{ type: 'number', min: 0, message: t('mall.sku.notNegative') }]}>
                  <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[field.name, 'initialStock']} label={t('mall.sku.initialStock')} rules={[{ type: 'number', min: 0, message: t('mall.sku.notNegative') }]}>
                  <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Form.Item label=" " colon={false}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('mall.editor.removeSku', { n: index + 1 })} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 50} onClick={() => add({ ...NEW_SKU })}>
            {t('mall.editor.addSku')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * 新建商品 / 编辑商品 (MALL-1): category, name, subtitle, details, 爆款 and 推荐 with their order, the vehicle models
 * it fits (free tags; none: every car), photos; a new product also its SKUs (at least one, prices typed in yuan and
 * sent in fen, each with its first stock) and whether it is listed at once, posted once with the dialog's
 * Idempotency-Key. An edit sends the version read; SKUs and stock change in the product's drawer.
 */
export function ProductFormDialog({
  store,
  product,
  categories,
  onClose,
  onSaved,
}: {
  store: string;
  product?: ProductView;
  categories: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (saved: ProductView) => void;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const uploads = useCan('PHOTO_UPLOAD');
  const [form] = Form.useForm<ProductValues>();
  const [key] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = `/api/stores/${store}/products`;
  const creating = product === undefined;

  const save = async (values: ProductValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const body = toProductForm(values, creating);
      const saved = product ? await api.put<ProductView>(`${base}/${product.id}`, body, product.version) : await api.post<ProductView>(base, body, key);
      message.success(t('mall.editor.saved', { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      if (applyProblem(form, e) === 0) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={creating ? 1000 : 720}
      title={product ? t('mall.editor.editTitle', { name: product.name }) : t('mall.editor.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<ProductValues> form={form} layout="vertical" initialValues={product ? toValues(product) : NEW} onFinish={(v) => void save(v)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="categoryId" label={t('mall.fields.category')} rules={[{ required: true, message: t('mall.editor.categoryRequired') }]} extra={categories.length === 0 ? t('mall.editor.noCategories') : undefined}>
              <Select options={categories} showSearch={{ optionFilterProp: 'label' }} placeholder={t('mall.editor.categoryPlaceholder')} aria-label={t('mall.fields.category')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('mall.fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('mall.editor.nameRequired') },
                { max: 100, message: t('mall.editor.nameTooLong') },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subtitle" label={t('mall.fields.subtitle')} rules={[{ max: 200, message: t('mall.editor.subtitleTooLong') }]}>
          <Input maxLength={200} placeholder={t('mall.editor.subtitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('mall.fields.description')} extra={t('mall.editor.descriptionHint')}>
          <Input.TextArea maxLength={5000} rows={4} />
        </Form.Item>
        <Row gutter={16} align="bottom">
          <Col span={6}>
            <Form.Item name="hot" valuePropName="checked">
              <Checkbox>{t('mall.fields.hot')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="recommended" valuePropName="checked">
              <Checkbox>{t('mall.fields.recommended')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="rank" label={t('mall.fields.rank')} extra={t('mall.editor.rankHint')} rules={[{ type: 'number', min: 0, message: t('mall.sku.notNegative') }]}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: 200 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fitment" label={t('mall.fields.fitment')} extra={t('mall.editor.fitmentHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ';', '；']} placeholder={t('mall.editor.fitmentPlaceholder')} aria-label={t('mall.fields.fitment')} />
        </Form.Item>
        <Form.Item name="photos" label={t('mall.fields.photos')} extra={uploads ? undefined : t('mall.editor.noPhotoUpload')}>
          <PhotosField store={store} max={PRODUCT_PHOTOS_MAX} disabled={!uploads} />
        </Form.Item>
        {creating && (
          <>
            <Typography.Title level={5}>{t('mall.editor.skus')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('mall.editor.skusHint')}</Typography.Paragraph>
            <SkuRows />
            <Form.Item name="listed" valuePropName="checked" extra={t('mall.editor.listedHint')} style={{ marginTop: 16 }}>
              <Checkbox>{t('mall.fields.listed')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
