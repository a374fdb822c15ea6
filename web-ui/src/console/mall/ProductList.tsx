import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Space, Spin, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import type { ProductRow, ProductStatus, ProductView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatPriceRange } from '../../ui/mall';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { ProductDrawer } from './ProductDrawer';
import { ProductFormDialog } from './ProductFormDialog';
import { PRODUCT_COLOURS, PRODUCT_STATUSES } from './productStatus';
import { useCategories } from './useCategories';

const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/** `back`: the edit was opened from the product's drawer, which opens again after it. */
type Open = { kind: 'create' } | { kind: 'edit' | 'detail'; id: string; back?: boolean } | null;

/** 编辑商品 from the list, whose row lacks the text, fitment and photos: the product is read first. */
function EditProduct({ store, id, categories, onClose, onSaved }: { store: string; id: string; categories: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { api } = useAuth();
  const product = useLoad<ProductView>((signal) => api.get<ProductView>(`/api/stores/${store}/products/${id}`, undefined, signal), [store, id]);
  if (product.error) return <ProblemAlert error={product.error} onRetry={product.reload} />;
  if (!product.data) return <Spin />;
  return <ProductFormDialog store={store} product={product.data} categories={categories} onClose={onClose} onSaved={onSaved} />;
}

/**
 * 商城商品 (MALL-1): the store's products with thumbnail, category, status, 爆款/推荐, price range and stock of their
 * SKUs (a warning when a SKU is at or below its low-stock mark) and units sold; filters by status, category (with those
 * under it), name or article number and low stock, sorting, paging, the filtered list exported to Excel. Who manages the mall creates and edits products and lists or
 * delists them after a confirmation; everyone who may read opens a product's SKUs and stock movements.
 */
export function ProductList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const formatTime = useFormatTime();
  const manages = useCan('MALL_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const categories = useCategories(store);
  const base = `/api/stores/${store}/products`;
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>();
  const n = (value: number) => formatPoints(value, i18n.language);

  /** 上架 / 下架 after a confirmation; `after` runs once it is done (the drawer reads the product again). */
  const confirmMove = (product: { id: string; name: string; status: ProductStatus }, after?: () => void) => {
    const listing = product.status !== 'LISTED';
    modal.confirm({
      title: t(listing ? 'mall.listTitle' : 'mall.delistTitle'),
      content: t(listing ? 'mall.listText' : 'mall.delistText', { name: product.name }),
      okText: t(listing ? 'mall.list' : 'mall.delist'),
      okButtonProps: { danger: !listing },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(undefined);
        try {
          const saved = await api.post<ProductView>(`${base}/${product.id}/${listing ? 'listing' : 'delisting'}`);
          message.success(t(listing ? 'mall.listed' : 'mall.delisted', { name: saved.name }));
        } catch (e) {
          setError(e);
          if (!(isApiError(e) && e.status === 409)) return;
        }
        reload();
        after?.();
      },
    });
  };

  const columns: ColumnsType<ProductRow> = [
    {
      key: 'photo',
      title: t('mall.fields.photo'),
      render: (_, p) =>
        p.thumbnailUrl ? (
          <img src={p.thumbnailUrl} alt={t('mall.photoAlt', { n: 1 })} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} referrerPolicy="no-referrer" />
        ) : (
          <Typography.Text type="secondary">{t('mall.noPhoto')}</Typography.Text>
        ),
    },
    {
      ...sortable('name'),
      title: t('mall.fields.name'),
      render: (_, p) => (
        <Space size={4} wrap>
          <span>{p.name}</span>
          {p.hot && <Tag color="volcano">{t('mall.fields.hot')}</Tag>}
          {p.recommended && <Tag color="blue">{t('mall.fields.recommended')}</Tag>}
        </Space>
      ),
    },
    { key: 'category', title: t('mall.fields.category'), render: (_, p) => categories.paths.get(p.categoryId) ?? p.categoryName },
    { key: 'status', title: t('mall.fields.status'), render: (_, p) => <Tag color={PRODUCT_COLOURS[p.status]}>{t(`mall.statuses.${p.status}`)}</Tag> },
    { ...sortable('priceFen'), title: t('mall.fields.price'), align: 'right', render: (_, p) => formatPriceRange(p.minPriceFen, p.maxPriceFen, i18n.language) },
    {
      ...sortable('stock'),
      title: t('mall.fields.stock'),
      align: 'right',
      render: (_, p) => (
        <Space size={4}>
          <span>{n(p.stock)}</span>
          {p.lowSkus > 0 && (
            <Tag color="red" icon={<WarningOutlined />}>
              {t('mall.lowSkus', { count: p.lowSkus })}
            </Tag>
          )}
        </Space>
      ),
    },
    { ...sortable('sold'), title: t('mall.fields.sold'), align: 'right', render: (_, p) => n(p.sold) },
    { ...sortable('rank'), title: t('mall.fields.rank'), align: 'right', render: (_, p) => p.rank },
    { ...sortable('createdAt'), title: t('mall.fields.createdAt'), render: (_, p) => formatTime(p.createdAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) => (
        <Space size={4} wrap>
          <Button size="small" type="link" onClick={() => setOpen({ kind: 'detail', id: p.id })}>
            {t('mall.detail')}
          </Button>
          {manages && (
            <>
              <Button size="small" onClick={() => setOpen({ kind: 'edit', id: p.id })}>
                {t('common.edit')}
              </Button>
              <Button size="small" danger={p.status === 'LISTED'} onClick={() => confirmMove(p)}>
                {t(p.status === 'LISTED' ? 'mall.delist' : 'mall.list')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  const filters: ListFilter[] = [
    { name: 'search', kind: 'text', label: t('mall.search'), placeholder: t('mall.searchPlaceholder') },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('mall.fields.status'),
      placeholder: t('mall.allStatuses'),
      options: PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`mall.statuses.${s}`) })),
    },
    {
      name: 'category',
      kind: 'select',
      searchable: true,
      label: t('mall.fields.category'),
      placeholder: t('mall.allCategories'),
      options: categories.options,
      loading: categories.loading,
    },
    {
      name: 'low',
      kind: 'select',
      label: t('mall.fields.stock'),
      placeholder: t('mall.anyStock'),
      options: [{ value: 'true', label: t('mall.lowOnly') }],
    },
  ];

  const create = () => setOpen({ kind: 'create' });
  return (
    <>
      <PageHeader
        title={t('mall.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.products') }]}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={create}>
              {t('mall.create')}
            </Button>
          )
        }
      />
      <ProblemAlert error={error} />
      <ListPage<ProductRow>
        id="products"
        path={base}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        refresh={changes}
        exportable
        empty={{
          description: t('mall.empty'),
          action: manages && (
            <Button type="primary" onClick={create}>
              {t('mall.create')}
            </Button>
          ),
        }}
      />
      {open?.kind === 'create' && (
        <ProductFormDialog
          store={store}
          categories={categories.options}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            reload();
            // the new product's SKUs and stock are where the next steps are
            setOpen({ kind: 'detail', id: saved.id });
          }}
        />
      )}
      {open?.kind === 'edit' && (
        <EditProduct
          store={store}
          id={open.id}
          categories={categories.options}
          onClose={() => setOpen(open.back ? { kind: 'detail', id: open.id } : null)}
          onSaved={() => {
            setOpen(open.back ? { kind: 'detail', id: open.id } : null);
            reload();
          }}
        />
      )}
      {open?.kind === 'detail' && (
        <ProductDrawer
          store={store}
          productId={open.id}
          onClose={() => setOpen(null)}
          onChanged={reload}
          actions={
            manages
              ? (p, changed) => (
                  <Space>
                    <Button onClick={() => setOpen({ kind: 'edit', id: p.id, back: true })}>{t('common.edit')}</Button>
                    <Button danger={p.status === 'LISTED'} onClick={() => confirmMove(p, changed)}>
                      {t(p.status === 'LISTED' ? 'mall.delist' : 'mall.list')}
                    </Button>
                  </Space>
                )
              : undefined
          }
        />
      )}
    </>
  );
}
