import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BillingView, InvoiceView, UpcomingInvoice } from '../../api/types';
import i18n from '../../i18n';
import { BillingStatusBanner } from './BillingStatusBanner';
import { BillingSummary } from './BillingSummary';
import { InvoicesTable } from './InvoicesTable';
import { UpcomingInvoiceLines } from './UpcomingInvoiceLines';

const PLANS = [
  { code: 'standard', nameZh: '标准版', nameEn: 'Standard', monthlyFenPerStore: 29_900, currency: 'cny', rank: 1 },
  { code: 'premium', nameZh: '高级版', nameEn: 'Premium', monthlyFenPerStore: 59_900, currency: 'cny', rank: 2 },
];

export const VIEW: BillingView = {
  groupCode: 'huanan',
  stripeConfigured: true,
  status: 'ACTIVE',
  plan: PLANS[0],
  billableStores: 2,
  quantity: 2,
  trialEnd: '2026-12-31T16:00:00Z',
  currentPeriodStart: '2026-12-31T16:00:00Z',
  currentPeriodEnd: '2027-01-31T16:00:00Z',
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  readOnlyFrom: null,
  gracePeriodDays: 14,
  trialDays: 30,
  trialAvailable: false,
  stripeAccountId: null,
  plans: PLANS,
};

describe('billing pieces', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('sums up the plan with its price per store, the status, the billed stores and the renewal', () => {
    render(<BillingSummary view={VIEW} />);

    expect(screen.getByText('正常')).toBeInTheDocument();
    expect(screen.getByText(/标准版 · ¥299.00 \/ 门店 \/ 月/)).toBeInTheDocument();
    expect(screen.getByText('2 家门店')).toBeInTheDocument();
    expect(screen.getByText(/将于 2027年2月1日.* 自动续订/)).toBeInTheDocument();
  });

  it('says when a subscription canceled at period end ends, and when the quantity is still being updated', () => {
    render(<BillingSummary view={{ ...VIEW, cancelAtPeriodEnd: true, billableStores: 3 }} />);

    expect(screen.getByText(/将于 2027年2月1日.* 结束（已取消续订）/)).toBeInTheDocument();
    expect(screen.getByText(/订阅按 2 家计费，正在同步/)).toBeInTheDocument();
  });

  it('warns a past-due group of the day its stores become read-only, in Chinese and in English', async () => {
    const { rerender } = render(<BillingStatusBanner status="PAST_DUE" readOnlyFrom="2027-01-14T04:00:00Z" />);
    expect(screen.getByText('订阅费用逾期未付')).toBeInTheDocument();
    expect(screen.getByText(/请在 2027年1月14日 12:00 前更新付款方式/)).toBeInTheDocument();

    await i18n.changeLanguage('en');
    rerender(<BillingStatusBanner status="READ_ONLY" readOnlyFrom="2027-01-14T04:00:00Z" audience="store" />);
    expect(screen.getByText('This store is read-only')).toBeInTheDocument();
    expect(screen.getByText(/read-only since Jan 14, 2027, 12:00 PM/)).toBeInTheDocument();
  });

  it('shows nothing while the subscription is in order', () => {
    const { container } = render(<BillingStatusBanner status="ACTIVE" />);
    expect(container).toBeEmptyDOMElement();
  });

  it("lists invoices with amounts in yuan, their status and Stripe's hosted page and PDF", () => {
    const invoice: InvoiceView = {
      id: 'in_1',
      number: 'M4S-0001',
      status: 'open',
      total: 119_600,
      amountDue: 119_600,
      amountPaid: 0,
      amountRemaining: 119_600,
      currency: 'cny',
      created: '2027-01-31T16:00:00Z',
      periodStart: '2026-12-31T16:00:00Z',
      periodEnd: '2027-01-31T16:00:00Z',
      hostedInvoiceUrl: 'https://stripe.example/i/in_1',
      invoicePdf: 'https://stripe.example/i/in_1.pdf',
      subscription: 'sub_1',
    };
    render(<InvoicesTable invoices={[invoice]} />);

    expect(screen.getByText('M4S-0001')).toBeInTheDocument();
    expect(screen.getAllByText('1,196.00')).toHaveLength(2);
    expect(screen.getByText('待支付')).toBeInTheDocument();
    expect(screen.getByText('在线账单')).toHaveAttribute('href', 'https://stripe.example/i/in_1');
    expect(screen.getByText('PDF')).toHaveAttribute('href', 'https://stripe.example/i/in_1.pdf');
  });

  it("shows the next invoice's prorations as Stripe computed them and what will be due", () => {
    const upcoming: UpcomingInvoice = {
      subtotal: 79_734,
      total: 79_734,
      amountDue: 79_734,
      currency: 'cny',
      periodStart: '2027-01-10T00:00:00Z',
      periodEnd: '2027-01-31T16:00:00Z',
      nextPaymentAttempt: '2027-01-31T17:00:00Z',
      lines: [
        { description: 'Unused time on 1 × M4S Standard after 10 Jan 2027', amount: -19_933, quantity: 1, proration: true, periodStart: '2027-01-10T00:00:00Z', periodEnd: '2027-01-31T16:00:00Z' },
        { description: 'Remaining time on 2 × M4S Standard after 10 Jan 2027', amount: 39_867, quantity: 2, proration: true, periodStart: '2027-01-10T00:00:00Z', periodEnd: '2027-01-31T16:00:00Z' },
        { description: '2 × M4S Standard', amount: 59_800, quantity: 2, proration: false,
          periodStart: '2027-01-31T16:00:00Z', periodEnd: '2027-02-28T16:00:00Z' },
      ],
    };
    render(<UpcomingInvoiceLines invoice={upcoming} />);

    expect(screen.getByText('-199.33')).toBeInTheDocument();
    expect(screen.getByText('398.67')).toBeInTheDocument();
    expect(screen.getAllByText('按天折算')).toHaveLength(2);
    expect(screen.getByText('退回未用时间：1 家门店，2027年1月10日 起')).toHaveAttribute('title', 'Unused time on 1 × M4S Standard after 10 Jan 2027');
    expect(screen.getByText('补收剩余时间：2 家门店，2027年1月10日 起')).toBeInTheDocument();
    expect(screen.getByText('2 家门店的月费（2027年2月1日 – 2027年3月1日）')).toBeInTheDocument();
    expect(screen.getByTestId('upcoming-due')).toHaveTextContent('应付 ¥797.34');
  });
});
