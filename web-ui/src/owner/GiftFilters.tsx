import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketFacetValue } from '../api/types';
import { chosenPointsBand, NO_GIFT_SEARCH, pointsBand, pointsBandLabel, type GiftSearch } from './giftSearch';
import { FacetGroup, FilterSheet } from './SearchParts';

/**
 * 筛选 of the gift catalogue: the points bands of the current result as chips with their counts (one band), only what
 * is in stock. Nothing is searched until the owner applies the choice.
 */
export function GiftFilters({ search, facets, onApply, onClose }: { search: GiftSearch; facets: Record<string, MarketFacetValue[]>; onApply: (search: GiftSearch) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<GiftSearch>(search);
  const all = facets.points ?? [];
  const band = chosenPointsBand(draft, all);
  const bands = all.filter((b) => b.count > 0 || b.value === band);
  const none = { pointsMin: undefined, pointsMax: undefined };

  return (
    <FilterSheet id="gift-filters-title" onReset={() => setDraft((d) => ({ ...NO_GIFT_SEARCH, q: d.q, sort: d.sort }))} onApply={() => onApply(draft)} onClose={onClose}>
      <FacetGroup
        legend={t('owner.gifts.points')}
        testId="owner-gift-facet-points"
        choices={bands.map((b) => ({
          value: b.value,
          text: pointsBandLabel(t, b.value, i18n.language),
          count: b.count,
          pressed: band === b.value,
          onClick: () => setDraft((d) => ({ ...d, ...none, ...(band === b.value ? {} : pointsBand(b.value)) })),
        }))}
      />
      <FacetGroup
        legend={t('owner.mall.more')}
        choices={[{ value: 'inStock', text: t('owner.mall.inStockOnly'), pressed: draft.inStock, onClick: () => setDraft((d) => ({ ...d, inStock: !d.inStock })) }]}
      />
    </FilterSheet>
  );
}
