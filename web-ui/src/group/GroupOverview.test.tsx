import { screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { GroupOverview } from './GroupOverview';

// ECharts would only slow the test down: the stand-in keeps the option the page gives the chart
const chart = vi.hoisted(() => ({ option: undefined as unknown }));
vi.mock('../antd/LazyChart', () => ({
  LazyChart: ({ option }: { option: unknown }) => {
    chart.option = option;
    return null;
  },
}));

function store(code: string, name: string, status: StoreView['status']): StoreView {
  return {
    code, groupCode: 'huanan', name, city: '广州', brand: 'BMW', timeZone: 'Asia/Shanghai', cluster: 'default', status,
    provisioningAttempts: 1, createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z', version: 3,
  };
}

function renderOverview(stores: StoreView[]) {
  const get = vi.fn().mockImplementation(async (path: string) =>
    path === '/api/admin/groups/huanan/stores'
      ? { content: stores, page: 0, size: 20, totalElements: stores.length, totalPages: 1 }
      : { content: [], page: 0, size: 1, totalElements: 3, totalPages: 3 },
  );
  renderWithAuth(
    <App>
      <GroupOverview groupCode="huanan" />
    </App>,
    {
    auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['group-executive'], { group: 'huanan', stores: [] }) }),
    path: '/group/huanan',
  });
  return { get };
}

describe('GroupOverview', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("opens an active store's console from its name; a suspended store has none to open", async () => {
    const stores = [store('gz_tianhe', '广州天河宝马4S店', 'ACTIVE'), store('sz_futian', '深圳福田奔驰4S店', 'SUSPENDED')];
    const get = vi.fn().mockImplementation(async (path: string) =>
      path === '/api/admin/groups/huanan/stores'
        ? { content: stores, page: 0, size: 20, totalElements: 2, totalPages: 1 }
        : { content: [], page: 0, size: 1, totalElements: 3, totalPages: 3 },
    );
    renderWithAuth(<GroupOverview groupCode="huanan" />, {
      auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['group-executive'], { group: 'huanan', stores: [] }) }),
      path: '/group/huanan',
    });

    expect(await screen.findByText('广州天河宝马4S店')).toHaveAttribute('href', '/console/gz_tianhe');
    expect(screen.getByText('深圳福田奔驰4S店').closest('a')).toBeNull();
  });

  it('names the stores on the axis of the chart, not by their codes', async () => {
    renderOverview([store('gz_tianhe', '广州宝悦天河宝马4S店', 'ACTIVE'), store('sz_futian', '深圳星辉福田奔驰4S店', 'ACTIVE')]);

    await waitFor(() => expect(chart.option).toBeDefined());
    expect((chart.option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['广州宝悦天河宝马4S店', '深圳星辉福田奔驰4S店']);
  });
});
