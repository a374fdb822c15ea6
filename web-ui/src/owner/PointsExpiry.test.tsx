import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyPoints } from './MyPoints';
import { PointsRulesInfo } from './PointsRulesInfo';

function renderOwner(path: string, get: ReturnType<typeof vi.fn>) {
  return renderWithAuth(
    <Routes>
      <Route path="/app/points" element={<MyPoints />} />
      <Route path="/app/points/rules" element={<PointsRulesInfo />} />
    </Routes>,
    { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }), path },
  );
}

describe('owner points expiry', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('tells the owner the soonest expiry on 我的积分', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        path.endsWith('/me/points')
          ? { memberId: 'm-1', available: 450, pending: 0, lifetimeEarned: 600, debt: 0 }
          : path.endsWith('/me/points/expiring')
            ? [{ on: '2027-04-30', points: 150 }, { on: '2027-05-31', points: 300 }]
            : { content: [], page: 0, size: 50, totalElements: 0, totalPages: 0 },
      ),
    );
    renderOwner('/app/points', get);
    expect((await screen.findByTestId('owner-points-expiring')).textContent).toBe('150 积分将于 2027年4月30日 到期');
  });

  it('states the expiry policy on the rules page in plain Chinese', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        path.endsWith('/expiry-policy')
          ? { version: 2, kind: 'END_OF_MONTH_AFTER_N_MONTHS', months: 24, createdBy: 'manager', createdAt: '2026-12-01T00:00:00Z' }
          : {
              ruleVersion: 1, pointsPerYuan: { customer: 1, warranty: 0.1, internal: 0, insurance: 0.5 }, rounding: 'FLOOR',
              activationDelayDays: 7, validFrom: '2026-10-01T00:00:00Z', createdBy: 'system', createdAt: '2026-10-01T00:00:00Z',
            },
      ),
    );
    renderOwner('/app/points/rules', get);
    expect((await screen.findByTestId('owner-rules-expiry')).textContent).toMatch(
      /^积分自到账当月起，于 24 个月后的月底到期（今天到账的积分于 \d{4}年\d{1,2}月\d{1,2}日 到期）；使用时先扣最早到账的积分。 到期前 30 天会短信提醒。$/,
    );
  });
});
