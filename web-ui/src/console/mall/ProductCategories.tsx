import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProductCategoryForm, ProductCategoryView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { selfAndBelow, type CategoryNode } from '../../ui/mall';
import { useCan } from '../permissions';
import { useCategories } from './useCategories';

/** The parent select's value for "no parent": a category at the top level. */
const TOP = '';

interface CategoryValues {
  name: string;
  parentId: string;
  sortOrder?: number | null;
}

/** A row of the tree table: the node's category with its children as rows (none: a leaf, no expander). */
type Row = ProductCategoryView & { children?: Row[] };

function rowsOf(nodes: CategoryNode[]): Row[] {
  return nodes.map((n) => (n.children.length > 0 ? { ...n.category, children: rowsOf(n.children) } : { ...n.category }));
}

type Open = { kind: 'create'; parent?: ProductCategoryView } | { kind: 'edit'; category: ProductCategoryView } | null;

/**
 * 新建分类 / 添加子分类 / 编辑分类: the name, the parent (a move: anywhere but under itself) and the place among its
 * siblings (排序, smaller first). A new category is posted once with the dialog's Idempotency-Key; an edit sends the
 * version read.
 */
export function CategoryDialog({
  store,
  open,
  categories,
  paths,
  onClose,
  onSaved,
}: {
  store: string;
  open: Exclude<Open, null>;
  categories: ProductCategoryView[];
  paths: Map<string, string>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryValues>();
  const [key] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = `/api/stores/${store}/product-categories`;
  const editing = open.kind === 'edit' ? open.category : undefined;
  const excluded = editing ? selfAndBelow(categories, editing.id) : new Set<string>();
  const parents = [
    { value: TOP, label: t('mall.categories.topLevel') },
    ...[...paths].filter(([id]) => !excluded.has(id)).map(([value, label]) => ({ value, label })),
  ];
  const initial: CategoryValues = editing
    ? { name: editing.name, parentId: editing.parentId ?? TOP, sortOrder: editing.sortOrder }
    : { name: '', parentId: open.kind === 'create' ? (open.parent?.id ?? TOP) : TOP, sortOrder: 0 };

  const save = async (v: CategoryValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const body: ProductCategoryForm = { name: v.name.trim(), parentId: v.parentId || null, sortOrder: v.sortOrder ?? 0 };
      const saved = editing
        ? await api.put<ProductCategoryView>(`${base}/${editing.id}`, body, editing.version)
        : await api.post<ProductCategoryView>(base, body, key);
      message.success(t('mall.categories.saved', { name: saved.name }));
      onSaved();
    } catch (e) {
      if (applyProblem(form, e) === 0) setError(e);
    } finally {
      setSaving(false);
    }
  };

  const title = editing
    ? t('mall.categories.editTitle', { name: editing.name })
    : open.kind === 'create' && open.parent
      ? t('mall.categories.createChildTitle', { parent: open.parent.name })
      : t('mall.categories.createTitle');
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ProblemAlert error={error} fieldsInForm />
      <Form<CategoryValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Form.Item
          name="name"
          label={t('mall.categories.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('mall.categories.nameRequired') },
            { max: 40, message: t('mall.categories.nameTooLong') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="parentId" label={t('mall.categories.fields.parent')}>
          <Select options={parents} showSearch={{ optionFilterProp: 'label' }} aria-label={t('mall.categories.fields.parent')} />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('mall.categories.fields.sortOrder')}
          extra={t('mall.categories.sortOrderHint')}
          rules={[{ type: 'number', min: 0, message: t('mall.categories.notNegative') }]}
        >
          <InputNumber min={0} max={10_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 商品分类 (MALL-1): the store's category tree as a tree table, each level in its order. Who manages the mall adds
 * top-level and sub-categories, renames, reorders and moves them, and deletes an empty one after a confirmation (one
 * that still holds products or sub-categories is refused, and the refusal says so).
 */
export function ProductCategories() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const manages = useCan('MALL_MANAGE');
  const categories = useCategories(store);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>();

  const remove = async (c: ProductCategoryView) => {
    setError(undefined);
    try {
      await api.delete(`/api/stores/${store}/product-categories/${c.id}`);
      message.success(t('mall.categories.deleted', { name: c.name }));
    } catch (e) {
      setError(e);
    }
    categories.reload();
  };

  const columns: ColumnsType<Row> = [
    { key: 'name', title: t('mall.categories.fields.name'), render: (_, c) => c.name },
    { key: 'productCount', title: t('mall.categories.fields.productCount'), align: 'right', render: (_, c) => c.productCount },
    { key: 'sortOrder', title: t('mall.categories.fields.sortOrder'), align: 'right', render: (_, c) => c.sortOrder },
    ...(manages
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, c: Row) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setOpen({ kind: 'create', parent: c })}>
                  {t('mall.categories.addChild')}
                </Button>
                <Button size="small" onClick={() => setOpen({ kind: 'edit', category: c })}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('mall.categories.deleteTitle'),
                      content: t('mall.categories.deleteText', { name: c.name }),
                      okText: t('common.delete'),
                      okButtonProps: { danger: true },
                      cancelText: t('common.cancel'),
                      onOk: () => remove(c),
                    })
                  }
                >
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('mall.categories.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.productCategories') }]}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'create' })}>
              {t('mall.categories.create')}
            </Button>
          )
        }
      />
      <ProblemAlert error={error} />
      <ProblemAlert error={categories.error} onRetry={categories.reload} />
      <Table<Row>
        rowKey="id"
        columns={columns}
        dataSource={rowsOf(categories.tree)}
        loading={categories.loading}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        // every level open, again after the tree changed shape (a category added, moved or deleted)
        key={categories.list.map((c) => `${c.id}>${c.parentId ?? ''}`).join()}
        locale={{ emptyText: t('mall.categories.empty') }}
      />
      {open && (
        <CategoryDialog
          store={store}
          open={open}
          categories={categories.list}
          paths={categories.paths}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            categories.reload();
          }}
        />
      )}
    </>
  );
}
