import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApiClient, Page } from '../../api/client';
import type { MemberSummary } from '../../api/types';
import { LazyChart as Chart, type ChartOption } from '../../antd/LazyChart';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;

interface Figures {
  members: number;
  latest: MemberSummary[];
  staff?: number;
  audit?: Record<(typeof ACTIONS)[number], number>;
}

async function total(api: ApiClient, path: string, query: Record<string, string | number>, signal: AbortSignal) {
  return (await api.get<Page<unknown>>(path, { ...query, size: 1 }, signal)).totalElements;
}

/** Real counts of the store: members, staff, changes by kind; the newest members. */
export function Dashboard() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const seesStaff = useCan('STAFF_VIEW');
  const seesAudit = useCan('AUDIT_VIEW');
  const base = `/api/stores/${store}`;

  const figures = useLoad<Figures>(
    async (signal) => {
      const [members, staff, ...audit] = await Promise.all([
        api.get<Page<MemberSummary>>(`${base}/members`, { size: 5, sort: 'createdAt,desc' }, signal),
        seesStaff ? total(api, `${base}/staff`, {}, signal) : Promise.resolve(undefined),
        ...ACTIONS.map((action) => (seesAudit ? total(api, `${base}/audit`, { action }, signal) : Promise.resolve(0))),
      ]);
      return {
        members: members.totalElements,
        latest: members.content,
        staff,
        audit: seesAudit
          ? { CREATE: audit[0] ?? 0, UPDATE: audit[1] ?? 0, DELETE: audit[2] ?? 0 }
          : undefined,
      };
    },
    [store, seesStaff, seesAudit],
  );

  const chart = useMemo<ChartOption | undefined>(() => {
    const audit = figures.data?.audit;
    if (!audit) return undefined;
    return {
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: ACTIONS.map((a) => t(`audit.actions.${a}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: ACTIONS.map((a) => audit[a]), itemStyle: { color: '#1f3a5f' } }],
    };
  }, [figures.data, t]);

  return (
    <>
      <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>
      <ProblemAlert error={figures.error} onRetry={figures.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('dashboard.members')} value={figures.data?.members ?? '–'} loading={figures.loading} data-testid="count-members" />
          </Card>
        </Col>
        {seesStaff && (
          <Col xs={24} sm={8}>
            <Card>
              <Statistic title={t('dashboard.staff')} value={figures.data?.staff ?? '–'} loading={figures.loading} />
            </Card>
          </Col>
        )}
        {seesAudit && (
          <Col xs={24} sm={8}>
            <Card>
              <Statistic
                title={t('dashboard.changes')}
                value={figures.data?.audit ? ACTIONS.reduce((sum, a) => sum + figures.data!.audit![a], 0) : '–'}
                loading={figures.loading}
              />
            </Card>
          </Col>
        )}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.latestMembers')}>
            <List
              loading={figures.loading}
              dataSource={figures.data?.latest ?? []}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(m) => (
                <List.Item>
                  <Link to={`/console/${store}/members/${m.id}`}>{m.name}</Link>
                  <Typography.Text type="secondary">{m.plates.join(' · ')}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {chart && (
          <Col xs={24} lg={12}>
            <Card title={t('dashboard.changesByKind')}>
              <Chart option={chart} label={t('dashboard.changesByKind')} />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
