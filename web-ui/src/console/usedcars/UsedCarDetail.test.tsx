import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Permission, UsedCarView } from '../../api/types';
import i18n from '../../i18n';
import { EXECUTIVE_PERMISSIONS, MANAGER_PERMISSIONS, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { usedCar } from '../../testing/usedCars';
import { UsedCarDetail } from './UsedCarDetail';

/** Store staff of the service department: members yes, used cars only to read. */
const SERVICE_STAFF: Permission[] = ['STORE_ENTER', 'CONSOLE_USE', 'MEMBER_VIEW', 'MEMBER_EDIT', 'USED_CAR_VIEW', 'USED_CAR_MARKET_VIEW'];

const CAR_PATH = '/api/stores/gz_tianhe/used-cars/c0ffee00-0000-4000-8000-000000000001';
const member = { id: 'a1b2c3d4-0000-4000-8000-000000000001', profile: { name: '王建国', phone: '13800138001' }, vehicles: [] };

/** GET answers the car (then `later` after a reload) and its member; POST and PUT as given. */
function apiFor(car: UsedCarView, overrides: Partial<ReturnType<typeof fakeApi>> = {}, later?: UsedCarView) {
  let reads = 0;
  return fakeApi({
    get: vi.fn().mockImplementation(async (path: string) => {
      if (path.includes('/members/')) return member;
      reads += 1;
      return reads > 1 && later ? later : car;
    }),
    ...overrides,
  });
}

function renderDetail(api: ReturnType<typeof fakeApi>, permissions: Permission[] = MANAGER_PERMISSIONS) {
  return renderWithAuth(
    <App>
      <UsedCarDetail />
    </App>,
    {
      auth: fakeAuth({ api }),
      permissions,
      path: '/console/gz_tianhe/used-cars/c0ffee00-0000-4000-8000-000000000001',
      route: '/console/:store/used-cars/:usedCarId',
    },
  );
}

/** The page's title: the car's name in the header's h2 (the breadcrumb names it too). */
const heading = () => screen.findByText('宝马 325Li', { selector: 'h2' });

/*
 * Buttons are found by their text, not by role and name: the accessible-name computation over Ant Design's trees is
 * what made this file slow in jsdom. Clicks are fireEvent's: nothing here depends on pointer or keyboard details.
 */

/** A move button of the page's header. */
async function moveButton(text: string): Promise<HTMLElement> {
  const moves = await screen.findByTestId('used-car-moves');
  return within(moves).getByText(text).closest('button')!;
}

/** The move dialog, once open (not a confirmation on top of it). */
async function openDialog(): Promise<HTMLElement> {
  let dialog: HTMLElement | null = null;
  await waitFor(() => {
    dialog = document.querySelector<HTMLElement>('.ant-modal:not(.ant-modal-confirm)');
    expect(dialog).not.toBeNull();
  });
  return dialog!;
}

/** The button of `box` whose text (antd spaces two-character texts: 取 消) matches. */
function buttonIn(box: HTMLElement, text: RegExp | string): HTMLElement {
  const matches = (content: string) => (typeof text === 'string' ? content.replace(/\s/g, '') === text : text.test(content));
  const found = [...box.querySelectorAll<HTMLElement>('button')].find((b) => matches(b.textContent ?? ''));
  expect(found, `a button ${String(text)}`).toBeDefined();
  return found!;
}

/** The move buttons in the page's header (none: no container). */
function moveButtons() {
  const moves = screen.queryByTestId('used-car-moves');
  if (!moves) return [];
  return [...moves.querySelectorAll('button')]
    .map((b) => b.textContent?.replace(/\s/g, ''));
}

/** The newest confirmation asking `question` (one that was closed may still be in the page). */
async function confirmation(question: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = [...document.querySelectorAll<HTMLElement>('.ant-modal-confirm')]
      .filter((box) => box.querySelector('.ant-modal-confirm-title')?.textContent === question)
      .at(-1);
    expect(found).toBeDefined();
  });
  return found!;
}

