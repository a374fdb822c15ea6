import { Alert, Button, Form, Input, Modal, Result, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NewStore, StoreView } from '../api/types';
import { ProblemAlert } from '../antd/ProblemAlert';
import { applyProblem } from '../antd/problemForm';
import { useAuth } from '../auth/AuthContext';
import { DEFAULT_STORE_ZONE, StoreContactFields, StoreZoneField } from './storeFields';

export const POLL_MS = 1000;
const CODE = /^[a-z][a-z0-9_]{2,29}$/;

/** Polls a store every second while it is PROVISIONING; stops at ACTIVE, FAILED or SUSPENDED. */
export function useProvisioning(initial: StoreView | undefined) {
  const { api } = useAuth();
  const [store, setStore] = useState(initial);
  const [error, setError] = useState<unknown>();
  useEffect(() => setStore(initial), [initial]);

  useEffect(() => {
    if (!store || store.status !== 'PROVISIONING') return;
    const timer = setTimeout(() => {
      api.get<StoreView>(`/api/admin/stores/${store.code}`).then(
        (next) => {
          setError(undefined);
          setStore(next);
        },
        (e: unknown) => {
          setError(e);
          setStore({ ...store }); // poll again
        },
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [store, api]);

  const retry = async () => {
    if (!store) return;
    try {
      setStore(await api.post<StoreView>(`/api/admin/stores/${store.code}/provisioning`));
    } catch (e) {
      setError(e);
    }
  };
  return { store, error, retry };
}

/** Progress of one store's provisioning, live. */
export function ProvisioningProgress({ initial }: { initial: StoreView }) {
  const { t } = useTranslation();
  const { store = initial, error, retry } = useProvisioning(initial);
  const current = store.status === 'PROVISIONING' ? 1 : 2;
  const failed = store.status === 'FAILED';
  return (
    <div data-testid="provisioning" data-status={store.status}>
      <Steps
        current={current}
        status={failed ? 'error' : store.status === 'ACTIVE' ? 'finish' : 'process'}
        items={[
          { title: t('group.progress.requested') },
          { title: t('group.progress.provisioning'), description: t('group.progress.attempts', { count: store.provisioningAttempts }) },
          { title: failed ? t('group.progress.failed') : t('group.progress.active') },
        ]}
        style={{ margin: '24px 0' }}
      />
      <ProblemAlert error={error} fieldsInForm />
      {store.status === 'ACTIVE' && (
        <Result
          status="success"
          title={t('group.progress.ready', { name: store.name })}
          extra={<Link to={`/console/${store.code}`}>{t('group.openConsole')}</Link>}
        />
      )}
      {failed && (
        <Alert
          type="error"
          showIcon
          title={t('group.progress.failedMessage')}
          description={store.failureReason}
          action={<Button onClick={() => void retry()}>{t('common.retry')}</Button>}
        />
      )}
    </div>
  );
}

/** Create a store in a dialog, then watch it being provisioned. */
export function CreateStore({ groupCode, open, onClose }: { groupCode: string; open: boolean; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<NewStore>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<StoreView>();

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
      setCreated(undefined);
    }
  }, [open, form]);

  const submit = async (values: NewStore) => {
    setSaving(true);
    setError(undefined);
    try {
      // an empty address or phone is none
      const body = { ...values, address: values.address?.trim() || null, phone: values.phone?.trim() || null };
      setCreated(await api.post<StoreView>(`/api/admin/groups/${groupCode}/stores`, body));
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={t('group.createStore')}
      onCancel={() => onClose(!!created)}
      okText={t('group.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      // once created, a button of its own: the create button's loading icon would otherwise linger in it (faded
      // out, still named "loading") when its leave animation does not end
      footer={
        created ? (
          <Button type="primary" onClick={() => onClose(true)}>
            {t('common.close')}
          </Button>
        ) : undefined
      }
      forceRender
      width={640}
    >
      {created ? (
        <ProvisioningProgress initial={created} />
      ) : (
        <>
          <ProblemAlert error={error} fieldsInForm />
          <Form<NewStore> form={form} name="createStore" layout="vertical" initialValues={{ timeZone: DEFAULT_STORE_ZONE }} onFinish={(v) => void submit(v)}>
            <Form.Item name="code" label={t('group.fields.code')} extra={t('group.codeHint')} rules={[required, { pattern: CODE, message: t('validation.code') }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="name" label={t('group.fields.name')} rules={[required, { max: 100, message: t('validation.max', { max: 100 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="city" label={t('group.fields.city')} rules={[required, { max: 64, message: t('validation.max', { max: 64 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="brand" label={t('group.fields.brand')} rules={[required, { max: 64, message: t('validation.max', { max: 64 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <StoreContactFields />
            <StoreZoneField />
          </Form>
        </>
      )}
    </Modal>
  );
}
