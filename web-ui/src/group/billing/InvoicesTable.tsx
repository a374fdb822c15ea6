import { Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { InvoiceView } from '../../api/types';
import { DEFAULT_TIME_ZONE, formatTime } from '../../ui/format';
import { formatFen } from '../../ui/wallet';

const INVOICE_COLOURS: Record<string, string> = { paid: 'green', open: 'orange', draft: 'default', void: 'default', uncollectible: 'red' };

/** The group's invoices as Stripe holds them, with Stripe's hosted page and PDF. */
export function InvoicesTable({ invoices, loading }: { invoices: InvoiceView[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<InvoiceView> = [
    { key: 'number', title: t('billing.invoices.number'), render: (_, i) => i.number ?? i.id },
    { key: 'created', title: t('billing.invoices.created'), render: (_, i) => formatTime(i.created, i18n.language, DEFAULT_TIME_ZONE, 'short') },
    {
      key: 'period',
      title: t('billing.invoices.period'),
      render: (_, i) =>
        i.periodStart
          ? `${formatTime(i.periodStart, i18n.language, DEFAULT_TIME_ZONE, 'short')} – ${formatTime(i.periodEnd, i18n.language, DEFAULT_TIME_ZONE, 'short')}`
          : '',
    },
    { key: 'total', title: t('billing.invoices.total'), align: 'right', render: (_, i) => formatFen(i.total, i18n.language) },
    { key: 'due', title: t('billing.invoices.remaining'), align: 'right', render: (_, i) => formatFen(i.amountRemaining, i18n.language) },
    {
      key: 'status',
      title: t('billing.invoices.status'),
      render: (_, i) => (i.status ? <Tag color={INVOICE_COLOURS[i.status] ?? 'default'}>{t(`billing.invoiceStatuses.${i.status}`, { defaultValue: i.status })}</Tag> : null),
    },
    {
      key: 'links',
      title: t('billing.invoices.links'),
      render: (_, i) => (
        <Space>
          {i.hostedInvoiceUrl && (
            <a href={i.hostedInvoiceUrl} target="_blank" rel="noreferrer">
              {t('billing.invoices.view')}
            </a>
          )}
          {i.invoicePdf && (
            <a href={i.invoicePdf} target="_blank" rel="noreferrer">
              {t('billing.invoices.pdf')}
            </a>
          )}
        </Space>
      ),
    },
  ];
  return <Table<InvoiceView> rowKey="id" size="small" columns={columns} dataSource={invoices} loading={loading} pagination={false} />;
}
