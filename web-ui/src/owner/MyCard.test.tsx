import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { MemberCardView } from '../api/types';
import i18n from '../i18n';
import { programme, silverCard } from '../testing/cards';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { MyCard } from './MyCard';

/** The owner's API: their card (or 404 member-card) and the store's programme. */
function ownerApi(card: MemberCardView | undefined) {
  return fakeApi({
    get: vi.fn().mockImplementation((path: string) => {
      if (path === '/api/stores/gz_tianhe/card-programme') return Promise.resolve(programme());
      if (path === '/api/stores/gz_tianhe/me/card') {
        return card
          ? Promise.resolve(card)
          : Promise.reject(new ApiError(404, { type: 'https://m4s.dev/problems/member-card', detail: '你还没有会员卡' }, 'zh-CN'));
      }
      return Promise.reject(new Error(`unexpected ${path}`));
    }),
  });
}

function renderCard(card: MemberCardView | undefined) {
  return renderWithAuth(<MyCard />, { auth: fakeAuth({ api: ownerApi(card), claims: claims(['owner']) }), path: '/app/card' });
}

describe('owner: my member card', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the card, the way to the next level in a sentence and the levels with their benefits', async () => {
    renderCard(silverCard());

    expect(await screen.findByText('再获得 1,200 积分即可升级为金卡')).toBeInTheDocument();
    expect(screen.getByText('800000017')).toBeInTheDocument();
    expect(screen.getByText('有效期至 2027-03-01')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '85');
    expect(await screen.findByText('银卡（当前）')).toBeInTheDocument();
    expect(screen.getByText('满 8,000 积分')).toBeInTheDocument();
    expect(screen.getByText('专属顾问，上门取送车')).toBeInTheDocument();
  });

  it('says when the top level is reached', async () => {
    const diamond = programme().levels[3]!;
    renderCard(silverCard({ level: diamond, nextLevel: null, toNextLevel: null, qualifyingValue: 26000 }));
    expect(await screen.findByText('已是最高等级钻石卡')).toBeInTheDocument();
  });

  it('tells an owner without a card that the store issues one', async () => {
    renderCard(undefined);
    expect(await screen.findByText('你还没有会员卡。')).toBeInTheDocument();
    expect(await screen.findByText('普卡')).toBeInTheDocument();
  });
});
