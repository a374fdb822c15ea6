import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import type { WalletSettingsView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { formatFen, yuanToFen } from '../../ui/wallet';

interface SettingsForm {
  tiers: { minTopUp: number; bonus: number }[];
  approvalAbove: number;
}

/**
 * 钱包设置 (decision 0043): the store's top-up bonus tiers (充500送50: the highest tier reached applies) and the amount
 * above which a cash-out needs another manager; managers change them after a confirmation, with the version read.
 * The form is in yuan; the API in fen.
 */
export function WalletSettingsCard({ path, manages }: { path: string; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const settings = useLoad<WalletSettingsView>((signal) => api.get<WalletSettingsView>(path, undefined, signal), [path]);
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = settings.data;
  const y = (fen: number) => formatFen(fen, i18n.language);

  const save = async (values: SettingsForm) => {
    if (!s) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(
        path,
        {
          bonusTiers: (values.tiers ?? []).map((tier) => ({ minTopUp: yuanToFen(tier.minTopUp), bonus: yuanToFen(tier.bonus) })),
          cashOutApprovalAbove: yuanToFen(values.approvalAbove),
        },
        s.version,
      );
      message.success(t('wallet.settings.saved'));
      settings.reload();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('wallet.settings.title')} style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={settings.error ?? error} onRetry={settings.reload} fieldsInForm />
      {s && (
        <>
          <Typography.Paragraph data-testid="wallet-tiers-text">
            {s.bonusTiers.length === 0
              ? t('wallet.settings.noTiers')
              : s.bonusTiers.map((tier) => t('wallet.settings.tiersText', { min: y(tier.minTopUp), bonus: y(tier.bonus) })).join(i18n.language === 'en' ? '; ' : '；')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('wallet.settings.tierRule')}</Typography.Paragraph>
          <Typography.Paragraph data-testid="wallet-approval-text">{t('wallet.settings.approvalText', { amount: y(s.cashOutApprovalAbove) })}</Typography.Paragraph>
          {manages && (
            <Form
              form={form}
              layout="vertical"
              key={s.version}
              initialValues={{
                tiers: s.bonusTiers.map((tier) => ({ minTopUp: tier.minTopUp / 100, bonus: tier.bonus / 100 })),
                approvalAbove: s.cashOutApprovalAbove / 100,
              }}
              onFinish={(v) => void save(v)}
            >
              <Typography.Text strong>{t('wallet.settings.tiers')}</Typography.Text>
              <Form.List name="tiers">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'minTopUp']} label={t('wallet.settings.minTopUp')} rules={[{ required: true, message: t('wallet.settings.required') }]}>
                          <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'bonus']} label={t('wallet.settings.bonusAmount')} rules={[{ required: true, message: t('wallet.settings.required') }]}>
                          <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                          {t('wallet.settings.removeTier')}
                        </Button>
                      </Space>
                    ))}
                    <Form.Item>
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 10}>
                        {t('wallet.settings.addTier')}
                      </Button>
                    </Form.Item>
                  </>
                )}
              </Form.List>
              <Form.Item name="approvalAbove" label={t('wallet.settings.approvalAbove')} rules={[{ required: true, message: t('wallet.settings.required') }]}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              <Popconfirm
                title={t('wallet.settings.confirmTitle')}
                description={t('wallet.settings.confirmText')}
                okText={t('wallet.settings.save')}
                cancelText={t('common.cancel')}
                onConfirm={() => form.submit()}
              >
                <Button type="primary" loading={saving}>
                  {t('wallet.settings.save')}
                </Button>
              </Popconfirm>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
