import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { CheckoutQuote, PaymentRow, PaymentView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { browser, OnlinePaymentFlow, PaymentOutcome } from './OnlinePayment';
import { MyPayables } from './MyPayables';
import { MyPayments } from './MyPayments';
import { OwnerCheckout } from './OwnerCheckout';
import { PaymentReturn } from './PaymentReturn';

const ME = '/api/stores/gz_tianhe/me';
const ORDER = { id: 'o1', dmsNumber: 'WX-TH-00001', advisor: null, settledAt: null, totalFen: 40000 };
const quote: CheckoutQuote = {
  subjectType: 'REPAIR_ORDER', subjectId: 'o1', subjectRef: 'WX-TH-00001',
  lines: [{ id: 'l1', kind: 'LABOUR', description: '更换机油', amountFen: 40000 }],
  grossFen: 40000,
  recommended: { coupons: [{ memberCouponId: 'c1', name: '满300减50', discountFen: 5000 }], savingFen: 5000, pointsMultiplier: 1, dueFen: 35000 },
  explanation: '用 满300减50 最省',
  chosen: null,
  held: [{ memberCouponId: 'c1', name: '满300减50', kind: 'THRESHOLD', validUntil: '2026-12-31', recommended: true, notUsedReason: null, notUsedText: null }],
  walletFen: 30000, pointsAvailable: 0, pointsAccepted: false, pointsMax: 0,
};
const row: PaymentRow = {
  id: 'p9', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', subjectType: 'REPAIR_ORDER', subjectId: 'o1', subjectRef: 'WX-TH-00001',
  channel: 'APP', status: 'AWAITING_ONLINE', grossFen: 40000, couponFen: 5000, walletFen: 30000, pointsUsed: 0, cashFen: 0, cashMethod: null,
  onlineFen: 5000, onlineMethod: 'WECHAT_PAY', disputed: false,
  pointsMultiplier: 1, bonusPoints: 0, refundedFen: 0, takenBy: 'owner.13800138001', confirmedBy: null, confirmedAt: null, businessDate: '2026-12-04',
  createdAt: '2026-12-04T02:00:00Z', note: null, allowed: [], version: 0,
};
const online = {
  method: 'WECHAT_PAY' as const, amountFen: 5000, status: 'REQUIRES_ACTION' as const, intentId: 'pi_1', actionType: 'wechat_pay_display_qr_code',
  qrData: 'weixin://wxpay/bizpayurl?pr=test', qrImage: 'data:image/png;base64,iVBORw0KGgo=', redirectUrl: null, failureCode: null, failureMessage: null, settledAt: null,
};
const waitingView: PaymentView = {
  payment: row, coupons: [{ memberCouponId: 'c1', name: '满300减50', discountFen: 5000 }], refunds: [], refundableFen: 0, online, webhooks: [],
};
const paidView: PaymentView = {
  ...waitingView,
  payment: { ...row, status: 'CONFIRMED', confirmedAt: '2026-12-04T02:01:00Z' },
  online: { ...online, status: 'SUCCEEDED', settledAt: '2026-12-04T02:01:00Z' },
  refundableFen: 35000,
};
const failedView: PaymentView = {
  ...waitingView,
  payment: { ...row, status: 'FAILED' },
  online: { ...online, status: 'FAILED', failureCode: 'payment_intent_payment_attempt_failed', failureMessage: '付款人取消了支付' },
};

function owner(api: Parameters<typeof fakeApi>[0]) {
  return { auth: fakeAuth({ api: fakeApi(api), claims: claims(['owner']) }) };
}

describe('paying the rest of a checkout online', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('offers 微信支付 and 支付宝 only when the store lists them, and pays the rest by the chosen one with the return address', async () => {
    const get = vi.fn((path: string) => Promise.resolve((path.endsWith('/online-payment') ? { methods: ['WECHAT_PAY', 'ALIPAY'] } : quote) as never));
    const post = vi.fn().mockResolvedValue(waitingView);
    renderWithAuth(<OwnerCheckout store="gz_tianhe" order={ORDER} onPaid={vi.fn()} onClose={vi.fn()} intervalMs={60_000} />, owner({ get, post }));
    // wallet 300 of 350 due: 50 remain
    expect(await screen.findByLabelText('微信支付')).not.toBeChecked();
    expect(screen.getByLabelText('支付宝')).toBeInTheDocument();
    expect(screen.queryByText(/其余请到前台支付/)).toBeNull();
    expect(screen.getByText('请选择支付方式。')).toBeInTheDocument();
    expect(screen.getByText('确认支付')).toBeDisabled();

    fireEvent.click(screen.getByLabelText('微信支付'));
    expect(screen.getByText('其余 50.00 元在线支付。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认支付'));
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(
      `${ME}/repair-orders/o1/payments`,
      { coupons: ['c1'], walletFen: 30000, points: 0, onlineFen: 5000, onlineMethod: 'WECHAT_PAY', returnUrl: `${window.location.origin}/app/pay/return/o1` },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
    // the QR panel follows
    expect(await screen.findByAltText('微信支付二维码，金额 50.00 元')).toHaveAttribute('src', online.qrImage);
  });

  it('keeps today’s sheet when the store offers no online method: the rest is paid at the desk', async () => {
    const get = vi.fn((path: string) => Promise.resolve((path.endsWith('/online-payment') ? { methods: [] } : quote) as never));
    renderWithAuth(<OwnerCheckout store="gz_tianhe" order={ORDER} onPaid={vi.fn()} onClose={vi.fn()} />, owner({ get }));
    expect(await screen.findByText('还差 50.00 元：应用内只能用钱包和积分支付，其余请到前台支付。')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${ME}/online-payment`, undefined, expect.anything());
    expect(screen.queryByTestId('online-methods')).toBeNull();
    expect(screen.getByText('确认支付')).toBeDisabled();
  });

  it('sends the owner to Alipay, remembering the payment for the return page', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const alipay: PaymentView = { ...waitingView, payment: { ...row, onlineMethod: 'ALIPAY' }, online: { ...online, method: 'ALIPAY', actionType: 'alipay_handle_redirect', qrData: null, qrImage: null, redirectUrl: 'https://stripe.test/alipay/pi_1' } };
    const get = vi.fn((path: string) => Promise.resolve((path.endsWith('/online-payment') ? { methods: ['WECHAT_PAY', 'ALIPAY'] } : quote) as never));
    const post = vi.fn().mockResolvedValue(alipay);
    renderWithAuth(<OwnerCheckout store="gz_tianhe" order={ORDER} onPaid={vi.fn()} onClose={vi.fn()} />, owner({ get, post }));
    fireEvent.click(await screen.findByLabelText('支付宝'));
    fireEvent.click(screen.getByText('确认支付'));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://stripe.test/alipay/pi_1'));
    expect(screen.getByText('正在前往支付宝…')).toBeInTheDocument();
    expect(sessionStorage.getItem('m4s.pay.online.o1')).toBe('p9');
  });

  it('answers a payment already in progress with a way to open it', async () => {
    const pending = new ApiError(409, { type: 'https://m4s.dev/problems/repair-order-payment-pending', detail: '该工单有一笔支付正在等待' }, 'zh-CN');
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path.endsWith('/online-payment')
          ? { methods: ['WECHAT_PAY'] }
          : path.endsWith('/me/payments')
            ? { content: [{ ...row, id: 'p-other', subjectId: 'o2' }, row], page: 0, size: 50, totalElements: 2, totalPages: 1 }
            : path.endsWith('/payments/p9')
              ? waitingView
              : quote) as never,
      ),
    );
    const post = vi.fn().mockRejectedValue(pending);
    renderWithAuth(<OwnerCheckout store="gz_tianhe" order={ORDER} onPaid={vi.fn()} onClose={vi.fn()} intervalMs={60_000} />, owner({ get, post }));
    fireEvent.click(await screen.findByLabelText('微信支付'));
    fireEvent.click(screen.getByText('确认支付'));
    expect(await screen.findByText('这张工单有一笔支付还在进行中，请先完成或取消它。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('查看进行中的支付'));
    expect(await screen.findByText('请使用微信扫一扫')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${ME}/payments/p9`);
  });
});

describe('the WeChat QR panel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the code, the amount and a link for the phone, and follows the payment until it is paid', async () => {
    const get = vi.fn().mockResolvedValueOnce(waitingView).mockResolvedValue(paidView);
    const onSettled = vi.fn();
    renderWithAuth(<OnlinePaymentFlow store="gz_tianhe" paymentId="p9" initial={waitingView} intervalMs={10} onSettled={onSettled} />, owner({ get }));
    expect(screen.getByAltText('微信支付二维码，金额 50.00 元')).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(screen.getByText('支付金额 50.00 元')).toBeInTheDocument();
    expect(screen.getByText('请使用微信扫一扫')).toBeInTheDocument();
    expect(screen.getByText('在手机上打开')).toHaveAttribute('href', 'weixin://wxpay/bizpayurl?pr=test');
    expect(await screen.findByText('支付成功')).toBeInTheDocument();
    expect(get).toHaveBeenCalledTimes(2);
    expect(get).toHaveBeenCalledWith(`${ME}/payments/p9`);
    // the flow hears the settled payment in an effect after the render that shows it
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith(paidView));
  });

  it('opens no link Stripe did not hand out as a web page or WeChat’s scheme', () => {
    const odd: PaymentView = { ...waitingView, online: { ...online, qrData: 'javascript:alert(1)' } };
    renderWithAuth(<OnlinePaymentFlow store="gz_tianhe" paymentId="p9" initial={odd} intervalMs={60_000} />, owner({}));
    expect(screen.getByText('请使用微信扫一扫')).toBeInTheDocument();
    expect(screen.queryByText('在手机上打开')).toBeNull();
  });

  it('cancels only after the owner read that coupons, wallet and points come back', async () => {
    const post = vi.fn().mockResolvedValue({ ...failedView, online: { ...online, status: 'CANCELED' } });
    renderWithAuth(<OnlinePaymentFlow store="gz_tianhe" paymentId="p9" initial={waitingView} intervalMs={60_000} />, owner({ post }));
    fireEvent.click(screen.getByText('取消支付'));
    expect(screen.getByText('取消后优惠券、钱包和积分将退回')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('确认取消'));
    expect(await screen.findByText('支付未成功')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(`${ME}/payments/p9/cancel`);
    expect(screen.getByText('支付已取消。')).toBeInTheDocument();
  });

  it('stops asking while the page is hidden', async () => {
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const get = vi.fn().mockResolvedValue(paidView);
    renderWithAuth(<OnlinePaymentFlow store="gz_tianhe" paymentId="p9" initial={waitingView} intervalMs={5} />, owner({ get }));
    expect(screen.getByText('页面不在前台，已暂停刷新。')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(get).not.toHaveBeenCalled();
    hidden.mockReturnValue(false);
    fireEvent(document, new Event('visibilitychange'));
    expect(await screen.findByText('支付成功')).toBeInTheDocument();
    hidden.mockRestore();
  });
});

