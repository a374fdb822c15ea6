import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { CheckoutQuote, PaymentRow } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyPayables } from './MyPayables';
import { MyPayments } from './MyPayments';
import { OwnerCheckout } from './OwnerCheckout';

const ORDER = '/api/stores/gz_tianhe/me/repair-orders/o1';
const quote: CheckoutQuote = {
  subjectType: 'REPAIR_ORDER', subjectId: 'o1', subjectRef: 'WX-TH-00001',
  lines: [{ id: 'l1', kind: 'LABOUR', description: '更换机油', amountFen: 40000 }],
  grossFen: 40000,
  recommended: { coupons: [{ memberCouponId: 'c1', name: '满300减50', discountFen: 5000 }], savingFen: 5000, pointsMultiplier: 1, dueFen: 35000 },
  explanation: '用 满300减50 比 单用 工时8折 多省 10.00 元',
  chosen: null,
  held: [
    { memberCouponId: 'c1', name: '满300减50', kind: 'THRESHOLD', validUntil: '2026-12-31', recommended: true, notUsedReason: null, notUsedText: null },
    { memberCouponId: 'c2', name: '工时8折', kind: 'PERCENT', validUntil: '2026-12-31', recommended: false, notUsedReason: 'NOT_COMBINABLE', notUsedText: '工时8折：不能与 满300减50 同时使用' },
    { memberCouponId: 'c3', name: '满1000减200', kind: 'THRESHOLD', validUntil: '2026-12-31', recommended: false, notUsedReason: 'THRESHOLD_NOT_MET', notUsedText: '满1000减200：还差 600.00 元可用' },
  ],
  walletFen: 100000, pointsAvailable: 2000, pointsAccepted: true, pointsMax: 1000,
};
const withLabourCoupon: CheckoutQuote = {
  ...quote,
  chosen: { coupons: [{ memberCouponId: 'c2', name: '工时8折', discountFen: 8000 }], savingFen: 8000, pointsMultiplier: 1, dueFen: 32000 },
};

