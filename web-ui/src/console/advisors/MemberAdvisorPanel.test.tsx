import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberAdvisor, Permission } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberAdvisorPanel } from './MemberAdvisorPanel';

const bound: MemberAdvisor = { memberId: 'm-1', advisor: 'zhou', displayName: '周海涛', boundAt: '2026-11-02T06:00:00Z' };

describe('MemberAdvisorPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the member’s advisor to a reader, without the binding controls', async () => {
    const get = vi.fn().mockResolvedValue(bound);
    const permissions: Permission[] = ['CONSOLE_USE', 'MEMBER_VIEW'];
    renderWithAuth(<MemberAdvisorPanel store="gz_tianhe" memberId="m-1" />, {
      auth: fakeAuth({ api: fakeApi({ get }) }),
      path: '/console/gz_tianhe/members/m-1',
      route: '/console/:store/*',
      permissions,
    });
    expect(await screen.findByText(/周海涛（/)).toBeInTheDocument();
    expect(screen.queryByText('绑定')).toBeNull();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/members/m-1', undefined, expect.anything());
  });
});
