import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InvoiceLine, UpcomingInvoice } from '../../api/types';
import { DEFAULT_TIME_ZONE, formatDate, formatTime } from '../../ui/format';
import { formatFen } from '../../ui/wallet';

/**
 * A line in the reader's language, from what it is (a month of stores, or the unused or remaining time of a change
 * charged by the day) rather than Stripe's own text, which is in the account's language; that text stays on hover.
 */
export function lineText(t: TFunction, line: InvoiceLine, language: string): string {
  const day = (iso: string | null | undefined) => formatDate(iso, language, DEFAULT_TIME_ZONE);
  const kind = !line.proration ? 'month' : line.amount < 0 ? 'unused' : 'remaining';
  return t(`billing.upcoming.lines.${kind}`, { count: line.quantity, from: day(line.periodStart), to: day(line.periodEnd) });
}

/** The next invoice as Stripe would make it now: each line (prorations marked) and what will be due. */
export function UpcomingInvoiceLines({ invoice }: { invoice: UpcomingInvoice }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<InvoiceLine> = [
    {
      key: 'description',
      title: t('billing.upcoming.line'),
      render: (_, l) => (
        <>
          <span title={l.description ?? undefined}>{lineText(t, l, i18n.language)}</span>
          {l.proration && (
            <Tag color="purple" style={{ marginLeft: 8 }}>
              {t('billing.upcoming.proration')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'quantity', title: t('billing.upcoming.quantity'), align: 'right', render: (_, l) => l.quantity },
    { key: 'amount', title: t('billing.upcoming.amount'), align: 'right', render: (_, l) => formatFen(l.amount, i18n.language) },
  ];
  return (
    <>
      <Table<InvoiceLine>
        rowKey={(l) => `${l.proration}-${l.quantity}-${l.amount}-${l.description ?? ''}`}
        size="small"
        columns={columns}
        dataSource={invoice.lines}
        pagination={false}
      />
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="upcoming-due">
        {t('billing.upcoming.due', {
          amount: formatFen(invoice.amountDue, i18n.language),
          when: formatTime(invoice.nextPaymentAttempt ?? invoice.periodEnd, i18n.language, DEFAULT_TIME_ZONE),
        })}
      </Typography.Paragraph>
    </>
  );
}
