import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Page } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { GiftRedemptionStatus, GiftRedemptionView, GiftView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { CancelRedemptionDialog, RedeemGiftDialog } from './RedemptionDialogs';

export const GIFT_REDEMPTION_STATUSES = ['REDEEMED', 'HANDED_OVER', 'CANCELLED'] as const satisfies readonly GiftRedemptionStatus[];
const COLOURS: Record<GiftRedemptionStatus, string> = { REDEEMED: 'orange', HANDED_OVER: 'green', CANCELLED: 'default' };
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/**
 * 礼品兑换 (GIFT-2, GIFT-3): members' redemptions in the app and at the desk, newest first; filters by status, gift and
 * the member's phone or name, sorting. Who may redeem hands a gift over (after a confirmation), cancels a redemption
 * not handed over with the reason (the points and the gift go back), and redeems a gift for a member at the desk.
 */
export function GiftRedemptionList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const formatTime = useFormatTime();
  const redeems = useCan('GIFT_REDEEM');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}`;
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [redeeming, setRedeeming] = useState(false);
  const [cancelling, setCancelling] = useState<GiftRedemptionView>();
  const [error, setError] = useState<unknown>();
  const gifts = useLoad<GiftView[]>(
    (signal) => api.get<Page<GiftView>>(`${base}/gifts`, { size: 100, sort: 'name,asc' }, signal).then((p) => p.content),
    [base],
  );
  const n = (value: number) => formatPoints(value, i18n.language);
  const channel = (c: string) =>
    c === 'APP' ? t('gifts.redemptions.channels.APP') : c === 'DESK' ? t('gifts.redemptions.channels.DESK') : c === 'BATCH' ? t('gifts.redemptions.channels.BATCH') : c;
  const done = () => {
    setRedeeming(false);
    setCancelling(undefined);
    reload();
  };

  const handOver = async (r: GiftRedemptionView) => {
    setError(undefined);
    try {
      await api.post<GiftRedemptionView>(`${base}/gift-redemptions/${r.id}/hand-over`);
      message.success(t('gifts.handOver.done', { gift: r.giftName, member: r.memberName }));
      reload();
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.status === 409) reload();
    }
  };

  const columns: ColumnsType<GiftRedemptionView> = [
    { ...sortable('createdAt'), title: t('gifts.redemptions.createdAt'), render: (_, r) => formatTime(r.createdAt) },
    {
      key: 'member',
      title: t('gifts.redemptions.member'),
      render: (_, r) => <Link to={`/console/${store}/members/${r.memberId}`}>{`${r.memberName} ${r.memberPhone}`}</Link>,
    },
    { key: 'gift', title: t('gifts.redemptions.gift'), render: (_, r) => r.giftName },
    { key: 'quantity', title: t('gifts.redemptions.quantity'), align: 'right', render: (_, r) => n(r.quantity) },
    { ...sortable('points'), title: t('gifts.redemptions.points'), align: 'right', render: (_, r) => n(r.points) },
    { key: 'channel', title: t('gifts.redemptions.channel'), render: (_, r) => channel(r.channel) },
    {
      ...sortable('status'),
      title: t('gifts.redemptions.status'),
      render: (_, r) => <Tag color={COLOURS[r.status]}>{t(`gifts.redemptions.statuses.${r.status}`)}</Tag>,
    },
    {
      key: 'outcome',
      title: t('gifts.redemptions.outcome'),
      render: (_, r) =>
        r.status === 'HANDED_OVER'
          ? t('gifts.redemptions.handedOverText', { by: r.handedOverBy ?? '', at: formatTime(r.handedOverAt) })
          : r.status === 'CANCELLED'
            ? t('gifts.redemptions.cancelledText', { by: r.cancelledBy ?? '', at: formatTime(r.cancelledAt), reason: r.cancelReason ?? '' })
            : '—',
    },
    { key: 'createdBy', title: t('gifts.redemptions.createdBy'), render: (_, r) => r.createdBy },
    {
      key: 'actions',
      title: t('gifts.redemptions.actions'),
      render: (_, r) =>
        redeems ? (
          <Space size={4}>
            {r.allowed.includes('HAND_OVER') && (
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  modal.confirm({
                    title: t('gifts.handOver.title'),
                    content: t('gifts.handOver.text', { member: `${r.memberName} ${r.memberPhone}`, quantity: n(r.quantity), gift: r.giftName }),
                    okText: t('gifts.handOver.ok'),
                    cancelText: t('common.cancel'),
                    onOk: () => handOver(r),
                  })
                }
              >
                {t('gifts.handOver.open')}
              </Button>
            )}
            {r.allowed.includes('CANCEL') && (
              <Button size="small" danger onClick={() => setCancelling(r)}>
                {t('gifts.cancel.open')}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('gifts.redemptions.status'),
      placeholder: t('gifts.redemptions.allStatuses'),
      options: GIFT_REDEMPTION_STATUSES.map((s) => ({ value: s, label: t(`gifts.redemptions.statuses.${s}`) })),
    },
    {
      name: 'gift',
      kind: 'select',
      searchable: true,
      loading: gifts.loading,
      label: t('gifts.redemptions.gift'),
      placeholder: t('gifts.redemptions.allGifts'),
      options: (gifts.data ?? []).map((g) => ({ value: g.id, label: g.name })),
    },
    { name: 'search', kind: 'text', label: t('gifts.redemptions.search'), placeholder: t('gifts.redemptions.searchPlaceholder') },
  ];

  return (
    <>
      <PageHeader
        title={t('gifts.redemptions.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.giftRedemptions') }]}
        extra={
          redeems && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRedeeming(true)}>
              {t('gifts.redeem.open')}
            </Button>
          )
        }
      />
      <ProblemAlert error={error} />
      <ListPage<GiftRedemptionView>
        id="giftRedemptions"
        path={`${base}/gift-redemptions`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        refresh={changes}
        exportable
        empty={{ description: t('gifts.redemptions.empty') }}
      />
      <RedeemGiftDialog open={redeeming} store={store} onClose={() => setRedeeming(false)} onDone={done} />
      <CancelRedemptionDialog store={store} redemption={cancelling} onClose={() => setCancelling(undefined)} onDone={done} />
    </>
  );
}
