import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PointsEntry } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyPoints } from './MyPoints';
import { PointsRulesInfo } from './PointsRulesInfo';

const entries: PointsEntry[] = [
  {
    id: 'e3', kind: 'ACTIVATE', available: 488, pending: -488, debt: 0, sourceType: 'REPAIR_ORDER_LINE', sourceId: 'l1',
    sourceRef: 'WX-TH-00001#2', reason: null, ruleVersion: null, activatesAt: null, createdBy: 'system', createdAt: '2026-11-09T06:00:00Z',
  },
  {
    id: 'e1', kind: 'GRANT_PENDING', available: 0, pending: 488, debt: 0, sourceType: 'REPAIR_ORDER_LINE', sourceId: 'l1',
    sourceRef: 'WX-TH-00001#2', reason: null, ruleVersion: 1, activatesAt: '2026-11-09T06:00:00Z', createdBy: 'operator', createdAt: '2026-11-02T06:00:00Z',
  },
];

function renderOwner(path: string, get: ReturnType<typeof vi.fn>) {
  return renderWithAuth(
    <Routes>
      <Route path="/app/points" element={<MyPoints />} />
      <Route path="/app/points/rules" element={<PointsRulesInfo />} />
    </Routes>,
    { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }), path },
  );
}

describe('owner points', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows available and pending points and where each change came from, in plain words', async () => {
    const get = vi.fn((path: string) =>
      Promise.resolve(
        path.endsWith('/me/points')
          ? { memberId: 'm-1', available: 1488, pending: 320, lifetimeEarned: 1808, debt: 0 }
          : { content: entries, page: 0, size: 50, totalElements: 2, totalPages: 1 },
      ),
    );
    renderOwner('/app/points', get);
    expect((await screen.findByTestId('owner-points-available')).textContent).toBe('1,488');
    expect(screen.getByTestId('owner-points-pending').textContent).toBe('320');
    expect(await screen.findByText('积分已到账')).toBeInTheDocument();
    expect(screen.getAllByText('维修保养消费（工单 WX-TH-00001）')).toHaveLength(2);
    expect(screen.getByText('消费得积分（待到账）')).toBeInTheDocument();
    expect(screen.getAllByTestId('owner-points-entry').map((e) => e.querySelector('strong')!.textContent)).toEqual(['+488', '+488']);
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/points/entries', { size: 50, sort: 'createdAt,desc' }, expect.anything());
  });

  it("names a manual campaign's grant by the campaign", async () => {
    const campaign: PointsEntry = {
      id: 'e9', kind: 'GRANT', available: 200, pending: 0, debt: 0, sourceType: 'POINT_CAMPAIGN', sourceId: 'c-1',
      sourceRef: '店庆积分回馈', reason: null, ruleVersion: null, activatesAt: null, createdBy: 'manager.gz_tianhe', createdAt: '2026-12-01T06:00:00Z',
    };
    const get = vi.fn((path: string) =>
      Promise.resolve(
        path.endsWith('/me/points')
          ? { memberId: 'm-1', available: 200, pending: 0, lifetimeEarned: 200, debt: 0 }
          : { content: [campaign], page: 0, size: 50, totalElements: 1, totalPages: 1 },
      ),
    );
    renderOwner('/app/points', get);
    expect(await screen.findByText('活动奖励：店庆积分回馈')).toBeInTheDocument();
  });

  it('states the rules in force in plain Chinese', async () => {
    const get = vi.fn().mockResolvedValue({
      ruleVersion: 2,
      pointsPerYuan: { customer: 1, warranty: 0.1, internal: 0, insurance: 0.5 },
      rounding: 'FLOOR',
      activationDelayDays: 7,
      validFrom: '2026-10-01T00:00:00Z',
      createdBy: 'manager',
      createdAt: '2026-10-01T00:00:00Z',
    });
    renderOwner('/app/points/rules', get);
    expect(await screen.findByText('客户自费每消费 1 元积 1 分')).toBeInTheDocument();
    expect(screen.getByText('保险公司理赔每 1 元积 0.5 分')).toBeInTheDocument();
    expect(screen.getByText('厂家保修索赔每 1 元积 0.1 分')).toBeInTheDocument();
    expect(screen.getByText('门店内部项目不积分')).toBeInTheDocument();
    expect(screen.getByText('积分在结算 7 天后到账，到账后即可使用。')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/points/rules', undefined, expect.anything());
  });
});
