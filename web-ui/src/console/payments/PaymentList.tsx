import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { PaymentChannel, PaymentDayTotal, PaymentMethod, PaymentRow } from '../../api/types';
import { LazyChart, type ChartOption } from '../../antd/LazyChart';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { dayIn } from '../../ui/format';
import { PAYMENT_STATUSES } from '../../ui/payments';
import { formatPoints } from '../../ui/points';
import { useFormatTime, useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { formatFen } from '../../ui/wallet';
import { useCan } from '../permissions';
import { PAYMENT_METHODS } from '../wallet/MemberWallet';
import { PaymentDrawer, PaymentStatusTags } from './PaymentDrawer';
import { PaymentSettingsCard } from './PaymentSettingsCard';
import { TakePaymentDialog } from './TakePaymentDialog';

const DEFAULTS = { size: 20, sort: 'createdAt,desc' };
const CHANNELS = ['DESK', 'APP'] as const satisfies readonly PaymentChannel[];
/** The list's filters as the address keeps them and the API takes them (the totals use the same). */
const FILTER_NAMES = ['from', 'to', 'takenBy', 'channel', 'status', 'search'] as const;

/** Each day and advisor's totals of the list's filters, and the cash taken by method as bars. */
export function PaymentTotals({ rows, loading }: { rows: PaymentDayTotal[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const y = (fen: number) => formatFen(fen, i18n.language);
  const byMethod = (row: PaymentDayTotal, method: PaymentMethod) => row.cashByMethod[method] ?? 0;
  const sums = PAYMENT_METHODS.map((m) => rows.reduce((sum, r) => sum + byMethod(r, m), 0));
  const chart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 12, top: 12, bottom: 28 },
      xAxis: { type: 'category', data: PAYMENT_METHODS.map((m) => t(`wallet.methods.${m}`)) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: t('payments.totals.cashFen'), data: sums.map((fen) => fen / 100), itemStyle: { color: '#1f3a5f' } }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sums.join(), i18n.language],
  );
  const columns: ColumnsType<PaymentDayTotal> = [
    { key: 'businessDate', title: t('payments.totals.businessDate'), dataIndex: 'businessDate' },
    { key: 'takenBy', title: t('payments.totals.takenBy'), dataIndex: 'takenBy' },
    { key: 'payments', title: t('payments.totals.payments'), align: 'right', dataIndex: 'payments' },
    { key: 'grossFen', title: t('payments.totals.grossFen'), align: 'right', render: (_, r) => y(r.grossFen) },
    { key: 'couponFen', title: t('payments.totals.couponFen'), align: 'right', render: (_, r) => y(r.couponFen) },
    { key: 'walletFen', title: t('payments.totals.walletFen'), align: 'right', render: (_, r) => y(r.walletFen) },
    { key: 'pointsUsed', title: t('payments.totals.pointsUsed'), align: 'right', render: (_, r) => formatPoints(r.pointsUsed, i18n.language) },
    ...PAYMENT_METHODS.map((m) => ({ key: m, title: t(`wallet.methods.${m}`), align: 'right' as const, render: (_: unknown, r: PaymentDayTotal) => y(byMethod(r, m)) })),
    { key: 'cashFen', title: t('payments.totals.cashFen'), align: 'right', render: (_, r) => y(r.cashFen) },
    { key: 'onlineFen', title: t('payments.totals.onlineFen'), align: 'right', render: (_, r) => y(r.onlineFen ?? 0) },
    { key: 'refundedFen', title: t('payments.totals.refundedFen'), align: 'right', render: (_, r) => y(r.refundedFen) },
    { key: 'pending', title: t('payments.totals.pending'), align: 'right', render: (_, r) => (r.pending > 0 ? <Typography.Text type="warning">{r.pending}</Typography.Text> : 0) },
  ];
  return (
    <Card title={t('payments.totals.title')} size="small" style={{ marginBottom: 16 }}>
      <Table<PaymentDayTotal>
        rowKey={(r) => `${r.businessDate}|${r.takenBy}`}
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('payments.totals.empty') }}
        data-testid="payment-totals"
        summary={(shown) => {
          if (shown.length < 2) return null;
          const sum = (of: (r: PaymentDayTotal) => number) => shown.reduce((total, r) => total + of(r), 0);
          const cells = [
            String(sum((r) => r.payments)),
            y(sum((r) => r.grossFen)),
            y(sum((r) => r.couponFen)),
            y(sum((r) => r.walletFen)),
            formatPoints(sum((r) => r.pointsUsed), i18n.language),
            ...PAYMENT_METHODS.map((m) => y(sum((r) => byMethod(r, m)))),
            y(sum((r) => r.cashFen)),
            y(sum((r) => r.onlineFen ?? 0)),
            y(sum((r) => r.refundedFen)),
            String(sum((r) => r.pending)),
          ];
          return (
            <Table.Summary.Row data-testid="payment-totals-sum">
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('payments.totals.sum')}</Typography.Text>
              </Table.Summary.Cell>
              {cells.map((text, i) => (
                <Table.Summary.Cell key={i} index={i + 2} align="right">
                  <Typography.Text strong>{text}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          );
        }}
      />
      {sums.some((fen) => fen > 0) && (
        <div style={{ marginTop: 16, maxWidth: 560 }}>
          <LazyChart option={chart} height={200} label={t('payments.totals.chart')} />
        </div>
      )}
    </Card>
  );
}

/**
 * 收款对账 (WAL-3, WAL-4): the store's payments for a range of business days (today by default, in the store's
 * calendar), an advisor, channel, status or a name/phone/order number; each day and advisor's totals above (what the
 * till is checked against) with the cash by method as bars; the paged, sortable list with its Excel file; a row opens
 * the payment (确认收款, 退款); 登记收款 takes a payment at the desk; the payment settings card.
 */
