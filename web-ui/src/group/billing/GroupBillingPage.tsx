import { Alert, Button, Card, Empty, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingView, InvoicePage, InvoiceView, UpcomingInvoice } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { subscribed } from './billing';
import { BillingStatusBanner } from './BillingStatusBanner';
import { BillingSummary } from './BillingSummary';
import { InvoicesTable } from './InvoicesTable';
import { PaymentAccountCard } from './PaymentAccountCard';
import { SubscriptionActions } from './SubscriptionActions';
import { UpcomingInvoiceLines } from './UpcomingInvoiceLines';

const INVOICES_PER_PAGE = 12;

/** 订阅与账单: the group's subscription, its next invoice, its invoices, and its connected account. */
export function GroupBillingPage({ groupCode }: { groupCode: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((c) => c + 1);
  const billing = useLoad<BillingView>((signal) => api.get(`/api/admin/groups/${groupCode}/billing`, undefined, signal), [groupCode, changes]);
  const view = billing.data;

  return (
    <>
      <PageHeader title={t('billing.title')} />
      {billing.error ? (
        <ProblemAlert error={billing.error} onRetry={billing.reload} />
      ) : !view ? (
        <Spin />
      ) : (
        <>
          {!view.stripeConfigured && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('billing.notConfigured')} />}
          <BillingStatusBanner status={view.status} readOnlyFrom={view.readOnlyFrom} />
          <Card title={t('billing.subscription')}>
            <BillingSummary view={view} />
            <div style={{ marginTop: 16 }}>
              <SubscriptionActions key={`${view.status}-${view.plan?.code ?? ''}`} view={view} onChanged={changed} />
            </div>
          </Card>
          {view.stripeConfigured && subscribed(view.status) && <NextInvoice groupCode={groupCode} changes={changes} />}
          {view.stripeConfigured && view.status !== 'NONE' && <Invoices groupCode={groupCode} changes={changes} />}
          <PaymentAccountCard key={view.stripeAccountId ?? ''} view={view} onChanged={changed} />
        </>
      )}
    </>
  );
}

function NextInvoice({ groupCode, changes }: { groupCode: string; changes: number }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const upcoming = useLoad<UpcomingInvoice>(
    (signal) => api.get(`/api/admin/groups/${groupCode}/billing/upcoming-invoice`, undefined, signal),
    [groupCode, changes],
  );
  return (
    <Card title={t('billing.upcoming.title')} style={{ marginTop: 16 }}>
      {upcoming.error ? (
        <ProblemAlert error={upcoming.error} onRetry={upcoming.reload} />
      ) : !upcoming.data ? (
        <Spin />
      ) : (
        <UpcomingInvoiceLines invoice={upcoming.data} />
      )}
    </Card>
  );
}

/** Stripe pages invoices by cursor: newest first, "more" asks for the ones after the last shown. */
function Invoices({ groupCode, changes }: { groupCode: string; changes: number }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [after, setAfter] = useState<string[]>([]);
  const page = useLoad<InvoicePage>(
    (signal) =>
      api.get(
        `/api/admin/groups/${groupCode}/billing/invoices`,
        { limit: INVOICES_PER_PAGE, startingAfter: after[after.length - 1] },
        signal,
      ),
    [groupCode, changes, after],
  );
  const items: InvoiceView[] = page.data?.items ?? [];
  return (
    <Card title={t('billing.invoices.title')} style={{ marginTop: 16 }}>
      <ProblemAlert error={page.error} onRetry={page.reload} />
      {items.length === 0 && !page.loading ? (
        <Empty description={t('billing.invoices.none')} />
      ) : (
        <InvoicesTable invoices={items} loading={page.loading} />
      )}
      <Space style={{ marginTop: 8 }}>
        <Button disabled={after.length === 0} onClick={() => setAfter((a) => a.slice(0, -1))}>
          {t('billing.invoices.newer')}
        </Button>
        <Button disabled={!page.data?.hasMore} onClick={() => setAfter((a) => [...a, items[items.length - 1]?.id ?? ''])}>
          {t('billing.invoices.older')}
        </Button>
      </Space>
    </Card>
  );
}
