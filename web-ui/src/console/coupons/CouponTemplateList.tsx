import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CouponKind, CouponTemplateStatus, CouponTemplateView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { couponValue, validityText } from '../../ui/coupon';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import { CouponIssueDialog } from './CouponIssueDialog';
import { CouponStatisticsDrawer } from './CouponStatisticsDrawer';
import { CouponTemplateEditor } from './CouponTemplateEditor';

export const COUPON_KINDS = ['CASH', 'THRESHOLD', 'PERCENT', 'FREE_ITEM', 'POINTS_MULTIPLIER'] as const satisfies readonly CouponKind[];
export const COUPON_TEMPLATE_STATUSES = ['DRAFT', 'ACTIVE', 'ENDED'] as const satisfies readonly CouponTemplateStatus[];
export const TEMPLATE_COLOURS: Record<CouponTemplateStatus, string> = { DRAFT: 'default', ACTIVE: 'green', ENDED: 'red' };
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; template: CouponTemplateView }
  | { kind: 'issue'; template: CouponTemplateView }
  | { kind: 'statistics'; template: CouponTemplateView }
  | null;

/**
 * 优惠券 (WAL-2, decision 0044): the store's coupon templates with their rules, stock and use; search by name,
 * filters by status and kind, sorting, Excel export. Managers create and edit templates (a draft's every rule, an
 * active one's text and a larger stock), activate and end them after a confirmation; managers and customer care
 * issue coupons to a member or a segment; everyone who may read sees a template's statistics.
 */
export function CouponTemplateList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const formatTime = useFormatTime();
  const manages = useCan('COUPON_MANAGE');
  const issues = useCan('COUPON_ISSUE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/coupon-templates`;
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [open, setOpen] = useState<Open>(null);

  const columns: ColumnsType<CouponTemplateView> = [
    {
      ...sortable('name'),
      title: t('coupons.fields.name'),
      render: (_, c) =>
        manages ? (
          <Button type="link" size="small" onClick={() => setOpen({ kind: 'edit', template: c })}>
            {c.name}
          </Button>
        ) : (
          c.name
        ),
    },
    { ...sortable('kind'), title: t('coupons.fields.kind'), render: (_, c) => t(`coupons.kinds.${c.kind}`) },
    { key: 'value', title: t('coupons.fields.value'), render: (_, c) => couponValue(t, c, i18n.language) },
    { key: 'stackGroup', title: t('coupons.fields.stackGroup'), render: (_, c) => c.stackGroup ?? t('coupons.exclusive') },
    { ...sortable('validUntil'), title: t('coupons.fields.validity'), render: (_, c) => validityText(t, c) },
    {
      ...sortable('handedOut'),
      title: t('coupons.fields.stock'),
      align: 'right',
      render: (_, c) => t('coupons.stockText', { handedOut: c.handedOut, stock: c.totalLimit ?? t('coupons.unlimited'), used: c.used }),
    },
    {
      ...sortable('status'),
      title: t('coupons.fields.status'),
      render: (_, c) => (
        <Space size={4}>
          <Tag color={TEMPLATE_COLOURS[c.status]}>{t(`coupons.statuses.${c.status}`)}</Tag>
          {c.claimable && <Tag color="blue">{t('coupons.claimableTag')}</Tag>}
        </Space>
      ),
    },
    { ...sortable('createdAt'), title: t('coupons.fields.createdAt'), render: (_, c) => formatTime(c.createdAt) },
    {
      key: 'actions',
      title: t('coupons.fields.actions'),
      render: (_, c) => (
        <Space size={4}>
          {issues && c.status === 'ACTIVE' && (
            <Button size="small" onClick={() => setOpen({ kind: 'issue', template: c })}>
              {t('coupons.issue.open')}
            </Button>
          )}
          <Button size="small" onClick={() => setOpen({ kind: 'statistics', template: c })}>
            {t('coupons.statistics.open')}
          </Button>
        </Space>
      ),
    },
  ];

  const filters: ListFilter[] = [
    { name: 'search', kind: 'text', label: t('coupons.search'), placeholder: t('coupons.searchPlaceholder') },
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('coupons.fields.status'),
      placeholder: t('coupons.allStatuses'),
      options: COUPON_TEMPLATE_STATUSES.map((s) => ({ value: s, label: t(`coupons.statuses.${s}`) })),
    },
    {
      name: 'kind',
      kind: 'select',
      multiple: true,
      label: t('coupons.fields.kind'),
      placeholder: t('coupons.allKinds'),
      options: COUPON_KINDS.map((k) => ({ value: k, label: t(`coupons.kinds.${k}`) })),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('coupons.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.coupons') }]}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'create' })}>
              {t('coupons.create')}
            </Button>
          )
        }
      />
      <ListPage<CouponTemplateView>
        id="couponTemplates"
        path={base}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        exportable
        refresh={changes}
        empty={{ description: t('coupons.empty') }}
      />
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <CouponTemplateEditor
          store={store}
          template={open.kind === 'edit' ? open.template : undefined}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
      {open?.kind === 'issue' && (
        <CouponIssueDialog
          store={store}
          template={open.template}
          onClose={() => setOpen(null)}
          onIssued={() => reload()}
        />
      )}
      {open?.kind === 'statistics' && <CouponStatisticsDrawer store={store} template={open.template} onClose={() => setOpen(null)} />}
    </>
  );
}
