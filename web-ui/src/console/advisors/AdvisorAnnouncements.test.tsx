import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdvisorAnnouncementDetail, AdvisorAnnouncementRow, MyAdvisorAnnouncement, Permission } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AdvisorAnnouncementList, AnnouncementReceipts } from './AdvisorAnnouncementList';
import { MyAnnouncements } from './MyAnnouncements';

const ID = '7d4f6a30-1c2b-4e5f-8a9b-0c1d2e3f4a5b';
const row: AdvisorAnnouncementRow = {
  id: ID,
  title: '十二月保养季活动',
  audience: 'ALL',
  postedBy: 'manager.gz_tianhe',
  postedByName: '林晓峰',
  postedAt: '2026-12-01T01:00:00Z',
  readCount: 1,
  total: 2,
};
const detail: AdvisorAnnouncementDetail = {
  ...row,
  body: '保养工时 8 折。',
  readers: [
    { username: 'wu.li', displayName: '吴莉', readAt: null },
    { username: 'zhou.haitao', displayName: '周海涛', readAt: '2026-12-01T02:00:00Z' },
  ],
};
const page = <T,>(content: T[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });

describe('advisor announcements', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the manager how many advisors read each announcement', async () => {
    const get = vi.fn().mockResolvedValue(page([row]));
    renderWithAuth(<AdvisorAnnouncementList />, {
      auth: fakeAuth({ api: fakeApi({ get }) }),
      path: '/console/gz_tianhe/advisor-announcements',
      route: '/console/:store/*',
      permissions: ['CONSOLE_USE', 'ANNOUNCEMENT_POST'] satisfies Permission[],
    });
    const tr = (await screen.findByText('十二月保养季活动')).closest('tr')!;
    expect(within(tr).getByText('1/2 已读')).toBeInTheDocument();
    expect(within(tr).getByText('全部顾问')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/announcements', expect.objectContaining({ sort: 'postedAt,desc' }), expect.anything());
  });

  it('lists who has not read an announcement apart from who has', async () => {
    const get = vi.fn().mockResolvedValue(detail);
    renderWithAuth(<AnnouncementReceipts store="gz_tianhe" id={ID} onClose={() => undefined} />, { auth: fakeAuth({ api: fakeApi({ get }) }) });
    expect(await screen.findByText('未读（1）')).toBeInTheDocument();
    expect(within(screen.getByTestId('unread-advisors')).getByText('吴莉')).toBeInTheDocument();
    expect(within(screen.getByTestId('read-advisors')).getByText('周海涛')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`/api/stores/gz_tianhe/advisors/announcements/${ID}`, undefined, expect.anything());
  });

  it('lets an advisor open an unread announcement, which sends the read receipt once', async () => {
    const mine: MyAdvisorAnnouncement = { id: ID, title: '十二月保养季活动', body: '保养工时 8 折。', postedByName: '林晓峰', postedAt: '2026-12-01T01:00:00Z', readAt: null };
    const api = fakeApi({
      get: vi.fn().mockResolvedValue(page([mine])),
      post: vi.fn().mockResolvedValue({ ...mine, readAt: '2026-12-02T01:00:00Z' }),
    });
    renderWithAuth(<MyAnnouncements />, {
      auth: fakeAuth({ api }),
      path: '/console/gz_tianhe/my-announcements',
      route: '/console/:store/*',
      permissions: ['CONSOLE_USE'] satisfies Permission[],
    });
    const tr = (await screen.findByText('十二月保养季活动')).closest('tr')!;
    expect(within(tr).getByText('未读')).toBeInTheDocument();
    fireEvent.click(within(tr).getByText('十二月保养季活动'));
    expect(await screen.findByText('保养工时 8 折。')).toBeInTheDocument();
    await waitFor(() => expect(api.post).toHaveBeenCalledWith(`/api/stores/gz_tianhe/advisors/announcements/mine/${ID}/read`));
    expect(api.post).toHaveBeenCalledTimes(1);
  });
});
