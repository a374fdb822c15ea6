import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { PartOrderRow, PartOrderView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton, findDialog, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { PartOrderDrawer } from './PartOrderDrawer';
import { PartOrderList } from './PartOrderList';

const STORE = '/api/stores/gz_tianhe';
const MANAGER: Permission[] = ['CONSOLE_USE', 'MALL_VIEW', 'MALL_MANAGE'];
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);

const row: PartOrderRow = {
  id: 'p-1', number: 'PJ2612040000001', memberId: 'u-1', memberName: '张三', memberPhone: '13800000001', plate: '粤A12345', partName: '原厂刹车片（前）',
  partNumber: '34116860016', quantity: 1, supplier: '华南宝马配件中心', expectedOn: '2026-12-20', priceFen: 128000, depositFen: 50000, status: 'ARRIVED',
  advisor: 'zhou', arrivedAt: '2026-12-05T02:00:00Z', createdAt: '2026-12-04T02:00:00Z',
};

function order(overrides: Partial<PartOrderView> = {}): PartOrderView {
  return {
    id: 'p-1', number: 'PJ2612040000001', memberId: 'u-1', memberName: '张三', memberPhone: '13800000001', vehicleId: 'v-1', plate: '粤A12345',
    partName: '原厂刹车片（前）', partNumber: '34116860016', quantity: 1, supplier: '华南宝马配件中心', expectedOn: '2026-12-20', priceFen: 128000, depositFen: 50000,
    repairOrderNumber: null, note: null, notifyOwner: true, advisor: 'zhou', arrivalAdvisor: null, status: 'ORDERED', createdBy: 'li', createdAt: '2026-12-04T02:00:00Z',
    allowed: ['ARRIVE', 'CANCEL'], version: 3,
    ...overrides,
  };
}

function inApp(ui: ReactElement, api: ReturnType<typeof fakeApi>, path = '/console/gz_tianhe/part-orders', permissions: Permission[] = MANAGER) {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path, route: '/console/:store/*', permissions });
}

describe('配件预订 in the console', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists part orders with their state and sends the filters of the address', async () => {
    const get = vi.fn().mockResolvedValue({ content: [row], page: 0, size: 20, totalElements: 1, totalPages: 1 });
    inApp(<PartOrderList />, fakeApi({ get }), '/console/gz_tianhe/part-orders?status=ARRIVED&from=2026-12-01&to=2026-12-31&search=34116860016&sort=expectedOn,asc');
    const first = (await screen.findByText('PJ2612040000001')).closest('tr')!;
    expect(first).toHaveTextContent('张三 13800000001');
    expect(first).toHaveTextContent('粤A12345');
    expect(first).toHaveTextContent('原厂刹车片（前）（34116860016）× 1');
    expect(first).toHaveTextContent('已到货');
    expect(get).toHaveBeenCalledWith(
      `${STORE}/part-orders`,
      { status: 'ARRIVED', from: '2026-12-01', to: '2026-12-31', search: '34116860016', page: 0, size: 20, sort: 'expectedOn,asc' },
      expect.anything(),
    );
    expect(queryButton('登记预订')).not.toBeNull();
  });

  it('marks an ordered part arrived after a confirmation, sending the version read', async () => {
    const get = vi.fn().mockResolvedValue(order());
    const post = vi.fn().mockResolvedValue(order({ status: 'ARRIVED', allowed: ['HAND_OVER', 'CANCEL'], version: 4 }));
    inApp(<PartOrderDrawer store="gz_tianhe" id="p-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('登记到货'));
    // a part not arrived is not handed over
    expect(queryButton('交付')).toBeNull();
    expect(await screen.findByText(/车主将收到到货短信/)).toBeInTheDocument();
    fireEvent.click(await findButton('确认到货'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/part-orders/p-1/arrival`, undefined, KEY, 3));
  });

  it('cancels with the reason after a confirmation and shows the refusal of a changed order', async () => {
    const stale = new ApiError(409, { type: 'https://m4s.dev/problems/concurrent-update', detail: '记录已被他人修改，请刷新后重试' }, 'zh-CN');
    const get = vi.fn().mockResolvedValue(order({ status: 'ARRIVED', allowed: ['HAND_OVER', 'CANCEL'], arrivedAt: '2026-12-05T02:00:00Z' }));
    const post = vi.fn().mockRejectedValueOnce(stale);
    inApp(<PartOrderDrawer store="gz_tianhe" id="p-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get, post }));
    fireEvent.click(await findButton('取消预订'));
    const dialog = await findDialog('取消预订：PJ2612040000001');
    fireEvent.change(screen.getByLabelText('取消原因'), { target: { value: '客户已在别处更换' } });
    fireEvent.click(button('下一步', dialog));
    fireEvent.click(await findButton('确认取消', dialog));
    expect(await screen.findByText('记录已被他人修改，请刷新后重试')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(`${STORE}/part-orders/p-1/cancellation`, { reason: '客户已在别处更换' }, KEY, 3);
  });
});
