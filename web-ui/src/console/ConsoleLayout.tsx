import {
  AccountBookOutlined,
  WarningOutlined,
  ApiOutlined,
  ContactsOutlined,
  NotificationOutlined,
  ReadOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  CarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  GiftOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MessageOutlined,
  ScheduleOutlined,
  ShopOutlined,
  ShoppingOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  UserSwitchOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
  WalletOutlined,
  SendOutlined,
  BarChartOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Result, Select, Space, Spin, Typography, type MenuProps } from 'antd';
import { ProblemAlert } from '../antd/ProblemAlert';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { hasAnyRole, type Claims } from '../auth/claims';
import { UserMenu } from '../antd/UserMenu';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { GROUP_ROLES } from '../group/roles';
import { BillingNoticeBanner } from './BillingNoticeBanner';
import { InboxBell } from './inbox/InboxBell';
import { AnnouncementBadge } from './advisors/MyAnnouncements';
import { StoreZoneProvider } from '../ui/storeZone';
import { CONSOLE_PAGES, type ConsoleMenuGroup, type ConsolePageKey } from './pages';
import { PermissionsContext, useStorePermissions } from './permissions';
import { type StoreChoice, useConsoleStores } from './useStores';

const ICONS: Record<ConsolePageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  members: <UserOutlined />,
  segments: <ClusterOutlined />,
  cards: <IdcardOutlined />,
  usedCarQueue: <FileSearchOutlined />,
  usedCars: <CarOutlined />,
  usedCarMarket: <ShopOutlined />,
  repairOrders: <ToolOutlined />,
  pointsRules: <GiftOutlined />,
  pointTasks: <ScheduleOutlined />,
  pointCampaigns: <TrophyOutlined />,
  advisors: <ContactsOutlined />,
  pointTransfers: <SwapOutlined />,
  walletCashOuts: <WalletOutlined />,
  coupons: <GiftOutlined />,
  gifts: <GiftOutlined />,
  giftRedemptions: <CarryOutOutlined />,
  giftDistributions: <SendOutlined />,
  giftStatistics: <BarChartOutlined />,
  products: <ShoppingOutlined />,
  productCategories: <TagsOutlined />,
  mallOrders: <ShoppingCartOutlined />,
  partOrders: <InboxOutlined />,
  stockAlerts: <WarningOutlined />,
  payments: <AccountBookOutlined />,
  advisorPerformance: <SolutionOutlined />,
  advisorMoves: <UserSwitchOutlined />,
  advisorNews: <NotificationOutlined />,
  myAnnouncements: <ReadOutlined />,
  staff: <TeamOutlined />,
  audit: <AuditOutlined />,
  messages: <MessageOutlined />,
  dmsImport: <CloudUploadOutlined />,
  dmsCredential: <ApiOutlined />,
};

type ConsolePage = (typeof CONSOLE_PAGES)[number];
type MenuItem = NonNullable<MenuProps['items']>[number];

/** The menu's items: pages in their order, those of a group under its title where its first visible page stands. */
function menuItems(pages: ConsolePage[], item: (page: ConsolePage) => MenuItem, title: (group: ConsoleMenuGroup) => string): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<ConsoleMenuGroup, MenuItem[]>();
  for (const page of pages) {
    const group = 'group' in page ? page.group : undefined;
    if (!group) {
      items.push(item(page));
      continue;
    }
    let children = groups.get(group);
    if (!children) {
      children = [];
      groups.set(group, children);
      items.push({ type: 'group', key: `group-${group}`, label: title(group), children });
    }
    children.push(item(page));
  }
  return items;
}

function currentPage(pathname: string, store: string): ConsolePageKey {
  const rest = pathname.slice(`/console/${store}`.length).split('/').filter(Boolean)[0] ?? '';
  return CONSOLE_PAGES.find((page) => page.path === rest)?.key ?? 'dashboard';
}

/**
 * Where an executive or operator goes back to the group console: the group of the store shown (an executive's own
 * group), else the group console's start, which picks one; nothing for store managers and staff.
 */
function groupConsolePath(claims: Claims | undefined, store: StoreChoice | undefined): string | undefined {
  if (!hasAnyRole(claims, GROUP_ROLES)) return undefined;
  const group = store?.groupCode ?? claims?.group;
  return group ? `/group/${group}` : '/group';
}

/**
 * Header (store, a way back to the group console for executives and operators, language, the bell with the user's
 * unread messages, the user's menu with 修改密码, sign out), the menu of
 * the pages the user's permissions in the store allow, the page (which reads the same permissions for its buttons, and
 * shows times in the store's time zone).
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { claims, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const stores = useConsoleStores();
  const page = currentPage(location.pathname, store);
  const permissions = useStorePermissions(store);
  // never the previous store's permissions while the new store's load
  const granted = permissions.loading ? undefined : permissions.data;
  const visible = granted ? CONSOLE_PAGES.filter((p) => granted.has(p.permission)) : [];
  const allowed = visible.some((p) => p.key === page);
  const current = (stores.data ?? []).find((s) => s.code === store);
  const storeKnown = current !== undefined;
  const groupPath = groupConsolePath(claims, current);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208}>
        <div className="console-brand">
          <Link to="/">{t('app.name')}</Link>
          <span>{t('entries.console.title')}</span>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          aria-label={t('console.menuLabel')}
          items={menuItems(visible, (p) => ({
            key: p.key,
            icon: ICONS[p.key],
            label: <Link to={`/console/${store}${p.path ? `/${p.path}` : ''}`}>{t(`console.menu.${p.key}`)}</Link>,
          }), (group) => t(`console.menuGroups.${group}`))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Space wrap>
            <Typography.Text type="secondary">{t('console.store')}</Typography.Text>
            <Select
              aria-label={t('console.store')}
              value={store}
              style={{ minWidth: 200 }}
              loading={stores.loading}
              onChange={(code) => navigate(`/console/${code}`)}
              options={(stores.data ?? []).map((s) => ({ value: s.code, label: s.name ? `${s.name} (${s.code})` : s.code }))}
            />
          </Space>
          <Space wrap>
            {groupPath && (
              <Link to={groupPath} data-testid="to-group-console">
                <ApartmentOutlined /> {t('console.toGroup')}
              </Link>
            )}
            <LanguageSwitch />
            {storeKnown && <AnnouncementBadge store={store} />}
            {storeKnown && <InboxBell store={store} />}
            <UserMenu />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">
          {stores.loading && !stores.data ? (
            <Spin />
          ) : stores.error ? (
            <ProblemAlert error={stores.error} onRetry={stores.reload} />
          ) : !storeKnown ? (
            <Result status="403" title={t('console.storeNotYours', { store })} />
          ) : permissions.error ? (
            <ProblemAlert error={permissions.error} onRetry={permissions.reload} />
          ) : !granted ? (
            <Spin />
          ) : allowed ? (
            <PermissionsContext.Provider value={granted}>
              <BillingNoticeBanner store={store} />
              {/* a store tenant-admin did not describe (it did not answer a manager) reads in the default zone */}
              <StoreZoneProvider zone={current?.timeZone}>
                <Outlet />
              </StoreZoneProvider>
            </PermissionsContext.Provider>
          ) : (
            <Result status="403" title={t('console.pageNotAllowed')} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
