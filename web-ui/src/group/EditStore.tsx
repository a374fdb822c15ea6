import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreDetails, StoreView } from '../api/types';
import { ProblemAlert } from '../antd/ProblemAlert';
import { applyProblem } from '../antd/problemForm';
import { useAuth } from '../auth/AuthContext';
import { StoreContactFields } from './storeFields';

/**
 * Change what customers read about a store (name, address, phone) in a dialog. The change carries the version the
 * dialog was filled from: if someone changed the store meanwhile, nothing is written and the dialog says so.
 */
export function EditStore({ store, onClose }: { store?: StoreView; onClose: (changed?: StoreView) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<StoreDetails>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (store) {
      form.setFieldsValue({ name: store.name, address: store.address ?? '', phone: store.phone ?? '' });
      setError(undefined);
    }
  }, [store, form]);

  const submit = async (values: StoreDetails) => {
    if (!store) return;
    setSaving(true);
    setError(undefined);
    try {
      const body: StoreDetails = { name: values.name.trim(), address: values.address?.trim() || null, phone: values.phone?.trim() || null };
      const changed = await api.put<StoreView>(`/api/admin/stores/${store.code}/details`, body, store.version);
      void message.success(t('stores.edit.saved'));
      onClose(changed);
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!store}
      title={t('stores.edit.title', { name: store?.name ?? '' })}
      onCancel={() => onClose()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      forceRender
      width={560}
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<StoreDetails> form={form} name="editStore" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('group.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 100, message: t('validation.max', { max: 100 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <StoreContactFields />
      </Form>
    </Modal>
  );
}
