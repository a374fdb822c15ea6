import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentRow, PaymentView } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { OnlinePart, PaymentRefundDialog, PaymentStatusTags, RefundOnline, StripeCheckButton, StripeNotifications } from './PaymentDrawer';

const PATH = '/api/stores/gz_tianhe/payments/p1';
const row: PaymentRow = {
  id: 'p1', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', subjectType: 'REPAIR_ORDER', subjectId: 'o1', subjectRef: 'WX-TH-00001',
  channel: 'APP', status: 'AWAITING_ONLINE', grossFen: 50000, couponFen: 5000, walletFen: 25000, pointsUsed: 0, cashFen: 0, cashMethod: null,
  onlineFen: 20000, onlineMethod: 'ALIPAY', disputed: false,
  pointsMultiplier: 1, bonusPoints: 0, refundedFen: 0, takenBy: 'owner.13800138001', confirmedBy: null, confirmedAt: null,
  businessDate: '2026-12-04', createdAt: '2026-12-04T02:00:00Z', note: null, allowed: [], version: 1,
};
const online = {
  method: 'ALIPAY' as const, amountFen: 20000, status: 'REQUIRES_ACTION' as const, intentId: 'pi_3Abc', actionType: 'alipay_handle_redirect',
  qrData: null, qrImage: null, redirectUrl: 'https://stripe.test/alipay', failureCode: null, failureMessage: null, settledAt: null,
};
const waiting: PaymentView = { payment: row, coupons: [], refunds: [], refundableFen: 0, online, webhooks: [] };

