import type { TFunction } from 'i18next';
import type { CardBasis, MemberCardView } from '../api/types';

/** A number as the store's staff and owners read it: 1,200. */
export function grouped(value: number): string {
  return value.toLocaleString('zh-CN');
}

/** A value on the programme's basis with its unit: "2,000 积分" or "2,000 元". */
export function formatValue(t: TFunction, basis: CardBasis, value: number): string {
  return t(`cards.value.${basis}`, { value: grouped(value) });
}

/**
 * Where a card stands towards the next level, in a sentence ("再获得 1,200 积分即可升级为金卡"), or that it is at the
 * top; and the share of the way to the next level's threshold, for a progress bar.
 */
export function progressOf(t: TFunction, card: MemberCardView): { text: string; percent: number } {
  const next = card.nextLevel;
  if (!next || card.toNextLevel == null) return { text: t('cards.progress.top', { level: card.level.name }), percent: 100 };
  const percent = next.threshold > 0 ? Math.min(99, Math.floor((card.qualifyingValue / next.threshold) * 100)) : 0;
  return { text: t(`cards.progress.${card.basis}`, { value: grouped(card.toNextLevel), level: next.name }), percent };
}
