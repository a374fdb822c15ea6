import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Image, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { ProductSkuView, ProductStockEntry, ProductStockKind, ProductView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { pagesOf } from '../../antd/tableParams';
import { useAuth } from '../../auth/AuthContext';
import { formatPrice } from '../../ui/mall';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { PRODUCT_COLOURS } from './productStatus';
import { AdjustSkuStockDialog, ReceiveSkuStockDialog, SkuFormDialog } from './SkuDialogs';

export const PRODUCT_STOCK_KINDS = ['RECEIVE', 'ADJUST'] as const satisfies readonly ProductStockKind[];
const PAGE_SIZE = 10;

type Open = { kind: 'add' } | { kind: 'edit' | 'receive' | 'adjust'; sku: ProductSkuView } | null;

/**
 * A product's details (商品详情): its text, fitment and photos, its SKUs with prices and stock (库存不足 at or below a
 * SKU's mark) and the stock movements of all its SKUs, newest first. Who manages the mall adds and edits SKUs and
 * receives or corrects each one's stock; the product itself is edited and listed from here too (`actions`).
 */
export function ProductDrawer({
  store,
  productId,
  onClose,
  onChanged,
  actions,
}: {
  store: string;
  productId: string;
  onClose: () => void;
  /** a SKU or its stock changed: the list's row shows other prices or stock */
  onChanged: () => void;
  /** buttons for the product as loaded (编辑, 上架/下架) */
  actions?: (product: ProductView, reload: () => void) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const manages = useCan('MALL_MANAGE');
  const base = `/api/stores/${store}/products/${productId}`;
  const product = useLoad<ProductView>((signal) => api.get<ProductView>(base, undefined, signal), [base]);
  const [page, setPage] = useState(0);
  const [changes, setChanges] = useState(0);
  const entries = useLoad<Page<ProductStockEntry>>(
    (signal) => api.get<Page<ProductStockEntry>>(`${base}/stock-entries`, { page, size: PAGE_SIZE }, signal),
    [base, page, changes],
  );
  const [open, setOpen] = useState<Open>(null);
  const n = (value: number) => formatPoints(value, i18n.language);
  const price = (fen: number | null | undefined) => (fen == null ? '' : formatPrice(fen, i18n.language));
  const p = product.data;

  const changed = () => {
    product.reload();
    setPage(0);
    setChanges((c) => c + 1);
    onChanged();
  };

  const skuColumns: ColumnsType<ProductSkuView> = [
    { key: 'spec', title: t('mall.sku.spec'), render: (_, s) => s.spec },
    { key: 'code', title: t('mall.sku.code'), render: (_, s) => s.code ?? '' },
    { key: 'price', title: t('mall.sku.priceShort'), align: 'right', render: (_, s) => price(s.priceFen) },
    { key: 'salePrice', title: t('mall.sku.salePriceShort'), align: 'right', render: (_, s) => price(s.salePriceFen) },
    {
      key: 'stock',
      title: t('mall.sku.stock'),
      align: 'right',
      render: (_, s) => (
        <Space size={4}>
          <span>{n(s.stock)}</span>
          {s.low && <Tag color="red">{t('mall.sku.lowTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'lowStockAt', title: t('mall.sku.lowStockAt'), align: 'right', render: (_, s) => n(s.lowStockAt) },
    ...(manages
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, s: ProductSkuView) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setOpen({ kind: 'edit', sku: s })}>
                  {t('common.edit')}
                </Button>
                <Button size="small" onClick={() => setOpen({ kind: 'receive', sku: s })}>
                  {t('mall.receive.open')}
                </Button>
                <Button size="small" onClick={() => setOpen({ kind: 'adjust', sku: s })}>
                  {t('mall.adjust.open')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const entryColumns: ColumnsType<ProductStockEntry> = [
    { key: 'createdAt', title: t('mall.entries.time'), render: (_, e) => formatTime(e.createdAt, 'short') },
    { key: 'spec', title: t('mall.entries.spec'), render: (_, e) => e.spec },
    { key: 'kind', title: t('mall.entries.kind'), render: (_, e) => t(`mall.kinds.${e.kind}`) },
    {
      key: 'delta',
      title: t('mall.entries.delta'),
      align: 'right',
      render: (_, e) => (
        <Typography.Text type={e.delta < 0 ? 'danger' : undefined} data-testid="product-stock-delta">
          {e.delta > 0 ? `+${n(e.delta)}` : n(e.delta)}
        </Typography.Text>
      ),
    },
    { key: 'stockAfter', title: t('mall.entries.stockAfter'), align: 'right', render: (_, e) => n(e.stockAfter) },
    { key: 'reason', title: t('mall.entries.reason'), render: (_, e) => e.reason ?? '' },
    { key: 'createdBy', title: t('mall.entries.by'), render: (_, e) => e.createdBy },
  ];

  const sku = open && open.kind !== 'add' ? open.sku : undefined;
  return (
    <Drawer open size={900} title={t('mall.drawer.title', { name: p?.name ?? '' })} onClose={onClose} extra={p && actions?.(p, changed)}>
      <ProblemAlert error={product.error} onRetry={product.reload} />
      {p && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('mall.fields.category')}>{p.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('mall.fields.status')}>
              <Space size={4} wrap>
                <Tag color={PRODUCT_COLOURS[p.status]}>{t(`mall.statuses.${p.status}`)}</Tag>
                {p.hot && <Tag color="volcano">{t('mall.fields.hot')}</Tag>}
                {p.recommended && <Tag color="blue">{t('mall.fields.recommended')}</Tag>}
              </Space>
            </Descriptions.Item>
            {p.subtitle && (
              <Descriptions.Item label={t('mall.fields.subtitle')} span={2}>
                {p.subtitle}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('mall.fields.fitment')} span={2}>
              {p.fitment.length === 0 ? t('mall.fitsAll') : p.fitment.map((m) => <Tag key={m}>{m}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mall.fields.rank')}>{p.rank}</Descriptions.Item>
            <Descriptions.Item label={t('mall.fields.listedAt')}>{p.listedAt ? formatTime(p.listedAt) : ''}</Descriptions.Item>
            {p.description && (
              <Descriptions.Item label={t('mall.fields.description')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.description}</Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
          {p.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap style={{ marginBottom: 16 }}>
                {p.photos.map((photo, i) => (
                  <Image key={photo.ref} width={96} height={72} style={{ objectFit: 'cover' }} src={photo.thumbnailUrl} preview={{ src: photo.largeUrl }} alt={t('mall.photoAlt', { n: i + 1 })} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <div className="list-toolbar">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('mall.drawer.skus')}
            </Typography.Title>
            {manages && (
              <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'add' })}>
                {t('mall.sku.add')}
              </Button>
            )}
          </div>
          <Table<ProductSkuView> rowKey="id" size="small" columns={skuColumns} dataSource={p.skus} pagination={false} style={{ marginBottom: 24 }} />
        </>
      )}
      <Typography.Title level={5}>{t('mall.entries.title')}</Typography.Title>
      <ProblemAlert error={entries.error} onRetry={entries.reload} />
      <Table<ProductStockEntry>
        rowKey="id"
        size="small"
        columns={entryColumns}
        dataSource={entries.data?.content ?? []}
        loading={entries.loading}
        locale={{ emptyText: t('mall.entries.empty') }}
        pagination={pagesOf(page, setPage, PAGE_SIZE, entries.data?.totalElements)}
      />
      {p && (open?.kind === 'add' || open?.kind === 'edit') && (
        <SkuFormDialog
          store={store}
          product={p}
          sku={open.kind === 'edit' ? open.sku : undefined}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            changed();
          }}
        />
      )}
      {p && <ReceiveSkuStockDialog store={store} product={p} sku={open?.kind === 'receive' ? sku : undefined} onClose={() => setOpen(null)} onDone={changed} />}
      {p && <AdjustSkuStockDialog store={store} product={p} sku={open?.kind === 'adjust' ? sku : undefined} onClose={() => setOpen(null)} onDone={changed} />}
    </Drawer>
  );
}
