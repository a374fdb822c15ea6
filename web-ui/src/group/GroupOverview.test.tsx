import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

function renderOverview(stores: StoreView[], put = vi.fn()) {
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
    auth: fakeAuth({ api: fakeApi({ get, put }), claims: claims(['group-executive'], { group: 'huanan', stores: [] }) }),
    path: '/group/huanan',
  });
  return { get, put };
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

  it("changes a store's name, address and phone from the version it showed", async () => {
    const user = userEvent.setup({ delay: null });
    const tianhe = { ...store('gz_tianhe', '广州天河宝马4S店', 'ACTIVE'), phone: '020-38823888' };
    const put = vi.fn().mockResolvedValue({ ...tianhe, name: '广州宝悦天河宝马4S店', address: '广州市天河区黄埔大道西 638 号' });
    renderOverview([tianhe], put);

    expect(await screen.findByText('020-38823888')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '修改广州天河宝马4S店的门店信息' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('联系电话')).toHaveValue('020-38823888');
    fireEvent.change(within(dialog).getByLabelText('门店名称'), { target: { value: '广州宝悦天河宝马4S店' } });
    fireEvent.change(within(dialog).getByLabelText('门店地址'), { target: { value: '广州市天河区黄埔大道西 638 号' } });
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    await waitFor(() =>
      expect(put).toHaveBeenCalledWith(
        '/api/admin/stores/gz_tianhe/details',
        { name: '广州宝悦天河宝马4S店', address: '广州市天河区黄埔大道西 638 号', phone: '020-38823888' },
        3,
      ),
    );
  });
});
