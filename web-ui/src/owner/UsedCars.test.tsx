import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { UsedCarView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { page, usedCar } from '../testing/usedCars';
import { MySubmissions } from './MySubmissions';
import { SellCar } from './SellCar';
import { Submission } from './Submission';

const MINE = '/api/stores/gz_tianhe/me/used-cars';
const ID = 'c0ffee00-0000-4000-8000-000000000001';

function renderApp(path: string, api: ReturnType<typeof fakeApi>) {
  return renderWithAuth(
    <Routes>
      <Route path="/app/sell" element={<SellCar />} />
      <Route path="/app/used-cars" element={<MySubmissions />} />
      <Route path="/app/used-cars/:usedCarId" element={<Submission />} />
    </Routes>,
    { auth: fakeAuth({ api, claims: claims(['owner']) }), path },
  );
}

/** GET answers `first`, then `later` after a change. */
function carApi(first: UsedCarView, later: UsedCarView = first, overrides: Partial<ReturnType<typeof fakeApi>> = {}) {
  return fakeApi({ get: vi.fn().mockResolvedValueOnce(first).mockResolvedValue(later), ...overrides });
}

function fillCar() {
  fireEvent.change(screen.getByLabelText('品牌'), { target: { value: '宝马' } });
  fireEvent.change(screen.getByLabelText('车型'), { target: { value: '325Li' } });
  fireEvent.change(screen.getByLabelText('年份'), { target: { value: '2019' } });
  fireEvent.change(screen.getByLabelText('里程（公里）'), { target: { value: '56000' } });
  fireEvent.change(screen.getByLabelText('变速箱'), { target: { value: 'AUTOMATIC' } });
  fireEvent.change(screen.getByLabelText('排放标准'), { target: { value: 'CN6A' } });
  fireEvent.change(screen.getByLabelText('所在城市'), { target: { value: '广州' } });
  fireEvent.change(screen.getByLabelText('期望价（元）'), { target: { value: '128000' } });
}

describe('owner: sell my car', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('checks the form as the server does before sending it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi();
    renderApp('/app/sell', api);

    fireEvent.change(screen.getByLabelText('年份'), { target: { value: '1975' } });
    await user.click(screen.getByRole('button', { name: '提交审核' }));

    expect(screen.getByText(/年份须在 1980 至 \d{4} 之间/)).toBeInTheDocument();
    expect(screen.getByLabelText('品牌')).toHaveAttribute('aria-invalid', 'true');
    expect(api.post).not.toHaveBeenCalled();
  });

  it('submits the car and opens it, waiting for review', async () => {
    const user = userEvent.setup({ delay: null });
    const created = usedCar({ submittedBy: 'owner.13800138001' });
    const uploaded = { id: 'p1', ref: 'p1', width: 960, height: 720, thumbnailUrl: '/t/p1', url: '/m/p1', largeUrl: '/l/p1' };
    const api = fakeApi({ post: vi.fn().mockResolvedValue(created), get: vi.fn().mockResolvedValue(created), upload: vi.fn().mockResolvedValue(uploaded) });
    renderApp('/app/sell', api);

    fillCar();
    fireEvent.change(screen.getByLabelText('从相册选择'), { target: { files: [new File(['jpeg'], 'car.jpg', { type: 'image/jpeg' })] } });
    expect(await screen.findByAltText('车辆照片 1')).toHaveAttribute('src', '/t/p1');
    expect(screen.getByText('¥128,000（12.8万）')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交审核' }));

    expect(api.post).toHaveBeenCalledWith(MINE, {
      make: '宝马', model: '325Li', year: 2019, mileageKm: 56000, city: '广州', gearbox: 'AUTOMATIC', emissionStandard: 'CN6A',
      priceWishYuan: 128000, photos: ['p1'],
    });
    expect(await screen.findByText('已提交，请等待门店审核。')).toBeInTheDocument();
    expect(screen.getByTestId('used-car-status')).toHaveTextContent('待审核');
  });

  it('refuses a price of −5 or 0 with a message instead of dropping the minus sign', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi();
    renderApp('/app/sell', api);
    fillCar();
    const price = screen.getByLabelText('期望价（元）');

    fireEvent.change(price, { target: { value: '-5' } });
    expect(price).toHaveValue('-5');
    await user.click(screen.getByText('提交审核'));
    expect(screen.getByText('价格须大于 0 元，不能为负数或零')).toBeInTheDocument();
    expect(price).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(price, { target: { value: '0' } });
    await user.click(screen.getByText('提交审核'));
    expect(screen.getByText('价格须大于 0 元，不能为负数或零')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });

  it("offers the owner's registered cars to fill the form in from, leaving every input to change by hand", async () => {
    const user = userEvent.setup({ delay: null });
    const created = usedCar({ submittedBy: 'owner.13800138001' });
    const vehicle = { vin: 'LBVCU31080S000001', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 0 };
    const me = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      profile: { name: '王建国', phone: '13800138001' },
      vehicles: [
        { ...vehicle, id: 'v1', plate: '粤A12345', model: 'BMW 325Li', purchaseDate: '2021-05-18', mileageKm: 42000 },
        { ...vehicle, id: 'v2', plate: '粤A6B888', model: 'X3', purchaseDate: null, mileageKm: null },
      ],
    };
    const get = vi.fn().mockImplementation(async (path: string) => (path.endsWith('/me') ? me : created));
    const post = vi.fn().mockResolvedValue(created);
    renderApp('/app/sell', fakeApi({ get, post }));

    await user.click(await screen.findByText('粤A12345'));
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me', undefined, expect.anything());
    expect(screen.getByLabelText('品牌')).toHaveValue('BMW');
    expect(screen.getByLabelText('车型')).toHaveValue('325Li');
    expect(screen.getByLabelText('年份')).toHaveValue('2021');
    expect(screen.getByLabelText('里程（公里）')).toHaveValue('42000');
    expect(screen.getByText('已填入 粤A12345 的信息，请核对后补充其余项目。')).toBeInTheDocument();

    // another car: what the first one filled in and the second does not say is cleared
    await user.click(screen.getByText('粤A6B888'));
    expect(screen.getByLabelText('车型')).toHaveValue('X3');
    expect(screen.getByLabelText('年份')).toHaveValue('');
    await user.click(screen.getByText('粤A12345'));

    // the owner corrects the mileage and fills in the rest
    fireEvent.change(screen.getByLabelText('里程（公里）'), { target: { value: '45000' } });
    fireEvent.change(screen.getByLabelText('变速箱'), { target: { value: 'AUTOMATIC' } });
    fireEvent.change(screen.getByLabelText('排放标准'), { target: { value: 'CN6A' } });
    fireEvent.change(screen.getByLabelText('所在城市'), { target: { value: '广州' } });
    fireEvent.change(screen.getByLabelText('期望价（元）'), { target: { value: '200000' } });
    await user.click(screen.getByText('提交审核'));

    expect(post).toHaveBeenCalledWith(MINE, {
      make: 'BMW', model: '325Li', year: 2021, mileageKm: 45000, city: '广州', gearbox: 'AUTOMATIC', emissionStandard: 'CN6A',
      priceWishYuan: 200000, photos: [],
    });
  });

  it("shows the server's field message under the input it concerns (422)", async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({
      post: vi.fn().mockRejectedValue(
        new ApiError(422, {
          type: 'https://m4s.dev/problems/validation-failed',
          status: 422,
          errors: [
            { field: 'mileageKm', message: 'must be at most 1,500,000 km' },
            { field: 'photos[0]', message: 'Photo p9 was not uploaded here.' },
          ],
        }),
      ),
    });
    renderApp('/app/sell', api);
    fillCar();
    await user.click(screen.getByRole('button', { name: '提交审核' }));

    expect(await screen.findByText('must be at most 1,500,000 km')).toBeInTheDocument();
    expect(screen.getByLabelText('里程（公里）')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('车辆照片 1：Photo p9 was not uploaded here.')).toBeInTheDocument();
    expect(screen.getByText('请检查标出的字段。')).toBeInTheDocument();
    expect(screen.getByLabelText('品牌')).toHaveValue('宝马');
  });
});

