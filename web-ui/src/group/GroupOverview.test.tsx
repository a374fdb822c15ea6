import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { GroupOverview } from './GroupOverview';

// the chart is not under test here; ECharts would only slow the test down
vi.mock('../antd/LazyChart', () => ({ LazyChart: () => null }));
// the group's figures have their own test (GroupOverviewDashboard.test.tsx)
vi.mock('./GroupOverviewDashboard', () => ({ GroupOverviewDashboard: () => null }));

function store(code: string, name: string, status: StoreView['status']): StoreView {
  return {
    code, groupCode: 'huanan', name, city: '广州', brand: 'BMW', timeZone: 'Asia/Shanghai', cluster: 'default', status,
    provisioningAttempts: 1, createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z', version: 3,
  };
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
});
