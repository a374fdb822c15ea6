import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponKind, CouponScope, CouponTemplateChange, CouponTemplateView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { yuanToFen } from '../../ui/wallet';
import { COUPON_KINDS } from './CouponTemplateList';

export const COUPON_SCOPES = ['ORDER', 'LABOUR', 'PARTS', 'MALL_CATEGORIES', 'ITEMS'] as const satisfies readonly CouponScope[];

/** The form's values: money in yuan as typed, validity as a mode with its dates or days. */
export interface TemplateForm {
  name: string;
  description?: string;
  kind: CouponKind;
  scope: CouponScope;
  scopeCodes?: string[];
  value?: number;
  threshold?: number;
  percentOff?: number;
  cap?: number;
  pointsMultiplier?: number;
  stackGroup?: string;
  validity: 'days' | 'dates';
  validDays?: number;
  dates?: [Dayjs, Dayjs];
  perMemberLimit: number;
  totalLimit?: number | null;
  claimable: boolean;
}

/** Which rule fields a kind has (the others are not shown and sent as 0 / none). */
export function fieldsOf(kind: CouponKind): { value: boolean; threshold: boolean; percent: boolean; cap: boolean; multiplier: boolean } {
  return {
    value: kind === 'CASH' || kind === 'THRESHOLD',
    threshold: kind !== 'POINTS_MULTIPLIER',
    percent: kind === 'PERCENT',
    cap: kind === 'PERCENT' || kind === 'FREE_ITEM',
    multiplier: kind === 'POINTS_MULTIPLIER',
  };
}

/** The request a form's values make: fen, the kind's fields only, one validity. */
export function toChange(v: TemplateForm): CouponTemplateChange {
  const f = fieldsOf(v.kind);
  const listed = v.scope === 'MALL_CATEGORIES' || v.scope === 'ITEMS';
  return {
    name: v.name.trim(),
    description: v.description?.trim() || null,
    kind: v.kind,
    scope: v.scope,
    scopeCodes: listed ? (v.scopeCodes ?? []) : [],
    valueFen: f.value && v.value != null ? yuanToFen(v.value) : 0,
    thresholdFen: f.threshold && v.threshold != null ? yuanToFen(v.threshold) : 0,
    percentOff: f.percent ? (v.percentOff ?? 0) : 0,
    capFen: f.cap && v.cap != null ? yuanToFen(v.cap) : null,
    pointsMultiplier: f.multiplier ? (v.pointsMultiplier ?? 2) : 1,
    stackGroup: v.stackGroup?.trim() || null,
    validDays: v.validity === 'days' ? (v.validDays ?? null) : null,
    validFrom: v.validity === 'dates' && v.dates ? v.dates[0].format('YYYY-MM-DD') : null,
    validUntil: v.validity === 'dates' && v.dates ? v.dates[1].format('YYYY-MM-DD') : null,
    perMemberLimit: v.perMemberLimit,
    totalLimit: v.totalLimit ?? null,
    claimable: v.claimable,
  };
}

function toForm(c: CouponTemplateView): TemplateForm {
  return {
    name: c.name,
    description: c.description ?? undefined,
    kind: c.kind,
    scope: c.scope,
    scopeCodes: c.scopeCodes,
    value: c.valueFen ? c.valueFen / 100 : undefined,
    threshold: c.thresholdFen ? c.thresholdFen / 100 : undefined,
    percentOff: c.percentOff || undefined,
    cap: c.capFen != null ? c.capFen / 100 : undefined,
    pointsMultiplier: c.pointsMultiplier,
    stackGroup: c.stackGroup ?? undefined,
    validity: c.validDays ? 'days' : 'dates',
    validDays: c.validDays ?? undefined,
    dates: c.validFrom && c.validUntil ? [dayjs(c.validFrom), dayjs(c.validUntil)] : undefined,
    perMemberLimit: c.perMemberLimit,
    totalLimit: c.totalLimit ?? null,
    claimable: c.claimable,
  };
}

const NEW: Partial<TemplateForm> = { kind: 'THRESHOLD', scope: 'ORDER', validity: 'days', validDays: 30, perMemberLimit: 1, claimable: false };

