import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';

/** 收款账户: the group's Stripe connected account, where owners' online payments in its stores go. */
export function PaymentAccountCard({ view, onChanged }: { view: BillingView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  const save = async (values: { stripeAccountId?: string }) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.put(`/api/admin/groups/${view.groupCode}/payment-account`, { stripeAccountId: values.stripeAccountId?.trim() || null });
      void message.success(t('billing.account.saved'));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('billing.account.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('billing.account.hint')}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form layout="inline" initialValues={{ stripeAccountId: view.stripeAccountId ?? '' }} onFinish={(v) => void save(v)}>
        <Form.Item
          name="stripeAccountId"
          label={t('billing.account.id')}
          rules={[{ pattern: /^acct_[A-Za-z0-9]+$/, message: t('billing.account.invalid') }]}
        >
          <Input placeholder={t('billing.account.placeholder')} style={{ width: 280 }} allowClear />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
