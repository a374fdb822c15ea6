import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MyAdvisorView, RateableOrder } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyAdvisor } from './MyAdvisor';

const advisor: MyAdvisorView = { username: 'zhou', displayName: '周海涛', phone: '020-8888 6666', photoUrl: null, department: 'service' };
const orders: RateableOrder[] = [
  { orderId: 'o-1', dmsNumber: 'WX-1', advisor: '周海涛', settledAt: '2026-11-02T06:00:00Z', stars: null, comment: null },
  { orderId: 'o-2', dmsNumber: 'WX-2', advisor: '周海涛', settledAt: '2026-10-02T06:00:00Z', stars: 4, comment: '不错' },
];

describe('MyAdvisor', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the advisor with a phone to tap and rates an order not rated yet', async () => {
    const get = vi.fn((path: string) => Promise.resolve(path.endsWith('/orders') ? orders : advisor)) as never;
    const post = vi.fn().mockResolvedValue({});
    const api = fakeApi({ get, post });
    renderWithAuth(<MyAdvisor />, { auth: fakeAuth({ api, claims: claims(['owner']) }), path: '/app/advisor' });
    expect(await screen.findByText('周海涛', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText('拨打 020-8888 6666').getAttribute('href')).toBe('tel:02088886666');
    expect(screen.getByText('已评价 4 星 · 不错')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('5 星'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/advisor/orders/o-1/rating', { stars: 5, comment: null });
  });
});