describe('a payment’s online part in the console', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the method, where it is at Stripe, the intent and why it failed', () => {
    renderWithAuth(<OnlinePart online={{ ...online, status: 'FAILED', failureCode: 'payment_declined', failureMessage: 'The payment was declined' }} />);
    expect(screen.getByText('支付宝')).toBeInTheDocument();
    expect(screen.getByText('失败')).toBeInTheDocument();
    expect(screen.getByText('pi_3Abc')).toBeInTheDocument();
    expect(screen.getByText('200.00')).toBeInTheDocument();
    expect(screen.getByText('The payment was declined (payment_declined)')).toBeInTheDocument();
  });

  it('says when the owner paid after the payment had failed and the money went back', () => {
    renderWithAuth(<OnlinePart online={{ ...online, status: 'FAILED', lateReturn: 'SUCCEEDED' }} />);
    expect(screen.getByText('超时后到账')).toBeInTheDocument();
    expect(screen.getByText('已退')).toBeInTheDocument();
    expect(screen.getByText('支付关闭后车主仍完成了付款，200.00 元已原路退回，本次收款仍为失败。')).toBeInTheDocument();
  });

  it('lists the Stripe notifications with their effect in words, folded until opened', async () => {
    renderWithAuth(
      <StripeNotifications
        webhooks={[
          { eventId: 'evt_1', type: 'payment_intent.requires_action', effect: 'MOVED', receivedAt: '2026-12-04T02:00:05Z' },
          { eventId: 'evt_2', type: 'payment_intent.payment_failed', effect: 'RELEASED', receivedAt: '2026-12-04T02:03:00Z' },
          { eventId: 'evt_3', type: 'charge.dispute.created', effect: 'SOMETHING_NEW', receivedAt: '2026-12-04T02:04:00Z' },
        ]}
      />,
    );
    expect(screen.queryByText('payment_intent.payment_failed')).toBeNull();
    fireEvent.click(screen.getByText('Stripe 通知（3）'));
    expect(await screen.findByText('支付失败，占用的优惠券、钱包和积分已退回')).toBeInTheDocument();
    expect(screen.getByText('支付进度更新')).toBeInTheDocument();
    expect(screen.getByText('payment_intent.payment_failed')).toBeInTheDocument();
    // an effect without words yet shows as the server wrote it
    expect(screen.getByText('SOMETHING_NEW')).toBeInTheDocument();
  });

  it('tags a disputed payment and each refund’s online status', () => {
    renderWithAuth(
      <>
        <PaymentStatusTags payment={{ ...row, status: 'PARTLY_REFUNDED', disputed: true }} />
        <RefundOnline refund={{ id: 'r1', amountFen: 10000, cashFen: 0, walletFen: 5455, pointsReturned: 0, onlineFen: 4545, onlineStatus: 'PENDING', earnedPointsReversed: 0, couponsRestored: 0, reason: '退一项', createdBy: 'manager', createdAt: '2026-12-04T03:00:00Z' }} />
        <RefundOnline refund={{ id: 'r2', amountFen: 100, cashFen: 0, walletFen: 0, pointsReturned: 0, onlineFen: 100, onlineStatus: 'FAILED', earnedPointsReversed: 0, couponsRestored: 0, reason: '退一项', createdBy: 'manager', createdAt: '2026-12-04T03:00:00Z' }} />
      </>,
    );
    expect(screen.getByText('部分退款')).toBeInTheDocument();
    expect(screen.getByText('争议')).toBeInTheDocument();
    expect(screen.getByText('45.45')).toBeInTheDocument();
    expect(screen.getByText('退款中')).toBeInTheDocument();
    expect(screen.getByText('失败')).toBeInTheDocument();
  });

  it('offers 向 Stripe 查询 to who takes payments while the payment waits, and hands on the answer', async () => {
    const after = { ...waiting, payment: { ...row, status: 'CONFIRMED' as const }, online: { ...online, status: 'SUCCEEDED' as const } };
    const post = vi.fn().mockResolvedValue(after);
    const onChecked = vi.fn();
    renderWithAuth(
      <App>
        <StripeCheckButton path={PATH} view={waiting} onChecked={onChecked} onError={vi.fn()} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ post }) }), permissions: ['PAYMENT_VIEW', 'PAYMENT_TAKE'] },
    );
    fireEvent.click(screen.getByText('向 Stripe 查询'));
    await waitFor(() => expect(onChecked).toHaveBeenCalledWith(after));
    expect(post).toHaveBeenCalledWith(`${PATH}/check`);
    expect(await screen.findByText('已向 Stripe 查询：已支付')).toBeInTheDocument();
  });

  it('has no 向 Stripe 查询 for who may only read, nor once the payment is settled', () => {
    const { unmount } = renderWithAuth(<StripeCheckButton path={PATH} view={waiting} onChecked={vi.fn()} onError={vi.fn()} />, { permissions: ['PAYMENT_VIEW'] });
    expect(screen.queryByText('向 Stripe 查询')).toBeNull();
    unmount();
    renderWithAuth(<StripeCheckButton path={PATH} view={{ ...waiting, payment: { ...row, status: 'CONFIRMED' } }} onChecked={vi.fn()} onError={vi.fn()} />, {
      permissions: ['PAYMENT_VIEW', 'PAYMENT_TAKE'],
    });
    expect(screen.queryByText('向 Stripe 查询')).toBeNull();
  });

  it('says in the refund dialog that the online share goes back through Stripe', async () => {
    const paid: PaymentView = { ...waiting, payment: { ...row, status: 'CONFIRMED', allowed: ['REFUND'] }, refundableFen: 45000 };
    renderWithAuth(
      <App>
        <PaymentRefundDialog view={paid} path={PATH} onClose={vi.fn()} onRefunded={vi.fn()} />
      </App>,
    );
    expect((await screen.findByTestId('refund-online-hint')).textContent).toBe('本单有在线支付 200.00 元（支付宝）：其中按比例的部分将经 Stripe 原路退回，到账可能需要几天。');
  });

  it('warns in the refund dialog of a wallet top-up that the money comes out of the wallet, and not for an order', async () => {
    const topUp: PaymentView = {
      ...waiting,
      payment: { ...row, subjectType: 'WALLET_TOP_UP', subjectId: null, subjectRef: '钱包充值', grossFen: 20000, couponFen: 0, walletFen: 0, status: 'CONFIRMED', allowed: ['REFUND'] },
      refundableFen: 20000,
    };
    const { unmount } = renderWithAuth(
      <App>
        <PaymentRefundDialog view={topUp} path={PATH} onClose={vi.fn()} onRefunded={vi.fn()} />
      </App>,
    );
    expect((await screen.findByTestId('refund-top-up-hint')).textContent).toBe('这是车主在 App 中的钱包充值：退款金额连同相应比例的赠送金额将从其钱包扣回；钱包余额不足时不能退款。');
    unmount();
    renderWithAuth(
      <App>
        <PaymentRefundDialog view={{ ...waiting, payment: { ...row, status: 'CONFIRMED', allowed: ['REFUND'] }, refundableFen: 45000 }} path={PATH} onClose={vi.fn()} onRefunded={vi.fn()} />
      </App>,
    );
    await screen.findByTestId('refund-online-hint');
    expect(screen.queryByTestId('refund-top-up-hint')).toBeNull();
  });

  it('shows how the amount typed would be shared, as the server works it out, and repeats it in the confirmation', async () => {
    const paid: PaymentView = { ...waiting, payment: { ...row, status: 'CONFIRMED', allowed: ['REFUND'] }, refundableFen: 45000 };
    const get = vi.fn((_path: string, query?: Record<string, unknown>) =>
      Promise.resolve(
        query?.amountFen === 45000
          ? { amountFen: 45000, cashFen: 0, walletFen: 25000, pointsReturned: 0, onlineFen: 20000, onlineMethod: 'ALIPAY', restoresCoupons: true }
          : { amountFen: 10000, cashFen: 0, walletFen: 5556, pointsReturned: 0, onlineFen: 4444, onlineMethod: 'ALIPAY', restoresCoupons: false },
      ),
    );
    renderWithAuth(
      <App>
        <PaymentRefundDialog view={paid} path={PATH} onClose={vi.fn()} onRefunded={vi.fn()} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ get: get as never }) }) },
    );
    expect((await screen.findByTestId('refund-preview')).textContent).toBe('将退回：钱包 250.00 元，支付宝原路退回 200.00 元；全额退款，优惠券将恢复（仍在有效期内的）');
    expect(get).toHaveBeenCalledWith(`${PATH}/refund-preview`, { amountFen: 45000 }, expect.any(AbortSignal));
    fireEvent.change(screen.getByLabelText('退款金额'), { target: { value: '100' } });
    await waitFor(() => expect(screen.getByTestId('refund-preview').textContent).toBe('将退回：钱包 55.56 元，支付宝原路退回 44.44 元'));
    fireEvent.change(screen.getByLabelText('退款原因'), { target: { value: '退一项' } });
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText(/将向 张三 13800138001 退款 100.00 元，退款后不可撤销。 将退回：钱包 55.56 元，支付宝原路退回 44.44 元$/)).toBeInTheDocument();
  });
});
