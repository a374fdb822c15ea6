import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { AdvisorCustomer, AdvisorEntry, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AdvisorMoves, MoveCustomers } from './AdvisorMoves';

// the page's list is the shared ListPage (tested with it); here a stand-in shows the rows through the page's columns,
// its actions and its batch actions on every row, and records what the page asked of it
const list = vi.hoisted(() => ({ props: undefined as Record<string, unknown> | undefined, done: 0 }));
vi.mock('../../antd/ListPage', () => ({
  useSortable: () => (key: string) => ({ key, sorter: true }),
  ListPage: (props: {
    columns: { key: string; render: (value: unknown, row: unknown) => ReactNode }[];
    actions: ReactNode;
    batchActions: (rows: unknown[], done: () => void) => ReactNode;
    refresh: number;
  }) => {
    list.props = props as unknown as Record<string, unknown>;
    return (
      <div>
        <div>{props.actions}</div>
        <div>{props.batchActions(book, () => (list.done += 1))}</div>
        <span>{`refresh ${props.refresh}`}</span>
        {book.map((row) => (
          <p key={row.memberId} data-testid={row.memberId}>
            {props.columns.map((c) => (
              <span key={c.key}>{c.render(undefined, row)}</span>
            ))}
          </p>
        ))}
      </div>
    );
  },
}));

const PERMISSIONS: Permission[] = ['CONSOLE_USE', 'ADVISOR_VIEW', 'ADVISOR_MANAGE', 'MEMBER_EXPORT'];

const advisor = (username: string, displayName: string, customers: number): AdvisorEntry => ({
  username,
  displayName,
  department: 'service',
  enabled: true,
  phone: null,
  dmsName: null,
  photoId: null,
  photoUrl: null,
  active: true,
  customers,
  version: 0,
});
const zhou = advisor('zhou.haitao', '周海涛', 3);
const wu = advisor('wu.li', '吴莉', 1);

const customer = (memberId: string, name: string, phone: string, plates: string[]): AdvisorCustomer => ({
  memberId,
  name,
  phone,
  plates,
  boundAt: '2026-11-02T02:00:00Z',
});
const book = [customer('m1', '王建国', '13800138001', ['粤A12345']), customer('m2', '李秀英', '13800138002', [])];

function renderMove(props: Partial<Parameters<typeof MoveCustomers>[0]>, post = vi.fn()) {
  const onMoved = vi.fn();
  renderWithAuth(<MoveCustomers store="gz_tianhe" from={zhou} to={wu} onMoved={onMoved} {...props} />, {
    auth: fakeAuth({ api: fakeApi({ post }) }),
    permissions: PERMISSIONS,
  });
  return { onMoved, post };
}

