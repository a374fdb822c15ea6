import { Alert, Card, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RepairOrderLine, RepairOrderView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatAmount, formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { AccountTag, OrderStatusTag } from './AccountTag';

/**
 * A repair order: its header (member, vehicle, advisor, times, rule version) and its lines, each with who pays it,
 * its amount, whether it was refunded and the points it produced so far: pending until the refund window has passed,
 * available after.
 */
export function RepairOrderDetail() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api } = useAuth();
  const { store = '', repairOrderId = '' } = useParams();
  const order = useLoad<RepairOrderView>(
    (signal) => api.get<RepairOrderView>(`/api/stores/${store}/repair-orders/${repairOrderId}`, undefined, signal),
    [store, repairOrderId],
  );
  const list = `/console/${store}/repair-orders`;
  const crumbs = [
    { title: t('console.menu.dashboard'), to: `/console/${store}` },
    { title: t('console.menu.repairOrders'), to: list },
  ];

  if (order.error) {
    return (
      <>
        <PageHeader title={t('repairOrders.detailTitle')} back={list} breadcrumb={crumbs} />
        <ProblemAlert error={order.error} onRetry={order.reload} />
      </>
    );
  }
  if (!order.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const o = order.data;
  const activated = o.pointsActivateAt ? Date.parse(o.pointsActivateAt) <= Date.now() : false;
  const total = o.lines.reduce((sum, line) => sum + line.points, 0);
  const pointsState = !o.pointsActivateAt
    ? t('repairOrders.pointsNone')
    : activated
      ? t('repairOrders.pointsAvailable')
      : t('repairOrders.pointsPendingUntil', { time: formatTime(o.pointsActivateAt, 'short') });

  return (
    <>
      <PageHeader
        title={t('repairOrders.detailTitle') + ' ' + o.dmsNumber}
        back={list}
        breadcrumb={[...crumbs, { title: o.dmsNumber }]}
        tags={<OrderStatusTag status={o.status} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('repairOrders.fields.member')}>
            <Link to={`/console/${store}/members/${o.memberId}`}>{t('repairOrders.openMember')}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.plate')}>{o.plate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.vin')}>{o.vin ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.advisor')}>{o.advisor ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.mileageKm')}>
            {o.mileageKm == null ? '—' : t('repairOrders.km', { km: formatPoints(o.mileageKm, i18n.language) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.ruleVersion')}>
            {o.ruleVersion == null ? '—' : t('points.rules.versionN', { n: o.ruleVersion })}
          </Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.openedAt')}>{formatTime(o.openedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.settledAt')}>{o.settledAt ? formatTime(o.settledAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('repairOrders.fields.points')}>
            <Typography.Text strong>{formatPoints(total, i18n.language)}</Typography.Text>{' '}
            <Tag color={activated ? 'green' : 'gold'}>{pointsState}</Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {o.status === 'REVERSED' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('repairOrders.reversedHint')} />}
      <Card title={t('repairOrders.lines')}>
        <Table<RepairOrderLine>
          rowKey="id"
          pagination={false}
          dataSource={o.lines}
          columns={[
            { key: 'lineNo', dataIndex: 'lineNo', title: t('repairOrders.fields.lineNo'), width: 64 },
            { key: 'kind', title: t('repairOrders.fields.kind'), render: (_, line) => t(`repairOrders.kinds.${line.kind}`) },
            { key: 'description', dataIndex: 'description', title: t('repairOrders.fields.description') },
            { key: 'partNumber', dataIndex: 'partNumber', title: t('repairOrders.fields.partNumber') },
            { key: 'quantity', dataIndex: 'quantity', title: t('repairOrders.fields.quantity'), align: 'right' },
            { key: 'account', title: t('repairOrders.fields.account'), render: (_, line) => <AccountTag account={line.accountType} /> },
            {
              key: 'amount',
              title: t('repairOrders.fields.amount'),
              align: 'right',
              render: (_, line) => (
                <span style={line.refunded ? { textDecoration: 'line-through' } : undefined}>{formatAmount(line.amount.amount, i18n.language)}</span>
              ),
            },
            {
              key: 'refunded',
              title: t('repairOrders.fields.refunded'),
              render: (_, line) => (line.refunded ? <Tag color="red">{t('repairOrders.refunded')}</Tag> : null),
            },
            {
              key: 'points',
              title: t('repairOrders.fields.linePoints'),
              align: 'right',
              render: (_, line) =>
                line.points === 0 ? (
                  '0'
                ) : (
                  <span data-testid="line-points">
                    {formatPoints(line.points, i18n.language)}{' '}
                    <Typography.Text type="secondary">{activated ? t('repairOrders.available') : t('repairOrders.pending')}</Typography.Text>
                  </span>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
