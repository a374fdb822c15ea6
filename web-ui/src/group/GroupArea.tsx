import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import type { Page } from '../api/client';
import type { GroupView } from '../api/types';
import { AntdRoot } from '../antd/AntdRoot';
import { ProblemAlert } from '../antd/ProblemAlert';
import { useAuth } from '../auth/AuthContext';
import { AuthProvider } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/claims';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { AreaGate } from '../ui/AreaGate';
import { useLoad } from '../ui/useLoad';
import { GroupBillingPage } from './billing/GroupBillingPage';
import { billingPath } from './billing/billing';
import { GroupOverview } from './GroupOverview';
import { GROUP_ROLES } from './roles';

/** The groups the user may open: an executive's own, every group for operators. */
function useGroups() {
  const { api, claims } = useAuth();
  return useLoad<GroupView[]>(
    async (signal) => (await api.get<Page<GroupView>>('/api/admin/groups', { size: 100, sort: 'code,asc' }, signal)).content,
    [claims?.username],
  );
}

function FirstGroup() {
  const { t } = useTranslation();
  const { claims } = useAuth();
  const groups = useGroups();
  if (claims?.group && !hasAnyRole(claims, ['platform-operator'])) return <Navigate to={`/group/${claims.group}`} replace />;
  if (groups.loading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (groups.error) return <ProblemAlert error={groups.error} onRetry={groups.reload} />;
  const first = groups.data?.[0];
  if (!first) return <Result status="info" title={t('group.noGroups')} />;
  return <Navigate to={`/group/${first.code}`} replace />;
}

/**
 * Header (group, user, language, sign out) and the group's overview. A store's times read in that store's zone. A
 * dealer group has no zone (tenant-admin does not model one), so the group's own times (none shown yet) read in
 * DEFAULT_TIME_ZONE, Asia/Shanghai, which useStoreZone() gives without a provider.
 */
function GroupLayout() {
  const { t } = useTranslation();
  const { groupCode = '' } = useParams();
  const { claims, signOut } = useAuth();
  const navigate = useNavigate();
  const groups = useGroups();
  const onBilling = useLocation().pathname.endsWith('/billing');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="console-header">
        <Space wrap>
          <Link to="/" className="console-brand__inline">
            {t('app.name')}
          </Link>
          <Typography.Text strong>{t('entries.group.title')}</Typography.Text>
          <Select
            aria-label={t('group.group')}
            value={groupCode}
            loading={groups.loading}
            style={{ minWidth: 200 }}
            onChange={(code) => navigate(onBilling ? billingPath(code) : `/group/${code}`)}
            options={(groups.data ?? []).map((g) => ({ value: g.code, label: g.name }))}
          />
        </Space>
        <Space wrap>
          <LanguageSwitch />
          <Typography.Text data-testid="current-user">{claims?.name}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('auth.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="console-content">
        <Menu
          mode="horizontal"
          selectedKeys={[onBilling ? 'billing' : 'overview']}
          style={{ marginBottom: 16, background: 'transparent' }}
          items={[
            { key: 'overview', label: <Link to={`/group/${groupCode}`}>{t('group.nav.overview')}</Link> },
            { key: 'billing', label: <Link to={billingPath(groupCode)}>{t('group.nav.billing')}</Link> },
          ]}
        />
        {onBilling ? (
          <GroupBillingPage groupCode={groupCode} />
        ) : (
          <GroupOverview groupCode={groupCode} group={groups.data?.find((g) => g.code === groupCode)} />
        )}
      </Layout.Content>
    </Layout>
  );
}

/** The group console (/group/*), loaded on demand with Ant Design. */
export default function GroupArea() {
  const { t } = useTranslation();
  return (
    <AntdRoot>
      <AuthProvider area="group">
        <AreaGate title={t('entries.group.title')} roles={GROUP_ROLES}>
          <Routes>
            <Route index element={<FirstGroup />} />
            <Route path="callback" element={<Spin />} />
            <Route path="popup-callback" element={<Spin />} />
            <Route path=":groupCode" element={<GroupLayout />} />
            <Route path=":groupCode/billing" element={<GroupLayout />} />
            <Route path="*" element={<Result status="404" title={t('notFound.title')} />} />
          </Routes>
        </AreaGate>
      </AuthProvider>
    </AntdRoot>
  );
}
