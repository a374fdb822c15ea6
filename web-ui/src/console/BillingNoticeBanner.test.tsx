import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { BillingNoticeBanner } from './BillingNoticeBanner';

function renderNotice(get: ReturnType<typeof vi.fn>) {
  renderWithAuth(<BillingNoticeBanner store="gz_tianhe" />, {
    auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['store-staff'], { stores: ['gz_tianhe'] }) }),
  });
}

describe('BillingNoticeBanner', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("tells the store's staff when their store becomes read-only", async () => {
    const get = vi.fn().mockResolvedValue({ state: 'PAST_DUE', readOnlyFrom: '2027-01-14T04:00:00Z' });
    renderNotice(get);

    expect(await screen.findByText('集团订阅费用逾期未付')).toBeInTheDocument();
    expect(screen.getByText(/若集团在 2027年1月14日 12:00 前仍未付清，本门店将变为只读/)).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/billing-notice', undefined, expect.anything());
  });

  it('shows nothing when all is well or the notice cannot be read', async () => {
    const get = vi.fn().mockResolvedValueOnce({ state: 'NONE', readOnlyFrom: null });
    renderNotice(get);
    await waitFor(() => expect(get).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
