import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GiftRedemptionView, GiftView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { GiftRedemptionList } from './GiftRedemptionList';
import { CancelRedemptionDialog, RedeemGiftDialog } from './RedemptionDialogs';

const BASE = '/api/stores/gz_tianhe';
const DESK: Permission[] = ['CONSOLE_USE', 'GIFT_VIEW', 'GIFT_REDEEM', 'POINTS_VIEW'];
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);

function redemption(overrides: Partial<GiftRedemptionView> = {}): GiftRedemptionView {
  return {
    id: 'r-1', giftId: 'g-1', giftName: '保温杯', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', quantity: 2, points: 1000,
    status: 'REDEEMED', channel: 'APP', handedOverBy: null, handedOverAt: null, cancelledBy: null, cancelledAt: null, cancelReason: null,
    createdBy: 'owner:13800138001', createdAt: '2026-12-01T02:00:00Z', allowed: ['HAND_OVER', 'CANCEL'], version: 0, ...overrides,
  };
}

const GIFT: GiftView = {
  id: 'g-1', name: '保温杯', description: null, pointsPrice: 500, memberLimit: 2, lowStockAt: 5, status: 'LISTED', stock: 3, low: true,
  redeemedQuantity: 12, redeemedPoints: 6000, redeemingMembers: 9, givenQuantity: 4, photos: [], createdAt: '2026-11-20T02:00:00Z', version: 3,
};

const page = (content: unknown[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });

/** The API of the redemptions page: its gifts for the filter, and the redemptions. */
function listGet(rows: GiftRedemptionView[]) {
  return vi.fn((path: string) => Promise.resolve((path.endsWith('/gifts') ? page([GIFT]) : page(rows)) as never));
}

function inApp(ui: ReactElement, api: ReturnType<typeof fakeApi>, permissions: Permission[] = DESK, path = '/console/gz_tianhe/gift-redemptions') {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path, route: '/console/:store/gift-redemptions', permissions });
}

