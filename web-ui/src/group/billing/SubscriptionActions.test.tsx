import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BillingView } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton } from '../../testing/buttons';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { SubscriptionActions } from './SubscriptionActions';

const PLANS = [
  { code: 'standard', nameZh: '标准版', nameEn: 'Standard', monthlyFenPerStore: 29_900, currency: 'cny', rank: 1 },
  { code: 'premium', nameZh: '高级版', nameEn: 'Premium', monthlyFenPerStore: 59_900, currency: 'cny', rank: 2 },
];
const NONE: BillingView = {
  groupCode: 'huanan', stripeConfigured: true, status: 'NONE', plan: null, billableStores: 3, quantity: 0,
  cancelAtPeriodEnd: false, gracePeriodDays: 14, trialDays: 30, trialAvailable: true, plans: PLANS,
};
const ACTIVE: BillingView = { ...NONE, status: 'ACTIVE', plan: PLANS[0], quantity: 3, trialAvailable: false };

function renderActions(view: BillingView, api = fakeApi()) {
  const onChanged = vi.fn();
  renderWithAuth(
    <App>
      <SubscriptionActions view={view} onChanged={onChanged} />
    </App>,
    { auth: fakeAuth({ api, claims: claims(['group-executive'], { group: 'huanan', stores: [] }) }) },
  );
  return { api, onChanged };
}

describe('SubscriptionActions', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('starts the subscription on the chosen plan after confirming, naming the trial', async () => {
    const { api, onChanged } = renderActions(NONE, fakeApi({ post: vi.fn().mockResolvedValue(ACTIVE) }));

    fireEvent.click(button('开通订阅'));
    expect(await screen.findByText('首次开通享 30 天免费试用，之后按运营中的门店数每月收费。')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
    fireEvent.click(await findButton('开通订阅', document.querySelector<HTMLElement>('.ant-popover')!));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.post).toHaveBeenCalledWith('/api/admin/groups/huanan/billing/subscription', { plan: 'standard' });
  });

  it('cancels at the end of the period only after confirming', async () => {
    const { api, onChanged } = renderActions(ACTIVE, fakeApi({ post: vi.fn().mockResolvedValue({ ...ACTIVE, cancelAtPeriodEnd: true }) }));

    fireEvent.click(button('到期取消'));
    expect(await screen.findByText(/本期结束后订阅终止，集团所有门店将变为只读/)).toBeInTheDocument();
    fireEvent.click(await findButton('到期取消', document.querySelector<HTMLElement>('.ant-popover')!));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.post).toHaveBeenCalledWith('/api/admin/groups/huanan/billing/subscription/cancellation');
  });

  it('offers nothing that needs Stripe when the platform has no keys', () => {
    renderActions({ ...NONE, stripeConfigured: false });

    expect(button('开通订阅')).toBeDisabled();
    expect(button('管理付款方式')).toBeDisabled();
  });
});
