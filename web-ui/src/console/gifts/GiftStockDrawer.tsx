import { pagesOf } from '../../antd/tableParams';
import { Drawer, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { GiftStockEntry, GiftStockKind, GiftView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

export const GIFT_STOCK_KINDS = ['RECEIVE', 'ADJUST', 'REDEEM', 'REDEMPTION_CANCEL'] as const satisfies readonly GiftStockKind[];
const PAGE_SIZE = 10;

/** 库存流水 of a gift, newest first: what moved the stock (入库, 盘点调整, 兑换出库, 取消兑换退回), by how much, the stock after. */
export function GiftStockDrawer({ store, gift, onClose }: { store: string; gift: GiftView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const [page, setPage] = useState(0);
  const entries = useLoad<Page<GiftStockEntry>>(
    (signal) => api.get<Page<GiftStockEntry>>(`/api/stores/${store}/gifts/${gift.id}/stock-entries`, { page, size: PAGE_SIZE }, signal),
    [store, gift.id, page],
  );
  const n = (value: number) => formatPoints(value, i18n.language);

  const columns: ColumnsType<GiftStockEntry> = [
    { key: 'createdAt', title: t('gifts.entries.time'), render: (_, e) => formatTime(e.createdAt, 'short') },
    { key: 'kind', title: t('gifts.entries.kind'), render: (_, e) => t(`gifts.kinds.${e.kind}`) },
    {
      key: 'delta',
      title: t('gifts.entries.delta'),
      align: 'right',
      render: (_, e) => (
        <Typography.Text type={e.delta < 0 ? 'danger' : undefined} data-testid="gift-stock-delta">
          {e.delta > 0 ? `+${n(e.delta)}` : n(e.delta)}
        </Typography.Text>
      ),
    },
    { key: 'stockAfter', title: t('gifts.entries.stockAfter'), align: 'right', render: (_, e) => n(e.stockAfter) },
    { key: 'reason', title: t('gifts.entries.reason'), render: (_, e) => e.reason ?? '' },
    { key: 'createdBy', title: t('gifts.entries.by'), render: (_, e) => e.createdBy },
  ];

  return (
    <Drawer open size={720} title={t('gifts.entries.title', { name: gift.name })} onClose={onClose}>
      <ProblemAlert error={entries.error} onRetry={entries.reload} />
      <Typography.Paragraph>{t('gifts.stockNow', { stock: n(gift.stock) })}</Typography.Paragraph>
      <Table<GiftStockEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries.data?.content ?? []}
        loading={entries.loading}
        locale={{ emptyText: t('gifts.entries.empty') }}
        pagination={pagesOf(page, setPage, PAGE_SIZE, entries.data?.totalElements)}
      />
    </Drawer>
  );
}
