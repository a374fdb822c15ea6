import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GiftDistributionMemberView, GiftDistributionView, GiftView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { DistributionProgress, DraftActions, GiftDistributionDrawer } from './GiftDistributionDrawer';
import { giftChart } from './GiftStatistics';

const BASE = '/api/stores/gz_tianhe/gift-distributions';
const MANAGER: Permission[] = ['CONSOLE_USE', 'GIFT_VIEW', 'GIFT_MANAGE'];

function distribution(overrides: Partial<GiftDistributionView> = {}): GiftDistributionView {
  return {
    id: 'd-1', giftId: 'g-1', giftName: '春节礼盒', giftStock: 2, title: '春节老客户回馈', quantity: 1, status: 'DRAFT',
    createdBy: 'care.li', createdAt: '2026-12-01T02:00:00Z', startedBy: null, startedAt: null, finishedAt: null,
    members: 3, done: 0, given: 0, skipped: 0, skippedOutOfStock: 0, skippedMemberLimit: 0, skippedGone: 0, version: 4,
    ...overrides,
  };
}

const member = (overrides: Partial<GiftDistributionMemberView>): GiftDistributionMemberView => ({
  memberId: 'm-1', memberName: '王老客', memberPhone: '13800000001', chosenBy: 'SEGMENT', outcome: null, skipReason: null, redemptionId: null, ...overrides,
});
const page = (content: unknown[]) => ({ content, page: 0, size: 10, totalElements: content.length, totalPages: 1 });

function inApp(ui: ReactElement, api: ReturnType<typeof fakeApi>, permissions: Permission[] = MANAGER) {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path: '/console/gz_tianhe/gift-distributions', route: '/console/:store/*', permissions });
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

describe('礼品发放', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('starts a draft only after a confirmation naming the gift, the members and the stock short, with the version shown', async () => {
    const started = distribution({ status: 'RUNNING', startedBy: 'care.li', version: 5 });
    const post = vi.fn().mockResolvedValue(started);
    const onChanged = vi.fn();
    inApp(<DraftActions store="gz_tianhe" distribution={distribution()} onDone={onChanged} onError={vi.fn()} />, fakeApi({ post }));

    fireEvent.click(button('开始发放'));
    await confirm('将向 3 位会员各发放 1 件“春节礼盒”，共需 3 件');
    expect(document.querySelector('.ant-popconfirm')?.textContent).toContain('当前库存只有 2 件');
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${BASE}/d-1/start`, undefined, undefined, 4));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(started));
    await waitFor(() => expect(button('开始发放')).not.toHaveClass('ant-btn-loading'));
  });

  it('offers the members of a draft from a segment, a list or by hand, and shows how each was chosen', async () => {
    const get = vi.fn((path: string) => Promise.resolve(path.endsWith('/members') ? page([member({})]) : path.endsWith('/segments') ? page([]) : distribution()) as Promise<never>);
    inApp(<GiftDistributionDrawer store="gz_tianhe" distributionId="d-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get }));

    expect(await screen.findByText('王老客')).toBeInTheDocument();
    expect(screen.getByText('会员分群')).toBeInTheDocument();
    expect(queryButton('上传名单')).not.toBeNull();
    expect(queryButton('加入分群会员')).not.toBeNull();
    expect(queryButton('开始发放')).not.toBeNull();
  });

  it('shows a running distribution with its progress and the report per member with why one was skipped', async () => {
    const running = distribution({ status: 'RUNNING', done: 2, given: 1, skipped: 1, skippedOutOfStock: 1 });
    const get = vi.fn((path: string) =>
      Promise.resolve(path.endsWith('/members') ? page([member({ outcome: 'GIVEN' }), member({ memberId: 'm-2', memberName: null, memberPhone: null, outcome: 'SKIPPED', skipReason: 'OUT_OF_STOCK' })]) : running) as Promise<never>,
    );
    inApp(<GiftDistributionDrawer store="gz_tianhe" distributionId="d-1" onClose={vi.fn()} onChanged={vi.fn()} />, fakeApi({ get }), ['CONSOLE_USE', 'GIFT_VIEW']);

    expect(await screen.findByText('已处理 2 / 3 位会员')).toBeInTheDocument();
    // the report per member comes with its own request, after the progress
    expect(await screen.findByText('已跳过：库存不足')).toBeInTheDocument();
    expect(screen.getByText('（会员已删除）')).toBeInTheDocument();
    expect(queryButton('导出明细')).not.toBeNull();
    expect(queryButton('开始发放')).toBeNull();
    expect(queryButton('上传名单')).toBeNull();
  });

  it('counts a finished distribution in its progress', () => {
    inApp(<DistributionProgress distribution={distribution({ status: 'DONE', done: 3, given: 2, skipped: 1, skippedMemberLimit: 1 })} />, fakeApi({}));
    expect(screen.getByText('已处理 3 / 3 位会员')).toBeInTheDocument();
    expect(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('100');
  });

  it('charts the pieces per gift, redeemed and distributed stacked, most first', () => {
    const gift = (name: string, redeemedQuantity: number, givenQuantity: number) => ({ name, redeemedQuantity, givenQuantity }) as GiftView;
    const option = giftChart([gift('保温杯', 1, 0), gift('春节礼盒', 2, 10)], { redeemed: '积分兑换', given: '批量发放' }) as {
      xAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['春节礼盒', '保温杯']);
    expect(option.series.map((s) => s.data)).toEqual([[2, 1], [10, 0]]);
  });
});