export function PaymentList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const zone = useStoreZone();
  const formatTime = useFormatTime();
  const canTake = useCan('PAYMENT_TAKE');
  const manages = useCan('PAYMENT_SETTINGS_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}`;
  const [params, setParams] = useSearchParams();
  const [ready, setReady] = useState(() => params.has('from') || params.has('to'));
  const [changes, setChanges] = useState(0);
  const [open, setOpen] = useState<string>();
  const [taking, setTaking] = useState(false);
  const y = (fen: number) => formatFen(fen, i18n.language);

  // the page opens on today's payments (the store's day); a reset then shows every day
  useEffect(() => {
    if (ready) return;
    const today = dayIn(zone);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('from', today);
        next.set('to', today);
        return next;
      },
      { replace: true },
    );
    setReady(true);
  }, [ready, zone, setParams]);

  const filterQuery = Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? '']));
  const filterKey = JSON.stringify(filterQuery);
  const totals = useLoad<PaymentDayTotal[]>(
    (signal) => (ready ? api.get<PaymentDayTotal[]>(`${base}/payments/totals`, filterQuery, signal) : Promise.resolve([])),
    [base, filterKey, ready, changes],
  );

  const columns: ColumnsType<PaymentRow> = [
    { ...sortable('createdAt'), title: t('payments.fields.createdAt'), render: (_, r) => formatTime(r.createdAt, 'short') },
    { ...sortable('businessDate'), title: t('payments.fields.businessDate'), dataIndex: 'businessDate' },
    { key: 'member', title: t('payments.fields.member'), render: (_, r) => `${r.memberName} ${r.memberPhone}` },
    { key: 'subject', title: t('payments.fields.subject'), render: (_, r) => `${t(`payments.subjects.${r.subjectType}`)} ${r.subjectRef}` },
    { key: 'channel', title: t('payments.fields.channel'), render: (_, r) => t(`payments.channels.${r.channel}`) },
    { ...sortable('grossFen'), title: t('payments.fields.grossFen'), align: 'right', render: (_, r) => y(r.grossFen) },
    { key: 'couponFen', title: t('payments.fields.couponFen'), align: 'right', render: (_, r) => y(r.couponFen) },
    { key: 'walletFen', title: t('payments.fields.walletFen'), align: 'right', render: (_, r) => y(r.walletFen) },
    { key: 'pointsUsed', title: t('payments.fields.pointsUsed'), align: 'right', render: (_, r) => formatPoints(r.pointsUsed, i18n.language) },
    {
      ...sortable('cashFen'),
      title: t('payments.fields.cashFen'),
      align: 'right',
      render: (_, r) => (r.cashMethod ? t('payments.cashWithMethod', { amount: y(r.cashFen), method: t(`wallet.methods.${r.cashMethod}`) }) : y(r.cashFen)),
    },
    {
      key: 'onlineFen',
      title: t('payments.fields.onlineFen'),
      align: 'right',
      render: (_, r) => (r.onlineMethod ? t('payments.onlineWithMethod', { amount: y(r.onlineFen), method: t(`payments.onlineMethods.${r.onlineMethod}`) }) : y(r.onlineFen ?? 0)),
    },
    { key: 'refundedFen', title: t('payments.fields.refundedFen'), align: 'right', render: (_, r) => y(r.refundedFen) },
    {
      ...sortable('status'),
      title: t('payments.fields.status'),
      render: (_, r) => <PaymentStatusTags payment={r} />,
    },
    { ...sortable('takenBy'), title: t('payments.fields.takenBy'), dataIndex: 'takenBy' },
  ];

  const filters: ListFilter[] = [
    { name: 'from', end: 'to', kind: 'dayRange', days: true, label: t('payments.fields.businessDate'), placeholders: [t('payments.filters.from'), t('payments.filters.to')] },
    { name: 'takenBy', kind: 'text', label: t('payments.fields.takenBy'), placeholder: t('payments.filters.takenByPlaceholder') },
    { name: 'channel', kind: 'select', label: t('payments.fields.channel'), placeholder: t('payments.filters.allChannels'), options: CHANNELS.map((c) => ({ value: c, label: t(`payments.channels.${c}`) })) },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('payments.fields.status'),
      placeholder: t('payments.filters.allStatuses'),
      options: PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`payments.statuses.${s}`) })),
    },
    { name: 'search', kind: 'text', label: t('payments.filters.search'), placeholder: t('payments.filters.searchPlaceholder') },
  ];

  const changed = () => setChanges((c) => c + 1);
  return (
    <>
      <PageHeader
        title={t('payments.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.payments') }]}
      />
      <PaymentSettingsCard path={`${base}/payment-settings`} manages={manages} />
      {ready && (
        <>
          <ProblemAlert error={totals.error} onRetry={totals.reload} />
          <PaymentTotals rows={totals.data ?? []} loading={totals.loading} />
          <ListPage<PaymentRow>
            id="payments"
            path={`${base}/payments`}
            defaults={DEFAULTS}
            rowKey="id"
            filters={filters}
            columns={columns}
            exportable
            refresh={changes}
            onRowClick={(row) => setOpen(row.id)}
            actions={
              canTake && (
                <Button type="primary" onClick={() => setTaking(true)}>
                  {t('payments.take.open')}
                </Button>
              )
            }
            empty={{ description: t('payments.empty') }}
          />
        </>
      )}
      <PaymentDrawer store={store} id={open} onClose={() => setOpen(undefined)} onChanged={changed} />
      <TakePaymentDialog
        open={taking}
        store={store}
        onClose={() => setTaking(false)}
        onDone={() => {
          setTaking(false);
          changed();
        }}
      />
    </>
  );
}
