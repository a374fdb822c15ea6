import { App, Button, Card, Form, InputNumber, Popconfirm, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import type { PaymentSettingsView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';

interface SettingsForm {
  pointsAccepted: boolean;
  pointsMaxPercent: number;
}

/**
 * 收款设置 (WAL-3): whether points pay (积分抵扣, 100 points = 1 yuan) and at most which share of what is due; managers
 * change them after a confirmation, with the version read.
 */
export function PaymentSettingsCard({ path, manages }: { path: string; manages: boolean }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const settings = useLoad<PaymentSettingsView>((signal) => api.get<PaymentSettingsView>(path, undefined, signal), [path]);
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = settings.data;

  const save = async (values: SettingsForm) => {
    if (!s) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(path, { pointsAccepted: values.pointsAccepted, pointsMaxPercent: values.pointsMaxPercent }, s.version);
      message.success(t('payments.settings.saved'));
      settings.reload();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('payments.settings.title')} size="small" style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={settings.error ?? error} onRetry={settings.reload} fieldsInForm />
      {s && (
        <>
          <Typography.Paragraph data-testid="payment-settings-text">
            {s.pointsAccepted ? t('payments.settings.pointsOn', { percent: s.pointsMaxPercent }) : t('payments.settings.pointsOff')}
          </Typography.Paragraph>
          {manages && (
            <Form form={form} layout="inline" key={s.version} initialValues={{ pointsAccepted: s.pointsAccepted, pointsMaxPercent: s.pointsMaxPercent }} onFinish={(v) => void save(v)}>
              <Form.Item name="pointsAccepted" label={t('payments.settings.pointsAccepted')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="pointsMaxPercent" label={t('payments.settings.pointsMaxPercent')} rules={[{ required: true, message: t('payments.settings.required') }]}>
                <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item>
                <Popconfirm title={t('payments.settings.confirmTitle')} description={t('payments.settings.confirmText')} okText={t('payments.settings.save')} cancelText={t('common.cancel')} onConfirm={() => form.submit()}>
                  <Button type="primary" loading={saving}>
                    {t('payments.settings.save')}
                  </Button>
                </Popconfirm>
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
