import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { ConsoleLayout } from './ConsoleLayout';

function renderAs(roles: Parameters<typeof claims>[0], path = '/console/gz_tianhe') {
  return renderWithAuth(<ConsoleLayout />, {
    auth: fakeAuth({ claims: claims(roles, { department: 'service' }), api: fakeApi() }),
    path,
    route: '/console/:store/*',
  });
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

  it('shows store managers every page of their store', async () => {
    renderAs(['store-manager']);
    await storesChecked();
    expect(menuItems()).toEqual(['概览', '会员与车辆', '待审核', '二手车', '二手车市场', '员工与权限', '操作日志', '消息记录']);
  });

  it('shows store staff only the dashboard, members, used cars and the market', async () => {
    renderAs(['store-staff']);
    await storesChecked();
    expect(menuItems()).toEqual(['概览', '会员与车辆', '待审核', '二手车', '二手车市场']);
  });

  it('refuses a page the role does not allow even when its address is typed in', async () => {
    renderAs(['store-staff'], '/console/gz_tianhe/audit');
    expect(await screen.findByText('您的角色无权查看此页面。')).toBeInTheDocument();
  });

  it("refuses another store's console", async () => {
    renderAs(['store-manager'], '/console/sz_futian');
    expect(await screen.findByText('您无权访问门店 sz_futian。')).toBeInTheDocument();
  });
});
