import { Alert } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AdvisorPerformanceRow } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { formatPoints } from '../../ui/points';

/**
 * 顾问业绩: per advisor the customers bound now, referrals (members recorded as brought in by the advisor), average rating and
 * count, and points their customers earned in the chosen days (decision 0038); exported as the list shows it.
 */
export function AdvisorPerformance() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const defaults = { size: 20, sort: 'customers,desc' };
  const sortable = useSortable(defaults);

  const columns: ColumnsType<AdvisorPerformanceRow> = [
    {
      key: 'advisor',
      title: t('advisors.fields.advisor'),
      render: (_, row) => (
        <span>
          {row.displayName} <span className="m4s-muted">{row.username}</span>
        </span>
      ),
    },
    { ...sortable('customers'), title: t('advisors.fields.customers'), align: 'right', render: (_, row) => row.customers },
    { ...sortable('referrals'), title: t('advisors.fields.referrals'), align: 'right', render: (_, row) => row.referrals },
    {
      ...sortable('ratingAverage'),
      title: t('advisors.fields.ratingAverage'),
      align: 'right',
      render: (_, row) => (row.ratingAverage == null ? t('advisors.noRatings') : row.ratingAverage.toFixed(2)),
    },
    { ...sortable('ratingCount'), title: t('advisors.fields.ratingCount'), align: 'right', render: (_, row) => row.ratingCount },
    {
      ...sortable('pointsGranted'),
      title: t('advisors.fields.pointsGranted'),
      align: 'right',
      render: (_, row) => formatPoints(row.pointsGranted, i18n.language),
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'from',
      end: 'to',
      kind: 'dayRange',
      label: t('advisors.period'),
      placeholders: [t('advisors.periodFrom'), t('advisors.periodTo')],
    },
  ];

  return (
    <>
      <PageHeader
        title={t('advisors.performanceTitle')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.advisorPerformance') }]}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('advisors.definitions')} />
      <ListPage<AdvisorPerformanceRow>
        id="advisorPerformance"
        path={`/api/stores/${store}/advisors/performance`}
        defaults={defaults}
        rowKey="username"
        filters={filters}
        columns={columns}
        exportable
        empty={{ description: t('advisors.empty') }}
      />
    </>
  );
}
