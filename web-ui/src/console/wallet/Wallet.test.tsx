import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WalletCashOutView, WalletEntryView, WalletSettingsView } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { formatFen, yuanToFen } from '../../ui/wallet';
import { bonusFor, MemberWallet, RefundDialog, ReversalDialog, TopUpDialog } from './MemberWallet';
import { WalletCashOutList } from './WalletCashOutList';
import { WalletSettingsCard } from './WalletSettingsCard';

const BASE = '/api/stores/gz_tianhe/members/m-1/wallet';
const settings: WalletSettingsView = { bonusTiers: [{ minTopUp: 20000, bonus: 1000 }, { minTopUp: 50000, bonus: 5000 }], cashOutApprovalAbove: 50000, version: 2 };
const spend: WalletEntryView = {
  id: 'w2', kind: 'SPEND', principalDelta: -50000, bonusDelta: -2000, method: null, sourceType: 'REPAIR_ORDER', sourceId: 'o1',
  sourceRef: 'WX-TH-00001', refundOf: null, reason: null, refundable: 52000, createdBy: 'advisor', createdAt: '2026-12-01T06:00:00Z',
};

describe('wallet money', () => {
  it('formats fen as yuan, reads yuan as whole fen, and previews the highest tier reached', () => {
    expect(formatFen(1234567, 'zh-CN')).toBe('12,345.67');
    expect(formatFen(-5, 'en')).toBe('-0.05');
    expect(yuanToFen(500.1)).toBe(50010);
    expect(yuanToFen(0.29)).toBe(29);
    expect(bonusFor(settings, 60000)).toBe(5000);
    expect(bonusFor(settings, 49999)).toBe(1000);
    expect(bonusFor(settings, 100)).toBe(0);
  });
});

describe('MemberWallet', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows principal, bonus and the history, and offers a refund of what is left of a payment only to who may refund', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        (path === BASE
          ? { memberId: 'm-1', principal: 0, bonus: 3000, total: 3000 }
          : path.endsWith('/settings')
            ? settings
            : { content: [spend], page: 0, size: 10, totalElements: 1, totalPages: 1 }) as never,
      ),
    );
    renderWithAuth(<MemberWallet store="gz_tianhe" memberId="m-1" />, { auth: fakeAuth({ api: fakeApi({ get }) }), permissions: ['WALLET_VIEW'] });
    expect(await screen.findByText('工单 WX-TH-00001')).toBeInTheDocument();
    const row = screen.getByText('工单 WX-TH-00001').closest('tr')!;
    expect(within(row).getByTestId('wallet-principal-change').textContent).toBe('-500.00');
    expect(within(row).getByTestId('wallet-bonus-change').textContent).toBe('-20.00');
    expect([...document.querySelectorAll('.ant-statistic')].map((s) => s.textContent)).toEqual(['本金余额0.00', '赠送余额30.00', '钱包总额30.00']);
    expect(screen.queryByText('退回钱包')).toBeNull();
    expect(screen.queryByText('充值')).toBeNull();
  });

  it('tops up after a confirmation that names the bonus; a retry after a lost answer sends the same Idempotency-Key', async () => {
    const post = vi.fn().mockRejectedValueOnce(new Error('lost')).mockResolvedValue({ entryId: 'w9', kind: 'TOP_UP', principalDelta: 60000, bonusDelta: 5000, balance: {} });
    const api = fakeApi({ post });
    const onDone = vi.fn();
    renderWithAuth(
      <App>
        <TopUpDialog open path={BASE} settings={settings} onClose={vi.fn()} onDone={onDone} />
      </App>,
      { auth: fakeAuth({ api }) },
    );
    fireEvent.change(await screen.findByLabelText('充值金额（元）'), { target: { value: '600' } });
    fireEvent.click(screen.getByLabelText('微信收款码'));
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('向该会员钱包充值 600.00 元（微信收款码）。 按本店赠送规则另送 50.00 元。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认充值'));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    fireEvent.click(await findButton('下一步'));
    fireEvent.click(await findButton('确认充值'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [[path, body, key], [, again, sameKey]] = post.mock.calls as [[string, unknown, string], [string, unknown, string]];
    expect(path).toBe(`${BASE}/top-ups`);
    expect(body).toEqual({ amount: 60000, method: 'WECHAT_QR', note: null });
    expect(again).toEqual(body);
    expect(sameKey).toBe(key);
  });

  it('refunds part of a payment to the wallet with the reason, after a confirmation', async () => {
    const post = vi.fn().mockResolvedValue({ entryId: 'w10', kind: 'REFUND', principalDelta: 1000, bonusDelta: 2000, balance: {} });
    const onDone = vi.fn();
    renderWithAuth(
      <App>
        <RefundDialog entry={spend} path={BASE} onClose={vi.fn()} onDone={onDone} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ post }) }) },
    );
    expect(await screen.findByText('这笔消费还可退 520.00 元')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('退回金额（元）'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('退回原因'), { target: { value: '退一项工时' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('将 30.00 元退回该会员钱包：先退这笔消费扣的赠送金额，再退本金。')).toBeInTheDocument();
    fireEvent.click(button('确认退回'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/entries/w2/refunds`, { amount: 3000, reason: '退一项工时' }, expect.stringMatching(/^[0-9a-f-]{36}$/));
  });
});

describe('undoing a top-up', () => {
  it('undoes a top-up taken by mistake with the reason, after a confirmation naming what leaves the wallet', async () => {
    const topUp: WalletEntryView = { ...spend, id: 'w1', kind: 'TOP_UP', principalDelta: 50000, bonusDelta: 5000, method: 'CARD', sourceType: 'DESK_TOP_UP', sourceRef: null, refundable: 55000 };
    const post = vi.fn().mockResolvedValue({ entryId: 'w11', kind: 'TOP_UP_REVERSAL', principalDelta: -50000, bonusDelta: -5000, balance: {} });
    const onDone = vi.fn();
    renderWithAuth(
      <App>
        <ReversalDialog entry={topUp} path={BASE} onClose={vi.fn()} onDone={onDone} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ post }) }) },
    );
    expect(await screen.findByText(/本金 500.00 元和赠送 50.00 元（共 550.00 元）将从钱包扣回/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('撤销原因'), { target: { value: '金额输错' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('将从该会员钱包扣回 550.00 元，且只能撤销一次。')).toBeInTheDocument();
    fireEvent.click(button('确认撤销'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/entries/w1/reversal`, { reason: '金额输错' });
  });
});

