import { App, Button, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatFen } from '../../ui/wallet';
import { subscribed } from './billing';

type Action = 'start' | 'plan' | 'cancel' | 'keep' | 'portal';

/**
 * What an executive does with the subscription: start it on a plan (the first one with a trial), change the plan,
 * cancel at the end of the period (after confirming) or take that back, and manage the payment method in Stripe's
 * billing portal. Without Stripe keys every button is off and the page says why.
 */
export function SubscriptionActions({ view, onChanged }: { view: BillingView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [plan, setPlan] = useState(view.plan?.code ?? view.plans[0]?.code);
  const [busy, setBusy] = useState<Action>();
  const [error, setError] = useState<unknown>();
  const base = `/api/admin/groups/${view.groupCode}`;
  const off = !view.stripeConfigured;

  const act = async (action: Action, call: () => Promise<unknown>, done?: string) => {
    setBusy(action);
    setError(undefined);
    try {
      await call();
      if (done) void message.success(done);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const portal = () =>
    act('portal', async () => {
      const session = await api.post<{ url: string }>(`${base}/billing/portal-session`);
      window.location.assign(session.url);
    });

  const planSelect = (
    <Select
      aria-label={t('billing.fields.plan')}
      value={plan}
      onChange={setPlan}
      style={{ minWidth: 220 }}
      disabled={off}
      options={view.plans.map((p) => ({
        value: p.code,
        label: `${i18n.language === 'en' ? p.nameEn : p.nameZh} · ${t('billing.perStoreMonth', { amount: formatFen(p.monthlyFenPerStore, i18n.language) })}`,
      }))}
    />
  );

  return (
    <>
      <ProblemAlert error={error} />
      <Space wrap>
        {planSelect}
        {!subscribed(view.status) ? (
          <Popconfirm
            title={t('billing.start.title')}
            description={view.trialAvailable ? t('billing.start.trial', { days: view.trialDays }) : t('billing.start.noTrial')}
            okText={t('billing.start.action')}
            cancelText={t('common.cancel')}
            onConfirm={() => act('start', () => api.post(`${base}/billing/subscription`, { plan }), t('billing.start.done'))}
            disabled={off || !plan}
          >
            <Button type="primary" disabled={off || !plan} loading={busy === 'start'}>
              {t('billing.start.action')}
            </Button>
          </Popconfirm>
        ) : (
          <>
            <Popconfirm
              title={t('billing.changePlan.title')}
              description={t('billing.changePlan.text')}
              okText={t('billing.changePlan.action')}
              cancelText={t('common.cancel')}
              onConfirm={() => act('plan', () => api.put(`${base}/billing/subscription/plan`, { plan }), t('billing.changePlan.done'))}
              disabled={off || plan === view.plan?.code}
            >
              <Button disabled={off || plan === view.plan?.code} loading={busy === 'plan'}>
                {t('billing.changePlan.action')}
              </Button>
            </Popconfirm>
            {view.cancelAtPeriodEnd ? (
              <Button disabled={off} loading={busy === 'keep'} onClick={() => void act('keep', () => api.delete(`${base}/billing/subscription/cancellation`), t('billing.keep.done'))}>
                {t('billing.keep.action')}
              </Button>
            ) : (
              <Popconfirm
                title={t('billing.cancel.title')}
                description={t('billing.cancel.text')}
                okText={t('billing.cancel.action')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => act('cancel', () => api.post(`${base}/billing/subscription/cancellation`), t('billing.cancel.done'))}
                disabled={off}
              >
                <Button danger disabled={off} loading={busy === 'cancel'}>
                  {t('billing.cancel.action')}
                </Button>
              </Popconfirm>
            )}
          </>
        )}
        <Button disabled={off || view.status === 'NONE'} loading={busy === 'portal'} onClick={() => void portal()}>
          {t('billing.portal')}
        </Button>
      </Space>
    </>
  );
}
