import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberCouponView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberCoupons } from './MemberCoupons';

const STAFF: Permission[] = ['CONSOLE_USE', 'MEMBER_VIEW', 'COUPON_VIEW'];

const used = {
  id: 'c-2', templateId: 't-2', memberId: 'm-1', name: '工时8折', description: null, kind: 'PERCENT', scope: 'LABOUR', scopeCodes: [],
  valueFen: 0, thresholdFen: 0, percentOff: 20, capFen: 20000, pointsMultiplier: 1, stackGroup: '常规', state: 'USED', obtained: 'CLAIMED',
  obtainedBy: 'owner', validFrom: '2026-11-01', validUntil: '2026-12-31', obtainedAt: '2026-11-01T01:00:00Z', usedAt: '2026-11-20T01:00:00Z',
  paymentId: 'p-1', discountFen: 12000, orderFen: 80000, expiredAt: null,
} as MemberCouponView;

describe('member coupons card', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists the member coupons with what each gives, where it came from and what a used one saved', async () => {
    const get = vi.fn(() => Promise.resolve([used] as never));
    renderWithAuth(<MemberCoupons store="gz_tianhe" memberId="m-1" />, {
      auth: fakeAuth({ api: fakeApi({ get }) }),
      path: '/console/gz_tianhe/members/m-1',
      route: '/console/:store/*',
      permissions: STAFF,
    });
    expect(await screen.findByText('8折（最高减200元）')).toBeInTheDocument();
    expect(screen.getByText('自行领取')).toBeInTheDocument();
    expect(screen.getByText('2026-11-01 至 2026-12-31')).toBeInTheDocument();
    expect(screen.getByText(/优惠 120\.00 元/)).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/members/m-1/coupons', undefined, expect.anything());
  });
});
