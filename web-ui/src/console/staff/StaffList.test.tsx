import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffEntry } from '../../api/types';
import i18n from '../../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { StaffList } from './StaffList';

const zhao: StaffEntry = {
  id: 's-1', loginId: 'kc-1', username: 'zhao.sales', displayName: '赵销售', phone: null, role: 'STORE_STAFF', department: 'sales',
  status: 'ACTIVE', failureReason: null, createdAt: '2026-11-01T00:00:00Z', version: 5,
};
/** The realm's own manager: a login made in Keycloak, with no staff record of the store. */
const lin: StaffEntry = {
  id: null, loginId: 'kc-2', username: 'manager.gz_tianhe', displayName: '林晓峰', phone: null, role: 'STORE_MANAGER', department: null,
  status: 'ACTIVE', failureReason: null, createdAt: '2026-10-01T00:00:00Z', version: null,
};

describe('StaffList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("lists a login made in Keycloak with its role, and leaves its changes to the sign-in system", async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue({ content: [lin, zhao], page: 0, size: 20, totalElements: 2, totalPages: 1 }) });
    renderWithAuth(
      <App>
        <StaffList />
      </App>,
      { auth: fakeAuth({ api, claims: claims(['store-manager']) }), path: '/console/gz_tianhe/staff', route: '/console/:store/staff' },
    );

    const row = (await screen.findByText('林晓峰')).closest('tr')!;
    expect(within(row).getByText('店长')).toBeInTheDocument();
    expect(within(row).getByText('由统一账号系统管理')).toBeInTheDocument();
    expect(within(row).queryByText('调整角色')).toBeNull();
    expect(within(screen.getByText('赵销售').closest('tr')!).getByText('调整角色')).toBeInTheDocument();
  });

  it('changes a role with the version the list showed, so a change made meanwhile is not overwritten', async () => {
    const api = fakeApi({
      get: vi.fn().mockResolvedValue({ content: [zhao], page: 0, size: 20, totalElements: 1, totalPages: 1 }),
      put: vi.fn().mockResolvedValue({ ...zhao, role: 'STORE_MANAGER', version: 6 }),
    });
    renderWithAuth(
      <App>
        <StaffList />
      </App>,
      { auth: fakeAuth({ api, claims: claims(['store-manager']) }), path: '/console/gz_tianhe/staff', route: '/console/:store/staff' },
    );

    // queried by text, not by role and name, and fireEvent, not userEvent: both are slow in jsdom over antd's trees
    fireEvent.click((await screen.findByText('调整角色')).closest('button')!);
    const dialog = (await screen.findByText('调整 赵销售 的角色与部门')).closest<HTMLElement>('.ant-modal')!;
    // Ant Design's select opens on mouseDown
    fireEvent.mouseDown(within(dialog).getByLabelText('角色'));
    fireEvent.click(await screen.findByTitle('店长'));
    fireEvent.click(within(dialog).getByText(/保\s*存/).closest('button')!);

    await waitFor(() =>
      expect(api.put).toHaveBeenCalledWith('/api/stores/gz_tianhe/staff/s-1', { role: 'STORE_MANAGER', department: 'sales' }, 5));
  });
});
