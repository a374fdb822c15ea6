import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Permission, PointTaskTriggerView, PointTaskView } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { PointTaskList } from './PointTaskList';

const MANAGER: Permission[] = ['CONSOLE_USE', 'POINT_TASK_VIEW', 'POINT_TASK_MANAGE'];
const STAFF: Permission[] = ['CONSOLE_USE', 'POINT_TASK_VIEW'];

const TRIGGERS: PointTaskTriggerView[] = [
  { trigger: 'REPAIR_ORDER_SETTLED', available: true, amount: true, unlimitedAllowed: true, onceOnly: false },
  { trigger: 'DAILY_CHECK_IN', available: true, amount: false, unlimitedAllowed: false, onceOnly: false },
  { trigger: 'MEMBER_JOINED', available: true, amount: false, unlimitedAllowed: true, onceOnly: false },
  { trigger: 'REFERRAL_FIRST_ORDER', available: true, amount: false, unlimitedAllowed: false, onceOnly: true },
];

function task(overrides: Partial<PointTaskView>): PointTaskView {
  return {
    id: 't-1',
    name: '保养返积分',
    description: '',
    trigger: 'REPAIR_ORDER_SETTLED',
    rewardKind: 'RATIO',
    points: null,
    pointsPerYuan: 0.5,
    memberLimit: 'ONCE',
    validFrom: '2026-12-01',
    validUntil: null,
    status: 'PUBLISHED',
    publishedAt: '2026-12-01T02:00:00Z',
    endedAt: null,
    createdBy: 'manager',
    createdAt: '2026-12-01T01:00:00Z',
    membersRewarded: 12,
    pointsGranted: 3456,
    moves: ['END'],
    version: 1,
    ...overrides,
  } as PointTaskView;
}

function renderPage(api: ReturnType<typeof fakeApi>, permissions = MANAGER) {
  return renderWithAuth(
    <App>
      <PointTaskList />
    </App>,
    { auth: fakeAuth({ api }), path: '/console/gz_tianhe/point-tasks', route: '/console/:store/*', permissions },
  );
}

function listing(tasks: PointTaskView[]): ReturnType<typeof vi.fn> {
  return vi.fn((path: string) =>
    Promise.resolve(path.endsWith('/point-task-triggers') ? TRIGGERS : { content: tasks, page: 0, size: 20, totalElements: tasks.length, totalPages: 1 }),
  );
}

