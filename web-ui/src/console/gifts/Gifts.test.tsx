import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GiftStockEntry, GiftView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { GiftFormDialog, toGiftForm } from './GiftFormDialog';
import { GiftList } from './GiftList';
import { AdjustStockDialog, ReceiveStockDialog } from './GiftStockDialogs';
import { GiftStockDrawer } from './GiftStockDrawer';

const BASE = '/api/stores/gz_tianhe/gifts';
const MANAGER: Permission[] = ['CONSOLE_USE', 'GIFT_VIEW', 'GIFT_MANAGE', 'GIFT_REDEEM'];
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);

const PHOTO = { ref: 'p-1', id: 'p-1', thumbnailUrl: 'https://img.example.com/t1.jpg', url: 'https://img.example.com/m1.jpg', largeUrl: 'https://img.example.com/l1.jpg' };
const SIDE = { ...PHOTO, ref: 'p-2', id: 'p-2', thumbnailUrl: 'https://img.example.com/t2.jpg' };

function gift(overrides: Partial<GiftView> = {}): GiftView {
  return {
    id: 'g-1', name: '保温杯', description: '500ml 不锈钢', pointsPrice: 500, memberLimit: 2, lowStockAt: 5, status: 'LISTED', stock: 3, low: true,
    redeemedQuantity: 12, redeemedPoints: 6000, redeemingMembers: 9, givenQuantity: 4, photos: [PHOTO], createdAt: '2026-11-20T02:00:00Z', version: 3, ...overrides,
  };
}

const page = (content: unknown[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });

function inApp(ui: ReactElement, api: ReturnType<typeof fakeApi>, permissions: Permission[] = MANAGER, path = '/console/gz_tianhe/gifts') {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path, route: '/console/:store/gifts', permissions });
}

