import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../api/types';
import i18n from '../../i18n';
import { MANAGER_PERMISSIONS, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberList } from './MemberList';

const page = (content: object[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });
const MEMBERS = [
  { id: 'm-1', name: '王小明', phone: '13800000001', plates: ['粤A12345'], createdAt: '2026-12-01T02:00:00Z' },
  { id: 'm-2', name: '李雷', phone: '13800000002', plates: [], createdAt: '2026-12-02T02:00:00Z' },
];

function renderList(api = fakeApi({ get: vi.fn().mockResolvedValue(page(MEMBERS)) }), permissions: Permission[] = MANAGER_PERMISSIONS) {
  renderWithAuth(<MemberList />, { auth: fakeAuth({ api }), path: '/console/gz_tianhe/members', route: '/console/:store/members', permissions });
  return api;
}

describe('MemberList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('tells a store without members how to add the first one', async () => {
    renderList(fakeApi());
    expect(await screen.findByText('还没有会员，点击“新建会员”添加。')).toBeInTheDocument();
  });

  it('offers Excel export only with MEMBER_EXPORT, and deleting only with MEMBER_EDIT', async () => {
    renderList(undefined, MANAGER_PERMISSIONS.filter((p) => p !== 'MEMBER_EXPORT' && p !== 'MEMBER_EDIT'));
    await screen.findByText('王小明');
    expect(screen.queryByText('导出 Excel')).not.toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('deletes the selected members after confirming, then reloads', async () => {
    const api = renderList();
    expect(screen.getByText('导出 Excel')).toBeInTheDocument();
    const row = (await screen.findByText('李雷')).closest('tr')!;
    fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(screen.getByText('删除所选'));
    fireEvent.click(await screen.findByText(/^删\s?除$/));

    await waitFor(() => expect(api.delete).toHaveBeenCalledWith('/api/stores/gz_tianhe/members/m-2'));
    expect(api.delete).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.get).toHaveBeenCalledTimes(2));
  });
});
