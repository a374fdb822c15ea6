import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import type { GiftStatus, GiftView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { GiftFormDialog } from './GiftFormDialog';
import { AdjustStockDialog, ReceiveStockDialog } from './GiftStockDialogs';
import { GiftStockDrawer } from './GiftStockDrawer';

export const GIFT_STATUSES = ['LISTED', 'DELISTED'] as const satisfies readonly GiftStatus[];
export const GIFT_COLOURS: Record<GiftStatus, string> = { LISTED: 'green', DELISTED: 'default' };
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'receive' | 'adjust' | 'entries'; gift: GiftView }
  | null;

/**
 * 礼品管理 (GIFT-1..3): the store's gifts with their points price, stock (库存不足 at or below the gift's mark), limit
 * per member and what was redeemed; filters by status, name and low stock, sorting. Who manages gifts creates and
 * edits them, lists them, delists them after a confirmation, receives stock and corrects it after a count (each
 * confirmed and posted once); everyone who may read sees a gift's stock movements.
 */
export function GiftList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const formatTime = useFormatTime();
  const manages = useCan('GIFT_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/gifts`;
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const done = () => {
    setOpen(null);
    reload();
  };

  const move = async (gift: GiftView, to: 'listing' | 'delisting') => {
    setError(undefined);
    try {
      const after = await api.post<GiftView>(`${base}/${gift.id}/${to}`);
      message.success(t(to === 'listing' ? 'gifts.listed' : 'gifts.delisted', { name: after.name }));
      reload();
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.status === 409) reload();
    }
  };

  const columns: ColumnsType<GiftView> = [
    {
      key: 'photo',
      title: t('gifts.fields.photo'),
      render: (_, g) =>
        g.photos[0] ? (
          <img src={g.photos[0].thumbnailUrl} alt={t('gifts.photoAlt', { name: g.name })} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} referrerPolicy="no-referrer" />
        ) : (
          <Typography.Text type="secondary">{t('gifts.noPhoto')}</Typography.Text>
        ),
    },
    { ...sortable('name'), title: t('gifts.fields.name'), render: (_, g) => g.name },
    { ...sortable('pointsPrice'), title: t('gifts.fields.pointsPrice'), align: 'right', render: (_, g) => n(g.pointsPrice) },
    {
      ...sortable('stock'),
      title: t('gifts.fields.stock'),
      align: 'right',
      render: (_, g) => (
        <Space size={4}>
          <span>{n(g.stock)}</span>
          {g.low && <Tag color="red">{t('gifts.lowTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'lowStockAt', title: t('gifts.fields.lowStockAt'), align: 'right', render: (_, g) => n(g.lowStockAt) },
    { key: 'memberLimit', title: t('gifts.fields.memberLimit'), align: 'right', render: (_, g) => (g.memberLimit == null ? t('gifts.unlimited') : n(g.memberLimit)) },
    { ...sortable('redeemedQuantity'), title: t('gifts.fields.redeemedQuantity'), align: 'right', render: (_, g) => n(g.redeemedQuantity) },
    { key: 'redeemedPoints', title: t('gifts.fields.redeemedPoints'), align: 'right', render: (_, g) => n(g.redeemedPoints) },
    { key: 'redeemingMembers', title: t('gifts.fields.redeemingMembers'), align: 'right', render: (_, g) => n(g.redeemingMembers) },
    { key: 'givenQuantity', title: t('gifts.fields.givenQuantity'), align: 'right', render: (_, g) => n(g.givenQuantity) },
    {
      key: 'status',
      title: t('gifts.fields.status'),
      render: (_, g) => <Tag color={GIFT_COLOURS[g.status]}>{t(`gifts.statuses.${g.status}`)}</Tag>,
    },
    { ...sortable('createdAt'), title: t('gifts.fields.createdAt'), render: (_, g) => formatTime(g.createdAt) },
    {
      key: 'actions',
      title: t('gifts.fields.actions'),
      render: (_, g) => (
        <Space size={4} wrap>
          {manages && (
            <>
              <Button size="small" onClick={() => setOpen({ kind: 'edit', gift: g })}>
                {t('gifts.edit')}
              </Button>
              <Button size="small" onClick={() => setOpen({ kind: 'receive', gift: g })}>
                {t('gifts.receive.open')}
              </Button>
              <Button size="small" onClick={() => setOpen({ kind: 'adjust', gift: g })}>
                {t('gifts.adjust.open')}
              </Button>
              {g.status === 'LISTED' ? (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('gifts.delistTitle'),
                      content: t('gifts.delistText', { name: g.name }),
                      okText: t('gifts.delist'),
                      okButtonProps: { danger: true },
                      cancelText: t('common.cancel'),
                      onOk: () => move(g, 'delisting'),
                    })
                  }
                >
                  {t('gifts.delist')}
                </Button>
              ) : (
                <Button size="small" onClick={() => void move(g, 'listing')}>
                  {t('gifts.list')}
                </Button>
              )}
            </>
          )}
          <Button size="small" type="link" onClick={() => setOpen({ kind: 'entries', gift: g })}>
            {t('gifts.entries.open')}
          </Button>
        </Space>
      ),
    },
  ];

  const filters: ListFilter[] = [
    { name: 'search', kind: 'text', label: t('gifts.search'), placeholder: t('gifts.searchPlaceholder') },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('gifts.fields.status'),
      placeholder: t('gifts.allStatuses'),
      options: GIFT_STATUSES.map((s) => ({ value: s, label: t(`gifts.statuses.${s}`) })),
    },
    {
      name: 'low',
      kind: 'select',
      label: t('gifts.fields.stock'),
      placeholder: t('gifts.anyStock'),
      options: [{ value: 'true', label: t('gifts.lowOnly') }],
    },
  ];

  const gift = open && open.kind !== 'create' ? open.gift : undefined;
  return (
    <>
      <PageHeader
        title={t('gifts.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.gifts') }]}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'create' })}>
              {t('gifts.create')}
            </Button>
          )
        }
      />
      <ProblemAlert error={error} />
      <ListPage<GiftView>
        id="gifts"
        path={base}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        refresh={changes}
        exportable
        empty={{
          description: t('gifts.empty'),
          action: manages && (
            <Button type="primary" onClick={() => setOpen({ kind: 'create' })}>
              {t('gifts.create')}
            </Button>
          ),
        }}
      />
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <GiftFormDialog store={store} gift={open.kind === 'edit' ? open.gift : undefined} onClose={() => setOpen(null)} onSaved={done} />
      )}
      <ReceiveStockDialog store={store} gift={open?.kind === 'receive' ? gift : undefined} onClose={() => setOpen(null)} onDone={done} />
      <AdjustStockDialog store={store} gift={open?.kind === 'adjust' ? gift : undefined} onClose={() => setOpen(null)} onDone={done} />
      {open?.kind === 'entries' && <GiftStockDrawer store={store} gift={open.gift} onClose={() => setOpen(null)} />}
    </>
  );
}