describe('wallet settings and cash-outs', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the tiers and threshold in words; a manager saves them in fen with the version read', async () => {
    const put = vi.fn().mockResolvedValue({ ...settings, version: 3 });
    renderWithAuth(
      <App>
        <WalletSettingsCard path="/api/stores/gz_tianhe/wallet/settings" manages />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ get: vi.fn().mockResolvedValue(settings), put }) }) },
    );
    expect((await screen.findByTestId('wallet-tiers-text')).textContent).toBe('充值满 200.00 元送 10.00 元；充值满 500.00 元送 50.00 元');
    expect(screen.getByTestId('wallet-approval-text').textContent).toBe('单笔提现超过 500.00 元须另一位经理审批。');
    fireEvent.change(screen.getByLabelText('超过此金额的提现须审批（元）'), { target: { value: '800' } });
    fireEvent.click(button('保存钱包设置'));
    fireEvent.click(button('保存钱包设置', await waitFor(() => document.querySelector<HTMLElement>('.ant-popover')!)));
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put).toHaveBeenCalledWith(
      '/api/stores/gz_tianhe/wallet/settings',
      { bonusTiers: [{ minTopUp: 20000, bonus: 1000 }, { minTopUp: 50000, bonus: 5000 }], cashOutApprovalAbove: 80000 },
      2,
    );
  });

  it('lists pending cash-outs; a manager approves one after a confirmation, with the version read', async () => {
    const request: WalletCashOutView = {
      id: 'c1', memberId: 'm-1', memberName: '张三', memberPhone: '13800138001', amount: 60000, method: 'CARD', reason: '客户转出',
      status: 'PENDING', requestedBy: 'care', createdAt: '2026-12-02T06:00:00Z', decidedBy: null, decidedAt: null, decisionNote: null,
      entryId: null, allowed: ['APPROVE', 'REJECT'], version: 0,
    };
    const get = vi.fn((path: string) =>
      Promise.resolve((path.endsWith('/settings') ? settings : { content: [request], page: 0, size: 20, totalElements: 1, totalPages: 1 }) as never),
    );
    const post = vi.fn().mockResolvedValue({ ...request, status: 'PAID' });
    renderWithAuth(
      <App>
        <WalletCashOutList />
      </App>,
      {
        auth: fakeAuth({ api: fakeApi({ get, post }) }),
        path: '/console/gz_tianhe/wallet-cash-outs',
        route: '/console/:store/wallet-cash-outs',
        permissions: ['WALLET_VIEW', 'WALLET_CASH_OUT_APPROVE'],
      },
    );
    expect(await screen.findByText('张三 13800138001')).toBeInTheDocument();
    expect(screen.getByText('待审批')).toBeInTheDocument();
    fireEvent.click(button('批准'));
    expect(await screen.findByText('批准后将从 张三 13800138001 的钱包提取本金 600.00 元（银行卡）。')).toBeInTheDocument();
    fireEvent.click(button('批准', document.querySelector<HTMLElement>('.ant-modal')!));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/wallet/cash-outs/c1/approval', { note: null }, undefined, 0);
  });
});
