import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WalletEntryView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyWallet } from './MyWallet';

const entries: WalletEntryView[] = [
  {
    id: 'w3', kind: 'REFUND', principalDelta: 1000, bonusDelta: 2000, method: null, sourceType: 'REPAIR_ORDER', sourceId: 'o1',
    sourceRef: 'WX-TH-00001', refundOf: 'w2', reason: '退一项工时', refundable: 0, createdBy: 'care', createdAt: '2026-12-02T06:00:00Z',
  },
  {
    id: 'w2', kind: 'SPEND', principalDelta: -50000, bonusDelta: -2000, method: null, sourceType: 'REPAIR_ORDER', sourceId: 'o1',
    sourceRef: 'WX-TH-00001', refundOf: null, reason: null, refundable: 49000, createdBy: 'advisor', createdAt: '2026-12-01T06:00:00Z',
  },
  {
    id: 'w1', kind: 'TOP_UP', principalDelta: 50000, bonusDelta: 5000, method: 'WECHAT_QR', sourceType: 'DESK_TOP_UP', sourceId: null,
    sourceRef: null, refundOf: null, reason: null, refundable: 0, createdBy: 'advisor', createdAt: '2026-11-30T06:00:00Z',
  },
];

describe('owner wallet', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the total with principal and bonus apart, each movement in plain words, newest first, and where to top up', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path.endsWith('/me/wallet')
          ? { memberId: 'm-1', principal: 1000, bonus: 5000, total: 6000 }
          : path.endsWith('/me/online-payment')
            ? { methods: [] }
            : { content: entries, page: 0, size: 50, totalElements: 3, totalPages: 1 }) as never,
      ),
    );
    renderWithAuth(
      <Routes>
        <Route path="/app/wallet" element={<MyWallet />} />
      </Routes>,
      { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }), path: '/app/wallet' },
    );
    expect((await screen.findByTestId('owner-wallet-total')).textContent).toBe('60.00');
    expect(screen.getByTestId('owner-wallet-principal').textContent).toBe('10.00');
    expect(screen.getByTestId('owner-wallet-bonus').textContent).toBe('50.00');
    expect(await screen.findByText('门店充值（微信收款码） · 含赠送 50.00')).toBeInTheDocument();
    expect(screen.getAllByTestId('owner-wallet-entry').map((e) => e.querySelector('strong')!.textContent)).toEqual(['+30.00', '-520.00', '+550.00']);
    expect(screen.getByText('退回钱包：工单 WX-TH-00001 · 含赠送 20.00')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/wallet/entries', { size: 50 }, expect.anything());
    // no online payment here: the word to top up at the desk, and no top-up sheet
    expect(await screen.findByText('本店暂未开通在线充值，充值请到门店前台。')).toBeInTheDocument();
    expect(screen.queryByTestId('wallet-top-up')).toBeNull();
  });
});