describe('the owner’s checkout sheet', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('explains the recommendation, asks again when the coupons change, and pays the chosen coupons with the wallet', async () => {
    const get = vi.fn((_path: string, query?: Record<string, unknown>) => Promise.resolve((query?.choose ? withLabourCoupon : quote) as never));
    const post = vi.fn().mockResolvedValue({ payment: { subjectRef: 'WX-TH-00001', couponFen: 8000, walletFen: 32000, pointsUsed: 0, cashFen: 0 }, coupons: [], refunds: [], refundableFen: 32000 });
    const onPaid = vi.fn();
    renderWithAuth(
      <OwnerCheckout store="gz_tianhe" order={{ id: 'o1', dmsNumber: 'WX-TH-00001', advisor: null, settledAt: null, totalFen: 40000 }} onPaid={onPaid} onClose={vi.fn()} />,
      { auth: fakeAuth({ api: fakeApi({ get, post }), claims: claims(['owner']) }) },
    );
    expect((await screen.findByTestId('checkout-explanation')).textContent).toBe('用 满300减50 比 单用 工时8折 多省 10.00 元');
    expect(get).toHaveBeenCalledWith(`${ORDER}/checkout`, undefined, expect.anything());
    expect(screen.getByLabelText('满300减50')).toBeChecked();
    expect(screen.getByLabelText('满1000减200')).toBeDisabled();
    expect(screen.getByText('满1000减200：还差 600.00 元可用')).toBeInTheDocument();
    expect(screen.getByTestId('checkout-due').textContent).toBe('350.00');
    expect(screen.getByLabelText('钱包支付')).toHaveValue('350');

    fireEvent.click(screen.getByLabelText('满300减50'));
    fireEvent.click(screen.getByLabelText('工时8折'));
    await waitFor(() => expect(get).toHaveBeenLastCalledWith(`${ORDER}/checkout`, { coupons: ['c2'], choose: true }));
    await waitFor(() => expect(screen.getByTestId('checkout-due').textContent).toBe('320.00'));
    expect(screen.getByLabelText('钱包支付')).toHaveValue('320');
    expect(screen.getByTestId('checkout-rest').textContent).toBe('还需支付 0.00 元');

    fireEvent.click(screen.getByText('确认支付'));
    await waitFor(() => expect(onPaid).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${ORDER}/payments`, { coupons: ['c2'], walletFen: 32000, points: 0 }, expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(screen.getByRole('status').textContent).toBe('工单 WX-TH-00001 已支付。');
  });

  it('shows the server’s words when a choice cannot be used, and keeps 确认支付 off while something is left for the desk', async () => {
    const refused = new ApiError(422, { type: 'https://m4s.dev/problems/coupon-not-combinable', detail: '工时8折 不能与 满300减50 同时使用' }, 'zh-CN');
    const get = vi.fn((_path: string, query?: Record<string, unknown>) => (query?.choose ? Promise.reject(refused) : Promise.resolve(quote as never)));
    renderWithAuth(
      <OwnerCheckout store="gz_tianhe" order={{ id: 'o1', dmsNumber: 'WX-TH-00001', advisor: null, settledAt: null, totalFen: 40000 }} onPaid={vi.fn()} onClose={vi.fn()} />,
      { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }) },
    );
    fireEvent.change(await screen.findByLabelText('钱包支付'), { target: { value: '300' } });
    expect(screen.getByTestId('checkout-rest').textContent).toBe('还需支付 50.00 元');
    expect(screen.getByText('还差 50.00 元：应用内只能用钱包和积分支付，其余请到前台支付。')).toBeInTheDocument();
    expect(screen.getByText('确认支付')).toBeDisabled();
    fireEvent.change(screen.getByLabelText('积分抵扣'), { target: { value: '5000' } });
    expect(screen.getByText('钱包或积分超出了可用数额。')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('工时8折'));
    expect((await screen.findByTestId('checkout-choice-problem')).textContent).toBe('工时8折 不能与 满300减50 同时使用');
    expect(screen.getByText('确认支付')).toBeDisabled();
  });
});

describe('待支付', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists the orders waiting to be paid; 去支付 opens the order’s checkout sheet', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path.endsWith('/me/payables') ? [{ id: 'o1', dmsNumber: 'WX-TH-00001', advisor: '李顾问', settledAt: null, totalFen: 40000 }] : quote) as never,
      ),
    );
    renderWithAuth(<MyPayables />, { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }) });
    expect(await screen.findByText('工单 WX-TH-00001')).toBeInTheDocument();
    expect(screen.getByText('400.00')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去支付'));
    expect((await screen.findByTestId('checkout-explanation')).textContent).toBe('用 满300减50 比 单用 工时8折 多省 10.00 元');
    expect(get).toHaveBeenCalledWith(`${ORDER}/checkout`, undefined, expect.anything());
  });
});

describe('the owner’s consumption records', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists the split and status, and confirms a desk payment after asking once more', async () => {
    const row: PaymentRow = {
      id: 'p1', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', subjectType: 'DESK_CHARGE', subjectId: null, subjectRef: '洗车',
      channel: 'DESK', status: 'PENDING_CONFIRMATION', grossFen: 5000, couponFen: 0, walletFen: 0, pointsUsed: 0, cashFen: 5000, cashMethod: 'CASH',
      onlineFen: 0, onlineMethod: null, disputed: false,
      pointsMultiplier: 1, bonusPoints: 0, refundedFen: 0, takenBy: 'advisor.li', confirmedBy: null, confirmedAt: null, businessDate: '2026-12-04',
      createdAt: '2026-12-04T02:00:00Z', note: null, allowed: ['CONFIRM'], version: 0,
    };
    const get = vi.fn().mockResolvedValue({ content: [row], page: 0, size: 50, totalElements: 1, totalPages: 1 });
    const post = vi.fn().mockResolvedValue({});
    renderWithAuth(<MyPayments />, { auth: fakeAuth({ api: fakeApi({ get, post }), claims: claims(['owner']) }) });
    expect(await screen.findByText('优惠券 0.00 · 钱包 0.00 · 积分 0 · 现金 50.00')).toBeInTheDocument();
    expect(screen.getByText('待确认')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认'));
    expect(screen.getByText('确认您已在前台支付 50.00 元（经办：advisor.li）？')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('确认无误'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/payments/p1/confirmation', undefined, undefined, 0));
  });
});