describe('owner: my submissions', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("lists the owner's cars with their status and the store's note", async () => {
    const api = fakeApi({
      get: vi.fn().mockResolvedValue(
        page([
          usedCar({ id: 'a', status: 'CHANGES_REQUESTED', reviewNote: '请补充左前方照片' }),
          usedCar({ id: 'b', status: 'LISTED', make: '奥迪', model: 'A4L', askingPriceYuan: 235000 }),
        ]),
      ),
    });
    renderApp('/app/used-cars', api);

    const cards = await screen.findAllByTestId('owner-used-car');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByText('待修改')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('请补充左前方照片')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('在售')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('挂牌价 ¥235,000（23.5万）')).toBeInTheDocument();
    expect(cards[1]).toHaveAttribute('href', '/app/used-cars/b');
    expect(api.get).toHaveBeenCalledWith(MINE, { size: 50, sort: 'submittedAt,desc' }, expect.anything());
  });
});

describe('owner: one submission', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('edits a car sent back for changes and resubmits it with PUT', async () => {
    const user = userEvent.setup({ delay: null });
    const sentBack = usedCar({ status: 'CHANGES_REQUESTED', reviewNote: '期望价过高，请调整', reviewedBy: 'manager.gz_tianhe', version: 3 });
    const resubmitted = usedCar({ status: 'SUBMITTED', revision: 2, priceWishYuan: 118000, reviewNote: '期望价过高，请调整' });
    const api = carApi(sentBack, resubmitted, { put: vi.fn().mockResolvedValue(resubmitted) });
    renderApp(`/app/used-cars/${ID}`, api);

    expect(await screen.findByTestId('owner-review-note')).toHaveTextContent('期望价过高，请调整');
    await user.click(screen.getByRole('button', { name: '修改并重新提交' }));
    expect(screen.getByLabelText('品牌')).toHaveValue('宝马');
    fireEvent.change(screen.getByLabelText('期望价（元）'), { target: { value: '118,000' } });
    await user.click(screen.getByRole('button', { name: '重新提交审核' }));

    expect(api.put).toHaveBeenCalledWith(`${MINE}/${ID}`, {
      make: '宝马', model: '325Li', year: 2019, mileageKm: 56000, city: '广州', gearbox: 'AUTOMATIC', emissionStandard: 'CN6A',
      colour: '白色', priceWishYuan: 118000, photos: ['https://img.example.com/a.jpg', 'b0b0b0b0-0000-4000-8000-000000000002'],
      conditionNotes: '无事故，定期保养',
    }, sentBack.version);
    expect(await screen.findByText('已重新提交，请等待门店审核。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('used-car-status')).toHaveTextContent('待审核'));
    expect(screen.queryByTestId('owner-review-note')).not.toBeInTheDocument();
  });

  it('withdraws only after the owner confirms', async () => {
    const user = userEvent.setup({ delay: null });
    const listed = usedCar({ status: 'LISTED', askingPriceYuan: 125000, conditionReport: '车况良好' });
    const api = carApi(listed, usedCar({ status: 'WITHDRAWN' }), { post: vi.fn().mockResolvedValue(usedCar({ status: 'WITHDRAWN' })) });
    renderApp(`/app/used-cars/${ID}`, api);

    await user.click(await screen.findByRole('button', { name: '撤回寄售' }));
    expect(screen.queryByRole('button', { name: '修改信息' })).not.toBeInTheDocument();
    const sheet = screen.getByRole('alertdialog', { name: '确定撤回寄售？' });
    await user.click(within(sheet).getByRole('button', { name: '取消' }));
    expect(api.post).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: '撤回寄售' }));
    fireEvent.change(screen.getByLabelText('撤回原因（选填）'), { target: { value: '已自行卖出' } });
    await user.click(screen.getByRole('button', { name: '确认撤回' }));

    expect(api.post).toHaveBeenCalledWith(`${MINE}/${ID}/withdraw`, { reason: '已自行卖出' });
    expect(await screen.findByText('已撤回寄售。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('used-car-status')).toHaveTextContent('已撤回'));
    expect(screen.queryByRole('button', { name: '撤回寄售' })).not.toBeInTheDocument();
  });

  it('offers nothing to do once the car is sold', async () => {
    renderApp(`/app/used-cars/${ID}`, carApi(usedCar({ status: 'SOLD', askingPriceYuan: 125000, soldPriceYuan: 120000 })));
    expect(await screen.findByText('已售出。')).toBeInTheDocument();
    expect(screen.getByText('¥120,000（12万）')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
