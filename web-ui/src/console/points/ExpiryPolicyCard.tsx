import { App, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import type { ExpiryPolicy } from '../../api/types';
import { expiryPolicyText, storeToday } from '../../ui/pointsExpiry';
import { useFormatTime, useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

interface PolicyForm {
  kind: ExpiryPolicy['kind'];
  months?: number | null;
}

const KINDS: ExpiryPolicy['kind'][] = ['NEVER', 'END_OF_MONTH_AFTER_N_MONTHS', 'END_OF_NEXT_YEAR'];

/**
 * 积分有效期 on the rules page: the policy in force in plain words; managers change it after a confirmation, sending the
 * version they read (If-Match), so a change made meanwhile is a 409 rather than overwritten.
 */
export function ExpiryPolicyCard({ path, manages }: { path: string; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const zone = useStoreZone();
  const formatTime = useFormatTime();
  const policy = useLoad<ExpiryPolicy>((signal) => api.get<ExpiryPolicy>(`${path}/expiry-policy`, undefined, signal), [path]);
  const [form] = Form.useForm<PolicyForm>();
  const watched = Form.useWatch('kind', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const p = policy.data;
  // useWatch answers only after the form has mounted; until then the kind shown is the one read.
  const kind = watched ?? p?.kind;

  const save = async (values: PolicyForm) => {
    if (!p) return;
    setSaving(true);
    setError(undefined);
    try {
      const body = { kind: values.kind, months: values.kind === 'END_OF_MONTH_AFTER_N_MONTHS' ? values.months : undefined };
      await api.put(`${path}/expiry-policy`, body, p.version);
      message.success(t('pointsExpiry.saved'));
      policy.reload();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('pointsExpiry.title')} style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={policy.error ?? error} onRetry={policy.reload} fieldsInForm />
      {p && (
        <>
          <Typography.Paragraph data-testid="expiry-policy-text">{expiryPolicyText(t, p, storeToday(zone), i18n.language)}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {p.version > 0 && p.createdAt ? t('pointsExpiry.since', { by: p.createdBy ?? '', time: formatTime(p.createdAt, 'short') }) : t('pointsExpiry.notSet')}
          </Typography.Paragraph>
          {manages && (
            <Form form={form} layout="vertical" key={p.version} initialValues={{ kind: p.kind, months: p.months ?? 24 }} onFinish={save}>
              <Space wrap size="large" align="start">
                <Form.Item name="kind" label={t('pointsExpiry.kind')}>
                  <Select style={{ width: 240 }} options={KINDS.map((k) => ({ value: k, label: t(`pointsExpiry.kinds.${k}`) }))} />
                </Form.Item>
                {kind === 'END_OF_MONTH_AFTER_N_MONTHS' && (
                  <Form.Item
                    name="months"
                    label={t('pointsExpiry.months')}
                    extra={t('pointsExpiry.monthsHint')}
                    rules={[{ required: true, message: t('pointsExpiry.monthsRequired') }]}
                  >
                    <InputNumber min={1} max={120} precision={0} style={{ width: 140 }} />
                  </Form.Item>
                )}
              </Space>
              <Popconfirm
                title={t('pointsExpiry.confirmTitle')}
                description={t('pointsExpiry.confirmText')}
                okText={t('pointsExpiry.save')}
                cancelText={t('common.cancel')}
                onConfirm={() => form.submit()}
              >
                <Button type="primary" loading={saving}>
                  {t('pointsExpiry.save')}
                </Button>
              </Popconfirm>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
