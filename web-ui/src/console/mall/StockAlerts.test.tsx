import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission, StockAlertSettingsView, StockAlertView } from '../../api/types';
import i18n from '../../i18n';
import { button } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { StockAlertList } from './StockAlertList';
import { StockAlertSettingsCard } from './StockAlertSettingsCard';

const STORE = '/api/stores/gz_tianhe';
const KEEPER: Permission[] = ['CONSOLE_USE', 'MALL_VIEW', 'MALL_MANAGE'];
const READER: Permission[] = ['CONSOLE_USE', 'MALL_VIEW'];

const low: StockAlertView = {
  id: 'a-1', itemKind: 'PRODUCT', itemId: 'p-1', skuId: 's-1', alertKind: 'LOW_STOCK', itemName: '原厂雨刮片', spec: '24 寸', stock: 2,
  lowStockAt: 3, lastSoldAt: null, idleDays: null, raisedAt: '2026-12-04T02:00:00Z', clearedAt: null, notified: 3,
};
const idle: StockAlertView = {
  id: 'a-2', itemKind: 'PRODUCT', itemId: 'p-2', skuId: null, alertKind: 'SLOW_MOVING', itemName: '车载香薰', spec: null, stock: 10,
  lowStockAt: null, lastSoldAt: '2026-08-26T02:00:00Z', idleDays: 100, raisedAt: '2026-12-04T02:00:00Z', clearedAt: null, notified: 3,
};
const gift: StockAlertView = { ...low, id: 'a-3', itemKind: 'GIFT', itemId: 'g-1', skuId: null, itemName: '定制钥匙扣', spec: null, stock: 1, lowStockAt: 1, notified: 2 };
const rule: StockAlertSettingsView = { slowMovingEnabled: true, slowMovingDays: 90, version: 4 };

function api(rows: StockAlertView[]) {
  return fakeApi({
    get: vi.fn((path: string) =>
      Promise.resolve((path.endsWith('/stock-alert-settings') ? rule : { content: rows, page: 0, size: 20, totalElements: rows.length, totalPages: 1 }) as never),
    ),
    put: vi.fn().mockResolvedValue({ slowMovingEnabled: true, slowMovingDays: 60, version: 5 }),
  });
}

describe('库存预警 in the console', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists the alerts with their figures and links to the item, and sends the filters of the address', async () => {
    const fake = api([low, idle, gift]);
    renderWithAuth(
      <App>
        <StockAlertList />
      </App>,
      {
        auth: fakeAuth({ api: fake }),
        path: '/console/gz_tianhe/stock-alerts?alertKind=LOW_STOCK,SLOW_MOVING&itemKind=PRODUCT&search=雨刮',
        route: '/console/:store/*',
        permissions: READER,
      },
    );
    const first = (await screen.findByText('原厂雨刮片')).closest('tr')!;
    expect(first).toHaveTextContent('库存不足');
    expect(first).toHaveTextContent('24 寸');
    expect(first).toHaveTextContent('预警线 3');
    expect(screen.getByText('原厂雨刮片').getAttribute('href')).toBe(`/console/gz_tianhe/products?search=${encodeURIComponent('原厂雨刮片')}`);
    const second = screen.getByText('车载香薰').closest('tr')!;
    expect(second).toHaveTextContent('滞销');
    expect(second).toHaveTextContent('100 天未售出');
    expect(screen.getByText('定制钥匙扣').getAttribute('href')).toBe(`/console/gz_tianhe/gifts?search=${encodeURIComponent('定制钥匙扣')}`);
    expect(fake.get).toHaveBeenCalledWith(
      `${STORE}/stock-alerts`,
      { cleared: '', alertKind: 'LOW_STOCK,SLOW_MOVING', itemKind: 'PRODUCT', search: '雨刮', page: 0, size: 20, sort: 'raisedAt,desc' },
      expect.anything(),
    );
    // whoever only reads the mall sees the rule, not its form
    expect(await screen.findByTestId('stock-alert-rule')).toHaveTextContent('连续 90 天没有销售');
    expect(screen.queryByLabelText('未销售天数')).toBeNull();
  });

  it('lets those who keep the mall change the slow-moving days after a confirmation, with the version read', async () => {
    const fake = api([]);
    const saved = vi.fn();
    renderWithAuth(
      <App>
        <StockAlertSettingsCard path={`${STORE}/stock-alert-settings`} manages onSaved={saved} />
      </App>,
      { auth: fakeAuth({ api: fake }), permissions: KEEPER },
    );
    fireEvent.change(await screen.findByLabelText('未销售天数'), { target: { value: '60' } });
    fireEvent.click(button('保存设置'));
    fireEvent.click(button('保存设置', await waitFor(() => document.querySelector<HTMLElement>('.ant-popover')!)));
    await waitFor(() => expect(fake.put).toHaveBeenCalledWith(`${STORE}/stock-alert-settings`, { slowMovingEnabled: true, slowMovingDays: 60 }, 4));
    await waitFor(() => expect(saved).toHaveBeenCalled());
  });
});
