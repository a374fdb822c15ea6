import { screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardCardView, DashboardView } from '../../api/types';
import i18n from '../../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { DashboardCards } from './Dashboard';
import { Dashboard } from './Dashboard';
import { bucketLabel } from './periods';
import { waited } from './cards/UsedCarReviewCard';

// the charts are not under test here; ECharts would only slow the tests down
vi.mock('../../antd/LazyChart', () => ({ LazyChart: () => null }));

function card(key: string, figures: Record<string, number>, available = true): DashboardCardView {
  return { key, figures, trend: {}, available };
}

function view(cards: DashboardCardView[], period: DashboardView['period'] = 'THIS_MONTH'): DashboardView {
  return { period, from: '2026-01-31T16:00:00Z', to: '2026-02-01T00:00:00Z', zone: 'Asia/Shanghai', trend: 'LAST_30_DAYS', trendStarts: ['2026-02-01'], cards };
}

describe('the dashboard card registry', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("draws each card the server sends by its key, says when one is unavailable and leaves out keys it doesn't know", () => {
    renderWithAuth(
      <DashboardCards
        store="gz_tianhe"
        view={view([
          card('members', { total: 312, newInPeriod: 17 }),
          card('usedCarReview', { waiting: 3, changesRequested: 1, oldestWaitingMinutes: 1530 }),
          card('staff', {}, false),
          card('points', { granted: 9 }),
        ])}
      />,
      { path: '/console/gz_tianhe', route: '/console/:store' },
    );

    expect(screen.getByTestId('count-members')).toHaveTextContent('312');
    expect(screen.getByText('本月新增')).toBeInTheDocument();
    expect(screen.getByText('1 天 1 小时')).toBeInTheDocument();
    expect(screen.getByText('暂时无法读取这项数据，请稍后刷新。')).toBeInTheDocument();
    expect(document.querySelector('[data-card="points"]')).toBeNull();
    expect([...document.querySelectorAll('[data-card]')].map((e) => e.getAttribute('data-card'))).toEqual(['members', 'usedCarReview', 'staff']);
  });

  it('asks for the chosen period and shows its numbers', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const get = vi.fn().mockImplementation(async (_path: string, query: { period: DashboardView['period'] }) =>
      view([card('members', { total: 40, newInPeriod: query.period === 'LAST_MONTH' ? 11 : 2 })], query.period),
    );
    renderWithAuth(<Dashboard />, {
      auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['store-manager']) }),
      path: '/console/gz_tianhe',
      route: '/console/:store',
      permissions: ['CONSOLE_USE'],
    });
    expect(await screen.findByText('本月新增')).toBeInTheDocument();

    await user.click(screen.getByText('上月'));

    expect(await screen.findByText('上月新增')).toBeInTheDocument();
    await waitFor(() => expect(get).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/dashboard', { period: 'LAST_MONTH', trend: 'LAST_30_DAYS' }, expect.anything()));
    expect(screen.getByText('11')).toBeInTheDocument();
  });
});

describe('dashboard texts', () => {
  it('says how long a car has waited in minutes, hours or days and hours', async () => {
    await i18n.changeLanguage('zh-CN');
    expect([45, 180, 1530].map((m) => waited(m, i18n.t))).toEqual(['45 分钟', '3 小时', '1 天 1 小时']);
  });

  it('names trend buckets by day or by month in the UI language', () => {
    expect(bucketLabel('2026-01-31', 'LAST_30_DAYS', 'zh-CN')).toBe('1月31日');
    expect(bucketLabel('2026-01-01', 'LAST_12_MONTHS', 'zh-CN')).toBe('2026年1月');
    expect(bucketLabel('2026-01-31', 'LAST_30_DAYS', 'en')).toBe('Jan 31');
  });
});
