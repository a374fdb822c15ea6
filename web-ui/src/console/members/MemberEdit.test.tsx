import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { MemberView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { MANAGER_PERMISSIONS, claims, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberEdit } from './MemberEdit';
import { button, findButton, findDialog } from '../../testing/buttons';

const PATH = '/api/stores/gz_tianhe/members/m-1';

function member(vehicleVersion: number, mileageKm: number): MemberView {
  return {
    id: 'm-1',
    profile: { name: '王建国', phone: '13800138001', birthday: null, source: 'WALK_IN', notes: null },
    vehicles: [
      {
        id: 'v-1', plate: '粤A12345', vin: 'LBVCU31080S000001', model: 'BMW 325Li', purchaseDate: '2022-06-18', mileageKm,
        createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z', version: vehicleVersion,
      },
    ],
    ownerUsername: 'owner.13800138001',
    referrer: { memberId: 'm-9', name: '蒋推荐' },
    referringAdvisor: { username: 'zhou.haitao', displayName: '周海涛' },
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    version: 7,
  };
}

/** The vehicles' odometer histories (empty here) apart from the member's other reads. */
function withMileage(get: ReturnType<typeof vi.fn>) {
  return vi.fn((path: string, ...rest: unknown[]) => (path.endsWith('/mileage') ? Promise.resolve([]) : get(path, ...rest)));
}

/** Store staff of the finance department: they read members, MEMBER_EDIT (which deleting needs) is not theirs. */
const FINANCE_STAFF: Permission[] = ['STORE_ENTER', 'CONSOLE_USE', 'MEMBER_VIEW', 'USED_CAR_VIEW', 'USED_CAR_MARKET_VIEW'];

function renderEdit(api: ReturnType<typeof fakeApi>, permissions: Permission[] = MANAGER_PERMISSIONS) {
  return renderWithAuth(<MemberEdit />, {
    auth: fakeAuth({ api, claims: claims(['store-manager']) }),
    path: '/console/gz_tianhe/members/m-1',
    route: '/console/:store/members/:memberId',
    permissions,
  });
}

describe('MemberEdit', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('offers deleting the member and removing vehicles only with MEMBER_EDIT, as the server requires', async () => {
    const api = fakeApi({ get: withMileage(vi.fn().mockResolvedValue(member(2, 23000))) });
    const { unmount } = renderEdit(api, MANAGER_PERMISSIONS);
    expect(await screen.findByText('删除会员')).toBeInTheDocument();
    expect(screen.getByText('粤A12345')).toBeInTheDocument();
    // who referred the member, a link to the referrer's page
    expect(screen.getByText('蒋推荐').closest('a')).toHaveAttribute('href', '/console/gz_tianhe/members/m-9');
    // and the advisor who brought them in
    expect(screen.getByText('推荐顾问')).toBeInTheDocument();
    expect(screen.getByText('zhou.haitao')).toBeInTheDocument();
    expect(screen.getByText(/^移\s*除$/)).toBeInTheDocument();
    unmount();

    renderEdit(api, FINANCE_STAFF);
    expect(await screen.findByText('粤A12345')).toBeInTheDocument();
    expect(screen.queryByText('删除会员')).toBeNull();
    expect(screen.queryByText(/^移\s*除$/)).toBeNull();
    expect(screen.getByLabelText('姓名')).toBeDisabled();
  });

  it('saves the profile with the version it was filled from', async () => {
    const api = fakeApi({ get: withMileage(vi.fn().mockResolvedValue(member(2, 23000))), put: vi.fn().mockResolvedValue({}) });
    renderEdit(api);

    await waitFor(() => expect(screen.getByLabelText('姓名')).toHaveValue('王建国'));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王建国(VIP)' } });
    fireEvent.click(button(/保\s*存/));

    await waitFor(() => expect(api.put).toHaveBeenCalledWith(PATH, expect.objectContaining({ name: '王建国(VIP)' }), 7));
  });

  it('changes a vehicle with its version; when someone changed it meanwhile, says so and reloads the member', async () => {
    const api = fakeApi({
      get: withMileage(vi.fn().mockResolvedValueOnce(member(2, 23000)).mockResolvedValue(member(3, 30000))),
      put: vi.fn().mockRejectedValue(new ApiError(409, { type: 'https://m4s.dev/problems/concurrent-update', detail: 'changed' })),
    });
    renderEdit(api);

    fireEvent.click(await findButton(/编\s*辑/));
    const dialog = await findDialog('编辑车辆');
    await waitFor(() => expect(within(dialog).getByLabelText('里程（公里）')).toHaveValue('23000'));
    fireEvent.change(within(dialog).getByLabelText('里程（公里）'), { target: { value: '25000' } });
    fireEvent.click(button(/保\s*存/, dialog));

    await waitFor(() =>
      expect(api.put).toHaveBeenCalledWith(`${PATH}/vehicles/v-1`, expect.objectContaining({ mileageKm: 25000 }), 2));
    expect(await within(dialog).findByText('他人刚刚修改了此记录，请刷新后重试。')).toBeInTheDocument();
    // the member behind the dialog is read again: the list shows the other person's change
    const memberReads = () => api.get.mock.calls.filter(([path]) => !String(path).endsWith('/mileage') && !String(path).includes('/advisors') && !String(path).includes('/tags'));
    await waitFor(() => expect(memberReads()).toHaveLength(2));
    expect(await screen.findByText('30000', { selector: 'td' })).toBeInTheDocument();
  });
});
