import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MyPartOrder } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyPartOrders } from './MyPartOrders';

const parts: MyPartOrder[] = [
  { id: 'p-2', number: 'PJ2612040000002', plate: '粤A12345', partName: '原厂刹车片（前轮）', partNumber: '34116860016', quantity: 1, expectedOn: '2026-12-20', priceFen: 128000, depositFen: 50000, status: 'ORDERED', createdAt: '2026-12-04T03:00:00Z' },
  { id: 'p-1', number: 'PJ2612040000001', plate: null, partName: '原厂无骨雨刮片（一对）', partNumber: '61610049418', quantity: 1, status: 'ARRIVED', arrivedAt: '2026-12-05T02:00:00Z', createdAt: '2026-12-04T02:00:00Z' },
];

describe('owner: 配件预订 on 我的订单', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the parts ordered for me with where each is', async () => {
    const get = vi.fn().mockResolvedValue({ content: parts, page: 0, size: 20, totalElements: 2, totalPages: 1 });
    renderWithAuth(<MyPartOrders store="gz_tianhe" />, { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }) });
    const items = await screen.findAllByTestId('owner-part-order');
    expect(items[0]).toHaveTextContent('预订单 PJ2612040000002');
    expect(items[0]).toHaveTextContent('原厂刹车片（前轮） × 1');
    expect(items[0]).toHaveTextContent('已预订');
    expect(items[0]).toHaveTextContent('预计 2026-12-20 到货');
    expect(items[0]).toHaveTextContent('已付定金 ¥500.00');
    expect(items[1]).toHaveTextContent('已到货');
    expect(items[1]).toHaveTextContent('请到店领取');
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/part-orders', { page: 0, size: 20 }, expect.anything());
  });

  it('shows nothing when no part was ordered for me', async () => {
    const get = vi.fn().mockResolvedValue({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });
    renderWithAuth(<MyPartOrders store="gz_tianhe" />, { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }) });
    await vi.waitFor(() => expect(get).toHaveBeenCalled());
    expect(screen.queryByText('配件预订')).toBeNull();
  });
});
