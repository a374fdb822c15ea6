import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MessageLog } from './MessageLog';

const sent = { id: 'n-1', channel: 'SMS', recipient: '13800138001', topic: 'ownerVerification', body: '您的验证码是 123456', status: 'SENT', createdAt: '2026-12-01T02:00:00Z', sentAt: '2026-12-01T02:00:05Z' };
const page = (content: unknown[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });

function renderLog(get: ReturnType<typeof vi.fn>, query = '') {
  renderWithAuth(<MessageLog />, {
    auth: fakeAuth({ api: fakeApi({ get }) }),
    path: `/console/gz_tianhe/messages${query}`,
    route: '/console/:store/messages',
  });
}

describe('MessageLog', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows each text with its channel and delivery in Chinese, and filters by delivery from the address', async () => {
    const get = vi.fn().mockResolvedValue(page([sent]));
    renderLog(get, '?status=FAILED&q=138');

    expect(await screen.findByText('您的验证码是 123456')).toBeInTheDocument();
    expect(screen.getByText('短信')).toBeInTheDocument();
    expect(screen.getByText('已发送')).toBeInTheDocument();
    expect(screen.queryByText('SMS')).toBeNull();
    expect(get).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/messages',
      { q: '138', status: 'FAILED', page: 0, size: 20, sort: 'createdAt,desc' },
      expect.anything(),
    );
  });

  it('says what will appear here when nothing was sent yet', async () => {
    renderLog(vi.fn().mockResolvedValue(page([])));
    expect(await screen.findByText('还没有发出的消息：车主注册验证码等短信发出后会记录在这里。')).toBeInTheDocument();
  });

  it('says the log is not available when the store-console has none, instead of an empty list', async () => {
    renderLog(vi.fn().mockRejectedValue(new ApiError(404, { type: 'https://m4s.dev/problems/not-found', status: 404, detail: 'No such endpoint' })));
    expect(await screen.findByText('此版本尚未提供消息记录。')).toBeInTheDocument();
    expect(screen.queryByText('导出 Excel')).toBeNull();
  });

  it('searches from the query form, from the first page', async () => {
    const get = vi.fn().mockResolvedValue(page([sent]));
    renderLog(get, '?page=3');
    await screen.findByText('您的验证码是 123456');

    fireEvent.change(screen.getByPlaceholderText('搜索手机号或内容'), { target: { value: '13800138001' } });
    fireEvent.submit(screen.getByPlaceholderText('搜索手机号或内容').closest('form')!);

    await waitFor(() =>
      expect(get).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/messages', expect.objectContaining({ q: '13800138001', page: 0 }), expect.anything()),
    );
  });
});
