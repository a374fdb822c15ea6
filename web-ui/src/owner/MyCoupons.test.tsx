import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CouponCentreItem, MemberCouponView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { CouponCentre } from './CouponCentre';
import { MyCoupons } from './MyCoupons';

const held: MemberCouponView = {
  id: 'c-1', templateId: 't-1', memberId: 'm-1', name: '满300减50', description: null, kind: 'THRESHOLD', scope: 'ORDER', scopeCodes: [],
  valueFen: 5000, thresholdFen: 30000, percentOff: 0, capFen: null, pointsMultiplier: 1, stackGroup: '常规', state: 'AVAILABLE',
  obtained: 'ISSUED', obtainedBy: 'mgr', validFrom: '2026-12-01', validUntil: '2026-12-31', obtainedAt: '2026-12-01T01:00:00Z',
  usedAt: null, paymentId: null, discountFen: null, orderFen: null, expiredAt: null,
} as MemberCouponView;

function item(overrides: Partial<CouponCentreItem>): CouponCentreItem {
  return {
    templateId: 't-2', name: '新客立减20', description: null, kind: 'CASH', scope: 'ORDER', scopeCodes: [], valueFen: 2000, thresholdFen: 0,
    percentOff: 0, capFen: null, pointsMultiplier: 1, stackGroup: null, validFrom: null, validUntil: null, validDays: 30, perMemberLimit: 1,
    remaining: 5, held: 0, canClaim: true, ...overrides,
  } as CouponCentreItem;
}

describe('owner coupons', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the usable coupons first and asks for the used ones when that tab is chosen', async () => {
    const get = vi.fn((_path: string, query?: { state?: string }) => Promise.resolve((query?.state === 'AVAILABLE' ? [held] : []) as never));
    renderWithAuth(
      <Routes>
        <Route path="/app/coupons" element={<MyCoupons />} />
      </Routes>,
      { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }), path: '/app/coupons' },
    );
    expect((await screen.findByTestId('owner-coupon')).textContent).toContain('满300减50');
    expect(screen.getByText('2026-12-01 至 2026-12-31 可用')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已使用'));
    expect(await screen.findByText('还没有用过优惠券。')).toBeInTheDocument();
    expect(get).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/me/coupons', { state: 'USED' }, expect.anything());
  });

  it('claims in the centre once per tap with a key, shows the stock left and a sold-out coupon cannot be claimed', async () => {
    const get = vi.fn(() => Promise.resolve([item({}), item({ templateId: 't-3', name: '秒杀券', remaining: 0, canClaim: false })] as never));
    const post = vi.fn(() => Promise.resolve({} as never));
    renderWithAuth(
      <Routes>
        <Route path="/app/coupon-centre" element={<CouponCentre />} />
      </Routes>,
      { auth: fakeAuth({ api: fakeApi({ get, post }), claims: claims(['owner']) }), path: '/app/coupon-centre' },
    );
    const items = await screen.findAllByTestId('owner-centre-item');
    expect(items[0]!.textContent).toContain('剩余 5 张');
    expect(screen.getByLabelText('已领完 秒杀券')).toBeDisabled();
    fireEvent.click(screen.getByLabelText('领取 新客立减20'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/coupon-centre/t-2/claims', undefined, expect.any(String)));
    expect(await screen.findByText('已领取“新客立减20”，可在我的优惠券中查看。')).toBeInTheDocument();
  });
});