describe('礼品兑换', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('cancels a redemption with the reason, after a confirmation naming the points and stock that go back', async () => {
    const post = vi.fn().mockResolvedValue(redemption({ status: 'CANCELLED', allowed: [] }));
    const onDone = vi.fn();
    inApp(<CancelRedemptionDialog store="gz_tianhe" redemption={redemption()} onClose={vi.fn()} onDone={onDone} />, fakeApi({ post }));
    expect(await screen.findByText('取消 张三 13800138001 兑换的 2 件“保温杯”后，1,000 积分退回会员账户，礼品退回库存。')).toBeInTheDocument();
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('请填写取消原因')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('取消原因'), { target: { value: ' 会员改选其他礼品 ' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('将取消 张三 13800138001 兑换的 2 件“保温杯”：退回 1,000 积分，礼品退回库存。取消后不能恢复。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认取消兑换'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/gift-redemptions/r-1/cancellation`, { reason: '会员改选其他礼品' });
  });

  it('redeems a listed gift for a member at the desk: the cost and the member’s points shown, confirmed, posted once with a key', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve((path.endsWith('/points') ? { memberId: 'm-1', available: 3200, pending: 0, lifetimeEarned: 5000, debt: 0 } : page([GIFT])) as never),
    );
    const post = vi.fn().mockResolvedValue(redemption({ channel: 'DESK' }));
    const onDone = vi.fn();
    inApp(<RedeemGiftDialog open store="gz_tianhe" member={{ id: 'm-1', name: '张三', phone: '13800138001' }} onClose={vi.fn()} onDone={onDone} />, fakeApi({ get, post }));
    expect(await screen.findByText('会员：张三 13800138001')).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByLabelText('礼品'));
    fireEvent.click(await screen.findByTitle('保温杯 · 500 积分 · 库存 3'));
    fireEvent.change(screen.getByLabelText('兑换数量'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('gift-redeem-cost').textContent).toBe('共需 1,000 积分。 会员可用积分 3,200。'));
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('为 张三 13800138001 兑换 2 件“保温杯”，将扣除 1,000 积分。')).toBeInTheDocument();
    fireEvent.click(button('确认兑换'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/gift-redemptions`, { memberId: 'm-1', giftId: 'g-1', quantity: 2 }, KEY);
    expect(get).toHaveBeenCalledWith(`${BASE}/gifts`, { status: 'LISTED', size: 100, sort: 'name,asc' }, expect.anything());
  });

  it('lists redemptions with their status, channel and outcome, filtered as the address says', async () => {
    const handed = redemption({
      id: 'r-2', memberName: '李四', memberPhone: '13900139002', quantity: 1, points: 500, status: 'HANDED_OVER', channel: 'DESK',
      handedOverBy: 'advisor.li', handedOverAt: '2026-12-02T03:00:00Z', createdBy: 'advisor.li', allowed: [],
    });
    const get = listGet([redemption(), handed]);
    inApp(<GiftRedemptionList />, fakeApi({ get }), DESK, '/console/gz_tianhe/gift-redemptions?status=REDEEMED,HANDED_OVER&search=138');

    const row = (await screen.findByText('张三 13800138001')).closest('tr')!;
    expect(row.textContent).toContain('待交付');
    expect(row.textContent).toContain('车主 App');
    expect(queryButton('交付', row)).not.toBeNull();
    const other = screen.getByText('李四 13900139002').closest('tr')!;
    expect(other.textContent).toContain('已交付');
    expect(other.textContent).toContain('门店前台');
    expect(other.textContent).toMatch(/advisor\.li 于 .+ 交付/);
    // moves as the server allows them
    expect(queryButton('交付', other)).toBeNull();
    expect(queryButton('取消兑换', other)).toBeNull();
    expect(get).toHaveBeenCalledWith(`${BASE}/gift-redemptions`, { status: 'REDEEMED,HANDED_OVER', gift: '', search: '138', page: 0, size: 20, sort: 'createdAt,desc' }, expect.anything());
    expect(get).toHaveBeenCalledWith(`${BASE}/gifts`, { size: 100, sort: 'name,asc' }, expect.anything());
  });

  it('交付 hands a gift over after a confirmation', async () => {
    const post = vi.fn().mockResolvedValue(redemption({ status: 'HANDED_OVER', allowed: [] }));
    inApp(<GiftRedemptionList />, fakeApi({ get: listGet([redemption()]), post }));
    const row = (await screen.findByText('张三 13800138001')).closest('tr')!;
    fireEvent.click(button('交付', row));
    expect(await screen.findByText('确认已将 2 件“保温杯”交给 张三 13800138001？交付后不能再取消兑换。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认交付', document.querySelector<HTMLElement>('.ant-modal')!));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${BASE}/gift-redemptions/r-1/hand-over`));
  });

  it('opens 取消兑换 of a row from the list', async () => {
    inApp(<GiftRedemptionList />, fakeApi({ get: listGet([redemption()]) }));
    const row = (await screen.findByText('张三 13800138001')).closest('tr')!;
    fireEvent.click(button('取消兑换', row));
    expect(await screen.findByText('取消 张三 13800138001 兑换的 2 件“保温杯”后，1,000 积分退回会员账户，礼品退回库存。')).toBeInTheDocument();
  });

  it('shows who may only read no moves at all', async () => {
    inApp(<GiftRedemptionList />, fakeApi({ get: listGet([redemption()]) }), ['CONSOLE_USE', 'GIFT_VIEW']);
    const readOnly = (await screen.findByText('张三 13800138001')).closest('tr')!;
    expect(queryButton('交付', readOnly)).toBeNull();
    expect(queryButton('取消兑换', readOnly)).toBeNull();
    expect(queryButton('为会员兑换')).toBeNull();
  });
});
