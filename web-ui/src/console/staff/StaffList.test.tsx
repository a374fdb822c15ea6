import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffView } from '../../api/types';
import i18n from '../../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { StaffList } from './StaffList';

const zhao: StaffView = {
  id: 's-1', username: 'zhao.sales', displayName: '赵销售', phone: null, role: 'STORE_STAFF', department: 'sales',
  status: 'ACTIVE', failureReason: null, initialPassword: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z',
  version: 5,
};

describe('StaffList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('changes a role with the version the list showed, so a change made meanwhile is not overwritten', async () => {
    // the check of pointer-events reads the computed style of every ancestor: slow in jsdom with Ant Design's styles
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
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

    await user.click(await screen.findByRole('button', { name: '调整角色' }));
    const dialog = await screen.findByRole('dialog', { name: '调整 赵销售 的角色与部门' });
    await user.click(within(dialog).getByLabelText('角色'));
    await user.click(await screen.findByTitle('店长'));
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    await waitFor(() =>
      expect(api.put).toHaveBeenCalledWith('/api/stores/gz_tianhe/staff/s-1', { role: 'STORE_MANAGER', department: 'sales' }, 5));
  });
});
