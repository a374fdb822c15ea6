import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueGift, GiftRedemptionView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyGifts, redeemable } from './MyGifts';

const ME = '/api/stores/gz_tianhe/me';
const photo = { ref: 'p1', id: 'p1', thumbnailUrl: 'https://img.example.com/t1.jpg', url: 'https://img.example.com/m1.jpg', largeUrl: 'https://img.example.com/l1.jpg' };
const aroma: CatalogueGift = { id: 'g1', name: '车载香薰', description: '门店精选', pointsPrice: 500, stock: 5, memberLimit: 2, mayRedeem: 1, redeemed: 7, photo };
const cup: CatalogueGift = { id: 'g2', name: '保温杯', description: null, pointsPrice: 2000, stock: 3, memberLimit: null, mayRedeem: null, redeemed: 0, photo: null };
const catalogue = (content: CatalogueGift[]) => ({
  content, totalElements: content.length, page: 0, size: 20, totalPages: 1,
  facets: { points: [{ value: '0-500', count: 0 }, { value: '500-1000', count: 1 }, { value: '1000-3000', count: 1 }, { value: '10000-', count: 0 }] },
});
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
          ? catalogue([aroma, cup])
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

  it('searches the catalogue by text from the address, a points band from the facets and a sort, and shows each gift’s picture', async () => {
    const { get, auth } = api();
    renderWithAuth(<MyGifts />, { auth, path: '/app/gifts?q=保温杯&inStock=true', route: '/app/gifts' });
    expect(await screen.findByText('找到 2 件礼品')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${ME}/gifts`, { q: '保温杯', pointsMin: undefined, pointsMax: undefined, inStock: true, sort: 'RELEVANCE', page: 0, size: 20 }, expect.anything());
    expect(screen.getByAltText('车载香薰 的图片')).toHaveAttribute('src', photo.thumbnailUrl);
    expect(screen.getByLabelText('搜索礼品')).toHaveValue('保温杯');

    fireEvent.click(screen.getByText('筛选（1）'));
    const sheet = within(screen.getByRole('dialog'));
    expect(sheet.getByTestId('owner-gift-facet-points')).toHaveTextContent('积分500 积分–1,000 积分 11,000 积分–3,000 积分 1');
    fireEvent.click(sheet.getByText('500 积分–1,000 积分'));
    fireEvent.click(sheet.getByText('确定'));
    await waitFor(() => expect(get).toHaveBeenLastCalledWith(`${ME}/gifts`, expect.objectContaining({ q: '保温杯', pointsMin: 500, pointsMax: 999, inStock: true }), expect.anything()));
    expect(screen.getByLabelText('移除条件：500 积分–1,000 积分')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('排序'), { target: { value: 'POPULAR' } });
    await waitFor(() => expect(get).toHaveBeenLastCalledWith(`${ME}/gifts`, expect.objectContaining({ sort: 'POPULAR', pointsMin: 500 }), expect.anything()));
  });
});
