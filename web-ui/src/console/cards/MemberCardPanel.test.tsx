import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { CardStepView, MemberCardView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { silverCard } from '../../testing/cards';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MemberCardPanel } from './MemberCardPanel';

const CARD = '/api/stores/gz_tianhe/members/m-1/card';
const DESK: Permission[] = ['CONSOLE_USE', 'MEMBER_VIEW', 'CARD_VIEW', 'CARD_MANAGE'];
const STEPS: CardStepView[] = [
  {
    id: 's-2', kind: 'UPGRADED', fromLevel: 'standard', fromLevelName: '普卡', toLevel: 'silver', toLevelName: '银卡',
    qualifyingValue: 2300, actor: 'system', at: '2026-06-01T02:00:00Z',
  },
  {
    id: 's-1', kind: 'JOINED', toLevel: 'standard', toLevelName: '普卡', newNumber: '800000017', qualifyingValue: 0,
    actor: '林晓峰', at: '2026-03-01T02:00:00Z',
  },
];

/** An API answering the card (or 404 member-card) and its steps. */
function apiWith(card: MemberCardView | undefined, post = vi.fn().mockResolvedValue(card)) {
  return fakeApi({
    get: vi.fn().mockImplementation((path: string) => {
      if (path === `${CARD}/steps`) return Promise.resolve(STEPS);
      if (card) return Promise.resolve(card);
      return Promise.reject(new ApiError(404, { type: 'https://m4s.dev/problems/member-card', detail: '该会员没有会员卡' }, 'zh-CN'));
    }),
    post,
  });
}

function renderPanel(api: ReturnType<typeof fakeApi>, permissions = DESK) {
  return renderWithAuth(
    <App>
      <MemberCardPanel store="gz_tianhe" memberId="m-1" />
    </App>,
    { auth: fakeAuth({ api }), permissions },
  );
}

/** The texts of the panel's move buttons. */
function moveButtons(): string[] {
  const extra = document.querySelector('.ant-card-extra');
  return extra ? [...extra.querySelectorAll('button')].map((b) => (b.textContent ?? '').replace(/\s/g, '')) : [];
}

describe('MemberCardPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the card and offers only the moves it allows now', async () => {
    renderPanel(apiWith(silverCard()));

    expect(await screen.findByText('800000017')).toBeInTheDocument();
    expect(screen.getByText('再获得 1,200 积分即可升级为金卡')).toBeInTheDocument();
    expect(screen.getByText('6,800 积分')).toBeInTheDocument();
    // levels by their names, the job as 系统自动, people by name: no codes or logins in the table
    expect(await screen.findByText('普卡 → 银卡')).toBeInTheDocument();
    expect(screen.getByText('系统自动')).toBeInTheDocument();
    expect(screen.getByText('林晓峰')).toBeInTheDocument();
    // upgrade, downgrade and expiry are the job's; reissue is for a lost card
    expect(moveButtons()).toEqual(['续卡', '挂失', '换卡', '退会']);
  });

  it('offers reissue for a lost card and nothing to staff without CARD_MANAGE', async () => {
    const { unmount } = renderPanel(apiWith(silverCard({ status: 'LOST', moves: ['REISSUE', 'QUIT'] })));
    expect(await screen.findByText('已挂失')).toBeInTheDocument();
    expect(moveButtons()).toEqual(['补卡', '退会']);
    unmount();

    renderPanel(apiWith(silverCard()), ['CONSOLE_USE', 'MEMBER_VIEW', 'CARD_VIEW']);
    expect(await screen.findByText('800000017')).toBeInTheDocument();
    expect(moveButtons()).toEqual([]);
  });

  it('sends 换卡 with the reason typed', async () => {
    const api = apiWith(silverCard(), vi.fn().mockResolvedValue(silverCard({ cardNumber: '800000018' })));
    renderPanel(api);

    fireEvent.click(await waitFor(() => button('换卡', document.querySelector<HTMLElement>('.ant-card-extra')!)));
    let dialog: HTMLElement | null = null;
    await waitFor(() => {
      dialog = document.querySelector<HTMLElement>('.ant-modal');
      expect(dialog?.querySelector('.ant-modal-title')?.textContent).toBe('换卡');
    });
    fireEvent.change(dialog!.querySelector('textarea')!, { target: { value: '卡面磨损' } });
    fireEvent.click(button('换卡', dialog!.querySelector<HTMLElement>('.ant-modal-footer')!));

    // the key names the card's step as shown, so a double click or a retry changes the card once
    const card = silverCard();
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith(`${CARD}/change`, { reason: '卡面磨损' }, `card-CHANGE-${card.id}-v${card.version}`),
    );
  });

  it('refuses 换卡 without a reason', async () => {
    const api = apiWith(silverCard());
    renderPanel(api);

    fireEvent.click(await waitFor(() => button('换卡', document.querySelector<HTMLElement>('.ant-card-extra')!)));
    let footer: HTMLElement | null = null;
    await waitFor(() => {
      footer = document.querySelector<HTMLElement>('.ant-modal-footer');
      expect(footer).not.toBeNull();
    });
    fireEvent.click(button('换卡', footer!));

    expect(await screen.findByText('必填')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });

  it('issues a card to a member without one', async () => {
    const api = apiWith(undefined, vi.fn().mockResolvedValue(silverCard()));
    renderPanel(api);

    expect(await screen.findByText('该会员还没有会员卡。')).toBeInTheDocument();
    fireEvent.click(button('办理会员卡'));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith(CARD, undefined, undefined));
    expect(queryButton('续卡')).toBeNull();
  });
});
