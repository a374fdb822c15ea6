import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MallPage } from '../api/types';
import { chosenBand, mallBand, mallBandLabel } from '../ui/mall';
import { NO_SEARCH, type MallSearch } from './mallSearch';
import { FacetGroup, FilterSheet } from './SearchParts';

/**
 * 筛选 of the mall: the categories and price bands of the current result as chips with their counts (one category at
 * a time, with those under it; one band), only what is in stock, only what fits my car. Nothing is searched until the
 * owner applies the choice.
 */
export function MallFilters({
  search,
  facets,
  categoryNames,
  hasModels,
  onApply,
  onClose,
}: {
  search: MallSearch;
  facets: MallPage['facets'];
  /** the path of each category by id ("保养用品 / 机油") */
  categoryNames: Map<string, string>;
  /** whether the owner has cars whose models products can name */
  hasModels: boolean;
  onApply: (search: MallSearch) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<MallSearch>(search);

  const categories = [...(facets.category ?? [])];
  if (draft.category && !categories.some((c) => c.value === draft.category)) categories.unshift({ value: draft.category, count: 0 });
  const bands = (facets.price ?? []).filter((b) => b.count > 0 || b.value === chosenBand(draft, facets.price ?? []));
  const band = chosenBand(draft, facets.price ?? []);

  return (
    <FilterSheet id="mall-filters-title" onReset={() => setDraft((d) => ({ ...NO_SEARCH, q: d.q, sort: d.sort }))} onApply={() => onApply(draft)} onClose={onClose}>
      <FacetGroup
        legend={t('owner.mall.category')}
        testId="owner-mall-facet-category"
        choices={categories.map((c) => ({
          value: c.value,
          text: categoryNames.get(c.value) ?? t('owner.mall.otherCategory'),
          count: c.count,
          pressed: draft.category === c.value,
          onClick: () => setDraft((d) => ({ ...d, category: d.category === c.value ? undefined : c.value })),
        }))}
      />
      <FacetGroup
        legend={t('owner.mall.price')}
        testId="owner-mall-facet-price"
        choices={bands.map((b) => ({
          value: b.value,
          text: mallBandLabel(t, b.value, i18n.language),
          count: b.count,
          pressed: band === b.value,
          onClick: () => setDraft((d) => (band === b.value ? { ...d, priceMin: undefined, priceMax: undefined } : { ...d, priceMin: undefined, priceMax: undefined, ...mallBand(b.value) })),
        }))}
      />
      <FacetGroup
        legend={t('owner.mall.more')}
        choices={[
          { value: 'inStock', text: t('owner.mall.inStockOnly'), pressed: draft.inStock, onClick: () => setDraft((d) => ({ ...d, inStock: !d.inStock })) },
          { value: 'fitsMyCar', text: t('owner.mall.fitsMyCar'), pressed: draft.fitsMyCar, disabled: !hasModels && !draft.fitsMyCar, onClick: () => setDraft((d) => ({ ...d, fitsMyCar: !d.fitsMyCar })) },
        ]}
      />
    </FilterSheet>
  );
}
