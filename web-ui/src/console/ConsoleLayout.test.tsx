import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../api/types';
import i18n from '../i18n';
import { EXECUTIVE_PERMISSIONS, MANAGER_PERMISSIONS, claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import type { Claims } from '../auth/claims';
import { useFormatTime } from '../ui/storeZone';
import { ConsoleLayout } from './ConsoleLayout';

/** What store-console answers store staff of the service department. */
const SERVICE_STAFF: Permission[] = ['STORE_ENTER', 'CONSOLE_USE', 'MEMBER_VIEW', 'MEMBER_EDIT', 'USED_CAR_VIEW', 'USED_CAR_MARKET_VIEW'];

/** A user of store gz_tianhe whose permissions there are `permissions` (whatever their role says). */
function renderWith(permissions: Permission[], path = '/console/gz_tianhe') {
  const get = vi.fn().mockImplementation((url: string) =>
    Promise.resolve(url.endsWith('/me/permissions') ? { store: 'gz_tianhe', permissions } : { name: '天河店' }),
  );
  renderWithAuth(<ConsoleLayout />, {
    auth: fakeAuth({ claims: claims(['store-manager']), api: fakeApi({ get }) }),
    path,
    route: '/console/:store/*',
  });
  return get;
}

/** A user with the group console (executive, operator): tenant-admin lists the stores of the group, with it. */
function renderAs(user: Claims) {
  const get = vi.fn().mockImplementation((url: string) =>
    Promise.resolve(
      url.endsWith('/me/permissions')
        ? { store: 'gz_tianhe', permissions: EXECUTIVE_PERMISSIONS }
        : { content: [{ code: 'gz_tianhe', groupCode: 'huanan', name: '天河店', timeZone: 'Asia/Shanghai' }] },
    ),
  );
  return renderWithAuth(<ConsoleLayout />, {
    auth: fakeAuth({ claims: user, api: fakeApi({ get }) }),
    path: '/console/gz_tianhe',
    route: '/console/:store/*',
  });
}

/** A page that shows New Year's Eve 17:30 UTC as the console's pages show times. */
function NewYear() {
  return <p>{useFormatTime()('2026-12-31T17:30:00Z')}</p>;
}

/** The layout has checked the store against the user's stores (it shows a spinner until then). */
async function storesChecked() {
  await waitFor(() => expect(document.querySelector('.ant-spin')).toBeNull());
}

function menuItems() {
  return within(screen.getByRole('menu', { name: '门店工作台菜单' }))
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('ConsoleLayout', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('asks store-console for the permissions in the store shown, and shows a manager every page', async () => {
    const get = renderWith(MANAGER_PERMISSIONS);
    await storesChecked();
    // 我的公告 is every console user's own list (only advisors receive announcements, decision 0042)
    expect(menuItems()).toEqual(['概览', '会员与车辆', '待审核', '二手车', '二手车市场', '我的公告', '员工与权限', '操作日志', '消息记录']);
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/permissions', undefined, expect.anything());
    expect(screen.queryByText('返回集团看板')).toBeNull();
  });

  it('shows repair orders and points rules together under their group title, each by its own permission', async () => {
    renderWith([...MANAGER_PERMISSIONS, 'REPAIR_ORDER_VIEW', 'POINTS_RULES_VIEW']);
    await storesChecked();
    expect(menuItems()).toEqual(['概览', '会员与车辆', '待审核', '二手车', '二手车市场', '维修工单', '积分规则', '我的公告', '员工与权限', '操作日志', '消息记录']);
    expect(screen.getByText('售后与积分')).toBeInTheDocument();
  });

  it('shows the gift warehouse pages beside the coupons to who may read gifts, with their texts from the gifts namespace', async () => {
    renderWith([...SERVICE_STAFF, 'COUPON_VIEW', 'GIFT_VIEW']);
    await storesChecked();
    expect(menuItems()).toEqual(['概览', '会员与车辆', '二手车', '二手车市场', '优惠券', '礼品管理', '礼品兑换', '礼品发放', '礼品统计', '我的公告']);
  });

  it('shows the mall pages under their own group title to who may read the mall', async () => {
    renderWith([...SERVICE_STAFF, 'MALL_VIEW']);
    await storesChecked();
    expect(menuItems()).toEqual(['概览', '会员与车辆', '二手车', '二手车市场', '商城商品', '商品分类', '商城订单', '配件预订', '库存预警', '我的公告']);
    expect(screen.getByText('商城')).toBeInTheDocument();
  });

  it("builds the menu from the store's permissions, not from the role in the token", async () => {
    renderWith(SERVICE_STAFF);
    await storesChecked();
    expect(menuItems()).toEqual(['概览', '会员与车辆', '二手车', '二手车市场', '我的公告']);
    expect(screen.queryByText('售后与积分')).toBeNull();
  });

  it('offers the review queue only to those who review (USED_CAR_MANAGE), even typed in', async () => {
    renderWith(SERVICE_STAFF, '/console/gz_tianhe/used-car-queue');
    expect(await screen.findByText('您的角色无权查看此页面。')).toBeInTheDocument();
    expect(screen.queryByText('待审核')).toBeNull();
  });

  it('leads executives and operators back to the group console, and store staff nowhere', async () => {
    const { unmount } = renderAs(claims(['group-executive'], { group: 'huanan', stores: [] }));
    expect(await screen.findByText('返回集团看板')).toHaveAttribute('href', '/group/huanan');
    unmount();

    // an operator belongs to no group: the group of the store shown
    renderAs(claims(['platform-operator'], { stores: [] }));
    await waitFor(() => expect(screen.getByText('返回集团看板')).toHaveAttribute('href', '/group/huanan'));
  });

  it('refuses a page whose permission the user lacks even when its address is typed in', async () => {
    renderWith(SERVICE_STAFF, '/console/gz_tianhe/audit');
    expect(await screen.findByText('您的角色无权查看此页面。')).toBeInTheDocument();
  });

  it("gives its pages the store's time zone, as tenant-admin describes the store", async () => {
    const get = vi.fn().mockImplementation((url: string) =>
      Promise.resolve(
        url.endsWith('/me/permissions')
          ? { store: 'kashi', permissions: MANAGER_PERMISSIONS }
          : { code: 'kashi', name: '喀什店', timeZone: 'Asia/Urumqi' },
      ),
    );
    renderWithAuth(<ConsoleLayout />, {
      auth: fakeAuth({ claims: claims(['store-manager'], { stores: ['kashi'] }), api: fakeApi({ get }) }),
      path: '/console/kashi',
      route: '/console/:store',
      page: <NewYear />,
    });
    expect(await screen.findByText('2026年12月31日 23:30')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/admin/stores/kashi', undefined, expect.anything());
  });

  it("refuses another store's console", async () => {
    renderWith(MANAGER_PERMISSIONS, '/console/sz_futian');
    expect(await screen.findByText('您无权访问门店 sz_futian。')).toBeInTheDocument();
  });
});
