import type { CardProgrammeView, MemberCardView } from '../api/types';

/** The programme every store starts with (decision 0031): 普卡 0 / 银卡 2,000 / 金卡 8,000 / 钻石卡 20,000 points. */
export function programme(version = 3): CardProgrammeView {
  return {
    basis: 'POINTS',
    windowMonths: 12,
    validityMonths: 12,
    version,
    levels: [
      { id: 'l-1', code: 'standard', name: '普卡', rank: 0, threshold: 0, benefits: '基础保养 9.5 折' },
      { id: 'l-2', code: 'silver', name: '银卡', rank: 1, threshold: 2000, benefits: '保养 9 折，免费洗车 4 次/年' },
      { id: 'l-3', code: 'gold', name: '金卡', rank: 2, threshold: 8000, benefits: '保养 8.5 折，免费代步车' },
      { id: 'l-4', code: 'diamond', name: '钻石卡', rank: 3, threshold: 20000, benefits: '专属顾问，上门取送车' },
    ],
  };
}

/** A silver card 1,200 points short of gold. */
export function silverCard(overrides: Partial<MemberCardView> = {}): MemberCardView {
  const levels = programme().levels;
  return {
    id: 'c-1',
    memberId: 'm-1',
    cardNumber: '800000017',
    status: 'ACTIVE',
    level: levels[1]!,
    joinedAt: '2026-03-01T02:00:00Z',
    validUntil: '2027-03-01T02:00:00Z',
    levelSince: '2026-06-01T02:00:00Z',
    lastDowngradeAt: null,
    basis: 'POINTS',
    qualifyingValue: 6800,
    nextLevel: levels[2]!,
    toNextLevel: 1200,
    moves: ['RENEW', 'UPGRADE', 'DOWNGRADE', 'REPORT_LOST', 'CHANGE', 'QUIT', 'EXPIRE'],
    version: 4,
    ...overrides,
  };
}