describe('the payment result', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows 支付成功 with the receipt: order, total, coupons, wallet, points, the online part with its method, the time', () => {
    renderWithAuth(<PaymentOutcome view={paidView} onDone={vi.fn()} />);
    expect(screen.getByText('支付成功')).toBeInTheDocument();
    const facts = [...screen.getByLabelText('支付凭证').querySelectorAll('dt, dd')].map((e) => e.textContent);
    expect(facts).toEqual([
      '工单', 'WX-TH-00001', '合计', '400.00', '优惠券', '50.00（满300减50）', '钱包', '300.00', '积分', '0 积分（0.00 元）', '在线支付', '50.00（微信支付）', '时间', expect.stringMatching(/2026/),
    ]);
  });

  it('shows 支付未成功 with the reason, that the held parts were returned, and 重新支付', () => {
    const onRetry = vi.fn();
    renderWithAuth(<PaymentOutcome view={failedView} onRetry={onRetry} />);
    expect(screen.getByText('支付未成功')).toBeInTheDocument();
    expect(screen.getByText('原因：付款人取消了支付')).toBeInTheDocument();
    expect(screen.getByText('本次使用的优惠券、钱包和积分已退回。')).toBeInTheDocument();
    expect(screen.queryByLabelText('支付凭证')).toBeNull();
    fireEvent.click(screen.getByText('重新支付'));
    expect(onRetry).toHaveBeenCalled();
  });

  it('tells the owner that money paid after the payment had closed goes back', () => {
    renderWithAuth(<PaymentOutcome view={{ ...failedView, online: { ...failedView.online!, lateReturn: 'PENDING' } }} />);
    expect(screen.getByTestId('late-return')).toHaveTextContent(/^您在支付关闭后完成的 .+ 元付款将原路退回，不会扣款。$/);
  });

  it('back from Alipay: finds the order’s payment, asks Stripe through the server, then shows the result', async () => {
    sessionStorage.removeItem('m4s.pay.online.o1');
    const get = vi.fn().mockResolvedValue({ content: [{ ...row, id: 'p-old', status: 'FAILED' }, { ...row, onlineMethod: 'ALIPAY' }], page: 0, size: 50, totalElements: 2, totalPages: 1 });
    const post = vi.fn().mockResolvedValue(paidView);
    renderWithAuth(<PaymentReturn />, { ...owner({ get, post }), path: '/app/pay/return/o1?payment_intent=pi_1&redirect_status=succeeded', route: '/app/pay/return/:orderId' });
    expect(await screen.findByText('支付成功')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(`${ME}/payments/p9/check`);
  });

  it('back from Alipay after a wallet top-up: finds the newest top-up, not an order’s payment', async () => {
    sessionStorage.removeItem('m4s.pay.online.top-up');
    const topUp = { ...row, id: 'p-top', subjectType: 'WALLET_TOP_UP' as const, subjectId: null, subjectRef: '钱包充值', onlineMethod: 'ALIPAY' as const };
    const get = vi.fn().mockResolvedValue({ content: [row, topUp], page: 0, size: 50, totalElements: 2, totalPages: 1 });
    const post = vi.fn().mockResolvedValue({ ...paidView, payment: { ...paidView.payment, ...topUp, status: 'CONFIRMED' } });
    renderWithAuth(<PaymentReturn />, { ...owner({ get, post }), path: '/app/pay/return/top-up?payment_intent=pi_2&redirect_status=succeeded', route: '/app/pay/return/:orderId' });
    expect(await screen.findByText('支付成功')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(`${ME}/payments/p-top/check`);
  });
});

