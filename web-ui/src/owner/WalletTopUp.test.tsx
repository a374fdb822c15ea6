import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { browser } from './OnlinePayment';
import { bonusFor, WalletTopUp } from './WalletTopUp';

const TIERS = [
  { minTopUp: 50000, bonus: 5000 },
  { minTopUp: 100000, bonus: 15000 },
];
const payment = {
  id: 'p-top', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', subjectType: 'WALLET_TOP_UP' as const, subjectId: null, subjectRef: '钱包充值',
  channel: 'APP' as const, status: 'AWAITING_ONLINE' as const, grossFen: 100000, couponFen: 0, walletFen: 0, pointsUsed: 0, cashFen: 0, cashMethod: null,
  onlineFen: 100000, onlineMethod: 'WECHAT_PAY' as const, disputed: false, pointsMultiplier: 1, bonusPoints: 0, refundedFen: 0,
  takenBy: 'owner.13800138001', confirmedBy: null, confirmedAt: null, businessDate: '2026-12-04', createdAt: '2026-12-04T02:00:00Z', note: null, allowed: [], version: 0,
};
const online = {
  method: 'WECHAT_PAY' as const, amountFen: 100000, status: 'REQUIRES_ACTION' as const, intentId: 'pi_1', actionType: 'wechat_pay_display_qr_code',
  qrData: 'weixin://wxpay/bizpayurl?pr=test', qrImage: 'data:image/png;base64,iVBORw0KGgo=', redirectUrl: null, failureCode: null, failureMessage: null, settledAt: null,
};
const waitingView: PaymentView = { payment, coupons: [], refunds: [], refundableFen: 0, online, webhooks: [] };

function owner(api: Parameters<typeof fakeApi>[0]) {
  return { auth: fakeAuth({ api: fakeApi(api), claims: claims(['owner']) }) };
}

describe('topping up the wallet online', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the bonus of the highest tier met, as the store does', () => {
    expect([bonusFor(TIERS, 49999), bonusFor(TIERS, 50000), bonusFor(TIERS, 99999), bonusFor(TIERS, 200000), bonusFor([], 200000)]).toEqual([0, 5000, 5000, 15000, 0]);
  });

  it('takes a tier with one tap, says what arrives with its bonus, and pays it by WeChat Pay with the return address', async () => {
    const post = vi.fn().mockResolvedValue(waitingView);
    renderWithAuth(<WalletTopUp store="gz_tianhe" methods={['WECHAT_PAY', 'ALIPAY']} tiers={TIERS} onSettled={vi.fn()} intervalMs={60_000} />, owner({ post }));
    expect(screen.getByText('去支付')).toBeDisabled();
    fireEvent.click(screen.getByText('充 1,000.00 送 150.00'));
    expect(screen.getByLabelText('充值金额（元）')).toHaveValue('1000');
    expect(screen.getByTestId('top-up-arrives').textContent).toBe('到账 1,150.00 元（含赠送 150.00 元）');
    expect(screen.getByText('去支付 1,000.00 元')).toBeDisabled();
    fireEvent.click(screen.getByLabelText('微信支付'));
    fireEvent.click(screen.getByText('去支付 1,000.00 元'));
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/me/wallet/top-ups',
      { amountFen: 100000, onlineMethod: 'WECHAT_PAY', returnUrl: `${window.location.origin}/app/pay/return/top-up` },
      expect.any(String),
    );
    expect(await screen.findByTestId('wechat-qr')).toBeInTheDocument();
  });

  it('refuses an amount out of range before asking, and sends the owner to Alipay for an Alipay top-up', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const alipay = { ...waitingView, online: { ...online, method: 'ALIPAY' as const, qrData: null, qrImage: null, redirectUrl: 'https://stripe.test/authorize/pi_1' } };
    const post = vi.fn().mockResolvedValue(alipay);
    renderWithAuth(<WalletTopUp store="gz_tianhe" methods={['ALIPAY']} tiers={[]} onSettled={vi.fn()} />, owner({ post }));
    fireEvent.change(screen.getByLabelText('充值金额（元）'), { target: { value: '0.5' } });
    expect(screen.getByRole('alert').textContent).toBe('充值金额须在 1.00 元到 50,000.00 元之间');
    expect(screen.getByText('去支付')).toBeDisabled();
    fireEvent.change(screen.getByLabelText('充值金额（元）'), { target: { value: '300' } });
    expect(screen.getByTestId('top-up-arrives').textContent).toBe('到账 300.00 元');
    fireEvent.click(screen.getByText('去支付 300.00 元'));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://stripe.test/authorize/pi_1'));
    expect(post.mock.calls[0]?.[1]).toEqual({ amountFen: 30000, onlineMethod: 'ALIPAY', returnUrl: `${window.location.origin}/app/pay/return/top-up` });
    expect(sessionStorage.getItem('m4s.pay.online.top-up')).toBe('p-top');
  });
});
