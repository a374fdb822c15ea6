import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductSkuView, ProductStockAdjustment, ProductStockReceipt, ProductView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { TwoStepDialog } from '../wallet/MemberWallet';
import { priceRules, salePriceRule, toSkuForm, type SkuValues } from './ProductFormDialog';

function skuValues(sku: ProductSkuView): SkuValues {
  return {
    spec: sku.spec,
    code: sku.code ?? undefined,
    price: sku.priceFen / 100,
    salePrice: sku.salePriceFen == null ? null : sku.salePriceFen / 100,
    lowStockAt: sku.lowStockAt,
  };
}

/**
 * 添加规格 / 编辑规格: spec, article number, price and discount price in yuan (sent in fen), low-stock mark; a new SKU
 * also its first stock, posted once with the dialog's Idempotency-Key. An edit sends the SKU's version; its stock
 * moves only by 入库 and 盘点调整.
 */
export function SkuFormDialog({ store, product, sku, onClose, onSaved }: { store: string; product: ProductView; sku?: ProductSkuView; onClose: () => void; onSaved: (saved: ProductView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<SkuValues>();
  const [key] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = `/api/stores/${store}/products/${product.id}/skus`;

  const save = async (v: SkuValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = sku ? await api.put<ProductView>(`${base}/${sku.id}`, toSkuForm(v, false), sku.version) : await api.post<ProductView>(base, toSkuForm(v, true), key);
      message.success(t('mall.sku.saved', { spec: v.spec.trim() }));
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
      title={sku ? t('mall.sku.editTitle', { name: product.name, spec: sku.spec }) : t('mall.sku.addTitle', { name: product.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<SkuValues> form={form} layout="vertical" initialValues={sku ? skuValues(sku) : { lowStockAt: 0, initialStock: 0 }} onFinish={(v) => void save(v)}>
        <Form.Item
          name="spec"
          label={t('mall.sku.spec')}
          rules={[
            { required: true, whitespace: true, message: t('mall.sku.specRequired') },
            { max: 60, message: t('mall.sku.specTooLong') },
          ]}
        >
          <Input maxLength={60} placeholder={t('mall.sku.specPlaceholder')} />
        </Form.Item>
        <Form.Item name="code" label={t('mall.sku.code')} rules={[{ max: 40, message: t('mall.sku.codeTooLong') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="price" label={t('mall.sku.price')} rules={priceRules(t, true)}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="salePrice" label={t('mall.sku.salePrice')} extra={t('mall.sku.salePriceHint')} dependencies={['price']} rules={[...priceRules(t, false), salePriceRule(t, ['price'])]}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="lowStockAt" label={t('mall.sku.lowStockAt')} extra={t('mall.sku.lowStockHint')} rules={[{ type: 'number', min: 0, message: t('mall.sku.notNegative') }]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {!sku && (
          <Form.Item name="initialStock" label={t('mall.sku.initialStock')} rules={[{ type: 'number', min: 0, message: t('mall.sku.notNegative') }]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

interface ReceiveForm {
  quantity: number;
  reason?: string;
}

type StockDialogProps = { store: string; product: ProductView; sku?: ProductSkuView; onClose: () => void; onDone: (after: ProductView) => void };

/** The SKU as it reads in a dialog: "机油 5W-30 · 4L". */
function skuName(product: ProductView, sku: ProductSkuView | undefined) {
  return sku ? `${product.name} · ${sku.spec}` : product.name;
}

/** 入库 of a SKU: stock received with a note, confirmed first and posted once with the dialog's Idempotency-Key. */
export function ReceiveSkuStockDialog({ store, product, sku, onClose, onDone }: StockDialogProps) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<ReceiveForm>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const name = skuName(product, sku);
  return (
    <TwoStepDialog<ReceiveForm>
      open={sku !== undefined}
      title={t('mall.receive.title', { name })}
      confirmOkText={t('mall.receive.confirmOk')}
      form={form}
      hint={sku && <Typography.Paragraph>{t('mall.stockNow', { stock: n(sku.stock) })}</Typography.Paragraph>}
      confirmTitle={t('mall.receive.confirmTitle')}
      confirmText={(v) => t('mall.receive.confirmText', { name, quantity: n(v.quantity), after: n((sku?.stock ?? 0) + v.quantity) })}
      send={async (v, key) => {
        const body: ProductStockReceipt = { quantity: v.quantity, reason: v.reason?.trim() || null };
        const after = await api.post<ProductView>(`/api/stores/${store}/products/${product.id}/skus/${sku?.id}/stock-receipts`, body, key);
        onDone(after);
        const stock = after.skus.find((s) => s.id === sku?.id)?.stock ?? 0;
        return t('mall.receive.done', { quantity: n(v.quantity), stock: n(stock) });
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item name="quantity" label={t('mall.receive.quantity')} rules={[{ required: true, message: t('mall.receive.quantityRequired') }]}>
        <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('mall.receive.reason')}>
        <Input maxLength={500} placeholder={t('mall.receive.reasonPlaceholder')} />
      </Form.Item>
    </TwoStepDialog>
  );
}

interface AdjustForm {
  delta: number;
  reason: string;
}

/**
 * 盘点调整 of a SKU: its stock corrected after a count, up or down (never below zero), with the reason; confirmed
 * first (before and after) and posted once with the dialog's Idempotency-Key.
 */
export function AdjustSkuStockDialog({ store, product, sku, onClose, onDone }: StockDialogProps) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<AdjustForm>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const name = skuName(product, sku);
  const stock = sku?.stock ?? 0;
  return (
    <TwoStepDialog<AdjustForm>
      open={sku !== undefined}
      title={t('mall.adjust.title', { name })}
      confirmOkText={t('mall.adjust.confirmOk')}
      danger
      form={form}
      hint={sku && <Typography.Paragraph>{t('mall.adjust.hint', { stock: n(stock) })}</Typography.Paragraph>}
      confirmTitle={t('mall.adjust.confirmTitle')}
      confirmText={(v) => t('mall.adjust.confirmText', { name, delta: v.delta > 0 ? `+${n(v.delta)}` : n(v.delta), before: n(stock), after: n(stock + v.delta) })}
      send={async (v, key) => {
        const body: ProductStockAdjustment = { delta: v.delta, reason: v.reason.trim() };
        const after = await api.post<ProductView>(`/api/stores/${store}/products/${product.id}/skus/${sku?.id}/stock-adjustments`, body, key);
        onDone(after);
        return t('mall.adjust.done', { stock: n(after.skus.find((s) => s.id === sku?.id)?.stock ?? 0) });
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item
        name="delta"
        label={t('mall.adjust.delta')}
        extra={t('mall.adjust.deltaHint')}
        rules={[
          { required: true, message: t('mall.adjust.deltaRequired') },
          {
            validator: (_, value: number | null | undefined) =>
              value == null
                ? Promise.resolve()
                : value === 0
                  ? Promise.reject(new Error(t('mall.adjust.deltaRequired')))
                  : stock + value < 0
                    ? Promise.reject(new Error(t('mall.adjust.deltaShort', { stock: n(stock) })))
                    : Promise.resolve(),
          },
        ]}
      >
        <InputNumber min={-1_000_000} max={1_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('mall.adjust.reason')} rules={[{ required: true, whitespace: true, message: t('mall.adjust.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}
