import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketFacetValue, MarketPage } from '../api/types';
import {
  chosenPriceBand,
  EMPTY_FILTERS,
  facetLabel,
  facetValues,
  MARKET_YEAR_MAX,
  MARKET_YEAR_MIN,
  priceBand,
  priceBandLabel,
  toggled,
  type ListFilter,
  type MarketSearch,
  type RangeFilter,
} from '../ui/market';

type Ranges = Record<RangeFilter, string>;

const RANGES = [
  { name: 'price', min: 'priceMin', max: 'priceMax', label: 'market.priceRange' },
  { name: 'year', min: 'yearMin', max: 'yearMax', label: 'market.yearRange' },
  { name: 'mileage', min: 'mileageMin', max: 'mileageMax', label: 'market.mileageRange' },
] as const;

function rangesOf(search: MarketSearch): Ranges {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    priceMin: text(search.priceMin),
    priceMax: text(search.priceMax),
    yearMin: text(search.yearMin),
    yearMax: text(search.yearMax),
    mileageMin: text(search.mileageMin),
    mileageMax: text(search.mileageMax),
  };
}

function numberOf(text: string): number | undefined {
  const clean = text.replace(/[,，\s]/g, '');
  return /^\d{1,12}$/.test(clean) ? Number(clean) : undefined;
}

/** What is wrong with each range, by its name ('price', 'year', 'mileage'). */
function rangeErrors(ranges: Ranges, translate: ReturnType<typeof useTranslation>['t']): Record<string, string> {
  // a plain signature: typing these calls against the whole locale exceeds the compiler's instantiation depth
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const errors: Record<string, string> = {};
  for (const range of RANGES) {
    const minText = ranges[range.min].trim();
    const maxText = ranges[range.max].trim();
    const min = numberOf(minText);
    const max = numberOf(maxText);
    if ((minText !== '' && min === undefined) || (maxText !== '' && max === undefined)) {
      errors[range.name] = t('market.wholeNumber');
    } else if (range.name === 'year' && [min, max].some((y) => y !== undefined && (y < MARKET_YEAR_MIN || y > MARKET_YEAR_MAX))) {
      errors[range.name] = t('market.yearOutOfRange', { min: MARKET_YEAR_MIN, max: MARKET_YEAR_MAX });
    } else if (min !== undefined && max !== undefined && min > max) {
      errors[range.name] = t('market.minAboveMax');
    }
  }
  return errors;
}

function FacetChips({
  name,
  values,
  chosen,
  stores,
  onToggle,
}: {
  name: ListFilter;
  values: MarketFacetValue[];
  chosen: string[];
  stores: MarketPage['stores'];
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="owner-facet-group" data-testid={`owner-facet-${name}`}>
      <legend>{t(`market.facets.${name}`)}</legend>
      <div className="owner-facets">
        {values.map((v) => (
          <button key={v.value} type="button" className="owner-facet" aria-pressed={chosen.includes(v.value)} onClick={() => onToggle(v.value)}>
            {facetLabel(t, name, v.value, stores)}{' '}
            <span className="owner-facet__count">{v.count}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * 筛选: the facets of the current result as chips with their counts (make, city, gearbox, emission standard, and the
 * store when the whole group is searched), price bands and ranges for price, year and mileage. Nothing is searched
 * until the owner applies the choice.
 */
export function MarketFilters({
  search,
  page,
  onApply,
  onClose,
}: {
  search: MarketSearch;
  page: Pick<MarketPage, 'facets' | 'stores'>;
  onApply: (search: MarketSearch) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<MarketSearch>(search);
  const [ranges, setRanges] = useState<Ranges>(() => rangesOf(search));
  const [tried, setTried] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const errors = rangeErrors(ranges, t);
  const bands = page.facets?.price ?? [];
  const chosenBand = chosenPriceBand({ ...draft, priceMin: numberOf(ranges.priceMin), priceMax: numberOf(ranges.priceMax) }, bands);
  const lists: ListFilter[] = ['make', 'city', 'gearbox', 'emissionStandard', ...(search.scope === 'GROUP' ? (['storeCode'] as const) : [])];

  const apply = () => {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    const next: MarketSearch = { ...draft };
    for (const range of RANGES) {
      next[range.min] = numberOf(ranges[range.min]);
      next[range.max] = numberOf(ranges[range.max]);
    }
    onApply(next);
  };

  const chooseBand = (key: string) => {
    if (key === chosenBand) {
      setRanges((r) => ({ ...r, priceMin: '', priceMax: '' }));
      return;
    }
    const band = priceBand(key);
    setRanges((r) => ({ ...r, priceMin: band?.priceMin === undefined ? '' : String(band.priceMin), priceMax: band?.priceMax === undefined ? '' : String(band.priceMax) }));
  };

  return (
    <div className="owner-sheet" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="owner-sheet__panel owner-filters" role="dialog" aria-modal="true" aria-labelledby="market-filters-title">
        <div className="owner-filters__head">
          <h2 id="market-filters-title" ref={heading} tabIndex={-1}>
            {t('owner.market.filtersTitle')}
          </h2>
          <button type="button" className="owner-link" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
        <div className="owner-filters__body">
          {lists.map((name) => {
            const values = facetValues(page, name, draft[name]);
            if (values.length === 0) return null;
            return <FacetChips key={name} name={name} values={values} chosen={draft[name]} stores={page.stores ?? {}} onToggle={(value) => setDraft((d) => ({ ...d, [name]: toggled(d[name], value) }))} />;
          })}
          {RANGES.map((range) => {
            const error = tried ? errors[range.name] : undefined;
            const errorId = `market-${range.name}-error`;
            return (
              <fieldset key={range.name} className="owner-facet-group">
                <legend>{t(range.label)}</legend>
                {range.name === 'price' && bands.some((band) => band.count > 0 || band.value === chosenBand) && (
                  <div className="owner-facets" data-testid="owner-facet-price">
                    {bands
                      .filter((band) => band.count > 0 || band.value === chosenBand)
                      .map((band) => (
                        <button key={band.value} type="button" className="owner-facet" aria-pressed={band.value === chosenBand} onClick={() => chooseBand(band.value)}>
                          {priceBandLabel(t, band.value, i18n.language)}{' '}
                          <span className="owner-facet__count">{band.count}</span>
                        </button>
                      ))}
                  </div>
                )}
                <div className="owner-row">
                  {(['min', 'max'] as const).map((end) => {
                    const field = range[end];
                    return (
                      <div key={end} className="owner-field">
                        <label htmlFor={`market-${field}`}>{t(end === 'min' ? 'market.from' : 'market.to')}</label>
                        <input
                          id={`market-${field}`}
                          inputMode="numeric"
                          autoComplete="off"
                          value={ranges[field]}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          onChange={(e) => setRanges((r) => ({ ...r, [field]: e.target.value }))}
                        />
                      </div>
                    );
                  })}
                </div>
                {error && (
                  <p id={errorId} className="owner-field__error">
                    {error}
                  </p>
                )}
              </fieldset>
            );
          })}
        </div>
        <div className="owner-filters__actions">
          <button
            type="button"
            className="owner-button owner-button--secondary"
            onClick={() => {
              setDraft((d) => ({ ...d, ...EMPTY_FILTERS }));
              setRanges(rangesOf({ ...draft, ...EMPTY_FILTERS }));
              setTried(false);
            }}
          >
            {t('owner.market.reset')}
          </button>
          <button type="button" className="owner-button" onClick={apply}>
            {t('owner.market.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
