import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DashboardView, StoreView } from '../api/types';
import i18n from '../i18n';
import { renderWithAuth } from '../testing/renderWithAuth';
import { groupTotal, ranked, StoreRanking, summed } from './GroupOverviewDashboard';

function store(code: string, name: string): StoreView {
  return {
    code, groupCode: 'huanan', name, city: '广州', brand: 'BMW', timeZone: 'Asia/Shanghai', cluster: 'default', status: 'ACTIVE',
    provisioningAttempts: 1, createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z', version: 1,
  };
}

function dashboard(newMembers: number, members: number, sold: number): DashboardView {
  return {
    period: 'THIS_MONTH', from: '2026-11-30T16:00:00Z', to: '2026-12-03T00:00:00Z', zone: 'Asia/Shanghai', trend: 'LAST_30_DAYS',
    trendStarts: ['2026-12-01', '2026-12-02'],
    cards: [
      { key: 'members', figures: { total: members, newInPeriod: newMembers }, trend: { newMembers: [newMembers, 0] }, available: true },
      { key: 'usedCarSales', figures: { listed: 0, reserved: 0, sold, onMarket: 0 }, trend: { sold: [0, sold] }, available: true },
      { key: 'staff', figures: {}, trend: {}, available: false },
    ],
  };
}

const tianhe = { store: store('gz_tianhe', '广州天河宝马4S店'), view: dashboard(3, 120, 1) };
const futian = { store: store('sz_futian', '深圳福田奔驰4S店'), view: dashboard(8, 90, 2) };
const silent = { store: store('fs_chancheng', '佛山禅城奥迪4S店') };

describe('the group ranking', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("ranks the stores by the chosen figure under the period's label, by name, with each store's numbers", () => {
    renderWithAuth(<StoreRanking rows={[tianhe, silent, futian]} metric="newMembers" period="LAST_MONTH" />, { path: '/group/huanan' });

    const names = [...document.querySelectorAll('tbody tr.ant-table-row')].map((row) => row.querySelector('a')?.textContent);
    expect(names).toEqual(['深圳福田奔驰4S店', '广州天河宝马4S店', '佛山禅城奥迪4S店']);
    expect(document.querySelector('th.ant-table-column-sort')).toHaveTextContent('上月新增');
    expect(screen.getByTestId('members-gz_tianhe')).toHaveTextContent('120');
    expect(screen.getByTestId('members-fs_chancheng')).toHaveTextContent('–');
  });

  it('puts a store without the figure last and unranked, and sums the group and its trend', () => {
    expect(ranked([tianhe, silent, futian], 'members').map((r) => [r.store.code, r.rank])).toEqual([
      ['gz_tianhe', 1], ['sz_futian', 2], ['fs_chancheng', undefined],
    ]);
    expect(ranked([tianhe, futian], 'staff').map((r) => r.rank)).toEqual([undefined, undefined]);
    expect(groupTotal([tianhe, silent, futian], 'newMembers')).toBe(11);
    expect(summed([tianhe, silent, futian], 'usedCarSales', 'sold', 2)).toEqual([0, 3]);
  });
});
