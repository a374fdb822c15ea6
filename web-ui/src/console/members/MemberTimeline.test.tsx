import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineItem, TimelinePage } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberTimeline } from './MemberTimeline';

const ORDER = '0b8c2f8e-57a4-4a4e-9d36-1c1f3d0b7a11';
const CAR = '5a0b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d';

const first: TimelineItem[] = [
  { at: '2026-12-03T08:00:00Z', kind: 'ADVISOR', event: 'MOVED', key: 'A1', params: { advisor: '吴莉', previous: '周海涛', by: '林晓峰' } },
  { at: '2026-12-03T07:00:00Z', kind: 'RATING', event: 'RATED', key: 'S1', params: { stars: '4', comment: '耐心', advisor: '周海涛', number: 'TL-1' }, points: 4, targetId: ORDER },
  { at: '2026-12-03T06:00:00Z', kind: 'USED_CAR', event: 'LISTED', key: 'U1', params: { make: '丰田', model: '凯美瑞', year: '2019' }, amount: { amount: '145000.00', currency: 'CNY' }, targetId: CAR },
  { at: '2026-12-03T05:00:00Z', kind: 'POINTS', event: 'REDEEM', key: 'P2', params: { source: 'REDEMPTION', ref: '洗车券' }, points: -30 },
];
const second: TimelineItem[] = [
  { at: '2026-12-03T04:00:00Z', kind: 'POINTS', event: 'GRANT_PENDING', key: 'P1', params: { source: 'REPAIR_ORDER_LINE', ref: 'TL-1' }, points: 488, targetId: ORDER },
  { at: '2026-12-03T02:00:00Z', kind: 'REPAIR_ORDER', event: 'SETTLED', key: 'R1', params: { number: 'TL-1' }, amount: { amount: '488.50', currency: 'CNY' }, targetId: ORDER },
];
const KINDS: TimelinePage['kinds'] = ['REPAIR_ORDER', 'POINTS', 'USED_CAR', 'CARD', 'RATING', 'ADVISOR'];

describe('MemberTimeline', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('writes each dealing in Chinese from its kind and figures, and loads the next page after the last row', async () => {
    const get = vi.fn().mockImplementation((_path: string, query?: Record<string, unknown>) =>
      Promise.resolve<TimelinePage>(query?.before ? { items: second, next: null, kinds: KINDS } : { items: first, next: 'cursor-1', kinds: KINDS }),
    );
    renderWithAuth(<MemberTimeline store="gz_tianhe" memberId="m1" />, { auth: fakeAuth({ api: fakeApi({ get }) }) });

    expect(await screen.findByText('顾问由 周海涛 转为 吴莉（林晓峰 操作）')).toBeInTheDocument();
    expect(screen.getByText('为维修工单 TL-1 的顾问 周海涛 评分 4 星：“耐心”').closest('a')).toHaveAttribute('href', `/console/gz_tianhe/repair-orders/${ORDER}`);
    expect(screen.getByText('2019款丰田 凯美瑞：审核通过并上架，价格 ¥145,000.00').closest('a')).toHaveAttribute('href', `/console/gz_tianhe/used-cars/${CAR}`);
    expect(screen.getByText('兑换：洗车券')).toBeInTheDocument();
    expect(screen.getByText('-30')).toBeInTheDocument();
    expect(get).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/members/m1/timeline', { kinds: [], before: undefined, size: 20 }, expect.anything());

    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('维修工单 TL-1 结算，金额 ¥488.50')).toBeInTheDocument();
    expect(screen.getByText('获得积分（待生效）：维修工单 TL-1')).toBeInTheDocument();
    expect(screen.getByText('+488')).toBeInTheDocument();
    expect(get).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/members/m1/timeline', { kinds: [], before: 'cursor-1', size: 20 }, undefined);
    expect(screen.getByText('没有更多记录了')).toBeInTheDocument();
    expect(screen.getByText('顾问由 周海涛 转为 吴莉（林晓峰 操作）')).toBeInTheDocument();
  });

  it('offers a chip for each kind the user may see and asks again for the kinds chosen', async () => {
    const get = vi.fn().mockResolvedValue({ items: [], next: null, kinds: KINDS });
    renderWithAuth(<MemberTimeline store="gz_tianhe" memberId="m1" />, { auth: fakeAuth({ api: fakeApi({ get }) }) });

    expect(await screen.findByText('该会员与门店还没有往来记录。')).toBeInTheDocument();
    expect(screen.queryByText('短信')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('积分'));
    await waitFor(() =>
      expect(get).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/members/m1/timeline', { kinds: ['POINTS'], before: undefined, size: 20 }, expect.anything()),
    );
  });
});
