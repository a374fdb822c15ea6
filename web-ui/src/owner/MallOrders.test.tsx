import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { CheckoutQuote, MallOrderView, MallProduct as Product } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MallCart } from './MallCart';
import { MallCheckout } from './MallCheckout';
import { MallProduct } from './MallProduct';
import { MyMallOrder } from './MyMallOrders';

const MALL = '/api/stores/gz_tianhe/me/mall';
const CART = 'm4s.mall.cart.gz_tianhe';
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);

const product: Product = {
  id: 'p-1', name: '嘉实多极护机油', subtitle: null, description: null, categoryPath: [], fitment: [], fitsMyCar: null, photos: [],
  skus: [
    { id: 's-1', spec: '4L', priceFen: 45900, salePriceFen: 39900, stock: 0 },
    { id: 's-2', spec: '1L', priceFen: 12900, salePriceFen: null, stock: 8 },
  ],
};

const quote: CheckoutQuote = {
  subjectType: 'MALL_ORDER', subjectId: null, subjectRef: '商城订单',
  lines: [{ id: 's-2', kind: 'MALL_ITEM', description: '嘉实多极护机油 1L × 2', amountFen: 25800 }],
  grossFen: 25800,
  recommended: { coupons: [], savingFen: 0, pointsMultiplier: 1, dueFen: 25800 },
  explanation: '没有可用的优惠券',
  chosen: null,
  held: [],
  walletFen: 20000, pointsAvailable: 10000, pointsAccepted: true, pointsMax: 25800,
};

function order(overrides: Partial<MallOrderView> = {}): MallOrderView {
  return {
    id: 'm-1', number: 'SC2612040001', memberId: 'u-1', status: 'PAID', fulfilment: 'PICKUP', grossFen: 25800, refundedFen: 0, paymentId: 'pay-1', paymentStatus: 'CONFIRMED',
    couponFen: 0, walletFen: 20000, pointsUsed: 5800, onlineFen: 0, pickupCode: '482913', createdAt: '2026-12-04T02:00:00Z', paidAt: '2026-12-04T02:00:00Z',
    allowed: [], version: 1,
    lines: [{ id: 'l-1', skuId: 's-2', productName: '嘉实多极护机油', spec: '1L', quantity: 2, unitPriceFen: 12900, amountFen: 25800 }],
    ...overrides,
  };
}

function owner(api: ReturnType<typeof fakeApi>) {
  return fakeAuth({ api, claims: claims(['owner']) });
}

function cartLines() {
  return JSON.parse(localStorage.getItem(CART) ?? '[]') as { skuId: string; quantity: number }[];
}