describe('payments in progress in 待支付 and 消费记录', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('待支付 marks an order whose online payment waits and opens that payment instead of a new sheet', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path.endsWith('/me/payables')
          ? [ORDER, { ...ORDER, id: 'o2', dmsNumber: 'WX-TH-00002' }]
          : path.endsWith('/me/payments')
            ? { content: [row], page: 0, size: 50, totalElements: 1, totalPages: 1 }
            : waitingView) as never,
      ),
    );
    renderWithAuth(<MyPayables intervalMs={60_000} />, owner({ get }));
    expect(await screen.findByText('支付进行中')).toBeInTheDocument();
    expect(screen.getAllByText('去支付')).toHaveLength(1);
    fireEvent.click(screen.getByText('查看支付'));
    expect(await screen.findByText('请使用微信扫一扫')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${ME}/payments/p9`);
  });

  it('消费记录 shows the online part with its method, 等待支付 and 未成功, and opens a receipt', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path.endsWith('/me/payments')
          ? { content: [row, { ...row, id: 'p8', status: 'FAILED' }, { ...row, id: 'p7', status: 'CONFIRMED' }], page: 0, size: 50, totalElements: 3, totalPages: 1 }
          : paidView) as never,
      ),
    );
    renderWithAuth(<MyPayments />, owner({ get }));
    expect(await screen.findByText('等待支付')).toBeInTheDocument();
    expect(screen.getByText('未成功')).toBeInTheDocument();
    expect(screen.getAllByText('在线支付 50.00（微信支付）')).toHaveLength(3);
    expect(screen.getByText('继续支付')).toBeInTheDocument();
    fireEvent.click(screen.getAllByText('查看凭证')[1]!);
    expect(await screen.findByLabelText('支付凭证')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${ME}/payments/p7`, undefined, expect.anything());
  });
});

