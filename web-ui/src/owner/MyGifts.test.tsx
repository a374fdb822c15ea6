import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueGift, GiftRedemptionView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyGifts, redeemable } from './MyGifts';

const ME = '/api/stores/gz_tianhe/me';
const aroma: CatalogueGift = { id: 'g1', name: '车载香薰', description: '门店精选', pointsPrice: 500, stock: 5, memberLimit: 2, mayRedeem: 1 };
const cup: CatalogueGift = { id: 'g2', name: '保温杯', description: null, pointsPrice: 2000, stock: 3, memberLimit: null, mayRedeem: null };
const held: GiftRedemptionView = {
  id: 'r1', giftId: 'g1', giftName: '车载香薰', memberId: 'm-1', memberName: '王建国', memberPhone: '13800138001', quantity: 1, points: 500,
  status: 'REDEEMED', channel: 'APP', handedOverBy: null, handedOverAt: null, cancelledBy: null, cancelledAt: null, cancelReason: null,
  createdBy: 'owner.13800138001', createdAt: '2026-12-04T02:00:00Z', allowed: ['HAND_OVER', 'CANCEL'], version: 0,
};

function api(post = vi.fn().mockResolvedValue(held)) {
  const get = vi.fn((path: string) =>
    Promise.resolve(
      (path.endsWith('/me/points')
        ? { available: 1200, pending: 0, lifetimeEarned: 1200, debt: 0 }
        : path.endsWith('/me/gifts')
          ? [aroma, cup]
          : { content: [held], page: 0, size: 50, totalElements: 1, totalPages: 1 }) as never,
    ),
  );
  return { get, post, auth: fakeAuth({ api: fakeApi({ get, post }), claims: claims(['owner']) }) };
}

describe('owner gifts for points', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('may redeem only what is in stock, within the limit and affordable', () => {
    expect([redeemable(aroma, 1200), redeemable(aroma, 499), redeemable({ ...aroma, mayRedeem: 0 }, 1200), redeemable({ ...aroma, stock: 0 }, 1200), redeemable(cup, undefined)]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('shows the points, each gift with stock and limit, and redeems one after asking once more', async () => {
    const { post, auth } = api();
    renderWithAuth(<MyGifts />, { auth });
    expect((await screen.findByTestId('owner-gifts-points')).textContent).toBe('可用积分 1,200');
    expect(await screen.findByText('每人限兑 2 件，您还可兑 1 件', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('还差 800 积分')).toBeInTheDocument();
    expect(screen.getByLabelText('兑换 保温杯')).toBeDisabled();
    fireEvent.click(screen.getByLabelText('兑换 车载香薰'));
    expect(screen.getByText('用 500 积分兑换 车载香薰？兑换后请到门店前台领取。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认兑换'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${ME}/gift-redemptions`, { giftId: 'g1', quantity: 1 }, expect.any(String)));
    expect(await screen.findByText('兑换成功：车载香薰，请到门店前台领取。')).toBeInTheDocument();
  });

  it('cancels a redemption not yet collected after asking, and says the points came back', async () => {
    const { post, auth } = api(vi.fn().mockResolvedValue({ ...held, status: 'CANCELLED', allowed: [] }));
    renderWithAuth(<MyGifts />, { auth });
    expect(await screen.findByText('待领取')).toBeInTheDocument();
    fireEvent.click(screen.getByText('取消兑换'));
    expect(screen.getByText('取消后 500 积分将退回您的账户。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认取消'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${ME}/gift-redemptions/r1/cancellation`, { reason: '车主在 App 中取消' }));
    expect(await screen.findByText('已取消，500 积分已退回。')).toBeInTheDocument();
  });
});
