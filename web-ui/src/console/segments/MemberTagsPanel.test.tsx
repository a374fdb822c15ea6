import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberTagsPanel } from './MemberTagsPanel';

const get = () =>
  vi.fn().mockImplementation((url: string) =>
    Promise.resolve(url.endsWith('/tags') ? [{ id: 't1', name: '新能源意向', members: 3 }] : { memberId: 'm-1', tags: ['VIP', '新能源意向'] }),
  );

describe('MemberTagsPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows a reader the member’s tags without the controls to change them', async () => {
    const permissions: Permission[] = ['CONSOLE_USE', 'MEMBER_VIEW', 'SEGMENT_VIEW'];
    renderWithAuth(<MemberTagsPanel store="gz_tianhe" memberId="m-1" />, {
      auth: fakeAuth({ api: fakeApi({ get: get() }) }),
      path: '/console/gz_tianhe/members/m-1',
      route: '/console/:store/*',
      permissions,
    });
    expect(await screen.findByText('VIP')).toBeInTheDocument();
    expect(screen.getByText('新能源意向')).toBeInTheDocument();
    expect(screen.queryByLabelText('选择或输入标签')).toBeNull();
    expect(screen.queryByText('保 存')).toBeNull();
  });

  it('saves the tags as they are shown after one is taken off', async () => {
    const put = vi.fn().mockResolvedValue({ memberId: 'm-1', tags: ['新能源意向'] });
    const permissions: Permission[] = ['CONSOLE_USE', 'MEMBER_VIEW', 'SEGMENT_VIEW', 'MEMBER_TAG'];
    renderWithAuth(<MemberTagsPanel store="gz_tianhe" memberId="m-1" />, {
      auth: fakeAuth({ api: fakeApi({ get: get(), put }) }),
      path: '/console/gz_tianhe/members/m-1',
      route: '/console/:store/*',
      permissions,
    });
    const vip = await screen.findByText('VIP');
    fireEvent.click(vip.closest('.ant-select-selection-item')!.querySelector('.ant-select-selection-item-remove')!);
    fireEvent.click(screen.getByText('保 存'));
    await waitFor(() => expect(put).toHaveBeenCalledWith('/api/stores/gz_tianhe/tags/members/m-1', { tags: ['新能源意向'] }));
  });
});
