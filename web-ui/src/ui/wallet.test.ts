import { beforeEach, describe, expect, it } from 'vitest';
import type { WalletEntryView } from '../api/types';
import i18n from '../i18n';
import { typedFen, walletSource } from './wallet';

const entry = (over: Partial<WalletEntryView>): WalletEntryView => ({
  id: 'w1', kind: 'TOP_UP', principalDelta: 50000, bonusDelta: 0, method: 'CASH', sourceType: 'DESK_TOP_UP', sourceId: null,
  sourceRef: null, refundOf: null, reason: null, refundable: 0, createdBy: 'owner', createdAt: '2026-12-04T02:00:00Z', ...over,
});

describe('wallet entries in words', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('names a top-up paid in the app by the way the owner paid, and a desk top-up by the desk’s method', () => {
    const t = i18n.t.bind(i18n);
    expect(walletSource(t, entry({ sourceType: 'ONLINE_TOP_UP', method: 'WECHAT_QR', sourceId: 'p1' }))).toBe('在线充值（微信支付）');
    expect(walletSource(t, entry({ sourceType: 'ONLINE_TOP_UP', method: 'ALIPAY_QR', sourceId: 'p1' }))).toBe('在线充值（支付宝）');
    expect(walletSource(t, entry({ kind: 'TOP_UP_REFUND', sourceType: 'ONLINE_TOP_UP', method: 'CARD', sourceId: 'p1' }))).toBe('在线充值（银行卡）');
    expect(walletSource(t, entry({ method: 'WECHAT_QR' }))).toBe('门店充值（微信收款码）');
  });

  it('reads yuan typed as whole fen, and anything else as nothing', () => {
    expect(['500', '500.1', '0.01', '', 'abc', '-5'].map(typedFen)).toEqual([50000, 50010, 1, 0, 0, 0]);
  });
});
