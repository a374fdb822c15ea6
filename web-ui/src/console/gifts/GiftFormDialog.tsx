import { App, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GiftForm, GiftView, PhotoView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { PhotosField } from '../../ui/PhotoPicker';
import { useCan } from '../permissions';

/** At most this many photos per gift (GiftForm). */
export const GIFT_PHOTOS_MAX = 9;

/** The form's values as typed; empty numbers are undefined or null. */
export interface GiftFormValues {
  name: string;
  description?: string;
  pointsPrice: number;
  memberLimit?: number | null;
  lowStockAt?: number | null;
  initialStock?: number | null;
  listed?: boolean;
  photos?: PhotoView[];
}

/**
 * The request a form's values make: text trimmed, no limit as null, photos by ref in their order (none removes them),
 * a gift's first stock and listing on creation only.
 */
export function toGiftForm(v: GiftFormValues, creating: boolean): GiftForm {
  const details: GiftForm = {
    name: v.name.trim(),
    description: v.description?.trim() || null,
    pointsPrice: v.pointsPrice,
    memberLimit: v.memberLimit ?? null,
    lowStockAt: v.lowStockAt ?? 0,
    photos: (v.photos ?? []).map((p) => p.ref),
  };
  return creating ? { ...details, initialStock: v.initialStock ?? 0, listed: v.listed ?? false } : details;
}

function toValues(gift: GiftView): GiftFormValues {
  return {
    name: gift.name,
    description: gift.description ?? undefined,
    pointsPrice: gift.pointsPrice,
    memberLimit: gift.memberLimit ?? null,
    lowStockAt: gift.lowStockAt,
    photos: gift.photos,
  };
}

const NEW: Partial<GiftFormValues> = { lowStockAt: 0, initialStock: 0, listed: false, photos: [] };

/**
 * 新建礼品 / 编辑礼品: name, description, photos (uploaded as picked, removed, moved earlier; the first is what owners
 * see), points price, limit per member, low-stock mark; a new gift also its first stock and whether it is listed at
 * once. An edit sends the version read; the stock moves only by 入库 and 盘点调整.
 */
export function GiftFormDialog({ store, gift, onClose, onSaved }: { store: string; gift?: GiftView; onClose: () => void; onSaved: (saved: GiftView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const uploads = useCan('PHOTO_UPLOAD');
  const [form] = Form.useForm<GiftFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = `/api/stores/${store}/gifts`;
  const creating = gift === undefined;

  const save = async (values: GiftFormValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const body = toGiftForm(values, creating);
      const saved = gift ? await api.put<GiftView>(`${base}/${gift.id}`, body, gift.version) : await api.post<GiftView>(base, body);
      message.success(t('gifts.editor.saved', { name: saved.name }));
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
      title={gift ? t('gifts.editor.editTitle', { name: gift.name }) : t('gifts.editor.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<GiftFormValues> form={form} layout="vertical" initialValues={gift ? toValues(gift) : NEW} onFinish={(v) => void save(v)}>
        <Form.Item
          name="name"
          label={t('gifts.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('gifts.editor.nameRequired') },
            { max: 100, message: t('gifts.editor.nameTooLong') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('gifts.fields.description')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Form.Item name="photos" label={t('gifts.fields.photos')} extra={uploads ? undefined : t('gifts.editor.noPhotoUpload')}>
          <PhotosField store={store} max={GIFT_PHOTOS_MAX} disabled={!uploads} emptyText={t('gifts.editor.noPhotos')} />
        </Form.Item>
        <Form.Item
          name="pointsPrice"
          label={t('gifts.fields.pointsPrice')}
          rules={[
            { required: true, message: t('gifts.editor.priceRequired') },
            { type: 'number', min: 1, message: t('gifts.editor.priceMin') },
          ]}
        >
          <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="memberLimit"
          label={t('gifts.fields.memberLimit')}
          extra={t('gifts.editor.memberLimitHint')}
          rules={[{ type: 'number', min: 1, message: t('gifts.editor.memberLimitMin') }]}
        >
          <InputNumber min={1} max={10_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="lowStockAt"
          label={t('gifts.fields.lowStockAt')}
          extra={t('gifts.editor.lowStockHint')}
          rules={[{ type: 'number', min: 0, message: t('gifts.editor.notNegative') }]}
        >
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {creating && (
          <>
            <Form.Item
              name="initialStock"
              label={t('gifts.fields.initialStock')}
              extra={t('gifts.editor.initialStockHint')}
              rules={[{ type: 'number', min: 0, message: t('gifts.editor.notNegative') }]}
            >
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="listed" valuePropName="checked" extra={t('gifts.editor.listedHint')}>
              <Checkbox>{t('gifts.fields.listed')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
