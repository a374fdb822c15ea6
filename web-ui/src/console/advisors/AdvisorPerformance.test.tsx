import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdvisorPerformanceRow, Permission } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AdvisorPerformance } from './AdvisorPerformance';

const PERMISSIONS: Permission[] = ['CONSOLE_USE', 'ADVISOR_VIEW'];

const rows: AdvisorPerformanceRow[] = [
  {
    username: 'zhou.haitao',
    displayName: '周海涛',
    dmsName: '周顾问',
    active: true,
    customers: 128,
    referrals: 7,
    ratingAverage: 4.6667,
    ratingCount: 3,
    pointsGranted: 12488,
  },
  {
    username: 'wu.li',
    displayName: '吴莉',
    dmsName: null,
    active: true,
    customers: 4,
    referrals: 0,
    ratingAverage: null,
    ratingCount: 0,
    pointsGranted: 0,
  },
];

describe('AdvisorPerformance', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows each advisor’s figures, says what they count, and asks for the list in its default sort', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue({ content: rows, page: 0, size: 20, totalElements: 2, totalPages: 1 }) });
    renderWithAuth(<AdvisorPerformance />, {
      auth: fakeAuth({ api }),
      path: '/console/gz_tianhe/advisor-performance',
      route: '/console/:store/*',
      permissions: PERMISSIONS,
    });
    const zhou = (await screen.findByText('周海涛')).closest('tr')!;
    expect(within(zhou).getByText('128')).toBeInTheDocument();
    expect(within(zhou).getByText('4.67')).toBeInTheDocument();
    expect(within(zhou).getByText('12,488')).toBeInTheDocument();
    const wu = screen.getByText('吴莉').closest('tr')!;
    expect(within(wu).getByText('暂无评价')).toBeInTheDocument();
    expect(screen.getByText(/推荐会员：新建会员时记录的推荐顾问为该顾问的会员数/)).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/advisors/performance',
      expect.objectContaining({ sort: 'customers,desc' }),
      expect.anything(),
    );
  });
});
