import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { MemberCouponState, MemberCouponView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { couponValue } from '../../ui/coupon';
import { useLoad } from '../../ui/useLoad';
import { formatFen } from '../../ui/wallet';

export const STATE_COLOURS: Record<MemberCouponState, string> = { AVAILABLE: 'green', USED: 'blue', EXPIRED: 'default' };

/** The member page's coupon card (优惠券): the coupons the member holds, usable ones soonest to end first. */
export function MemberCoupons({ store, memberId }: { store: string; memberId: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const coupons = useLoad<MemberCouponView[]>((signal) => api.get(`/api/stores/${store}/members/${memberId}/coupons`, undefined, signal), [store, memberId]);
  const columns: ColumnsType<MemberCouponView> = [
    { key: 'name', title: t('coupons.fields.name'), dataIndex: 'name' },
    { key: 'value', title: t('coupons.fields.value'), render: (_, c) => couponValue(t, c, i18n.language) },
    { key: 'dates', title: t('coupons.fields.validity'), render: (_, c) => t('coupons.validity.dates', { from: c.validFrom, until: c.validUntil }) },
    { key: 'obtained', title: t('coupons.member.obtained'), render: (_, c) => t(`coupons.obtained.${c.obtained}`) },
    {
      key: 'state',
      title: t('coupons.member.state'),
      render: (_, c) => (
        <>
          <Tag color={STATE_COLOURS[c.state]}>{t(`coupons.states.${c.state}`)}</Tag>
          {c.state === 'USED' && c.discountFen != null && t('coupons.member.saved', { amount: formatFen(c.discountFen, i18n.language) })}
        </>
      ),
    },
  ];
  return (
    <Card title={t('coupons.member.title')} size="small" style={{ marginTop: 16 }}>
      <ProblemAlert error={coupons.error} onRetry={coupons.reload} />
      <Table<MemberCouponView>
        rowKey="id"
        size="small"
        loading={coupons.loading}
        columns={columns}
        dataSource={coupons.data ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: t('coupons.member.none') }}
      />
    </Card>
  );
}
