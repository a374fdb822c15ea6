import { Card, Col, List, Row, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { DashboardPeriod, DashboardTrend, DashboardView, MemberSummary } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { PERIODS, TRENDS } from './periods';
import { DASHBOARD_CARDS } from './registry';

/** The cards of a dashboard answer, laid out by the registry: wide cards (with a chart) half a row, others a third. */
export function DashboardCards({ view, store }: { view: DashboardView; store: string }) {
  return (
    <Row gutter={[16, 16]}>
      {view.cards.map((card) => {
        const entry = DASHBOARD_CARDS[card.key];
        if (!entry) return null;
        const Component = entry.component;
        return (
          <Col key={card.key} xs={24} lg={entry.wide ? 12 : 8} data-card={card.key}>
            <Component card={card} period={view.period} trend={view.trend} trendStarts={view.trendStarts} store={store} />
          </Col>
        );
      })}
    </Row>
  );
}

/** The store's business numbers for a period, as the cards the user may see; the newest members below. */
export function Dashboard() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const seesMembers = useCan('MEMBER_VIEW');
  const [period, setPeriod] = useState<DashboardPeriod>('THIS_MONTH');
  const [trend, setTrend] = useState<DashboardTrend>('LAST_30_DAYS');
  const base = `/api/stores/${store}`;

  const view = useLoad((signal) => api.get<DashboardView>(`${base}/dashboard`, { period, trend }, signal), [base, period, trend]);
  const latest = useLoad(
    (signal) =>
      seesMembers
        ? api.get<Page<MemberSummary>>(`${base}/members`, { size: 5, sort: 'createdAt,desc' }, signal).then((p) => p.content)
        : Promise.resolve([]),
    [base, seesMembers],
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>
        <Space wrap>
          <Segmented<DashboardPeriod>
            aria-label={t('dashboard.period')}
            value={period}
            onChange={setPeriod}
            options={PERIODS.map((p) => ({ value: p, label: t(`dashboard.periods.${p}`) }))}
          />
          <Select<DashboardTrend>
            aria-label={t('dashboard.trend')}
            value={trend}
            onChange={setTrend}
            style={{ minWidth: 160 }}
            options={TRENDS.map((p) => ({ value: p, label: t(`dashboard.trends.${p}`) }))}
          />
        </Space>
      </Space>
      <ProblemAlert error={view.error} onRetry={view.reload} />
      {view.data ? <DashboardCards view={view.data} store={store} /> : <Card loading={view.loading} />}
      {seesMembers && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            <Card title={t('dashboard.latestMembers')}>
              <List
                loading={latest.loading}
                dataSource={latest.data ?? []}
                locale={{ emptyText: t('dashboard.noMembers') }}
                renderItem={(m) => (
                  <List.Item>
                    <Link to={`/console/${store}/members/${m.id}`}>{m.name}</Link>
                    <Typography.Text type="secondary">{m.plates.join(' · ')}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
