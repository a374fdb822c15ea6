import { App, Button, Card, Form, InputNumber, Popconfirm, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import type { StockAlertSettingsView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';

interface SettingsForm {
  slowMovingEnabled: boolean;
  slowMovingDays: number;
}

/**
 * 滞销提醒设置 (decision 0053): whether the store is told of listed products in stock that have not sold for a number
 * of days, and how many (7–365, 90 at first); those who keep the mall change it after a confirmation, with the version
 * read. The alerts follow the new rule at the job's next run, soon after.
 */
export function StockAlertSettingsCard({ path, manages, onSaved }: { path: string; manages: boolean; onSaved?: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const settings = useLoad<StockAlertSettingsView>((signal) => api.get<StockAlertSettingsView>(path, undefined, signal), [path]);
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = settings.data;

  const save = async (values: SettingsForm) => {
    if (!s) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(path, { slowMovingEnabled: values.slowMovingEnabled, slowMovingDays: values.slowMovingDays }, s.version);
      message.success(t('stockAlerts.settings.saved'));
      settings.reload();
      onSaved?.();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('stockAlerts.settings.title')} size="small" style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={settings.error ?? error} onRetry={settings.reload} fieldsInForm />
      {s && (
        <>
          <Typography.Paragraph data-testid="stock-alert-rule">
            {s.slowMovingEnabled ? t('stockAlerts.settings.ruleOn', { days: s.slowMovingDays }) : t('stockAlerts.settings.ruleOff')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('stockAlerts.settings.lowRule')}</Typography.Paragraph>
          {manages && (
            <Form
              form={form}
              layout="inline"
              key={s.version}
              initialValues={{ slowMovingEnabled: s.slowMovingEnabled, slowMovingDays: s.slowMovingDays }}
              onFinish={(v) => void save(v)}
            >
              <Form.Item name="slowMovingEnabled" label={t('stockAlerts.settings.enabled')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item
                name="slowMovingDays"
                label={t('stockAlerts.settings.days')}
                rules={[{ required: true, type: 'number', min: 7, max: 365, message: t('stockAlerts.settings.daysRange') }]}
              >
                <InputNumber min={7} max={365} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Space>
                <Popconfirm
                  title={t('stockAlerts.settings.confirmTitle')}
                  description={t('stockAlerts.settings.confirmText')}
                  okText={t('stockAlerts.settings.save')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => form.submit()}
                >
                  <Button type="primary" loading={saving}>
                    {t('stockAlerts.settings.save')}
                  </Button>
                </Popconfirm>
              </Space>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
