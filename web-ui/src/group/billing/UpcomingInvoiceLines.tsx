import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { InvoiceLine, UpcomingInvoice } from '../../api/types';
import { DEFAULT_TIME_ZONE, formatTime } from '../../ui/format';
import { formatFen } from '../../ui/wallet';

/** The next invoice as Stripe would make it now: each line (prorations marked) and what will be due. */
export function UpcomingInvoiceLines({ invoice }: { invoice: UpcomingInvoice }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<InvoiceLine> = [
    {
      key: 'description',
      title: t('billing.upcoming.line'),
      render: (_, l) => (
        <>
          {l.description}
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