/**
 * The template editor (a drawer): its fields follow the kind (an amount for 代金券/满减券, a percentage and cap for
 * 折扣券, listed items for 免费项目券, a multiplier for 积分倍数券); a draft's every rule, an active one's name,
 * description and a larger stock only. Activating and ending are confirmed first; each sends the version read.
 */
export function CouponTemplateEditor({ store, template, onClose, onSaved }: { store: string; template?: CouponTemplateView; onClose: () => void; onSaved: (saved: CouponTemplateView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [confirm, setConfirm] = useState<'activation' | 'ending' | null>(null);
  const kind = Form.useWatch('kind', form) ?? template?.kind ?? 'THRESHOLD';
  const scope = Form.useWatch('scope', form) ?? template?.scope ?? 'ORDER';
  const validity = Form.useWatch('validity', form) ?? (template?.validDays ? 'days' : template ? 'dates' : 'days');
  const f = fieldsOf(kind);
  const base = `/api/stores/${store}/coupon-templates`;
  const rulesLocked = template !== undefined && template.status !== 'DRAFT';
  const ended = template?.status === 'ENDED';

  const save = async (values: TemplateForm) => {
    setSaving(true);
    setError(undefined);
    try {
      const change = toChange(values);
      const saved = template
        ? await api.put<CouponTemplateView>(`${base}/${template.id}`, change, template.version)
        : await api.post<CouponTemplateView>(base, change);
      message.success(t('coupons.editor.saved', { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      if (applyProblem(form, e) === 0) setError(e);
    } finally {
      setSaving(false);
    }
  };

  const move = async () => {
    if (!template || !confirm) return;
    setSaving(true);
    setError(undefined);
    try {
      const after = await api.post<CouponTemplateView>(`${base}/${template.id}/${confirm}`, undefined, undefined, template.version);
      message.success(t(confirm === 'activation' ? 'coupons.editor.activated' : 'coupons.editor.ended', { name: after.name }));
      setConfirm(null);
      onSaved(after);
    } catch (e) {
      setConfirm(null);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={720}
      title={template ? t('coupons.editor.editTitle', { name: template.name }) : t('coupons.editor.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          {template?.status === 'DRAFT' && (
            <Button onClick={() => setConfirm('activation')} disabled={saving}>
              {t('coupons.editor.activate')}
            </Button>
          )}
          {template?.status === 'ACTIVE' && (
            <Button danger onClick={() => setConfirm('ending')} disabled={saving}>
              {t('coupons.editor.end')}
            </Button>
          )}
          {!ended && (
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          )}
        </Space>
      }
    >
      <ProblemAlert error={error} />
      {rulesLocked && !ended && <Typography.Paragraph type="secondary">{t('coupons.editor.activeHint')}</Typography.Paragraph>}
      <Form<TemplateForm> form={form} layout="vertical" initialValues={template ? toForm(template) : NEW} onFinish={(v) => void save(v)} disabled={ended}>
        <Form.Item name="name" label={t('coupons.fields.name')} rules={[{ required: true, whitespace: true, message: t('coupons.editor.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('coupons.fields.description')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="kind" label={t('coupons.fields.kind')} rules={[{ required: true }]}>
          <Select
            disabled={rulesLocked}
            options={COUPON_KINDS.map((k) => ({ value: k, label: t(`coupons.kinds.${k}`) }))}
            onChange={(k: CouponKind) => {
              if (k === 'FREE_ITEM') form.setFieldValue('scope', 'ITEMS');
            }}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('coupons.fields.scope')} rules={[{ required: true }]}>
          <Select disabled={rulesLocked || kind === 'FREE_ITEM'} options={COUPON_SCOPES.map((s) => ({ value: s, label: t(`coupons.scopes.${s}`) }))} />
        </Form.Item>
        {(scope === 'MALL_CATEGORIES' || scope === 'ITEMS') && (
          <Form.Item name="scopeCodes" label={t('coupons.fields.scopeCodes')} extra={t('coupons.editor.codesHint')} rules={[{ required: true, message: t('coupons.editor.codesRequired') }]}>
            <Select mode="tags" disabled={rulesLocked} tokenSeparators={[',', ' ']} />
          </Form.Item>
        )}
        {f.value && (
          <Form.Item name="value" label={t('coupons.fields.valueYuan')} rules={[{ required: true, message: t('coupons.editor.valueRequired') }]}>
            <InputNumber min={0.01} max={1000000} precision={2} disabled={rulesLocked} style={{ width: 200 }} />
          </Form.Item>
        )}
        {f.threshold && (
          <Form.Item
            name="threshold"
            label={t('coupons.fields.thresholdYuan')}
            extra={t('coupons.editor.thresholdHint')}
            rules={kind === 'THRESHOLD' ? [{ required: true, message: t('coupons.editor.thresholdRequired') }] : []}
          >
            <InputNumber min={0} max={1000000} precision={2} disabled={rulesLocked} style={{ width: 200 }} />
          </Form.Item>
        )}
        {f.percent && (
          <Form.Item name="percentOff" label={t('coupons.fields.percentOff')} extra={t('coupons.editor.percentHint')} rules={[{ required: true, message: t('coupons.editor.percentRequired') }]}>
            <InputNumber min={1} max={99} precision={0} disabled={rulesLocked} style={{ width: 200 }} />
          </Form.Item>
        )}
        {f.cap && (
          <Form.Item name="cap" label={t('coupons.fields.capYuan')} extra={t('coupons.editor.capHint')}>
            <InputNumber min={0.01} max={1000000} precision={2} disabled={rulesLocked} style={{ width: 200 }} />
          </Form.Item>
        )}
        {f.multiplier && (
          <Form.Item name="pointsMultiplier" label={t('coupons.fields.pointsMultiplier')} rules={[{ required: true, message: t('coupons.editor.multiplierRequired') }]}>
            <InputNumber min={2} max={10} precision={0} disabled={rulesLocked} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="stackGroup" label={t('coupons.fields.stackGroup')} extra={t('coupons.editor.stackHint')}>
          <Input maxLength={40} disabled={rulesLocked} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="validity" label={t('coupons.fields.validity')}>
          <Radio.Group disabled={rulesLocked}>
            <Radio value="days">{t('coupons.editor.validityDays')}</Radio>
            <Radio value="dates">{t('coupons.editor.validityDates')}</Radio>
          </Radio.Group>
        </Form.Item>
        {validity === 'days' ? (
          <Form.Item name="validDays" label={t('coupons.fields.validDays')} rules={[{ required: true, message: t('coupons.editor.daysRequired') }]}>
            <InputNumber min={1} max={3660} precision={0} disabled={rulesLocked} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item name="dates" label={t('coupons.fields.dates')} rules={[{ required: true, message: t('coupons.editor.datesRequired') }]}>
            <DatePicker.RangePicker disabled={rulesLocked} />
          </Form.Item>
        )}
        <Form.Item name="perMemberLimit" label={t('coupons.fields.perMemberLimit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={0} disabled={rulesLocked} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="totalLimit" label={t('coupons.fields.totalLimit')} extra={t('coupons.editor.stockHint')}>
          <InputNumber min={rulesLocked ? (template?.totalLimit ?? 0) : 0} max={10000000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="claimable" label={t('coupons.fields.claimable')} valuePropName="checked" extra={t('coupons.editor.claimableHint')}>
          <Switch disabled={rulesLocked} />
        </Form.Item>
      </Form>
      <Modal
        open={confirm !== null}
        title={confirm === 'activation' ? t('coupons.editor.activateTitle') : t('coupons.editor.endTitle')}
        okText={confirm === 'activation' ? t('coupons.editor.activate') : t('coupons.editor.end')}
        okButtonProps={{ danger: confirm === 'ending', loading: saving }}
        cancelText={t('common.cancel')}
        onOk={() => void move()}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirm === 'activation' ? t('coupons.editor.activateText', { name: template?.name }) : t('coupons.editor.endText', { name: template?.name })}</p>
      </Modal>
    </Drawer>
  );
}
