import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { MallOrderRow, MallOrderView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton, findDialog, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MallOrderDrawer } from './MallOrderDrawer';
import { MallOrderList } from './MallOrderList';

const STORE = '/api/stores/gz_tianhe';
const MANAGER: Permission[] = ['CONSOLE_USE', 'MALL_VIEW', 'MALL_MANAGE', 'PAYMENT_REFUND'];
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);

const row: MallOrderRow = {
  id: 'm-1', number: 'SC2612040001', memberId: 'u-1', memberName: '张三', memberPhone: '13800000001', status: 'READY_FOR_PICKUP', fulfilment: 'PICKUP',
  grossFen: 25800, refundedFen: 0, items: 2, summary: '嘉实多极护机油 1L', createdAt: '2026-12-04T02:00:00Z',
};

function order(overrides: Partial<MallOrderView> = {}): MallOrderView {
  return {
    id: 'm-1', number: 'SC2612040001', memberId: 'u-1', memberName: '张三', memberPhone: '13800000001', status: 'READY_FOR_PICKUP', fulfilment: 'PICKUP',
    grossFen: 25800, refundedFen: 0, paymentId: 'pay-1', paymentStatus: 'CONFIRMED', couponFen: 0, walletFen: 20000, pointsUsed: 5800, onlineFen: 0,
    createdAt: '2026-12-04T02:00:00Z', paidAt: '2026-12-04T02:00:00Z', readyAt: '2026-12-04T03:00:00Z', allowed: ['COMPLETE', 'REFUND'], version: 2,
    lines: [{ id: 'l-1', skuId: 's-2', productName: '嘉实多极护机油', spec: '1L', quantity: 2, unitPriceFen: 12900, amountFen: 25800 }],
    ...overrides,
  };
}

function inApp(ui: ReactElement, api: ReturnType<typeof fakeApi>, path = '/console/gz_tianhe/mall-orders', permissions: Permission[] = MANAGER) {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path, route: '/console/:store/*', permissions });
}