describe('paying by card through Stripe.js', () => {
  const cardView: PaymentView = {
    ...waitingView,
    payment: { ...row, onlineMethod: 'CARD', onlineFen: 10000 },
    online: { ...online, method: 'CARD', amountFen: 10000, actionType: null, qrData: null, qrImage: null },
  };
  const config = { clientSecret: 'pi_1_secret_abc', publishableKey: 'pk_test_fixture', account: 'acct_demo', jsUrl: 'https://js.stripe.test/v3/', amountFen: 10000 };

  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => {
    delete window.Stripe;
  });

  function fakeStripe(answer: { error?: { message?: string } }) {
    const confirmCardPayment = vi.fn().mockResolvedValue(answer);
    const mount = vi.fn((el: HTMLElement) => el.appendChild(document.createElement('input')));
    const Stripe = vi.fn(() => ({ elements: () => ({ create: () => ({ mount, destroy: vi.fn() }) }), confirmCardPayment }));
    window.Stripe = Stripe;
    return { Stripe, confirmCardPayment, mount };
  }

  it('mounts the card field on the dealer group’s account, pays with the intent’s secret, then asks the server', async () => {
    const { Stripe, confirmCardPayment, mount } = fakeStripe({});
    const get = vi.fn((path: string) => Promise.resolve((path.endsWith('/card') ? config : cardView) as never));
    const post = vi.fn().mockResolvedValue({ ...cardView, payment: { ...cardView.payment, status: 'CONFIRMED', confirmedAt: '2026-12-04T02:01:00Z' }, online: { ...cardView.online!, status: 'SUCCEEDED' } });
    renderWithAuth(<OnlinePaymentFlow store="gz_tianhe" paymentId="p9" initial={cardView} intervalMs={60_000} />, owner({ get, post }));
    await waitFor(() => expect(screen.getByText('支付 100.00 元')).toBeEnabled());
    fireEvent.click(screen.getByText('支付 100.00 元'));
    expect(Stripe).toHaveBeenCalledWith('pk_test_fixture', { stripeAccount: 'acct_demo' });
    expect(mount).toHaveBeenCalled();
    await waitFor(() => expect(confirmCardPayment).toHaveBeenCalledWith('pi_1_secret_abc', { payment_method: { card: expect.anything() } }));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${ME}/payments/p9/check`));
    expect(await screen.findByText('支付成功')).toBeInTheDocument();
  });

  it('says why a card was declined and still asks the server, which learns the payment failed', async () => {
    fakeStripe({ error: { message: 'Your card was declined.' } });
    const get = vi.fn((path: string) => Promise.resolve((path.endsWith('/card') ? config : cardView) as never));
    const post = vi.fn().mockResolvedValue(cardView);
    renderWithAuth(<OnlinePaymentFlow store="gz_tianhe" paymentId="p9" initial={cardView} intervalMs={60_000} />, owner({ get, post }));
    await waitFor(() => expect(screen.getByText('支付 100.00 元')).toBeEnabled());
    fireEvent.click(screen.getByText('支付 100.00 元'));
    expect(await screen.findByText('银行卡未能支付：Your card was declined.')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(`${ME}/payments/p9/check`);
  });
});
