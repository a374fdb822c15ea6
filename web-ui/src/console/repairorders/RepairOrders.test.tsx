import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission, RepairOrderSummary, RepairOrderView } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { RepairOrderDetail } from './RepairOrderDetail';
import { RepairOrderList } from './RepairOrderList';

const PERMISSIONS: Permission[] = ['CONSOLE_USE', 'REPAIR_ORDER_VIEW', 'MEMBER_VIEW'];
const DAY = 24 * 3600 * 1000;

const summary: RepairOrderSummary = {
  id: 'ro-2',
  dmsNumber: 'WX-TH-00002',
  status: 'REFUNDED',
  memberId: 'm-1',
  memberName: '王建国',
  memberPhone: '13800138001',
  plate: '粤A12345',
  advisor: '周海涛',
  openedAt: '2026-11-02T02:00:00Z',
  settledAt: '2026-11-02T06:00:00Z',
  pointsActivateAt: '2026-11-09T06:00:00Z',
  total: { amount: '12345.50', currency: 'CNY' },
  accountTypes: ['CUSTOMER', 'INSURANCE'],
  points: 4321,
} as RepairOrderSummary;

describe('RepairOrderList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows each order with its member, accounts, total and points, and sends the filters of the address', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue({ content: [summary], page: 0, size: 20, totalElements: 1, totalPages: 1 }) });
    renderWithAuth(<RepairOrderList />, {
      auth: fakeAuth({ api }),
      path: '/console/gz_tianhe/repair-orders?status=SETTLED,REFUNDED&accountType=INSURANCE&q=WX',
      route: '/console/:store/*',
      permissions: PERMISSIONS,
    });
    const row = (await screen.findByText('WX-TH-00002', { selector: 'a' })).closest('tr')!;
    expect(within(row).getByText('王建国')).toBeInTheDocument();
    expect(within(row).getByText('部分退款')).toBeInTheDocument();
    expect(within(row).getAllByTestId('account-tag').map((t) => t.textContent)).toEqual(['客户帐', '保险帐']);
    expect(within(row).getByText('¥12,345.50')).toBeInTheDocument();
    expect(within(row).getByText('4,321')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/repair-orders',
      expect.objectContaining({ status: 'SETTLED,REFUNDED', accountType: 'INSURANCE', q: 'WX', sort: 'openedAt,desc' }),
      expect.anything(),
    );
  });
});

function order(activateAt: string | null): RepairOrderView {
  return {
    id: 'ro-2',
    dmsNumber: 'WX-TH-00002',
    memberId: 'm-1',
    status: 'REFUNDED',
    plate: '粤A12345',
    vin: 'LBVCU31080S000001',
    advisor: '周海涛',
    mileageKm: 41500,
    openedAt: '2026-11-02T02:00:00Z',
    settledAt: '2026-11-02T06:00:00Z',
    ruleVersion: 1,
    pointsActivateAt: activateAt,
    version: 3,
    lines: [
      { id: 'l1', lineNo: 1, kind: 'LABOUR', description: '钣金喷漆（前保险杠）', partNumber: null, quantity: 1, amount: { amount: '2000.00', currency: 'CNY' }, accountType: 'INSURANCE', refunded: false, points: 1000 },
      { id: 'l2', lineNo: 2, kind: 'PART', description: '空调滤芯', partNumber: 'FLT-AC-02', quantity: 1, amount: { amount: '180.50', currency: 'CNY' }, accountType: 'CUSTOMER', refunded: true, points: 0 },
    ],
  } as RepairOrderView;
}

describe('RepairOrderDetail', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  function renderDetail(view: RepairOrderView) {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(view) });
    renderWithAuth(<RepairOrderDetail />, {
      auth: fakeAuth({ api }),
      path: '/console/gz_tianhe/repair-orders/ro-2',
      route: '/console/:store/repair-orders/:repairOrderId',
      permissions: PERMISSIONS,
    });
    return api;
  }

  it('lists the lines with who pays, the refunded mark and the points each produced, pending in the refund window', async () => {
    const api = renderDetail(order(new Date(Date.now() + 3 * DAY).toISOString()));
    const paint = (await screen.findByText('钣金喷漆（前保险杠）')).closest('tr')!;
    expect(within(paint).getByText('保险帐')).toBeInTheDocument();
    expect(within(paint).getByTestId('line-points').textContent).toBe('1,000 待到账');
    const filter = screen.getByText('空调滤芯').closest('tr')!;
    expect(within(filter).getByText('已退款')).toBeInTheDocument();
    expect(within(filter).getByText('客户帐')).toBeInTheDocument();
    expect(screen.getByText('41,500 公里')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/api/stores/gz_tianhe/repair-orders/ro-2', undefined, expect.anything());
  });

  it('says the points are available once the refund window has passed', async () => {
    renderDetail(order(new Date(Date.now() - DAY).toISOString()));
    expect(await screen.findByText('积分已到账')).toBeInTheDocument();
    expect(screen.getByTestId('line-points').textContent).toBe('1,000 已到账');
  });
});
