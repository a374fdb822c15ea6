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
    expect(post).toHaveBeenCalledWith(`${STORE}/mall-orders/m-1/pickup`, { code: '123456' }, KEY);
  });

  it('marks a paid pick-up order ready after a confirmation', async () => {
    const get = vi.fn().mockResolvedValue(order({ status: 'PAID', readyAt: null, allowed: ['READY', 'SCHEDULE', 'REFUND'] }));
    const post = vi.fn().mockResolvedValue(order());
    inApp(<MallOrderDrawer store="gz_tianhe" id="m-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('备货完成'));
    // an installation's booking is not offered for a pick-up order
    expect(queryButton('预约安装')).toBeNull();
    fireEvent.click(await findButton('确认备货完成'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/mall-orders/m-1/ready`, undefined, KEY));
  });
});
