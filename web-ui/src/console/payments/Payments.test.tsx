import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckoutQuote, MemberSummary, PaymentDayTotal, PaymentRow, PaymentView } from '../../api/types';
import i18n from '../../i18n';
import { button } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberPayments } from './MemberPayments';
import { PaymentDrawer, PaymentRefundDialog } from './PaymentDrawer';
import { PaymentList, PaymentTotals } from './PaymentList';
import { TakePaymentDialog } from './TakePaymentDialog';

// the chart is not under test here; ECharts would only slow the test down
vi.mock('../../antd/LazyChart', () => ({ LazyChart: () => null }));

const BASE = '/api/stores/gz_tianhe';
const row: PaymentRow = {
  id: 'p1', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', subjectType: 'REPAIR_ORDER', subjectId: 'o1', subjectRef: 'WX-TH-00001',
  channel: 'DESK', status: 'CONFIRMED', grossFen: 50000, couponFen: 5000, walletFen: 20000, pointsUsed: 1000, cashFen: 24000, cashMethod: 'WECHAT_QR',
  onlineFen: 0, onlineMethod: null, disputed: false,
  pointsMultiplier: 1, bonusPoints: 0, refundedFen: 0, takenBy: 'advisor.li', confirmedBy: 'advisor.li', confirmedAt: '2026-12-04T02:00:00Z',
  businessDate: '2026-12-04', createdAt: '2026-12-04T02:00:00Z', note: null, allowed: ['REFUND'], version: 1,
};
const total: PaymentDayTotal = {
  businessDate: '2026-12-04', takenBy: 'advisor.li', payments: 3, grossFen: 150000, couponFen: 5000, walletFen: 20000, pointsUsed: 1000, cashFen: 124000,
  cashByMethod: { CASH: 100000, CARD: 0, WECHAT_QR: 24000, ALIPAY_QR: 0 }, onlineFen: 6000, refundedFen: 3000, pending: 1,
};

