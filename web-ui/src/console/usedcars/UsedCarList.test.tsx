import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import type { Permission } from '../../api/types';
import { EXECUTIVE_PERMISSIONS, MANAGER_PERMISSIONS, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { hoursAgo, page, summaryOf, usedCar } from '../../testing/usedCars';
import { ReviewQueue, UsedCarList } from './UsedCarList';
import { button, queryButton } from '../../testing/buttons';

function renderList(ui: React.ReactElement, path: string, api = fakeApi(), permissions: Permission[] = MANAGER_PERMISSIONS) {
  return renderWithAuth(ui, { auth: fakeAuth({ api }), path, route: '/console/:store/*', permissions });
}

const cars = [
  usedCar({ id: 'car-1', status: 'SUBMITTED', make: '宝马', model: '325Li', submittedAt: hoursAgo(80) }),
  usedCar({ id: 'car-2', status: 'LISTED', make: '奥迪', model: 'A4L', priceWishYuan: 9800, askingPriceYuan: 235000 }),
  usedCar({ id: 'car-3', status: 'CHANGES_REQUESTED', make: '丰田', model: '凯美瑞', updatedAt: hoursAgo(3) }),
].map(summaryOf);

describe('UsedCarList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows a row per car with its status, prices in yuan and mileage in km', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page(cars)) });
    renderList(<UsedCarList />, '/console/gz_tianhe/used-cars', api);

    const row = (await screen.findByText('奥迪 A4L', { selector: 'a' })).closest('tr')!;
    expect(within(row).getByText('在售')).toBeInTheDocument();
    expect(within(row).getByText('¥235,000')).toBeInTheDocument();
    expect(within(row).getByText('¥9,800')).toBeInTheDocument();
    expect(within(row).getByText('56,000 公里')).toBeInTheDocument();
    const statuses = screen.getAllByTestId('used-car-status').map((tag) => tag.textContent);
    expect(statuses).toEqual(['待审核', '在售', '待修改']);
    expect(api.get).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/used-cars',
      { status: '', q: '', page: 0, size: 20, sort: 'submittedAt,desc' },
      expect.anything(),
    );
    expect(button(/代会员寄售/)).toBeInTheDocument();
  });

  it('takes status filter, search, sort and page from the address', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page([cars[1]!])) });
    renderList(<UsedCarList />, '/console/gz_tianhe/used-cars?status=LISTED,RESERVED&q=奥迪&sort=askingPriceYuan,asc&page=2', api);

    await screen.findByText('奥迪 A4L', { selector: 'a' });
    expect(api.get).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/used-cars',
      { status: 'LISTED,RESERVED', q: '奥迪', page: 1, size: 20, sort: 'askingPriceYuan,asc' },
      expect.anything(),
    );
    expect(screen.getByPlaceholderText('搜索品牌、车型或城市')).toHaveValue('奥迪');
  });

  it('exports exactly the filtered rows in the list\'s sort to Excel', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page([cars[1]!])) });
    const save = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:export');
    URL.revokeObjectURL = vi.fn();
    renderList(<UsedCarList />, '/console/gz_tianhe/used-cars?status=LISTED&q=奥迪&sort=askingPriceYuan,asc', api, EXECUTIVE_PERMISSIONS);

    await screen.findByText('奥迪 A4L', { selector: 'a' });
    fireEvent.click(screen.getByText('导出 Excel'));

    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(api.download).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/used-cars/export',
      { status: 'LISTED', q: '奥迪', sort: 'askingPriceYuan,asc' },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    save.mockRestore();
  });

  it('says how to register the first car when the store has none', async () => {
    renderList(<UsedCarList />, '/console/gz_tianhe/used-cars');
    expect(await screen.findByText('还没有寄售车辆，点击“代会员寄售”登记一辆。')).toBeInTheDocument();
  });

  it('offers no submission without USED_CAR_MANAGE', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page(cars)) });
    renderList(<UsedCarList />, '/console/gz_tianhe/used-cars', api, EXECUTIVE_PERMISSIONS);
    await screen.findByText('奥迪 A4L', { selector: 'a' });
    expect(queryButton(/代会员寄售/)).not.toBeInTheDocument();
  });
});

describe('ReviewQueue', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('asks for waiting cars, oldest first, and says how long each has waited and for whom', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page([cars[0]!, cars[2]!])) });
    renderList(<ReviewQueue />, '/console/gz_tianhe/used-car-queue', api);

    expect(await screen.findByText('待审核 3 天 8 小时')).toBeInTheDocument();
    // the cars' times are set when the module loads: a slow run may be minutes later
    expect(screen.getByText(/^待车主修改 3 小时 \d+ 分钟$/)).toBeInTheDocument();
    await waitFor(() =>
      expect(api.get).toHaveBeenCalledWith(
        '/api/stores/gz_tianhe/used-cars',
        { status: 'SUBMITTED,CHANGES_REQUESTED', q: '', page: 0, size: 20, sort: 'submittedAt,asc' },
        expect.anything(),
      ),
    );
    expect(screen.getByText('宝马 325Li', { selector: 'a' })).toHaveAttribute('href', '/console/gz_tianhe/used-cars/car-1');
  });
});
