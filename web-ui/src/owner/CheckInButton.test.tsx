import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { CheckInButton } from './CheckInButton';

function renderButton(post: ReturnType<typeof vi.fn>, onCheckedIn = vi.fn()) {
  renderWithAuth(<CheckInButton store="gz_tianhe" onCheckedIn={onCheckedIn} />, {
    auth: fakeAuth({ api: fakeApi({ post }), claims: claims(['owner']) }),
  });
  return onCheckedIn;
}

describe('CheckInButton', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('checks in and shows the points granted, then the balance reloads', async () => {
    const post = vi.fn().mockResolvedValue({ points: 5, available: 1493 });
    const reload = renderButton(post);

    fireEvent.click(screen.getByText('每日签到'));

    expect(await screen.findByText('签到成功，获得 5 积分')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/check-ins');
    expect(screen.getByText('今天已签到').closest('button')).toBeDisabled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('says 今天已签到 when the store answers already-checked-in, without reloading', async () => {
    const post = vi.fn().mockRejectedValue(new ApiError(409, { type: 'https://m4s.dev/problems/already-checked-in', status: 409 }));
    const reload = renderButton(post);

    fireEvent.click(screen.getByText('每日签到'));

    expect(await screen.findByText('今天已签到，明天再来吧')).toBeInTheDocument();
    expect(screen.getByText('今天已签到').closest('button')).toBeDisabled();
    expect(reload).not.toHaveBeenCalled();
  });
});