describe('收款对账', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows each day and advisor’s totals: payments, gross, coupons, wallet, points, cash by method, online, refunded, pending', async () => {
    const other: PaymentDayTotal = { ...total, takenBy: 'advisor.wang', payments: 1, grossFen: 10000, couponFen: 0, walletFen: 0, pointsUsed: 0, cashFen: 10000, cashByMethod: { CASH: 0, CARD: 10000, WECHAT_QR: 0, ALIPAY_QR: 0 }, onlineFen: 0, refundedFen: 0, pending: 0 };
    renderWithAuth(<PaymentTotals rows={[total, other]} loading={false} />);
    const totalRow = (await screen.findByText('advisor.li')).closest('tr')!;
    expect([...totalRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '2026-12-04', 'advisor.li', '3', '1,500.00', '50.00', '200.00', '1,000', '1,000.00', '0.00', '240.00', '0.00', '1,240.00', '60.00', '30.00', '1',
    ]);
    expect([...screen.getByTestId('payment-totals-sum').querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '合计', '4', '1,600.00', '50.00', '200.00', '1,000', '1,000.00', '100.00', '240.00', '0.00', '1,340.00', '60.00', '30.00', '1',
    ]);
  });

  it('shows each day and advisor’s totals and the payments of the filters, both asked with the same business days', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path.endsWith('/payments/totals')
          ? [total]
          : path.endsWith('/payment-settings')
            ? { pointsAccepted: true, pointsMaxPercent: 50, version: 0 }
            : { content: [row], page: 0, size: 20, totalElements: 1, totalPages: 1 }) as never,
      ),
    );
    renderWithAuth(
      <App>
        <PaymentList />
      </App>,
      {
        auth: fakeAuth({ api: fakeApi({ get }) }),
        path: '/console/gz_tianhe/payments?from=2026-12-04&to=2026-12-04&status=CONFIRMED',
        route: '/console/:store/payments',
        permissions: ['PAYMENT_VIEW'],
      },
    );
    expect(await screen.findByText('张三 13800138001')).toBeInTheDocument();
    const listRow = screen.getByText('张三 13800138001').closest('tr')!;
    expect(within(listRow).getByText('240.00（微信收款码）')).toBeInTheDocument();
    expect(within(listRow).getByText('工单 WX-TH-00001')).toBeInTheDocument();
    expect(within(screen.getByTestId('payment-totals')).getByText('advisor.li')).toBeInTheDocument();
    expect(screen.getByTestId('payment-settings-text').textContent).toBe('积分可抵扣，最多抵扣应付金额的 50%（100 积分 = 1 元）。');
    const filters = { from: '2026-12-04', to: '2026-12-04', status: 'CONFIRMED' };
    expect(get).toHaveBeenCalledWith(`${BASE}/payments/totals`, { ...filters, takenBy: '', channel: '', search: '' }, expect.anything());
    expect(get).toHaveBeenCalledWith(`${BASE}/payments`, expect.objectContaining({ ...filters, page: 0, size: 20, sort: 'createdAt,desc' }), expect.anything());
    // who may only read sees neither the desk's entry nor a settings form
    expect(screen.queryByText('登记收款')).toBeNull();
    expect(screen.queryByText('保存收款设置')).toBeNull();
  });

  it('shows a member’s consumption records on their page, asked with the member', async () => {
    const get = vi.fn().mockResolvedValue({ content: [row], page: 0, size: 10, totalElements: 1, totalPages: 1 });
    renderWithAuth(<MemberPayments store="gz_tianhe" member={{ id: 'm-1', name: '张三', phone: '13800138001' }} />, {
      auth: fakeAuth({ api: fakeApi({ get }) }),
      permissions: ['PAYMENT_VIEW'],
    });
    const listRow = (await screen.findByText('工单 WX-TH-00001')).closest('tr')!;
    expect(within(listRow).getByText('240.00（微信收款码）')).toBeInTheDocument();
    expect(within(listRow).getByText('已确认')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${BASE}/payments`, { member: 'm-1', page: 0, size: 10, sort: 'createdAt,desc' }, expect.anything());
    expect(screen.queryByText('登记收款')).toBeNull();
  });

  it('opens a payment waiting for confirmation; 确认收款 sends the version read, and 退款 is not offered yet', async () => {
    const pending: PaymentView = {
      payment: { ...row, status: 'PENDING_CONFIRMATION', allowed: ['CONFIRM'], confirmedBy: null, confirmedAt: null, version: 4 },
      coupons: [{ memberCouponId: 'c1', name: '满300减50', discountFen: 5000 }],
      refunds: [],
      refundableFen: 0,
      webhooks: [],
    };
    const get = vi.fn().mockResolvedValue(pending);
    const post = vi.fn().mockResolvedValue({ ...pending, payment: { ...pending.payment, status: 'CONFIRMED' } });
    const onChanged = vi.fn();
    renderWithAuth(
      <App>
        <PaymentDrawer store="gz_tianhe" id="p1" onClose={vi.fn()} onChanged={onChanged} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ get, post }) }), permissions: ['PAYMENT_VIEW', 'PAYMENT_TAKE', 'PAYMENT_REFUND'] },
    );
    expect(await screen.findByText('满300减50：抵扣 50.00 元')).toBeInTheDocument();
    expect(screen.getByText('待确认')).toBeInTheDocument();
    expect(screen.queryByText('退款')).toBeNull();
    fireEvent.click(button('确认收款'));
    fireEvent.click(button('确认收款', await waitFor(() => document.querySelector<HTMLElement>('.ant-popover')!)));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/payments/p1/confirmation`, undefined, undefined, 4);
  });

  it('refunds an amount with the reason only after the second step, with the dialog’s Idempotency-Key', async () => {
    const view: PaymentView = { payment: row, coupons: [], refunds: [], refundableFen: 45000, webhooks: [] };
    const after: PaymentView = {
      ...view,
      refundableFen: 15000,
      refunds: [{ id: 'r1', amountFen: 30000, cashFen: 16000, walletFen: 13333, pointsReturned: 667, onlineFen: 0, onlineStatus: null, earnedPointsReversed: 300, couponsRestored: 0, reason: '退一项工时', createdBy: 'manager', createdAt: '2026-12-04T03:00:00Z' }],
    };
    const post = vi.fn().mockResolvedValue(after);
    const onRefunded = vi.fn();
    const onClose = vi.fn();
    renderWithAuth(
      <App>
        <PaymentRefundDialog view={view} path={`${BASE}/payments/p1`} onClose={onClose} onRefunded={onRefunded} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ post }) }) },
    );
    expect(await screen.findByText(/^可退金额 450.00 元/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('退款金额'), { target: { value: '300' } });
    fireEvent.change(screen.getByLabelText('退款原因'), { target: { value: '退一项工时' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('将向 张三 13800138001 退款 300.00 元，退款后不可撤销。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认退款'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/payments/p1/refunds`, { amountFen: 30000, reason: '退一项工时' }, expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(onRefunded).toHaveBeenCalledWith(after);
    expect(
      await screen.findByText('已退款 300.00 元。 退现金 160.00 元，退回钱包 133.33 元，退回积分 667，在线退回 0.00 元，扣回所得积分 300，恢复优惠券 0 张'),
    ).toBeInTheDocument();
  });
});

describe('登记收款', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('works out a desk charge from the checkout sheet, re-asks when the coupons change, and posts the split once confirmed', async () => {
    const member = { id: 'm-1', name: '张三', phone: '13800138001' } as MemberSummary;
    const sheet: CheckoutQuote = {
      subjectType: 'DESK_CHARGE', subjectId: null, subjectRef: '洗车', lines: [{ id: 'd', kind: 'OTHER', description: '洗车', amountFen: 30000 }], grossFen: 30000,
      recommended: { coupons: [{ memberCouponId: 'c1', name: '满200减50', discountFen: 5000 }], savingFen: 5000, pointsMultiplier: 1, dueFen: 25000 },
      explanation: '用 满200减50 省 50.00 元', chosen: null,
      held: [{ memberCouponId: 'c1', name: '满200减50', kind: 'THRESHOLD', validUntil: '2026-12-31', recommended: true, notUsedReason: null, notUsedText: null }],
      walletFen: 0, pointsAvailable: 0, pointsAccepted: false, pointsMax: 0,
    };
    const get = vi.fn((_path: string, query?: Record<string, unknown>) =>
      Promise.resolve((query?.choose ? { ...sheet, chosen: { coupons: [], savingFen: 0, pointsMultiplier: 1, dueFen: 30000 } } : sheet) as never),
    );
    const post = vi.fn().mockResolvedValue({ payment: { ...row, status: 'CONFIRMED', grossFen: 30000, couponFen: 0 }, coupons: [], refunds: [], refundableFen: 30000 });
    const onDone = vi.fn();
    renderWithAuth(
      <App>
        <TakePaymentDialog open store="gz_tianhe" member={member} onClose={vi.fn()} onDone={onDone} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ get, post }) }), permissions: ['PAYMENT_VIEW', 'PAYMENT_TAKE'] },
    );
    fireEvent.click(await screen.findByLabelText('前台收费'));
    fireEvent.change(await screen.findByLabelText('收费项目'), { target: { value: '洗车' } });
    fireEvent.change(screen.getByLabelText('金额（元）'), { target: { value: '300' } });
    expect((await screen.findByTestId('checkout-explanation')).textContent).toBe('用 满200减50 省 50.00 元');
    expect(get).toHaveBeenCalledWith(`${BASE}/members/m-1/checkout`, { description: '洗车', amountFen: 30000 }, expect.anything());
    expect(screen.getByLabelText(/^满200减50/)).toBeChecked();
    await waitFor(() => expect(screen.getByTestId('checkout-rest').textContent).toBe('还需支付 0.00 元'));

    fireEvent.click(screen.getByLabelText(/^满200减50/));
    await waitFor(() => expect(get).toHaveBeenLastCalledWith(`${BASE}/members/m-1/checkout`, { description: '洗车', amountFen: 30000, coupons: [], choose: true }));
    await waitFor(() => expect(screen.getByTestId('checkout-rest').textContent).toMatch(/^还需支付 50.00 元/));
    fireEvent.click(button('剩余用现金'));
    await waitFor(() => expect(screen.getByTestId('checkout-rest').textContent).toBe('还需支付 0.00 元'));
    fireEvent.click(screen.getByLabelText('微信收款码'));
    fireEvent.click(screen.getByLabelText('当面确认'));
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('向 张三 13800138001 收取「洗车」：应付 300.00 元（优惠券已抵扣 0.00 元），钱包 0.00 元，积分 0，现金 300.00 元（微信收款码）。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认收款', document.querySelector<HTMLElement>('.ant-modal-footer')!));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(
      `${BASE}/payments`,
      { memberId: 'm-1', description: '洗车', amountFen: 30000, coupons: [], walletFen: 0, points: 0, cashFen: 30000, cashMethod: 'WECHAT_QR', confirmedInPerson: true, note: undefined },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
  });
});