describe('MoveCustomers', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('says how many of the chosen customers move from whom to whom, then moves exactly them', async () => {
    const result = { from: 'zhou.haitao', to: 'wu.li', moved: ['m1', 'm2'] };
    const { onMoved, post } = renderMove({ members: book }, vi.fn().mockResolvedValue(result));

    fireEvent.click(button('移交所选 2 位客户'));
    expect(await screen.findByText('将所选的 2 位客户从 周海涛 移交给 吴莉？每位客户的变更都会记入操作日志。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('确认移交'));

    await waitFor(() => expect(onMoved).toHaveBeenCalledWith(result));
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/moves', { from: 'zhou.haitao', to: 'wu.li', memberIds: ['m1', 'm2'] });
  });

  it('moves all of the advisor’s customers without naming them, and waits for the advisor they go to', async () => {
    const { post } = renderMove({}, vi.fn().mockResolvedValue({ from: 'zhou.haitao', to: 'wu.li', moved: ['m1', 'm2', 'm3'] }));
    fireEvent.click(button('移交全部 3 位客户'));
    expect(await screen.findByText('将 周海涛 的全部 3 位客户移交给 吴莉？每位客户的变更都会记入操作日志。')).toBeInTheDocument();
    fireEvent.click(button('确认移交'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/moves', { from: 'zhou.haitao', to: 'wu.li' }));
  });

  it('cannot be started before the advisor they go to is chosen', () => {
    renderMove({ to: undefined });
    expect(button('移交全部 3 位客户')).toBeDisabled();
  });

  it('keeps the dialog open with the server’s refusal when a customer is no longer the advisor’s', async () => {
    const refused = new ApiError(422, {
      type: 'https://m4s.dev/problems/advisor-move-not-theirs',
      status: 422,
      detail: '所选会员并非都属于顾问 zhou.haitao，未做任何转移。',
    });
    const { onMoved } = renderMove({ members: book }, vi.fn().mockRejectedValue(refused));
    fireEvent.click(button('移交所选 2 位客户'));
    fireEvent.click(await screen.findByText('确认移交'));
    expect(await screen.findByText(/未做任何转移/)).toBeInTheDocument();
    expect(onMoved).not.toHaveBeenCalled();
  });
});

describe('AdvisorMoves', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
    list.props = undefined;
    list.done = 0;
  });

  function renderPage(post = vi.fn().mockResolvedValue({ from: 'zhou.haitao', to: 'wu.li', moved: ['m1', 'm2', 'm3'] })) {
    const get = vi.fn().mockResolvedValue([zhou, wu]);
    renderWithAuth(<AdvisorMoves />, {
      auth: fakeAuth({ api: fakeApi({ get, post }) }),
      path: '/console/gz_tianhe/advisor-moves?from=zhou.haitao&to=wu.li',
      route: '/console/:store/*',
      permissions: PERMISSIONS,
    });
    return { get, post };
  }

  it('lists the chosen advisor’s book, moves all of it, says how many moved and reloads the book', async () => {
    const { get, post } = renderPage();

    const wang = await screen.findByTestId('m1');
    expect(within(wang).getByText('王建国')).toBeInTheDocument();
    expect(within(wang).getByText('粤A12345')).toBeInTheDocument();
    expect(list.props).toMatchObject({
      path: '/api/stores/gz_tianhe/advisors/zhou.haitao/customers',
      defaults: { sort: 'boundAt,desc' },
      exportable: true,
    });
    expect(screen.getByText('refresh 0')).toBeInTheDocument();

    fireEvent.click(button('移交全部 3 位客户'));
    fireEvent.click(await screen.findByText('确认移交'));
    expect(await screen.findByText('已将 3 位客户从 周海涛 移交给 吴莉')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/moves', { from: 'zhou.haitao', to: 'wu.li' });
    expect(screen.getByText('refresh 1')).toBeInTheDocument();
    // the directory's counts are read again
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
  });

  it('moves the selected customers and has the list cleared and reloaded', async () => {
    const { post } = renderPage(vi.fn().mockResolvedValue({ from: 'zhou.haitao', to: 'wu.li', moved: ['m1', 'm2'] }));
    fireEvent.click(await findButton('移交所选 2 位客户'));
    fireEvent.click(await screen.findByText('确认移交'));
    expect(await screen.findByText('已将 2 位客户从 周海涛 移交给 吴莉')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/moves', { from: 'zhou.haitao', to: 'wu.li', memberIds: ['m1', 'm2'] });
    expect(list.done).toBe(1);
  });

  it('asks for the advisor first, and is closed to staff who may not move customers', async () => {
    const { unmount } = renderWithAuth(<AdvisorMoves />, {
      auth: fakeAuth({ api: fakeApi({ get: vi.fn().mockResolvedValue([zhou, wu]) }) }),
      path: '/console/gz_tianhe/advisor-moves',
      route: '/console/:store/*',
      permissions: PERMISSIONS,
    });
    expect(await screen.findByText('先选择原顾问，再勾选要移交的客户，或移交其全部客户。')).toBeInTheDocument();
    expect(list.props).toBeUndefined();
    unmount();

    renderWithAuth(<AdvisorMoves />, {
      path: '/console/gz_tianhe/advisor-moves',
      route: '/console/:store/*',
      permissions: ['CONSOLE_USE', 'ADVISOR_VIEW'],
    });
    expect(screen.getByText('只有店长可以在顾问之间移交客户。')).toBeInTheDocument();
  });
});