describe('礼品管理', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('edits a gift with the version read, without stock or listing, its photos reordered and one removed', async () => {
    const put = vi.fn().mockResolvedValue(gift({ pointsPrice: 600 }));
    const onSaved = vi.fn();
    inApp(<GiftFormDialog store="gz_tianhe" gift={gift({ photos: [PHOTO, SIDE] })} onClose={vi.fn()} onSaved={onSaved} />, fakeApi({ put }), [...MANAGER, 'PHOTO_UPLOAD']);
    expect(screen.queryByLabelText('初始库存')).toBeNull();
    fireEvent.change(screen.getByLabelText('积分价'), { target: { value: '600' } });
    fireEvent.click(screen.getByLabelText('将照片 2 前移'));
    fireEvent.click(button('保存'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(put).toHaveBeenCalledWith(`${BASE}/g-1`, { name: '保温杯', description: '500ml 不锈钢', pointsPrice: 600, memberLimit: 2, lowStockAt: 5, photos: ['p-2', 'p-1'] }, 3);
    fireEvent.click(screen.getByLabelText('删除照片 1'));
    fireEvent.click(button('保存'));
    await waitFor(() => expect(put).toHaveBeenCalledTimes(2));
    expect(put).toHaveBeenLastCalledWith(`${BASE}/g-1`, expect.objectContaining({ photos: ['p-1'] }), 3);
    expect(toGiftForm({ name: 'a', pointsPrice: 1, memberLimit: undefined }, true)).toEqual({ name: 'a', description: null, pointsPrice: 1, memberLimit: null, lowStockAt: 0, photos: [], initialStock: 0, listed: false });
  });

  it('creates a gift from the form: validation first, then the body with its first stock and listing', async () => {
    const post = vi.fn().mockResolvedValue(gift({ id: 'g-9', name: '洗车券礼盒' }));
    const onSaved = vi.fn();
    inApp(<GiftFormDialog store="gz_tianhe" onClose={vi.fn()} onSaved={onSaved} />, fakeApi({ post }));
    fireEvent.click(button('保存'));
    expect(await screen.findByText('请填写礼品名称')).toBeInTheDocument();
    expect(screen.getByText('请填写积分价')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('礼品名称'), { target: { value: ' 洗车券礼盒 ' } });
    fireEvent.change(screen.getByLabelText('积分价'), { target: { value: '800' } });
    fireEvent.change(screen.getByLabelText('每人限兑'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('库存预警值'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('初始库存'), { target: { value: '100' } });
    fireEvent.click(screen.getByLabelText('创建后立即上架'));
    fireEvent.click(button('保存'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(BASE, { name: '洗车券礼盒', description: null, pointsPrice: 800, memberLimit: 1, lowStockAt: 10, photos: [], initialStock: 100, listed: true });
  });

  it('lists gifts with price, stock (库存不足 when low), limit, what was redeemed and status, with the filters of the address', async () => {
    const other = gift({ id: 'g-2', name: '车载香薰', pointsPrice: 1200, memberLimit: null, stock: 50, low: false, status: 'DELISTED', redeemedQuantity: 1234, redeemedPoints: 1480800, redeemingMembers: 800 });
    const get = vi.fn().mockResolvedValue(page([gift(), other]));
    inApp(<GiftList />, fakeApi({ get }), MANAGER, '/console/gz_tianhe/gifts?low=true&status=LISTED,DELISTED&sort=stock,asc');

    const row = (await screen.findByText('保温杯')).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(1, 11).map((td) => td.textContent)).toEqual(['保温杯', '500', '3库存不足', '5', '2', '12', '6,000', '9', '4', '已上架']);
    expect(within(row).getByAltText('保温杯 的图片')).toHaveAttribute('src', PHOTO.thumbnailUrl);
    const second = screen.getByText('车载香薰').closest('tr')!;
    expect([...second.querySelectorAll('td')].slice(1, 11).map((td) => td.textContent)).toEqual(['车载香薰', '1,200', '50', '5', '不限', '1,234', '1,480,800', '800', '4', '已下架']);
    expect(within(second).queryByText('库存不足')).toBeNull();
    // a listed gift is delisted, a delisted one listed
    expect(queryButton('下架', row)).not.toBeNull();
    expect(queryButton('上架', second)).not.toBeNull();
    expect(get).toHaveBeenCalledWith(BASE, { search: '', status: 'LISTED,DELISTED', low: 'true', page: 0, size: 20, sort: 'stock,asc' }, expect.anything());
  });

  it('shows who may only read neither 新建礼品 nor the stock actions, but the stock movements', async () => {
    const get = vi.fn().mockResolvedValue(page([gift()]));
    inApp(<GiftList />, fakeApi({ get }), ['CONSOLE_USE', 'GIFT_VIEW']);
    const row = (await screen.findByText('保温杯')).closest('tr')!;
    expect(queryButton('新建礼品')).toBeNull();
    expect(queryButton('入库', row)).toBeNull();
    expect(queryButton('盘点调整', row)).toBeNull();
    expect(queryButton('下架', row)).toBeNull();
    expect(queryButton('库存流水', row)).not.toBeNull();
  });

  it('delists a gift only after a confirmation', async () => {
    const get = vi.fn().mockResolvedValue(page([gift()]));
    const post = vi.fn().mockResolvedValue(gift({ status: 'DELISTED' }));
    inApp(<GiftList />, fakeApi({ get, post }));
    const row = (await screen.findByText('保温杯')).closest('tr')!;
    fireEvent.click(button('下架', row));
    expect(await screen.findByText('下架后车主在 App 中看不到“保温杯”，也不能再兑换；已兑换的记录不受影响。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('下架', document.querySelector<HTMLElement>('.ant-modal')!));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${BASE}/g-1/delisting`));
  });

  it('corrects the stock after a count: never below zero, the reason required, confirmed, posted with an Idempotency-Key', async () => {
    const post = vi.fn().mockResolvedValue(gift({ stock: 1 }));
    const onDone = vi.fn();
    inApp(<AdjustStockDialog store="gz_tianhe" gift={gift()} onClose={vi.fn()} onDone={onDone} />, fakeApi({ post }));
    expect(await screen.findByText('账面库存 3 件。按实际盘点结果调整：盘盈填正数，盘亏填负数。')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('调整数量'), { target: { value: '-5' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('最多只能减少 3 件')).toBeInTheDocument();
    expect(screen.getByText('请填写调整原因')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('调整数量'), { target: { value: '-2' } });
    fireEvent.change(screen.getByLabelText('调整原因'), { target: { value: '月末盘点少 2 件' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('“保温杯”的库存将调整 -2 件：3 → 1 件。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认调整'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/g-1/stock-adjustments`, { delta: -2, reason: '月末盘点少 2 件' }, KEY);
  });

  it('receives stock after a confirmation; a retry after a lost answer sends the same Idempotency-Key', async () => {
    const post = vi.fn().mockRejectedValueOnce(new Error('lost')).mockResolvedValue(gift({ stock: 23 }));
    const onDone = vi.fn();
    inApp(<ReceiveStockDialog store="gz_tianhe" gift={gift()} onClose={vi.fn()} onDone={onDone} />, fakeApi({ post }));
    fireEvent.change(await screen.findByLabelText('入库数量'), { target: { value: '20' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('将“保温杯”入库 20 件，入库后库存 23 件。')).toBeInTheDocument();
    fireEvent.click(button('确认入库'));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    fireEvent.click(await findButton('下一步'));
    fireEvent.click(await findButton('确认入库'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [[path, body, key], [, again, sameKey]] = post.mock.calls as [[string, unknown, string], [string, unknown, string]];
    expect(path).toBe(`${BASE}/g-1/stock-receipts`);
    expect(body).toEqual({ quantity: 20, reason: null });
    expect(again).toEqual(body);
    expect(sameKey).toBe(key);
  });

  it('shows the stock movements in words, newest first as the server answers', async () => {
    const entry = (overrides: Partial<GiftStockEntry>): GiftStockEntry => ({
      id: 'e', kind: 'RECEIVE', delta: 20, stockAfter: 20, redemptionId: null, reason: null, createdBy: 'mgr', createdAt: '2026-11-20T02:00:00Z', ...overrides,
    });
    const get = vi.fn().mockResolvedValue(
      page([
        entry({ id: 'e4', kind: 'REDEMPTION_CANCEL', delta: 1, stockAfter: 3 }),
        entry({ id: 'e3', kind: 'REDEEM', delta: -1, stockAfter: 2, redemptionId: 'r-1' }),
        entry({ id: 'e2', kind: 'ADJUST', delta: -17, stockAfter: 3, reason: '破损' }),
        entry({ id: 'e1' }),
      ]),
    );
    inApp(<GiftStockDrawer store="gz_tianhe" gift={gift()} onClose={vi.fn()} />, fakeApi({ get }));
    expect(await screen.findByText('取消兑换退回')).toBeInTheDocument();
    for (const kind of ['兑换出库', '盘点调整', '入库']) expect(screen.getByText(kind)).toBeInTheDocument();
    expect(screen.getAllByTestId('gift-stock-delta').map((d) => d.textContent)).toEqual(['+1', '-1', '-17', '+20']);
    expect(screen.getByText('破损')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${BASE}/g-1/stock-entries`, { page: 0, size: 10 }, expect.anything());
  });
});
