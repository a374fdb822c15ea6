import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import i18n from '../../i18n';
import type { Permission } from '../../api/types';
import { EXECUTIVE_PERMISSIONS, MANAGER_PERMISSIONS, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { page, usedCar } from '../../testing/usedCars';
import { UsedCarSubmit } from './UsedCarSubmit';
import { button } from '../../testing/buttons';

const wang = { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: '王建国', phone: '13800138001', plates: ['粤A12345'], createdAt: '2026-01-01T00:00:00Z' };

function renderSubmit(api: ReturnType<typeof fakeApi>, permissions: Permission[] = MANAGER_PERMISSIONS) {
  return renderWithAuth(
    <App>
      <UsedCarSubmit />
    </App>,
    { auth: fakeAuth({ api }), path: '/console/gz_tianhe/used-cars/new', route: '/console/:store/used-cars/new', permissions },
  );
}

// fireEvent, not userEvent, on the selects: much faster in jsdom, and Ant Design listens to mouseDown anyway
async function chooseMember() {
  const picker = screen.getByLabelText('会员');
  fireEvent.mouseDown(picker);
  fireEvent.change(picker, { target: { value: '王' } });
  fireEvent.click(await screen.findByTitle('王建国 · 13800138001 · 粤A12345'));
}

function describeCar() {
  fireEvent.change(screen.getByLabelText('品牌'), { target: { value: '宝马' } });
  fireEvent.change(screen.getByLabelText('车型'), { target: { value: '325Li' } });
  fireEvent.change(screen.getByLabelText('年份'), { target: { value: '2019' } });
  fireEvent.change(screen.getByLabelText('里程（公里）'), { target: { value: '56000' } });
  fireEvent.change(screen.getByLabelText('所在城市'), { target: { value: '广州' } });
  fireEvent.change(screen.getByLabelText('期望价（元）'), { target: { value: '128000' } });
}

async function chooseOption(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByTitle(option));
}

describe('UsedCarSubmit', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('finds the member by search and sends the car for them', async () => {
    const post = vi.fn().mockResolvedValue(usedCar());
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page([wang])), post });
    renderSubmit(api);

    await chooseMember();
    await waitFor(() => expect(api.get).toHaveBeenCalledWith('/api/stores/gz_tianhe/members', { q: '王', size: 10, sort: 'name,asc' }));
    describeCar();
    await chooseOption('变速箱', '自动');
    await chooseOption('排放标准', '国六 a');
    fireEvent.click(button(/代会员寄售/));

    await waitFor(() =>
      expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/used-cars', {
        memberId: wang.id,
        car: { make: '宝马', model: '325Li', year: 2019, mileageKm: 56000, city: '广州', gearbox: 'AUTOMATIC', emissionStandard: 'CN6A', priceWishYuan: 128000, photos: [] },
      }),
    );
  });

  it("shows the server's validation messages beside the fields they concern (422)", async () => {
    const post = vi.fn().mockRejectedValue(
      new ApiError(422, {
        type: 'https://m4s.dev/problems/year-in-future',
        status: 422,
        detail: 'The model year 2019 is after this year (2018).',
        field: 'car.year',
      }),
    );
    renderSubmit(fakeApi({ get: vi.fn().mockResolvedValue(page([wang])), post }));

    await chooseMember();
    describeCar();
    await chooseOption('变速箱', '自动');
    await chooseOption('排放标准', '国六 a');
    fireEvent.click(button(/代会员寄售/));

    expect(await screen.findByText('The model year 2019 is after this year (2018).')).toBeInTheDocument();
    expect(screen.getByText('年份不能晚于今年。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('年份')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('品牌')).toHaveValue('宝马');
  });

  it('checks the required fields before asking the server', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(page([wang])) });
    renderSubmit(api);
    fireEvent.click(button(/代会员寄售/));
    // member, make, model, year, mileage, city, gearbox, emission standard, price wish
    await waitFor(() => expect(screen.getAllByText('必填')).toHaveLength(9));
    expect(api.post).not.toHaveBeenCalled();
  });

  it('refuses users without USED_CAR_MANAGE, who may only read', () => {
    renderSubmit(fakeApi(), EXECUTIVE_PERMISSIONS);
    expect(screen.getByText('您的角色只能查看二手车。')).toBeInTheDocument();
  });
});
