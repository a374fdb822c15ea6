import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { TransferPoints } from './TransferPoints';

function renderForm(api: Parameters<typeof fakeApi>[0], onTransferred = vi.fn()) {
  renderWithAuth(<TransferPoints store="gz_tianhe" onTransferred={onTransferred} />, {
    auth: fakeAuth({ api: fakeApi(api), claims: claims(['owner']) }),
  });
  fireEvent.click(screen.getByText('转赠积分'));
  fireEvent.change(screen.getByLabelText('对方手机号'), { target: { value: '13800000002' } });
  fireEvent.change(screen.getByLabelText('转赠积分数'), { target: { value: '100' } });
  return onTransferred;
}

describe('TransferPoints', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('confirms with the masked receiver, sends once with an Idempotency-Key and says the result', async () => {
    const get = vi.fn().mockResolvedValue({ name: '张*', phone: '138****0002' });
    const post = vi.fn().mockResolvedValue({ id: 't-1', recipientName: '张*', recipientPhone: '138****0002', points: 100, status: 'COMPLETED', createdAt: '2026-12-03T10:00:00Z', availableAfter: 400 });
    const reload = renderForm({ get, post });

    fireEvent.click(screen.getByText('下一步'));

    expect(await screen.findByText('确认把 100 积分转赠给 张*（138****0002）？转赠后不能自行撤回。')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/point-transfers/recipient', { phone: '13800000002' });
    fireEvent.click(screen.getByText('确认转赠'));

    expect(await screen.findByText('已转赠 100 积分给 张*，剩余可用 400 积分。')).toBeInTheDocument();
    expect(post).toHaveBeenCalledTimes(1);
    const [path, body, key] = post.mock.calls[0] as [string, unknown, unknown];
    expect(path).toBe('/api/stores/gz_tianhe/me/point-transfers');
    expect(body).toEqual({ phone: '13800000002', points: 100 });
    expect(typeof key).toBe('string');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("shows the store's refusal in its words and moves nothing", async () => {
    const get = vi.fn().mockRejectedValue(
      new ApiError(422, {
        type: 'https://m4s.dev/problems/point-transfer-recipient-unknown',
        status: 422,
        detail: '本店没有使用该手机号的会员。积分只能转赠给同一门店的会员。',
      }, 'zh-CN'),
    );
    const post = vi.fn();
    const reload = renderForm({ get, post });

    fireEvent.click(screen.getByText('下一步'));

    expect(await screen.findByRole('alert')).toHaveTextContent('本店没有使用该手机号的会员。积分只能转赠给同一门店的会员。');
    expect(post).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});