describe('owner: the mall’s cart, checkout and orders', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
    localStorage.clear();
    sessionStorage.clear();
  });

  it('adds the chosen SKU to the cart, then changes its quantity and removes it on the cart page', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(product) });
    renderWithAuth(<MallProduct />, { auth: owner(api), path: '/app/mall/products/p-1', route: '/app/mall/products/:productId' });
    await screen.findByText('¥129.00');
    fireEvent.click(screen.getByLabelText('增加数量'));
    fireEvent.click(screen.getByText('加入购物车'));
    expect(cartLines()).toEqual([expect.objectContaining({ skuId: 's-2', quantity: 2, spec: '1L', priceFen: 12900 })]);
    expect(screen.getByRole('status')).toHaveTextContent('已将“嘉实多极护机油 1L”加入购物车。');
    expect(screen.getByTestId('owner-mall-cart-count')).toHaveTextContent('2');
    // the same SKU again adds to its line
    fireEvent.click(screen.getByText('加入购物车'));
    expect(cartLines()).toEqual([expect.objectContaining({ skuId: 's-2', quantity: 4 })]);
    cleanup();

    renderWithAuth(<MallCart />, { auth: owner(api), path: '/app/mall/cart', route: '/app/mall/cart' });
    expect(screen.getByText('规格：1L')).toBeInTheDocument();
    expect(screen.getByTestId('owner-mall-cart-total').textContent).toBe('共 4 件，合计 ¥516.00');
    fireEvent.click(screen.getByLabelText('增加 嘉实多极护机油 1L 的数量'));
    expect(screen.getByLabelText('嘉实多极护机油 1L 的数量')).toHaveValue('5');
    fireEvent.click(screen.getByLabelText('减少 嘉实多极护机油 1L 的数量'));
    fireEvent.click(screen.getByLabelText('减少 嘉实多极护机油 1L 的数量'));
    expect(cartLines()).toEqual([expect.objectContaining({ quantity: 3 })]);
    expect(screen.getByTestId('owner-mall-cart-total').textContent).toBe('共 3 件，合计 ¥387.00');
    fireEvent.click(screen.getByText('删除'));
    expect(screen.getByTestId('owner-mall-cart-empty')).toHaveTextContent('购物车是空的。');
    expect(localStorage.getItem(CART)).toBeNull();
  });

  it('checks the cart out with the wallet and points in fen and an Idempotency-Key, shows the server’s problem and tries again with a new key', async () => {
    localStorage.setItem(CART, JSON.stringify([{ skuId: 's-2', productId: 'p-1', name: '嘉实多极护机油', spec: '1L', priceFen: 12900, quantity: 2, stock: 8 }]));
    const outOfStock = new ApiError(409, { type: 'https://m4s.dev/problems/mall-out-of-stock', detail: '嘉实多极护机油 1L 库存不足' }, 'zh-CN');
    const post = vi.fn((path: string) => {
      if (path.endsWith('/checkout')) return Promise.resolve(quote as never);
      return post.mock.calls.filter(([p]) => p === `${MALL}/orders`).length === 1 ? Promise.reject(outOfStock) : Promise.resolve(order() as never);
    });
    renderWithAuth(<MallCheckout />, { auth: owner(fakeApi({ post })), path: '/app/mall/checkout', route: '*' });
    expect(await screen.findByTestId('checkout-gross')).toHaveTextContent('258.00');
    expect(post).toHaveBeenCalledWith(`${MALL}/checkout`, { lines: [{ skuId: 's-2', quantity: 2 }] });
    expect(screen.getByLabelText('到店自提')).toBeChecked();
    fireEvent.click(screen.getByLabelText('预约安装'));
    expect(screen.getByLabelText('钱包支付')).toHaveValue('200');
    fireEvent.change(screen.getByLabelText('积分抵扣'), { target: { value: '5800' } });
    expect(screen.getByTestId('checkout-rest').textContent).toBe('还需支付 0.00 元');

    fireEvent.click(screen.getByText('提交订单'));
    expect((await screen.findByTestId('mall-checkout-problem')).textContent).toBe('嘉实多极护机油 1L 库存不足');
    const first = post.mock.calls.find(([p]) => p === `${MALL}/orders`) as unknown[];
    expect(first).toEqual([`${MALL}/orders`, { lines: [{ skuId: 's-2', quantity: 2 }], fulfilment: 'INSTALLATION', coupons: [], walletFen: 20000, points: 5800, onlineFen: 0 }, KEY]);

    await waitFor(() => expect(screen.getByText('提交订单')).toBeEnabled());
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(localStorage.getItem(CART)).toBeNull());
    const second = post.mock.calls.filter(([p]) => p === `${MALL}/orders`)[1] as unknown[];
    expect(second[2]).toEqual(KEY);
    expect(second[2]).not.toBe(first[2]);
  });

  it('pays the rest online with the chosen method and follows the payment', async () => {
    localStorage.setItem(CART, JSON.stringify([{ skuId: 's-2', productId: 'p-1', name: '嘉实多极护机油', spec: '1L', priceFen: 12900, quantity: 2, stock: 8 }]));
    const get = vi.fn((path: string) =>
      Promise.resolve((path.endsWith('/online-payment') ? { methods: ['WECHAT_PAY', 'ALIPAY'] } : { payment: { id: 'pay-1', status: 'AWAITING_ONLINE', onlineFen: 5800 }, coupons: [], refunds: [], online: { method: 'WECHAT_PAY', status: 'REQUIRES_ACTION', amountFen: 5800, qrData: 'weixin://wxpay/1' } }) as never),
    );
    const post = vi.fn((path: string) => Promise.resolve((path.endsWith('/checkout') ? quote : order({ status: 'PENDING_PAYMENT', onlineFen: 5800, pointsUsed: 0 })) as never));
    renderWithAuth(<MallCheckout />, { auth: owner(fakeApi({ get, post })), path: '/app/mall/checkout', route: '*' });
    fireEvent.click(await screen.findByLabelText('微信支付'));
    fireEvent.click(screen.getByText('提交订单'));
    await screen.findByTestId('wechat-qr');
    expect(post).toHaveBeenLastCalledWith(
      `${MALL}/orders`,
      { lines: [{ skuId: 's-2', quantity: 2 }], fulfilment: 'PICKUP', coupons: [], walletFen: 20000, points: 0, onlineFen: 5800, onlineMethod: 'WECHAT_PAY', returnUrl: `${window.location.origin}/app/pay/return/mall` },
      KEY,
    );
    // the cart stays until the payment is made
    expect(cartLines()).toHaveLength(1);
  });

  it('shows a pick-up order’s code large with the word to show it at the desk, its lines and how it was paid', async () => {
    const get = vi.fn().mockResolvedValue(order({ status: 'READY_FOR_PICKUP' }));
    renderWithAuth(<MyMallOrder />, { auth: owner(fakeApi({ get })), path: '/app/mall/orders/m-1', route: '/app/mall/orders/:orderId' });
    expect((await screen.findByTestId('owner-mall-pickup-code')).textContent).toBe('482913');
    expect(screen.getByText('取货码')).toBeInTheDocument();
    expect(screen.getByText('到店取货时请向前台出示此取货码。')).toBeInTheDocument();
    expect(screen.getByTestId('owner-mall-order-status')).toHaveTextContent('待取货');
    expect(screen.getByTestId('owner-mall-order-lines')).toHaveTextContent('嘉实多极护机油 1L × 2¥258.00');
    expect(screen.getByTestId('owner-mall-order-payment')).toHaveTextContent('钱包200.00');
    expect(screen.getByTestId('owner-mall-order-payment')).toHaveTextContent('5,800 积分（58.00 元）');
    expect(get).toHaveBeenCalledWith(`${MALL}/orders/m-1`, undefined, expect.anything());
  });

  it('cancels an unpaid order after a confirmation', async () => {
    const get = vi.fn().mockResolvedValueOnce(order({ status: 'PENDING_PAYMENT', pickupCode: '482913' })).mockResolvedValue(order({ status: 'CANCELLED' }));
    const post = vi.fn().mockResolvedValue(order({ status: 'CANCELLED' }));
    renderWithAuth(<MyMallOrder />, { auth: owner(fakeApi({ get, post })), path: '/app/mall/orders/m-1', route: '/app/mall/orders/:orderId' });
    // no code before it is paid
    fireEvent.click(await screen.findByText('取消订单'));
    expect(screen.queryByTestId('owner-mall-pickup-code')).toBeNull();
    fireEvent.click(screen.getByText('确认取消订单'));
    await waitFor(() => expect(screen.getByTestId('owner-mall-order-status')).toHaveTextContent('已取消'));
    expect(post).toHaveBeenCalledWith(`${MALL}/orders/m-1/cancellation`, undefined, KEY);
  });
});
