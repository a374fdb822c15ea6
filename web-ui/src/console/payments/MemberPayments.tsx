import { pagesOf } from '../../antd/tableParams';
import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { PaymentRow } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { PAYMENT_STATUS_COLOURS } from '../../ui/payments';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { formatFen } from '../../ui/wallet';
import { useCan } from '../permissions';
import { PaymentDrawer } from './PaymentDrawer';
import { TakePaymentDialog } from './TakePaymentDialog';

const PAGE_SIZE = 10;

/**
 * The member's consumption records on the member page (WAL-4): their payments newest first with the split and status;
 * a row opens the payment (确认收款, 退款); 登记收款 takes a payment for this member at the desk.
 */
export function MemberPayments({ store, member }: { store: string; member: { id: string; name: string; phone: string } }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const canTake = useCan('PAYMENT_TAKE');
  const [page, setPage] = useState(0);
  const [changes, setChanges] = useState(0);
  const [open, setOpen] = useState<string>();
  const [taking, setTaking] = useState(false);
  const rows = useLoad<Page<PaymentRow>>(
    (signal) => api.get<Page<PaymentRow>>(`/api/stores/${store}/payments`, { member: member.id, page, size: PAGE_SIZE, sort: 'createdAt,desc' }, signal),
    [store, member.id, page, changes],
  );
  const y = (fen: number) => formatFen(fen, i18n.language);
  const changed = () => setChanges((c) => c + 1);

  const columns: ColumnsType<PaymentRow> = [
    { key: 'createdAt', title: t('payments.fields.createdAt'), render: (_, r) => formatTime(r.createdAt, 'short') },
    { key: 'subject', title: t('payments.fields.subject'), render: (_, r) => `${t(`payments.subjects.${r.subjectType}`)} ${r.subjectRef}` },
    { key: 'grossFen', title: t('payments.fields.grossFen'), align: 'right', render: (_, r) => y(r.grossFen) },
    { key: 'couponFen', title: t('payments.fields.couponFen'), align: 'right', render: (_, r) => y(r.couponFen) },
    { key: 'walletFen', title: t('payments.fields.walletFen'), align: 'right', render: (_, r) => y(r.walletFen) },
    { key: 'pointsUsed', title: t('payments.fields.pointsUsed'), align: 'right', render: (_, r) => formatPoints(r.pointsUsed, i18n.language) },
    {
      key: 'cashFen',
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
    { key: 'status', title: t('payments.fields.status'), render: (_, r) => <Tag color={PAYMENT_STATUS_COLOURS[r.status]}>{t(`payments.statuses.${r.status}`)}</Tag> },
  ];

  return (
    <Card
      title={t('payments.memberTitle')}
      style={{ marginTop: 16 }}
      extra={
        canTake && (
          <Button type="primary" onClick={() => setTaking(true)}>
            {t('payments.take.open')}
          </Button>
        )
      }
    >
      <ProblemAlert error={rows.error} onRetry={rows.reload} />
      <Table<PaymentRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows.data?.content ?? []}
        loading={rows.loading}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('payments.memberEmpty') }}
        scroll={{ x: 'max-content' }}
        pagination={pagesOf(page, setPage, PAGE_SIZE, rows.data?.totalElements)}
      />
      <PaymentDrawer store={store} id={open} onClose={() => setOpen(undefined)} onChanged={changed} />
      <TakePaymentDialog
        open={taking}
        store={store}
        member={member}
        onClose={() => setTaking(false)}
        onDone={() => {
          setTaking(false);
          setPage(0);
          changed();
        }}
      />
    </Card>
  );
}
