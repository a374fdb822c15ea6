import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExpiryPolicy } from '../../api/types';
import i18n from '../../i18n';
import { button } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { expiresOn, expiryPolicyText, formatDay } from '../../ui/pointsExpiry';
import { ExpiryPolicyCard } from './ExpiryPolicyCard';

const PATH = '/api/stores/gz_tianhe/points/rules';
const monthly: ExpiryPolicy = { version: 3, kind: 'END_OF_MONTH_AFTER_N_MONTHS', months: 24, createdBy: 'manager', createdAt: '2026-12-01T02:00:00Z' };

describe('points expiry policy', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('counts the last day as the server does: end of month M+N, or 31 December of the next year', () => {
    expect(expiresOn(monthly, '2027-01-15')).toBe('2029-01-31');
    expect(expiresOn({ ...monthly, months: 1 }, '2027-01-31')).toBe('2027-02-28');
    expect(expiresOn({ ...monthly, months: 11 }, '2027-02-10')).toBe('2028-01-31');
    expect(expiresOn({ ...monthly, months: 2 }, '2027-12-01')).toBe('2028-02-29');
    expect(expiresOn({ version: 1, kind: 'END_OF_NEXT_YEAR' }, '2027-01-15')).toBe('2028-12-31');
    expect(expiresOn({ version: 0, kind: 'NEVER' }, '2027-01-15')).toBeUndefined();
    expect(formatDay('2027-04-30', 'zh-CN')).toBe('2027年4月30日');
    expect(formatDay('2027-04-30', 'en')).toBe('Apr 30, 2027');
    expect(expiryPolicyText(i18n.t, { version: 1, kind: 'END_OF_NEXT_YEAR' }, '2027-03-01', 'zh-CN')).toBe(
      '积分于到账次年的 12 月 31 日到期（今年到账的积分于 2028年12月31日 到期）；使用时先扣最早到账的积分。',
    );
  });

  it('shows the policy in plain words and a manager changes it after a confirmation, with the version read', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(monthly), put: vi.fn().mockResolvedValue({ ...monthly, version: 4, months: 12 }) });
    renderWithAuth(
      <App>
        <ExpiryPolicyCard path={PATH} manages />
      </App>,
      { auth: fakeAuth({ api }) },
    );
    expect((await screen.findByTestId('expiry-policy-text')).textContent).toMatch(/^积分自到账当月起，于 24 个月后的月底到期/);
    fireEvent.change(await screen.findByLabelText('月数 N'), { target: { value: '12' } });
    fireEvent.click(button('保存有效期'));
    await screen.findByText('新的有效期只适用于今后到账的积分；已到账积分的到期日不变。');
    fireEvent.click(button('保存有效期', document.querySelector<HTMLElement>('.ant-popover')!));
    await waitFor(() => expect(api.put).toHaveBeenCalledTimes(1));
    expect(api.put).toHaveBeenCalledWith(`${PATH}/expiry-policy`, { kind: 'END_OF_MONTH_AFTER_N_MONTHS', months: 12 }, 3);
  });

  it('shows staff who may not change it only the policy', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue({ version: 0, kind: 'NEVER' }) });
    renderWithAuth(<ExpiryPolicyCard path={PATH} manages={false} />, { auth: fakeAuth({ api }) });
    expect((await screen.findByTestId('expiry-policy-text')).textContent).toBe('积分长期有效，不会过期。');
    expect(screen.getByText('未设置（默认永不过期）')).toBeInTheDocument();
    expect(screen.queryByText('保存有效期')).toBeNull();
  });
});