describe('PointTaskList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows each task with its trigger, reward, limit and what it granted, and the moves it allows', async () => {
    const draft = task({ id: 't-2', name: '每日签到', trigger: 'DAILY_CHECK_IN', rewardKind: 'FIXED', points: 5, pointsPerYuan: null, memberLimit: 'DAILY', status: 'DRAFT', moves: ['EDIT', 'PUBLISH', 'END'], membersRewarded: 0, pointsGranted: 0 });
    const api = fakeApi({ get: listing([task({}), draft]) });
    renderPage(api);

    const row = (await screen.findByText('保养返积分')).closest('tr')!;
    expect(within(row).getByText('维修单结算')).toBeInTheDocument();
    expect(within(row).getByText('每元 0.5 分')).toBeInTheDocument();
    expect(within(row).getByText('每人仅一次')).toBeInTheDocument();
    expect(within(row).getByText('2026-12-01 至 长期有效')).toBeInTheDocument();
    expect(within(row).getByText('3,456')).toBeInTheDocument();
    expect(within(row).getByText('12')).toBeInTheDocument();
    expect(queryButton('修改', row)).toBeNull();
    const draftRow = screen.getByText('每日签到').closest('tr')!;
    expect(within(draftRow).getByText('5 分')).toBeInTheDocument();
    expect(within(draftRow).getByText('草稿')).toBeInTheDocument();
    expect(queryButton('修改', draftRow)).not.toBeNull();
  });

  it('ends a published task after confirming', async () => {
    const api = fakeApi({ get: listing([task({})]), post: vi.fn().mockResolvedValue(task({ status: 'ENDED', moves: [] })) });
    renderPage(api);

    const row = (await screen.findByText('保养返积分')).closest('tr')!;
    fireEvent.click(button('结束', row));
    let ok: HTMLElement | null = null;
    await waitFor(() => {
      const box = document.querySelector<HTMLElement>('.ant-popconfirm');
      expect(box?.textContent).toContain('结束任务“保养返积分”？');
      ok = [...box!.querySelectorAll<HTMLElement>('button')].at(-1) ?? null;
    });
    fireEvent.click(ok!);
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/point-tasks/t-1/end', undefined, undefined, 1));
  });

  it('publishes with the version the row showed; when the task changed meanwhile, says so and reads the list again', async () => {
    const draft = task({ id: 't-3', name: '推荐有礼', trigger: 'REFERRAL_FIRST_ORDER', rewardKind: 'FIXED', points: 300, pointsPerYuan: null, status: 'DRAFT', moves: ['EDIT', 'PUBLISH', 'END'], version: 2 });
    const get = listing([draft]);
    const api = fakeApi({
      get,
      post: vi.fn().mockRejectedValue(new ApiError(409, { type: 'https://m4s.dev/problems/concurrent-update', status: 409, detail: '他人刚刚修改了此记录。' })),
    });
    renderPage(api);

    const row = (await screen.findByText('推荐有礼')).closest('tr')!;
    expect(within(row).getByText('推荐新会员首单结算')).toBeInTheDocument();
    const reads = get.mock.calls.filter(([path]) => String(path).endsWith('/point-tasks')).length;
    fireEvent.click(button('发布', row));
    let ok: HTMLElement | null = null;
    await waitFor(() => {
      const box = document.querySelector<HTMLElement>('.ant-popconfirm');
      ok = box ? ([...box.querySelectorAll<HTMLElement>('button')].at(-1) ?? null) : null;
      expect(ok).not.toBeNull();
    });
    fireEvent.click(ok!);

    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/point-tasks/t-3/publish', undefined, undefined, 2));
    expect(await screen.findByText('他人刚刚修改了此记录，请刷新后重试。')).toBeInTheDocument();
    await waitFor(() => expect(get.mock.calls.filter(([path]) => String(path).endsWith('/point-tasks')).length).toBeGreaterThan(reads));
  });

  it('edits a draft in the drawer and sends it with the version it read', async () => {
    const draft = task({ id: 't-2', name: '每日签到', trigger: 'DAILY_CHECK_IN', rewardKind: 'FIXED', points: 5, pointsPerYuan: null, memberLimit: 'DAILY', status: 'DRAFT', moves: ['EDIT', 'PUBLISH', 'END'], version: 4 });
    const api = fakeApi({ get: listing([draft]), put: vi.fn().mockResolvedValue(draft) });
    renderPage(api);

    const row = (await screen.findByText('每日签到')).closest('tr')!;
    fireEvent.click(button('修改', row));
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('.ant-drawer input[aria-label="任务名称"]')?.value).toBe('每日签到'));
    fireEvent.click(button('保存', document.querySelector<HTMLElement>('.ant-drawer')!));

    await waitFor(() =>
      expect(api.put).toHaveBeenCalledWith(
        '/api/stores/gz_tianhe/point-tasks/t-2',
        expect.objectContaining({ name: '每日签到', trigger: 'DAILY_CHECK_IN', rewardKind: 'FIXED', points: 5, pointsPerYuan: null, memberLimit: 'DAILY', validFrom: '2026-12-01', validUntil: null }),
        4,
      ),
    );
  });

  it('offers no create, edit, publish or end to staff who only read', async () => {
    renderPage(fakeApi({ get: listing([task({ status: 'DRAFT', moves: ['EDIT', 'PUBLISH', 'END'] })]) }), STAFF);

    const row = (await screen.findByText('保养返积分')).closest('tr')!;
    expect(within(row).getByText('草稿')).toBeInTheDocument();
    expect(queryButton('新建任务')).toBeNull();
    expect(queryButton('发布', row)).toBeNull();
    expect(queryButton('结束', row)).toBeNull();
  });
});
