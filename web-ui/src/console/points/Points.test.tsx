import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission, PointsEntry, PointsRuleSet } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton } from '../../testing/buttons';
import { ApiError } from '../../api/problem';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AdjustDialog, MemberPoints } from './MemberPoints';
import { NewVersion, PointsRules } from './PointsRules';

const BASE = '/api/stores/gz_tianhe/members/m-1/points';

const entries: PointsEntry[] = [
  {
    id: 'e2', kind: 'REFUND', available: -80, pending: 0, debt: 20, sourceType: 'REPAIR_ORDER_LINE', sourceId: 'l2',
    sourceRef: 'WX-TH-00002#6', reason: null, ruleVersion: 1, activatesAt: null, createdBy: 'system', createdAt: '2026-11-20T02:00:00Z',
  },
  {
    id: 'e1', kind: 'GRANT_PENDING', available: 0, pending: 1000, debt: 0, sourceType: 'REPAIR_ORDER_LINE', sourceId: 'l1',
    sourceRef: 'WX-TH-00002#1', reason: null, ruleVersion: 1, activatesAt: '2026-11-09T06:00:00Z', createdBy: 'operator', createdAt: '2026-11-02T06:00:00Z',
  },
];

function pointsApi() {
  return fakeApi({
    get: vi.fn((path: string) =>
      Promise.resolve(
        (path === BASE
          ? { memberId: 'm-1', available: 0, pending: 1000, lifetimeEarned: 1900, debt: 20 }
          : { content: entries, page: 0, size: 10, totalElements: 2, totalPages: 1 }) as never,
      ),
    ),
    post: vi.fn().mockResolvedValue({ entryId: 'e3', balance: {} }),
  });
}

function renderPoints(api: ReturnType<typeof fakeApi>, permissions: Permission[]) {
  return renderWithAuth(<MemberPoints store="gz_tianhe" memberId="m-1" />, {
    auth: fakeAuth({ api }),
    path: '/console/gz_tianhe/members/m-1',
    route: '/console/:store/members/:memberId',
    permissions,
  });
}

describe('MemberPoints', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the balance with the debt, and each entry with its change and a link to its repair order', async () => {
    renderPoints(pointsApi(), ['POINTS_VIEW']);
    expect(await screen.findByText('欠扣积分')).toBeInTheDocument();
    const source = await screen.findByText('工单 WX-TH-00002 第 6 行');
    expect(source.closest('a')).toHaveAttribute('href', '/console/gz_tianhe/repair-orders?q=WX-TH-00002');
    const row = source.closest('tr')!;
    expect(within(row).getByText('退款扣回')).toBeInTheDocument();
    expect(within(row).getByTestId('points-change').textContent).toBe('-100');
    expect(screen.getAllByTestId('points-change').map((c) => c.textContent)).toEqual(['-100', '+1,000']);
    expect(screen.queryByText('调整积分')).toBeNull();
  });

  it('adjusts with a reason after a confirmation; a retry after a lost answer sends the same Idempotency-Key', async () => {
    const api = pointsApi();
    api.post.mockRejectedValueOnce(new ApiError(0, {}));
    const onDone = vi.fn();
    renderWithAuth(
      <App>
        <AdjustDialog open path={BASE} onClose={vi.fn()} onDone={onDone} />
      </App>,
      { auth: fakeAuth({ api }) },
    );
    fireEvent.change(await screen.findByLabelText('调整积分数'), { target: { value: '200' } });
    fireEvent.change(screen.getByLabelText('调整原因'), { target: { value: '投诉补偿' } });
    fireEvent.click(button('提交'));
    expect(await screen.findByText('为该会员增加 200 积分，原因：投诉补偿。')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
    fireEvent.click(button('确认调整'));
    await waitFor(() => expect(api.post).toHaveBeenCalledTimes(1));
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.click(await findButton('提交'));
    fireEvent.click(await findButton('确认调整'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.post).toHaveBeenCalledTimes(2);
    const [[path, body, key], [, again, sameKey]] = api.post.mock.calls as unknown as [[string, unknown, string], [string, unknown, string]];
    expect(path).toBe(`${BASE}/adjustments`);
    expect(body).toEqual({ points: 200, reason: '投诉补偿' });
    expect(again).toEqual(body);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sameKey).toBe(key);
  });
});

const version1: PointsRuleSet = {
  ruleVersion: 1,
  pointsPerYuan: { customer: 1, warranty: 0.1, internal: 0, insurance: 0.5 },
  rounding: 'FLOOR',
  activationDelayDays: 7,
  validFrom: '2026-10-01T00:00:00Z',
  createdBy: 'system',
  createdAt: '2026-10-01T00:00:00Z',
};

describe('PointsRules', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the rules in force with what an example order earns, and the versions', async () => {
    const api = fakeApi({ get: vi.fn((path: string) => Promise.resolve((path.endsWith('/versions') ? [version1] : version1) as never)) });
    renderWithAuth(<PointsRules />, {
      auth: fakeAuth({ api }),
      path: '/console/gz_tianhe/points-rules',
      route: '/console/:store/points-rules',
      permissions: ['POINTS_RULES_VIEW'],
    });
    expect((await screen.findByTestId('rules-preview')).textContent).toBe('一张客户帐 1,000 元、保险帐 2,000 元的工单将获得 2,000 积分。');
    expect(screen.getByText('每 1 元积 0.5 分')).toBeInTheDocument();
    expect(screen.queryByText('发布新版本')).toBeNull();
  });

  it('previews a new version as it is typed and publishes it after a confirmation', async () => {
    const api = fakeApi({ post: vi.fn().mockResolvedValue(version1) });
    const onPublished = vi.fn();
    renderWithAuth(
      <App>
        <NewVersion current={version1} path="/api/stores/gz_tianhe/points/rules" onPublished={onPublished} />
      </App>,
      { auth: fakeAuth({ api }) },
    );
    const preview = screen.getByTestId('rules-preview');
    expect(preview.textContent).toBe('一张客户帐 1,000 元、保险帐 2,000 元的工单将获得 2,000 积分。');
    fireEvent.change(screen.getByLabelText('保险帐（每元积分）'), { target: { value: '0.25' } });
    await waitFor(() => expect(preview.textContent).toBe('一张客户帐 1,000 元、保险帐 2,000 元的工单将获得 1,500 积分。'));
    fireEvent.click(button('发布'));
    fireEvent.click(await screen.findByText('新版本只影响生效后结算的工单，已发放的积分不变。').then(() => button('发布', document.querySelector<HTMLElement>('.ant-popover')!)));
    await waitFor(() => expect(api.post).toHaveBeenCalledTimes(1));
    expect(api.post.mock.calls[0]![1]).toEqual({
      pointsPerYuan: { customer: 1, insurance: 0.25, warranty: 0.1, internal: 0 },
      activationDelayDays: 7,
      validFrom: undefined,
    });
    await waitFor(() => expect(onPublished).toHaveBeenCalled());
  });
});
