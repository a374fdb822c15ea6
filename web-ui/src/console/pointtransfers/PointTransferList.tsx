import { App, Button, Form, Input, Modal, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PointTransferStatus, PointTransferView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { TransferPolicyCard } from './TransferPolicyCard';

export const POINT_TRANSFER_STATUSES = ['COMPLETED', 'REVERSED'] as const satisfies readonly PointTransferStatus[];
const COLOURS: Record<PointTransferStatus, string> = { COMPLETED: 'green', REVERSED: 'default' };
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/**
 * 积分转赠 (decision 0040): the store's transfers between members with both sides; filters by day, status and phone,
 * Excel export; managers reverse a transfer (撤销) with a reason after a confirmation, and keep the transfer policy.
 */
export function PointTransferList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const reverses = useCan('POINT_TRANSFER_REVERSE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/point-transfers`;
  const [changes, setChanges] = useState(0);
  const [reversing, setReversing] = useState<PointTransferView | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const who = (name?: string | null, phone?: string | null) => `${name ?? t('pointTransfers.gone')} ${phone ?? ''}`.trim();

  const reverse = async () => {
    if (!reversing) return;
    setSending(true);
    setError(undefined);
    try {
      await api.post(`${base}/${reversing.id}/reversal`, { reason: reason.trim() }, undefined, reversing.version);
      message.success(t('pointTransfers.reversed', { points: n(reversing.points) }));
      setReversing(null);
      setChanges((c) => c + 1);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const columns: ColumnsType<PointTransferView> = [
    { ...sortable('createdAt'), title: t('pointTransfers.fields.createdAt'), render: (_, r) => formatTime(r.createdAt) },
    { key: 'from', title: t('pointTransfers.fields.from'), render: (_, r) => who(r.fromName, r.fromPhone) },
    { key: 'to', title: t('pointTransfers.fields.to'), render: (_, r) => who(r.toName, r.toPhone) },
    { ...sortable('points'), title: t('pointTransfers.fields.points'), align: 'right', render: (_, r) => n(r.points) },
    {
      ...sortable('status'),
      title: t('pointTransfers.fields.status'),
      render: (_, r) => <Tag color={COLOURS[r.status]}>{t(`pointTransfers.statuses.${r.status}`)}</Tag>,
    },
    {
      key: 'reversal',
      title: t('pointTransfers.fields.reversal'),
      render: (_, r) => (r.reversedAt ? t('pointTransfers.reversalText', { by: r.reversedBy ?? '', reason: r.reverseReason ?? '' }) : '—'),
    },
    {
      key: 'actions',
      title: t('pointTransfers.fields.actions'),
      render: (_, r) =>
        reverses && r.allowed.includes('REVERSE') ? (
          <Button
            size="small"
            danger
            onClick={() => {
              setReason('');
              setError(undefined);
              setReversing(r);
            }}
          >
            {t('pointTransfers.reverse')}
          </Button>
        ) : null,
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'from',
      end: 'to',
      kind: 'dayRange',
      label: t('pointTransfers.fields.createdAt'),
      placeholders: [t('pointTransfers.fromDay'), t('pointTransfers.toDay')],
    },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('pointTransfers.fields.status'),
      placeholder: t('pointTransfers.allStatuses'),
      options: POINT_TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`pointTransfers.statuses.${s}`) })),
    },
    { name: 'phone', kind: 'text', label: t('pointTransfers.search'), placeholder: t('pointTransfers.searchPlaceholder') },
  ];

  return (
    <>
      <PageHeader
        title={t('pointTransfers.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.pointTransfers') }]}
      />
      <TransferPolicyCard path={base} manages={reverses} />
      <ListPage<PointTransferView>
        id="pointTransfers"
        path={base}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        refresh={changes}
        empty={{ description: t('pointTransfers.empty') }}
      />
      <Modal
        open={reversing !== null}
        title={t('pointTransfers.reverseTitle')}
        okText={t('pointTransfers.reverse')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: sending }}
        cancelText={t('common.cancel')}
        onOk={() => void reverse()}
        onCancel={() => setReversing(null)}
        destroyOnHidden
      >
        {reversing && (
          <p>
            {t('pointTransfers.reverseText', {
              points: n(reversing.points),
              from: who(reversing.fromName, reversing.fromPhone),
              to: who(reversing.toName, reversing.toPhone),
            })}
          </p>
        )}
        <ProblemAlert error={error} />
        <Form layout="vertical">
          <Form.Item label={t('pointTransfers.reason')} required>
            <Input.TextArea value={reason} maxLength={200} rows={3} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
