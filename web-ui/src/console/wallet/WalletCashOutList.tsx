import { App, Button, Form, Input, Modal, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { WalletCashOutStatus, WalletCashOutView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { formatFen } from '../../ui/wallet';
import { useCan } from '../permissions';
import { WalletSettingsCard } from './WalletSettingsCard';

export const CASH_OUT_STATUSES = ['PENDING', 'PAID', 'REJECTED'] as const satisfies readonly WalletCashOutStatus[];
const COLOURS: Record<WalletCashOutStatus, string> = { PENDING: 'orange', PAID: 'green', REJECTED: 'default' };
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/**
 * 钱包提现审批 (decision 0043): the store's cash-out requests with the member, filters by status and member, sorting;
 * a manager other than the requester approves (after a confirmation) or rejects with a note; the wallet settings
 * card (bonus tiers, approval threshold) above.
 */
export function WalletCashOutList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const decides = useCan('WALLET_CASH_OUT_APPROVE');
  const manages = useCan('WALLET_SETTINGS_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/wallet`;
  const [changes, setChanges] = useState(0);
  const [deciding, setDeciding] = useState<{ request: WalletCashOutView; approve: boolean } | null>(null);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const y = (fen: number) => formatFen(fen, i18n.language);

  const decide = async () => {
    if (!deciding) return;
    const { request, approve } = deciding;
    setSending(true);
    setError(undefined);
    try {
      await api.post(`${base}/cash-outs/${request.id}/${approve ? 'approval' : 'rejection'}`, { note: note.trim() || null }, undefined, request.version);
      message.success(approve ? t('wallet.cashOuts.approved', { amount: y(request.amount) }) : t('wallet.cashOuts.rejected'));
      setDeciding(null);
      setChanges((c) => c + 1);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  const open = (request: WalletCashOutView, approve: boolean) => {
    setNote('');
    setError(undefined);
    setDeciding({ request, approve });
  };

  const columns: ColumnsType<WalletCashOutView> = [
    { ...sortable('createdAt'), title: t('wallet.cashOuts.createdAt'), render: (_, r) => formatTime(r.createdAt) },
    {
      key: 'member',
      title: t('wallet.cashOuts.member'),
      render: (_, r) => <Link to={`/console/${store}/members/${r.memberId}`}>{`${r.memberName} ${r.memberPhone}`}</Link>,
    },
    { ...sortable('amount'), title: t('wallet.cashOuts.amount'), align: 'right', render: (_, r) => y(r.amount) },
    { key: 'method', title: t('wallet.cashOuts.method'), render: (_, r) => t(`wallet.methods.${r.method}`) },
    { key: 'reason', title: t('wallet.cashOuts.reason'), dataIndex: 'reason' },
    { key: 'requestedBy', title: t('wallet.cashOuts.requestedBy'), dataIndex: 'requestedBy' },
    {
      ...sortable('status'),
      title: t('wallet.cashOuts.status'),
      render: (_, r) => <Tag color={COLOURS[r.status]}>{t(`wallet.statuses.${r.status}`)}</Tag>,
    },
    {
      key: 'decision',
      title: t('wallet.cashOuts.decision'),
      render: (_, r) => (r.decidedBy ? t('wallet.cashOuts.decisionText', { by: r.decidedBy, note: r.decisionNote ?? '' }) : '—'),
    },
    {
      key: 'actions',
      title: t('wallet.cashOuts.actions'),
      render: (_, r) =>
        decides && r.status === 'PENDING' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => open(r, true)}>
              {t('wallet.cashOuts.approve')}
            </Button>
            <Button size="small" danger onClick={() => open(r, false)}>
              {t('wallet.cashOuts.reject')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('wallet.cashOuts.status'),
      placeholder: t('wallet.cashOuts.allStatuses'),
      options: CASH_OUT_STATUSES.map((s) => ({ value: s, label: t(`wallet.statuses.${s}`) })),
    },
    { name: 'search', kind: 'text', label: t('wallet.cashOuts.search'), placeholder: t('wallet.cashOuts.searchPlaceholder') },
  ];

  const request = deciding?.request;
  return (
    <>
      <PageHeader
        title={t('wallet.cashOuts.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.walletCashOuts') }]}
      />
      <WalletSettingsCard path={`${base}/settings`} manages={manages} />
      <ListPage<WalletCashOutView>
        id="walletCashOuts"
        path={`${base}/cash-outs`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        refresh={changes}
        empty={{ description: t('wallet.cashOuts.empty') }}
      />
      <Modal
        open={deciding !== null}
        title={deciding?.approve ? t('wallet.cashOuts.approveTitle') : t('wallet.cashOuts.rejectTitle')}
        okText={deciding?.approve ? t('wallet.cashOuts.approve') : t('wallet.cashOuts.reject')}
        okButtonProps={{ danger: !deciding?.approve, disabled: !deciding?.approve && note.trim() === '', loading: sending }}
        cancelText={t('common.cancel')}
        onOk={() => void decide()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        {request && deciding?.approve && (
          <p>
            {t('wallet.cashOuts.approveText', { member: `${request.memberName} ${request.memberPhone}`, amount: y(request.amount), method: t(`wallet.methods.${request.method}`) })}
          </p>
        )}
        <ProblemAlert error={error} />
        <Form layout="vertical">
          <Form.Item label={t('wallet.cashOuts.note')} required={!deciding?.approve}>
            <Input.TextArea value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
