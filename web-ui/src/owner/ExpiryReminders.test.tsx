import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { ExpiryReminders } from './ExpiryReminders';

describe('ExpiryReminders', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the owner their choice and changes it at once', async () => {
    const get = vi.fn().mockResolvedValue({ expiryReminders: true });
    const put = vi.fn().mockResolvedValue({ expiryReminders: false });
    renderWithAuth(<ExpiryReminders store="gz_tianhe" />, { auth: fakeAuth({ api: fakeApi({ get, put }), claims: claims(['owner']) }) });

    const box = (await screen.findByLabelText('积分到期前 30 天短信提醒我')) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/points/reminders', undefined, expect.anything());
    fireEvent.click(box);

    await waitFor(() => expect(screen.getByText('已关闭到期提醒：积分到期前不会再收到短信。')).toBeInTheDocument());
    expect(put).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/points/reminders', { expiryReminders: false });
    expect(box.checked).toBe(false);
  });
});
