import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import i18n from '../../i18n';
import type { Permission } from '../../api/types';
import { EXECUTIVE_PERMISSIONS, MANAGER_PERMISSIONS, claims, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberCreate } from './MemberCreate';
import { button } from '../../testing/buttons';

function renderCreate(api = fakeApi(), permissions: Permission[] = MANAGER_PERMISSIONS, username = 'test.user') {
  return renderWithAuth(<MemberCreate />, {
    auth: fakeAuth({ api, claims: claims(['store-staff'], { username }) }),
    permissions,
    path: '/console/gz_tianhe/members/new',
    route: '/console/:store/members/new',
  });
}

describe('MemberCreate', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('checks required fields and the phone format before asking the server', async () => {
    const api = fakeApi();
    renderCreate(api);

    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '123' } });
    fireEvent.click(button(/保\s*存/));

    expect(await screen.findByText('必填')).toBeInTheDocument();
    expect(await screen.findByText('请输入 11 位手机号')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });

  it('shows the field errors of the problem response beside the inputs they concern', async () => {
    const api = fakeApi({
      post: vi.fn().mockRejectedValue(
        new ApiError(409, {
          type: 'https://m4s.dev/problems/phone-taken',
          status: 409,
          detail: 'Another member of this store already has this phone number.',
          field: 'profile.phone',
        }),
      ),
    });
    renderCreate(api);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王建国' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138001' } });
    fireEvent.click(button(/保\s*存/));

    // the localized problem above the form, the server's message at the phone input
    expect(await screen.findByText('本店已有会员使用此手机号。')).toBeInTheDocument();
    const phone = screen.getByLabelText('手机号');
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Another member of this store already has this phone number.')).toBeInTheDocument();
    // nothing typed is lost
    expect(phone).toHaveValue('13800138001');
    expect(screen.getByLabelText('姓名')).toHaveValue('王建国');
  });

  it('sends the profile and the vehicles and leaves empty optional fields out', async () => {
    const posted: unknown[] = [];
    const api = fakeApi({
      post: vi.fn().mockImplementation(async (_path: string, body?: unknown) => {
        posted.push(body);
        return { id: 'm1', profile: { name: '李秀英' }, vehicles: [] };
      }),
    });
    renderCreate(api);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李秀英' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138002' } });
    fireEvent.click(button(/添加车辆/));
    fireEvent.change(screen.getByLabelText('车牌'), { target: { value: '粤A6B888' } });
    fireEvent.change(screen.getByLabelText('车架号'), { target: { value: 'LBVCU31080S000002' } });
    fireEvent.change(screen.getByLabelText('车型'), { target: { value: 'BMW X3' } });
    fireEvent.click(button(/保\s*存/));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      profile: { name: '李秀英', phone: '13800138002' },
      vehicles: [{ plate: '粤A6B888', vin: 'LBVCU31080S000002', model: 'BMW X3' }],
    });
  });

  it('sends the referrer\'s phone and shows the server\'s refusal of an unknown referrer at that input', async () => {
    const api = fakeApi({
      post: vi.fn().mockRejectedValue(
        new ApiError(422, {
          type: 'https://m4s.dev/problems/referrer-unknown',
          status: 422,
          detail: '本店没有手机号为 13900000000 的会员：推荐人须是本店会员。',
          field: 'referrerPhone',
        }),
      ),
    });
    renderCreate(api);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '沈新' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138003' } });
    fireEvent.change(screen.getByLabelText('推荐人手机号'), { target: { value: '13900000000' } });
    fireEvent.click(button(/保\s*存/));

    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/members', {
        profile: { name: '沈新', phone: '13800138003' },
        vehicles: [],
        referrerPhone: '13900000000',
      }),
    );
    const referrer = screen.getByLabelText('推荐人手机号');
    await waitFor(() => expect(referrer).toHaveAttribute('aria-invalid', 'true'));
    expect(referrer).toHaveValue('13900000000');
  });

  const directory = [
    { username: 'zhou.haitao', displayName: '周海涛', department: 'service', enabled: true, active: true, customers: 3, version: 0 },
    { username: 'wu.li', displayName: '吴莉', department: 'sales', enabled: true, active: true, customers: 0, version: 0 },
  ];

  it('records the signed-in advisor as the referring advisor unless told otherwise, and shows a refusal there', async () => {
    const api = fakeApi({
      get: vi.fn().mockResolvedValue(directory),
      post: vi.fn().mockRejectedValue(
        new ApiError(422, {
          type: 'https://m4s.dev/problems/referring-advisor-unknown',
          status: 422,
          detail: 'zhou.haitao 不是本店的顾问：请从顾问名录中选择推荐该会员的顾问，或不填。',
          field: 'referredByAdvisor',
        }),
      ),
    });
    renderCreate(api, [...MANAGER_PERMISSIONS, 'ADVISOR_VIEW'], 'zhou.haitao');

    expect(await screen.findByText('周海涛 (zhou.haitao)')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors', undefined, expect.anything());
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '沈新' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138003' } });
    fireEvent.click(button(/保\s*存/));

    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/members', {
        profile: { name: '沈新', phone: '13800138003' },
        vehicles: [],
        referredByAdvisor: 'zhou.haitao',
      }),
    );
    const field = screen.getByLabelText('推荐顾问');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  });

  it('leaves the referring advisor empty for a login that is no advisor, and sends none', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(directory), post: vi.fn().mockResolvedValue({ id: 'm1', profile: { name: '沈新' }, vehicles: [] }) });
    renderCreate(api, [...MANAGER_PERMISSIONS, 'ADVISOR_VIEW'], 'manager.gz_tianhe');

    expect(await screen.findByText('无推荐顾问')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '沈新' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138003' } });
    fireEvent.click(button(/保\s*存/));
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/members', { profile: { name: '沈新', phone: '13800138003' }, vehicles: [] }),
    );
  });

  it('refuses users without MEMBER_EDIT in the store (e.g. executives, who only read)', () => {
    renderCreate(fakeApi(), EXECUTIVE_PERMISSIONS);
    expect(screen.getByText('您的角色只能查看会员。')).toBeInTheDocument();
    expect(screen.queryByLabelText('姓名')).not.toBeInTheDocument();
  });
});