describe('商城订单 in the console', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists orders with their state and sends the filters of the address', async () => {
    const get = vi.fn().mockResolvedValue({ content: [row], page: 0, size: 20, totalElements: 1, totalPages: 1 });
    inApp(<MallOrderList />, fakeApi({ get }), '/console/gz_tianhe/mall-orders?status=READY_FOR_PICKUP&fulfilment=PICKUP&search=13800000001&sort=grossFen,asc');
    const first = (await screen.findByText('SC2612040001')).closest('tr')!;
    expect(first).toHaveTextContent('张三 13800000001');
    expect(first).toHaveTextContent('待取货');
    expect(first).toHaveTextContent('到店自提');
    expect(first).toHaveTextContent('¥258.00');
    expect(get).toHaveBeenCalledWith(
      `${STORE}/mall-orders`,
      { status: 'READY_FOR_PICKUP', fulfilment: 'PICKUP', search: '13800000001', page: 0, size: 20, sort: 'grossFen,asc' },
      expect.anything(),
    );
  });

  it('hands a pick-up order over with the owner’s code, and shows mall-order-code-wrong when the code is wrong', async () => {
    const wrong = new ApiError(409, { type: 'https://m4s.dev/problems/mall-order-code-wrong', detail: '取货码不正确' }, 'zh-CN');
    const get = vi.fn().mockResolvedValue(order());
    const post = vi.fn().mockRejectedValueOnce(wrong).mockResolvedValue(order({ status: 'COMPLETED', allowed: ['REFUND'] }));
    inApp(<MallOrderDrawer store="gz_tianhe" id="m-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('取货核销'));
    // 备货完成 is not offered once it is ready; 退款 is
    expect(queryButton('备货完成')).toBeNull();
    expect(queryButton('退款')).not.toBeNull();
    const dialog = await findDialog('取货核销：订单 SC2612040001');
    fireEvent.change(screen.getByLabelText('取货码'), { target: { value: '123456' } });
    fireEvent.click(button('下一步', dialog));
    fireEvent.click(await findButton('确认核销', dialog));
    expect(await screen.findByText('取货码不正确')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(`${STORE}/mall-orders/m-1/pickup`, { code: '123456' }, KEY, 2);
  });

  it('marks a paid pick-up order ready after a confirmation, with the version read', async () => {
    const get = vi.fn().mockResolvedValue(order({ status: 'PAID', readyAt: null, allowed: ['READY', 'SCHEDULE', 'REFUND'] }));
    const post = vi.fn().mockResolvedValue(order());
    inApp(<MallOrderDrawer store="gz_tianhe" id="m-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('备货完成'));
    // an installation's booking is not offered for a pick-up order
    expect(queryButton('预约安装')).toBeNull();
    fireEvent.click(await findButton('确认备货完成'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/mall-orders/m-1/ready`, undefined, KEY, 2));
  });

  it('books an installation at the store’s wall clock with its repair order, after a confirmation', async () => {
    const get = vi.fn().mockResolvedValue(order({ status: 'PAID', fulfilment: 'INSTALLATION', readyAt: null, allowed: ['SCHEDULE', 'REFUND'] }));
    const post = vi.fn().mockResolvedValue(order({ status: 'SCHEDULED_FOR_INSTALLATION', fulfilment: 'INSTALLATION', installationAt: '2030-06-18T02:30:00Z', allowed: ['SCHEDULE', 'COMPLETE', 'REFUND'] }));
    inApp(<MallOrderDrawer store="gz_tianhe" id="m-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('预约安装'));
    // a pick-up's moves are not offered for an installation
    expect(queryButton('备货完成')).toBeNull();
    expect(queryButton('取货核销')).toBeNull();
    const dialog = await findDialog('预约安装：订单 SC2612040001');
    const at = screen.getByLabelText('安装时间');
    fireEvent.mouseDown(at);
    fireEvent.change(at, { target: { value: '2030-06-18 10:30' } });
    fireEvent.keyDown(at, { key: 'Enter', code: 'Enter' });
    fireEvent.change(screen.getByLabelText('工单号（选填）'), { target: { value: ' RO-20300618-07 ' } });
    fireEvent.click(button('下一步', dialog));
    // the store is in Asia/Shanghai: 10:30 there, whatever zone the browser is in
    expect(await screen.findByText(/订单 SC2612040001 预约在 .*10:30 到店安装/)).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(await findButton('确认预约', dialog));
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith(`${STORE}/mall-orders/m-1/schedule`, { at: '2030-06-18T02:30:00.000Z', repairOrderNumber: 'RO-20300618-07' }, KEY, 2),
    );
  });

  it('completes a fitted installation after a confirmation that names its repair order, which links to the repair orders', async () => {
    const scheduled = order({
      status: 'SCHEDULED_FOR_INSTALLATION',
      fulfilment: 'INSTALLATION',
      readyAt: null,
      installationAt: '2030-06-18T02:30:00Z',
      repairOrderNumber: 'RO-20300618-07',
      allowed: ['SCHEDULE', 'COMPLETE', 'REFUND'],
    });
    const get = vi.fn().mockResolvedValue(scheduled);
    const post = vi.fn().mockResolvedValue({ ...scheduled, status: 'COMPLETED', allowed: ['REFUND'] });
    inApp(<MallOrderDrawer store="gz_tianhe" id="m-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('安装完成'));
    expect(await screen.findByText('确认订单 SC2612040001 的商品已在工单 RO-20300618-07 中为车主安装完毕，订单将完成。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    expect(screen.getByText('RO-20300618-07', { selector: 'a' })).toHaveAttribute('href', '/console/gz_tianhe/repair-orders?q=RO-20300618-07');
    // booked already: the booking can be moved
    expect(queryButton('修改预约')).not.toBeNull();
    fireEvent.click(await findButton('确认安装完成'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/mall-orders/m-1/installation`, undefined, KEY, 2));
  });

  it('refunds through the order’s payment: the amount in fen to its refunds, only after a confirmation', async () => {
    const payment = {
      payment: { id: 'pay-1', memberName: '张三', memberPhone: '13800000001', onlineFen: 0, subjectType: 'MALL_ORDER' },
      refundableFen: 25800,
      refunds: [],
    };
    const get = vi.fn().mockImplementation((path: string) => Promise.resolve(path.endsWith('/payments/pay-1') ? payment : path.includes('/refund-preview') ? undefined : order()));
    const post = vi.fn().mockResolvedValue({ ...payment, refundableFen: 12900, refunds: [{ id: 'r-1', amountFen: 12900, cashFen: 0, walletFen: 10000, pointsReturned: 2900, onlineFen: 0, earnedPointsReversed: 0, couponsRestored: 0 }] });
    inApp(<MallOrderDrawer store="gz_tianhe" id="m-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('退款'));
    const dialog = await findDialog('退款');
    expect(get).toHaveBeenCalledWith(`${STORE}/payments/pay-1`);
    const amount = screen.getByLabelText('退款金额');
    expect(amount).toHaveValue('258.00');
    fireEvent.change(amount, { target: { value: '129' } });
    fireEvent.change(screen.getByLabelText('退款原因'), { target: { value: '少发一桶' } });
    fireEvent.click(button('下一步', dialog));
    expect(await screen.findByText(/将向 张三 13800000001 退款 129\.00 元，退款后不可撤销。/)).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(await findButton('确认退款', dialog));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/payments/pay-1/refunds`, { amountFen: 12900, reason: '少发一桶' }, KEY));
  });
});
