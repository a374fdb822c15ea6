import { Col, Drawer, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponStatisticsView, CouponTemplateView } from '../../api/types';
import { LazyChart, type ChartOption } from '../../antd/LazyChart';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { formatFen } from '../../ui/wallet';

/** The series of a template's last days as bars: claimed, issued, used per store day. */
export function statisticsChart(names: [string, string, string], s: CouponStatisticsView): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: names },
    grid: { left: 36, right: 12, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: s.days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names[0], type: 'bar', data: s.days.map((d) => d.claimed) },
      { name: names[1], type: 'bar', data: s.days.map((d) => d.issued) },
      { name: names[2], type: 'bar', data: s.days.map((d) => d.used) },
    ],
  };
}

/** 数据统计 of a template: what was handed out and used, the discount given and the revenue of the orders it was used on. */
export function CouponStatisticsDrawer({ store, template, onClose }: { store: string; template: CouponTemplateView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const stats = useLoad<CouponStatisticsView>(
    (signal) => api.get(`/api/stores/${store}/coupon-templates/${template.id}/statistics`, { days: 30 }, signal),
    [store, template.id],
  );
  const y = (fen: number) => formatFen(fen, i18n.language);
  const s = stats.data;
  return (
    <Drawer open size={720} title={t('coupons.statistics.title', { name: template.name })} onClose={onClose}>
      <ProblemAlert error={stats.error} onRetry={stats.reload} />
      {s && (
        <>
          <Row gutter={[16, 16]}>
            <Col span={6}>
              <Statistic title={t('coupons.statistics.issued')} value={s.issued} />
            </Col>
            <Col span={6}>
              <Statistic title={t('coupons.statistics.claimed')} value={s.claimed} />
            </Col>
            <Col span={6}>
              <Statistic title={t('coupons.statistics.used')} value={s.used} />
            </Col>
            <Col span={6}>
              <Statistic title={t('coupons.statistics.expired')} value={s.expired} />
            </Col>
            <Col span={6}>
              <Statistic title={t('coupons.statistics.available')} value={s.available} />
            </Col>
            <Col span={9}>
              <Statistic title={t('coupons.statistics.discount')} value={y(s.discountFen)} />
            </Col>
            <Col span={9}>
              <Statistic title={t('coupons.statistics.revenue')} value={y(s.orderFen)} />
            </Col>
          </Row>
          <h3 style={{ marginTop: 24 }}>{t('coupons.statistics.series')}</h3>
          <LazyChart option={statisticsChart([t('coupons.statistics.claimed'), t('coupons.statistics.issued'), t('coupons.statistics.used')], s)} label={t('coupons.statistics.series')} />
        </>
      )}
    </Drawer>
  );
}
