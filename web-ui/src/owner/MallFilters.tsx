import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MallPage } from '../api/types';
import { chosenBand, mallBand, mallBandLabel } from '../ui/mall';
import { NO_SEARCH, type MallSearch } from './mallSearch';

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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const categories = [...(facets.category ?? [])];
  if (draft.category && !categories.some((c) => c.value === draft.category)) categories.unshift({ value: draft.category, count: 0 });
  const bands = (facets.price ?? []).filter((b) => b.count > 0 || b.value === chosenBand(draft, facets.price ?? []));
  const band = chosenBand(draft, facets.price ?? []);

  return (
    <div className="owner-sheet" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="owner-sheet__panel owner-filters" role="dialog" aria-modal="true" aria-labelledby="mall-filters-title">
        <div className="owner-filters__head">
          <h2 id="mall-filters-title" ref={heading} tabIndex={-1}>
            {t('owner.mall.filtersTitle')}
          </h2>
          <button type="button" className="owner-link" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
        <div className="owner-filters__body">
          {categories.length > 0 && (
            <fieldset className="owner-facet-group" data-testid="owner-mall-facet-category">
              <legend>{t('owner.mall.category')}</legend>
              <div className="owner-facets">
                {categories.map((c) => (
                  <button
                    key={c.value}
                    type="button"
                    className="owner-facet"
                    aria-pressed={draft.category === c.value}
                    onClick={() => setDraft((d) => ({ ...d, category: d.category === c.value ? undefined : c.value }))}
                  >
                    {categoryNames.get(c.value) ?? t('owner.mall.otherCategory')} <span className="owner-facet__count">{c.count}</span>
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          {bands.length > 0 && (
            <fieldset className="owner-facet-group" data-testid="owner-mall-facet-price">
              <legend>{t('owner.mall.price')}</legend>
              <div className="owner-facets">
                {bands.map((b) => (
                  <button
                    key={b.value}
                    type="button"
                    className="owner-facet"
                    aria-pressed={band === b.value}
                    onClick={() => setDraft((d) => (band === b.value ? { ...d, priceMin: undefined, priceMax: undefined } : { ...d, priceMin: undefined, priceMax: undefined, ...mallBand(b.value) }))}
                  >
                    {mallBandLabel(t, b.value, i18n.language)} <span className="owner-facet__count">{b.count}</span>
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          <fieldset className="owner-facet-group">
            <legend>{t('owner.mall.more')}</legend>
            <div className="owner-facets">
              <button type="button" className="owner-facet" aria-pressed={draft.inStock} onClick={() => setDraft((d) => ({ ...d, inStock: !d.inStock }))}>
                {t('owner.mall.inStockOnly')}
              </button>
              <button type="button" className="owner-facet" aria-pressed={draft.fitsMyCar} disabled={!hasModels && !draft.fitsMyCar} onClick={() => setDraft((d) => ({ ...d, fitsMyCar: !d.fitsMyCar }))}>
                {t('owner.mall.fitsMyCar')}
              </button>
            </div>
          </fieldset>
        </div>
        <div className="owner-filters__actions">
          <button type="button" className="owner-button owner-button--secondary" onClick={() => setDraft((d) => ({ ...NO_SEARCH, q: d.q, sort: d.sort }))}>
            {t('owner.mall.reset')}
          </button>
          <button type="button" className="owner-button" onClick={() => onApply(draft)}>
            {t('owner.mall.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
