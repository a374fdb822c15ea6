import { App, Button, Card, Form, InputNumber, Popconfirm, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import type { TransferPolicyView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useLoad } from '../../ui/useLoad';

interface PolicyForm {
  enabled: boolean;
  minPoints: number;
  dailyMaxOut: number;
}

/**
 * 转赠设置 (decision 0040): whether owners may transfer points, the minimum per transfer and the daily maximum out per
 * member (store days); managers change them after a confirmation, sending the version they read (If-Match).
 */
export function TransferPolicyCard({ path, manages }: { path: string; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const policy = useLoad<TransferPolicyView>((signal) => api.get<TransferPolicyView>(`${path}/policy`, undefined, signal), [path]);
  const [form] = Form.useForm<PolicyForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const p = policy.data;
  const n = (value: number) => formatPoints(value, i18n.language);

  const save = async (values: PolicyForm) => {
    if (!p) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(`${path}/policy`, values, p.version);
      message.success(t('pointTransfers.policy.saved'));
      policy.reload();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('pointTransfers.policy.title')} style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={policy.error ?? error} onRetry={policy.reload} fieldsInForm />
      {p && (
        <>
          <Typography.Paragraph data-testid="transfer-policy-text">
            {p.enabled
              ? t('pointTransfers.policy.text', { min: n(p.minPoints), max: n(p.dailyMaxOut) })
              : t('pointTransfers.policy.off')}
          </Typography.Paragraph>
          {manages && (
            <Form form={form} layout="vertical" key={p.version} initialValues={{ enabled: p.enabled, minPoints: p.minPoints, dailyMaxOut: p.dailyMaxOut }} onFinish={save}>
              <Space wrap size="large" align="start">
                <Form.Item name="enabled" label={t('pointTransfers.policy.enabled')} valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item name="minPoints" label={t('pointTransfers.policy.minPoints')} rules={[{ required: true, message: t('pointTransfers.policy.required') }]}>
                  <InputNumber min={1} precision={0} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="dailyMaxOut" label={t('pointTransfers.policy.dailyMaxOut')} rules={[{ required: true, message: t('pointTransfers.policy.required') }]}>
                  <InputNumber min={1} precision={0} style={{ width: 160 }} />
                </Form.Item>
              </Space>
              <Popconfirm
                title={t('pointTransfers.policy.confirmTitle')}
                description={t('pointTransfers.policy.confirmText')}
                okText={t('pointTransfers.policy.save')}
                cancelText={t('common.cancel')}
                onConfirm={() => form.submit()}
              >
                <Button type="primary" loading={saving}>
                  {t('pointTransfers.policy.save')}
                </Button>
              </Popconfirm>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
