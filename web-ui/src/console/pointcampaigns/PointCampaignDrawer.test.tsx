import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission, PointCampaignView } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { CampaignProgress, CampaignReview } from './PointCampaignDrawer';

const REVIEWER: Permission[] = ['CONSOLE_USE', 'POINT_CAMPAIGN_VIEW', 'POINT_CAMPAIGN_MANAGE', 'POINT_CAMPAIGN_REVIEW'];

function campaign(overrides: Partial<PointCampaignView>): PointCampaignView {
  return {
    id: 'c-1',
    name: '店庆回馈',
    reason: '感谢会员支持',
    pointsPerMember: 200,
    status: 'SUBMITTED',
    createdBy: 'mgr.wang',
    createdAt: '2026-12-01T01:00:00Z',
    submittedAt: '2026-12-01T02:00:00Z',
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    grantStartedAt: null,
    grantFinishedAt: null,
    members: 3,
    membersDone: 0,
    granted: 0,
    pointsGranted: 0,
    skipped: 0,
    skippedGone: 0,
    ownCampaign: false,
    moves: ['APPROVE', 'REJECT'],
    version: 5,
    ...overrides,
  } as PointCampaignView;
}

function renderReview(client: ReturnType<typeof fakeApi>, shown: PointCampaignView, onReviewed = vi.fn()) {
  renderWithAuth(
    <App>
      <CampaignReview store="gz_tianhe" campaign={shown} onReviewed={onReviewed} />
    </App>,
    { auth: fakeAuth({ api: client }), path: '/console/gz_tianhe/point-campaigns', route: '/console/:store/*', permissions: REVIEWER },
  );
}

async function confirm(text: string) {
  let ok: HTMLElement | null = null;
  await waitFor(() => {
    const box = document.querySelector<HTMLElement>('.ant-popconfirm');
    expect(box?.textContent).toContain(text);
    ok = [...box!.querySelectorAll<HTMLElement>('button')].at(-1) ?? null;
  });
  fireEvent.click(ok!);
}

describe('PointCampaignDrawer', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lets another manager approve after confirming, with the version reviewed', async () => {
    const approved = campaign({ status: 'APPROVED', moves: ['START'], reviewedBy: 'mgr.li', version: 6 });
    const client = fakeApi({ post: vi.fn().mockResolvedValue(approved) });
    const onReviewed = vi.fn();
    renderReview(client, campaign({}), onReviewed);

    expect(button('驳回')).toBeDisabled();
    fireEvent.click(button('批准'));
    await confirm('将向 3 位会员共发放 600 积分，每人仅发一次');

    await waitFor(() => expect(client.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/point-campaigns/c-1/approve', { note: null }, undefined, 5));
    expect(onReviewed).toHaveBeenCalledWith(approved, 'approved');
  });

  it('rejects only with a note', async () => {
    const client = fakeApi({ post: vi.fn().mockResolvedValue(campaign({ status: 'REJECTED', moves: ['EDIT', 'SUBMIT'] })) });
    renderReview(client, campaign({}));

    fireEvent.change(screen.getByLabelText('审核意见'), { target: { value: '积分过多' } });
    fireEvent.click(button('驳回'));
    await confirm('驳回活动“店庆回馈”？');

    await waitFor(() => expect(client.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/point-campaigns/c-1/reject', { note: '积分过多' }, undefined, 5));
  });

  it('tells the author another manager must review it, and offers no approval', () => {
    renderReview(fakeApi(), campaign({ ownCampaign: true }));
    expect(screen.getByText('这是您创建的活动，须由另一位经理审核。')).toBeInTheDocument();
    expect(queryButton('批准')).toBeNull();
  });

  it('shows the grant progress with the skipped members and why', () => {
    renderWithAuth(<CampaignProgress campaign={campaign({ status: 'DONE', moves: [], members: 4, membersDone: 4, granted: 3, pointsGranted: 600, skipped: 1, skippedGone: 1 })} />, {
      auth: fakeAuth({ api: fakeApi() }),
    });
    expect(screen.getByText('已处理 4 / 4 位会员')).toBeInTheDocument();
    expect(screen.getByText('600')).toBeInTheDocument();
    expect(screen.getByText('会员已删除')).toBeInTheDocument();
  });
});
