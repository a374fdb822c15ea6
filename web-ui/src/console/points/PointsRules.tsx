import { App, Button, Card, DatePicker, Descriptions, Form, InputNumber, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PointsRuleSet } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { ACCOUNT_TYPES, formatPoints, orderPoints, rateOf, type PointsRates } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { AccountTag } from '../repairorders/AccountTag';
import { ExpiryPolicyCard } from './ExpiryPolicyCard';

/** The example order of the preview: 客户帐 1,000 元 and 保险帐 2,000 元, one line each. */
export const PREVIEW_ORDER = [
  { amountYuan: '1000.00', account: 'CUSTOMER' as const },
  { amountYuan: '2000.00', account: 'INSURANCE' as const },
];

interface NewVersionForm {
  /** named as the API names them, so a refused field's problem lands beside its input */
  pointsPerYuan: { customer: number; insurance: number; warranty: number; internal: number };
  activationDelayDays: number;
  validFrom?: Dayjs | null;
}

/** The points an example order earns under these rates, computed in the page as the server counts (floor per line). */
function Preview({ rates }: { rates: Partial<PointsRates> }) {
  const { t, i18n } = useTranslation();
  const complete: PointsRates = {
    customer: rates.customer ?? 0,
    insurance: rates.insurance ?? 0,
    warranty: rates.warranty ?? 0,
    internal: rates.internal ?? 0,
  };
  const points = orderPoints(PREVIEW_ORDER, complete);
  return (
    <Typography.Paragraph data-testid="rules-preview">
      {t('points.rules.preview', { points: formatPoints(points, i18n.language) })}
    </Typography.Paragraph>
  );
}

/** 发布新版本: rates per account type, activation delay and the start (now or later); previewed as it is typed. */
export function NewVersion({ current, path, onPublished }: { current: PointsRuleSet; path: string; onPublished: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewVersionForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const watched = Form.useWatch([], form) as Partial<NewVersionForm> | undefined;
  const initial: NewVersionForm = {
    pointsPerYuan: {
      customer: Number(current.pointsPerYuan.customer),
      insurance: Number(current.pointsPerYuan.insurance),
      warranty: Number(current.pointsPerYuan.warranty),
      internal: Number(current.pointsPerYuan.internal),
    },
    activationDelayDays: current.activationDelayDays,
    validFrom: null,
  };

  const publish = async (values: NewVersionForm) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.post(`${path}/versions`, {
        pointsPerYuan: values.pointsPerYuan,
        activationDelayDays: values.activationDelayDays,
        validFrom: values.validFrom ? values.validFrom.toISOString() : undefined,
      });
      message.success(t('points.rules.published'));
      onPublished();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('points.rules.newVersion')} style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={error} fieldsInForm />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={publish}>
        <Space wrap size="large">
          {ACCOUNT_TYPES.map((account) => (
            <Form.Item
              key={account}
              name={['pointsPerYuan', account.toLowerCase()]}
              label={t('points.rules.rateLabel', { account: t(`repairOrders.accounts.${account}`) })}
              rules={[{ required: true, message: t('points.rules.rateRequired') }]}
            >
              <InputNumber min={0} max={100} step={0.1} precision={4} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        <Space wrap size="large">
          <Form.Item
            name="activationDelayDays"
            label={t('points.rules.activationDelayDays')}
            extra={t('points.rules.activationDelayHint')}
            rules={[{ required: true, message: t('points.rules.rateRequired') }]}
          >
            <InputNumber min={0} max={90} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('points.rules.validFrom')} extra={t('points.rules.validFromHint')}>
            <DatePicker showTime disabledDate={(d) => d.isBefore(dayjs(), 'day')} placeholder={t('points.rules.validFromNow')} />
          </Form.Item>
        </Space>
        <Preview rates={watched?.pointsPerYuan ?? initial.pointsPerYuan} />
        <Popconfirm
          title={t('points.rules.confirmTitle')}
          description={t('points.rules.confirmText')}
          okText={t('points.rules.publish')}
          cancelText={t('common.cancel')}
          onConfirm={() => form.submit()}
        >
          <Button type="primary" loading={saving}>
            {t('points.rules.publish')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

/** 积分规则: the version in force, the versions before it, and (for managers) a new version with its preview. */
export function PointsRules() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api } = useAuth();
  const { store = '' } = useParams();
  const manages = useCan('POINTS_RULES_MANAGE');
  const path = `/api/stores/${store}/points/rules`;
  const current = useLoad<PointsRuleSet>((signal) => api.get<PointsRuleSet>(path, undefined, signal), [path]);
  const versions = useLoad<PointsRuleSet[]>((signal) => api.get<PointsRuleSet[]>(`${path}/versions`, undefined, signal), [path]);
  const reload = () => {
    current.reload();
    versions.reload();
  };
  const rate = (v: number | string) => formatPoints(Number(v), i18n.language);

  return (
    <>
      <PageHeader
        title={t('points.rules.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.pointsRules') }]}
      />
      <ProblemAlert error={current.error ?? versions.error} onRetry={reload} />
      {!current.data && !current.error && <Spin style={{ display: 'block', margin: 48 }} />}
      {current.data && (
        <Card
          title={t('points.rules.inForce')}
          extra={<Tag color="green">{t('points.rules.versionN', { n: current.data.ruleVersion })}</Tag>}
          style={{ marginBottom: 16, maxWidth: 720 }}
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            {ACCOUNT_TYPES.map((account) => (
              <Descriptions.Item key={account} label={<AccountTag account={account} />}>
                {t('points.rules.perYuan', { points: rate(rateOf(current.data!.pointsPerYuan, account)) })}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('points.rules.rounding')}>{t('points.rules.floorPerLine')}</Descriptions.Item>
            <Descriptions.Item label={t('points.rules.activationDelayDays')}>
              {t('points.rules.days', { days: current.data.activationDelayDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('points.rules.validFrom')}>{formatTime(current.data.validFrom)}</Descriptions.Item>
          </Descriptions>
          <Preview rates={current.data.pointsPerYuan} />
        </Card>
      )}
      <ExpiryPolicyCard path={path} manages={manages} />
      {manages && current.data && <NewVersion key={current.data.ruleVersion} current={current.data} path={path} onPublished={reload} />}
      <Card title={t('points.rules.versions')}>
        <Table<PointsRuleSet>
          rowKey="ruleVersion"
          pagination={false}
          loading={versions.loading}
          dataSource={versions.data ?? []}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { key: 'ruleVersion', title: t('points.rules.version'), render: (_, v) => t('points.rules.versionN', { n: v.ruleVersion }) },
            ...ACCOUNT_TYPES.map((account) => ({
              key: account,
              title: t(`repairOrders.accounts.${account}`),
              align: 'right' as const,
              render: (_: unknown, v: PointsRuleSet) => rate(rateOf(v.pointsPerYuan, account)),
            })),
            { key: 'delay', title: t('points.rules.activationDelayDays'), render: (_, v) => t('points.rules.days', { days: v.activationDelayDays }) },
            { key: 'validFrom', title: t('points.rules.validFrom'), render: (_, v) => formatTime(v.validFrom, 'short') },
            { key: 'createdBy', dataIndex: 'createdBy', title: t('points.rules.createdBy') },
          ]}
        />
      </Card>
    </>
  );
}
