import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { InboxBell, POLL_MS, type Inbox } from './InboxBell';
import { relativeTime } from './relativeTime';

const NOW = Date.parse('2027-03-01T10:00:00Z');

function inbox(unread: number, content: Inbox['content']): Inbox {
  return { content, page: 0, size: 10, totalElements: content.length, totalPages: 1, unread };
}

const waiting = {
  id: 'm1',
  kind: 'used-car-submitted',
  title: '新车源待审核：宝马 X3（2019）',
  body: '车主提交了寄售申请，请尽快完成专家审核。',
  link: '/console/gz_tianhe/used-cars/c1',
  createdAt: new Date(NOW - 5 * 60_000).toISOString(),
  readAt: null,
};

describe('InboxBell', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the unread count, lists the latest with Chinese relative times, and a click reads and opens the message', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const api = fakeApi({ get: vi.fn().mockResolvedValue(inbox(1, [waiting])) });
    renderWithAuth(<InboxBell store="gz_tianhe" />, { auth: fakeAuth({ api }), path: '/console/gz_tianhe', route: '/console/:store/*' });

    const bell = await screen.findByLabelText('消息通知，1 条未读');
    fireEvent.click(bell);
    expect(await screen.findByText('新车源待审核：宝马 X3（2019）')).toBeInTheDocument();
    expect(screen.getByText('5分钟前')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/api/stores/gz_tianhe/inbox', { size: 10 });

    api.get.mockResolvedValue(inbox(0, [{ ...waiting, readAt: new Date(NOW).toISOString() }]));
    fireEvent.click(screen.getByText('新车源待审核：宝马 X3（2019）'));

    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/inbox/m1/read'));
    expect(await screen.findByLabelText('消息通知，0 条未读')).toBeInTheDocument();
  });

  it('says 暂无新消息 when there is nothing, and 全部已读 marks everything read', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(inbox(0, [])) });
    renderWithAuth(<InboxBell store="gz_tianhe" />, { auth: fakeAuth({ api }) });

    fireEvent.click(await screen.findByLabelText('消息通知，0 条未读'));
    expect(await screen.findByText('暂无新消息')).toBeInTheDocument();
    expect(screen.getByText('全部已读').closest('button')).toBeDisabled();

    api.get.mockResolvedValue(inbox(2, [waiting, { ...waiting, id: 'm2' }]));
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(screen.getByText('全部已读').closest('button')).toBeEnabled());
    fireEvent.click(screen.getByText('全部已读'));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/inbox/read-all'));
  });

  it('asks again every minute', async () => {
    vi.useFakeTimers();
    const api = fakeApi({ get: vi.fn().mockResolvedValue(inbox(0, [])) });
    renderWithAuth(<InboxBell store="gz_tianhe" />, { auth: fakeAuth({ api }) });
    expect(api.get).toHaveBeenCalledTimes(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_MS);
    });

    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('says how long ago in the UI language', () => {
    expect(relativeTime('2027-03-01T07:00:00Z', 'zh-CN', NOW)).toBe('3小时前');
    expect(relativeTime('2027-02-26T10:00:00Z', 'en', NOW)).toBe('3 days ago');
  });
});
