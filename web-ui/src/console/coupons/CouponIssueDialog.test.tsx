import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CouponTemplateView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { CouponIssueDialog } from './CouponIssueDialog';

const CARE: Permission[] = ['CONSOLE_USE', 'COUPON_VIEW', 'COUPON_ISSUE'];
const TEMPLATE = {
  id: 't-1', name: '100元代金券', kind: 'CASH', scope: 'ORDER', scopeCodes: [], valueFen: 10000, thresholdFen: 0, percentOff: 0,
  pointsMultiplier: 1, perMemberLimit: 1, totalLimit: 100, handedOut: 3, remaining: 97, used: 0, claimable: false, status: 'ACTIVE',
  moves: ['EDIT_TEXT', 'END', 'HAND_OUT'], createdBy: 'mgr', createdAt: '2026-12-01T01:00:00Z', updatedAt: '2026-12-01T01:00:00Z', version: 1,
} as CouponTemplateView;

describe('coupon issue dialog', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('issues to a segment only after a confirmation, with one key, and says who was skipped and why', async () => {
    const get = vi.fn(() => Promise.resolve({ content: [{ id: 's-1', name: '金卡会员', members: 4 }], page: 0, size: 100, totalElements: 1, totalPages: 1 } as never));
    const post = vi.fn(() =>
      Promise.resolve({ batchId: 'b-1', targeted: 4, issued: 2, alreadyIssued: 0, overLimit: 1, outOfStock: 1, template: TEMPLATE } as never),
    );
    const onIssued = vi.fn();
    renderWithAuth(
      <App>
        <CouponIssueDialog store="gz_tianhe" template={TEMPLATE} onClose={vi.fn()} onIssued={onIssued} />
      </App>,
      { auth: fakeAuth({ api: fakeApi({ get, post }) }), path: '/console/gz_tianhe/coupons', route: '/console/:store/*', permissions: CARE },
    );
    expect(screen.getByText('剩余库存：97；每人限领 1 张。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('会员分群'));
    const picker = await screen.findByLabelText('分群');
    fireEvent.mouseDown(picker);
    fireEvent.click(await screen.findByText('金卡会员（4 人）'));
    fireEvent.click(button('下一步'));
    expect(post).not.toHaveBeenCalled();
    expect(screen.getByText('确认向分群当前的所有会员各发放一张“100元代金券”？超出限领或库存不足的会员将被跳过。')).toBeInTheDocument();
    fireEvent.click(button('确认发放'));
    await waitFor(() => expect(onIssued).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/coupon-templates/t-1/issues', { segmentId: 's-1' }, expect.any(String));
    expect(await screen.findByText('目标 4 人：发放 2 张；已发过 0 人，超出每人限领 1 人，库存不足 1 人。')).toBeInTheDocument();
  });
});