describe('UsedCarDetail', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("shows the owner's description, photos and seller, and exactly the moves the car allows", async () => {
    renderDetail(apiFor(usedCar({ status: 'SUBMITTED' })));

    expect(await heading()).toBeInTheDocument();
    expect(moveButtons()).toEqual(['审核通过', '要求修改', '拒绝寄售', '修改车辆信息']);
    expect(screen.getByTestId('price-wish')).toHaveTextContent('¥128,000（12.8万）');
    expect(screen.getByText('无事故，定期保养')).toBeInTheDocument();
    expect(screen.getAllByAltText(/车辆照片/)).toHaveLength(2);
    expect(await screen.findByText('王建国', { selector: 'a' })).toHaveAttribute('href', '/console/gz_tianhe/members/a1b2c3d4-0000-4000-8000-000000000001');
  });

  it('offers a car not yet on the market no 撤回下架: the store refuses it instead, the owner may withdraw it', async () => {
    const { unmount } = renderDetail(apiFor(usedCar({ status: 'SUBMITTED' })));
    await heading();
    expect(moveButtons()).toEqual(['审核通过', '要求修改', '拒绝寄售', '修改车辆信息']);
    expect(screen.queryByText('撤回下架')).toBeNull();
    unmount();

    renderDetail(apiFor(usedCar({ status: 'CHANGES_REQUESTED', reviewNote: '请补充照片' })));
    await heading();
    expect(moveButtons()).toEqual(['拒绝寄售', '修改车辆信息']);
  });

  it('offers a reserved car only its own moves, and a sold one none', async () => {
    const { unmount } = renderDetail(apiFor(usedCar({ status: 'RESERVED', askingPriceYuan: 120000, conditionReport: '车况良好' })));
    await heading();
    expect(moveButtons()).toEqual(['修改挂牌信息', '取消预订', '标记售出', '撤回下架']);
    unmount();

    renderDetail(apiFor(usedCar({ status: 'SOLD', soldPriceYuan: 118000 })));
    await heading();
    expect(moveButtons()).toEqual([]);
    expect(screen.getByText('此车辆已结束，不能再操作。')).toBeInTheDocument();
  });

  it('shows no moves without USED_CAR_MANAGE (executives, staff outside sales), who may only read', async () => {
    const { unmount } = renderDetail(apiFor(usedCar()), EXECUTIVE_PERMISSIONS);
    await heading();
    expect(moveButtons()).toEqual([]);
    unmount();

    renderDetail(apiFor(usedCar()), SERVICE_STAFF);
    await heading();
    expect(moveButtons()).toEqual([]);
  });

  it('approves with the asking price prefilled from the price wish, then shows the listed car', async () => {
    const post = vi.fn().mockResolvedValue(undefined);
    const listed = usedCar({ status: 'LISTED', askingPriceYuan: 125000, conditionReport: '车况良好，无事故' });
    const api = apiFor(usedCar(), { post }, listed);
    renderDetail(api, [...SERVICE_STAFF, 'USED_CAR_MANAGE']);

    fireEvent.click(await moveButton('审核通过'));
    const dialog = await openDialog();
    const price = within(dialog).getByLabelText('挂牌价（元）');
    expect(price).toHaveValue('128,000');
    fireEvent.change(price, { target: { value: '125000' } });
    fireEvent.change(within(dialog).getByLabelText('检测报告'), { target: { value: '车况良好，无事故' } });
    fireEvent.click(buttonIn(dialog, '审核通过'));

    await waitFor(() => expect(post).toHaveBeenCalledWith(`${CAR_PATH}/approve`, { askingPriceYuan: 125000, conditionReport: '车况良好，无事故' }));
    await waitFor(() => expect(screen.getAllByTestId('used-car-status')[0]).toHaveTextContent('在售'));
    expect(moveButtons()).toEqual(['修改挂牌信息', '登记预订', '标记售出', '撤回下架']);
  });

  it('changes the listing with the version the page shows, so a change made meanwhile is not overwritten', async () => {
    const put = vi.fn().mockResolvedValue(undefined);
    const listed = usedCar({ status: 'LISTED', askingPriceYuan: 125000, conditionReport: '车况良好', version: 4 });
    renderDetail(apiFor(listed, { put }), MANAGER_PERMISSIONS);

    fireEvent.click(await moveButton('修改挂牌信息'));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText('挂牌价（元）'), { target: { value: '119000' } });
    fireEvent.click(buttonIn(dialog, '修改挂牌信息'));

    await waitFor(() => expect(put).toHaveBeenCalledWith(`${CAR_PATH}/listing`, { askingPriceYuan: 119000, conditionReport: '车况良好' }, 4));
  });

  it("shows the server's field message beside the input when it refuses a move (422)", async () => {
    const post = vi.fn().mockRejectedValue(
      new ApiError(422, {
        type: 'https://m4s.dev/problems/validation-failed',
        status: 422,
        detail: 'The request is invalid.',
        errors: [{ field: 'askingPriceYuan', message: 'must be at most 50,000,000 yuan' }],
      }),
    );
    renderDetail(apiFor(usedCar(), { post }));

    fireEvent.click(await moveButton('审核通过'));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText('检测报告'), { target: { value: '车况良好' } });
    fireEvent.click(buttonIn(dialog, '审核通过'));

    expect(await within(dialog).findByText('must be at most 50,000,000 yuan')).toBeInTheDocument();
    expect(within(dialog).getByText('请检查标出的字段。')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('挂牌价（元）')).toHaveAttribute('aria-invalid', 'true'));
  });

  it('refuses an asking price of −5 with a message, never turning it into 5', async () => {
    const post = vi.fn().mockResolvedValue(undefined);
    renderDetail(apiFor(usedCar(), { post }));

    fireEvent.click(await moveButton('审核通过'));
    const dialog = await openDialog();
    const price = within(dialog).getByLabelText('挂牌价（元）');
    fireEvent.change(price, { target: { value: '-5' } });
    fireEvent.change(within(dialog).getByLabelText('检测报告'), { target: { value: '车况良好' } });
    fireEvent.click(buttonIn(dialog, '审核通过'));

    expect(await within(dialog).findByText('价格须大于 0 元，不能为负数或零')).toBeInTheDocument();
    expect(price).toHaveValue('-5');
    expect(post).not.toHaveBeenCalled();
  });

  it('requires a note to request changes', async () => {
    const post = vi.fn().mockResolvedValue(undefined);
    renderDetail(apiFor(usedCar(), { post }));

    fireEvent.click(await moveButton('要求修改'));
    const dialog = await openDialog();
    fireEvent.click(buttonIn(dialog, '要求修改'));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText('说明'), { target: { value: '请补充左前方照片' } });
    fireEvent.click(buttonIn(dialog, '要求修改'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${CAR_PATH}/request-changes`, { note: '请补充左前方照片' }));
  });

  it('asks for confirmation before rejecting, and sends nothing when the user backs out', async () => {
    const post = vi.fn().mockResolvedValue(undefined);
    renderDetail(apiFor(usedCar(), { post }));

    fireEvent.click(await moveButton('拒绝寄售'));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText('说明'), { target: { value: '事故车' } });
    fireEvent.click(buttonIn(dialog, /拒绝寄售/));

    fireEvent.click(buttonIn(await confirmation('确定拒绝 宝马 325Li？拒绝后不能恢复。'), /取\s*消/));
    expect(post).not.toHaveBeenCalled();

    // the dialog's button is busy until the confirmation is answered
    const reject = buttonIn(dialog, '拒绝寄售');
    await waitFor(() => expect(reject).not.toHaveClass('ant-btn-loading'));
    fireEvent.click(reject);
    fireEvent.click(buttonIn(await confirmation('确定拒绝 宝马 325Li？拒绝后不能恢复。'), /拒绝寄售/));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${CAR_PATH}/reject`, { note: '事故车' }));
  });

  it('says so and reloads the car when its status no longer allows the move (409)', async () => {
    const post = vi.fn().mockRejectedValue(
      new ApiError(409, { type: 'https://m4s.dev/problems/illegal-transition', status: 409, detail: 'A car that is WITHDRAWN cannot be approved' }),
    );
    const api = apiFor(usedCar(), { post }, usedCar({ status: 'WITHDRAWN' }));
    renderDetail(api);

    fireEvent.click(await moveButton('审核通过'));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText('检测报告'), { target: { value: '车况良好' } });
    fireEvent.click(buttonIn(dialog, '审核通过'));

    expect(await screen.findByText('此车辆的状态已变化，不能执行该操作；页面已刷新。')).toBeInTheDocument();
    await waitFor(() => expect(moveButtons()).toEqual([]));
    expect(screen.getAllByTestId('used-car-status')[0]).toHaveTextContent('已撤回');
  });
});
