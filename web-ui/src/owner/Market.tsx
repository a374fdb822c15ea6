import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { MarketFacetValue, MarketSort, StoreCard } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import {
  activeFilterCount,
  chosenPriceBand,
  effectiveSort,
  facetLabel,
  LIST_FILTERS,
  MARKET_SCOPES,
  offeredSorts,
  priceBandLabel,
  useMarketSearch,
  withoutFilters,
  type MarketSearch,
} from '../ui/market';
import { formatKm, formatYuan } from '../ui/usedCar';
import { MarketFilters } from './MarketFilters';
import { ListingCard, ListingDetail } from './MarketListing';
import { problemText } from './problemText';
import { useMarketResults } from './useMarketResults';

const PAGE_SIZE = 20;

function scrollTop(): number {
  return (document.scrollingElement ?? document.documentElement).scrollTop;
}

function scrollToTop(top: number) {
  (document.scrollingElement ?? document.documentElement).scrollTop = top;
}

/** The filters in force as removable chips: each value of a list, each range once. */
function ActiveFilters({
  search,
  bands,
  stores,
  onChange,
}: {
  search: MarketSearch;
  bands: MarketFacetValue[];
  stores: Record<string, StoreCard>;
  onChange: (search: MarketSearch) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const chips: { key: string; text: string; without: MarketSearch }[] = [];
  for (const name of LIST_FILTERS) {
    for (const value of search[name]) {
      chips.push({ key: `${name}=${value}`, text: facetLabel(t, name, value, stores), without: { ...search, [name]: search[name].filter((v) => v !== value) } });
    }
  }
  const range = (label: string, min: string | undefined, max: string | undefined) => {
    if (min !== undefined && max !== undefined) return `${label} ${t('market.rangeBetween', { from: min, to: max })}`;
    if (min !== undefined) return `${label} ${t('market.rangeFrom', { from: min })}`;
    return `${label} ${t('market.rangeTo', { to: max })}`;
  };
  const yuan = (v: number | undefined) => (v === undefined ? undefined : formatYuan(v, language, { wan: false }));
  const km = (v: number | undefined) => (v === undefined ? undefined : formatKm(t, v, language));
  const year = (v: number | undefined) => (v === undefined ? undefined : String(v));
  if (search.priceMin !== undefined || search.priceMax !== undefined) {
    const band = chosenPriceBand(search, bands);
    const text = band ? `${t('market.facets.price')} ${priceBandLabel(t, band, language)}` : range(t('market.facets.price'), yuan(search.priceMin), yuan(search.priceMax));
    chips.push({ key: 'price', text, without: { ...search, priceMin: undefined, priceMax: undefined } });
  }
  if (search.yearMin !== undefined || search.yearMax !== undefined) {
    chips.push({ key: 'year', text: range(t('usedCars.fields.year'), year(search.yearMin), year(search.yearMax)), without: { ...search, yearMin: undefined, yearMax: undefined } });
  }
  if (search.mileageMin !== undefined || search.mileageMax !== undefined) {
    chips.push({ key: 'mileage', text: range(t('market.mileage'), km(search.mileageMin), km(search.mileageMax)), without: { ...search, mileageMin: undefined, mileageMax: undefined } });
  }
  if (chips.length === 0) return null;
  return (
    <ul className="owner-market-active" aria-label={t('owner.market.activeFilters')}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <button type="button" className="owner-facet" aria-pressed="true" aria-label={t('owner.market.removeFilter', { filter: chip.text })} onClick={() => onChange(chip.without)}>
            {chip.text} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="owner-link" onClick={() => onChange(withoutFilters(search))}>
          {t('market.clearFilters')}
        </button>
      </li>
    </ul>
  );
}

/**
 * 二手车市场: cars for sale at the owner's store or across its dealer group, searched by text (Chinese too), filtered
 * by the facets of the result, sorted, and loaded 20 at a time. The search lives in the address; a car opens in
 * place (?car=…), so that back returns to the same list.
 */
export function Market() {
  const { t } = useTranslation();
  const { claims } = useAuth();
  const store = claims?.stores[0];
  const navigate = useNavigate();
  const location = useLocation();
  const { search, change, params, setParams } = useMarketSearch();
  const results = useMarketResults(store, search, PAGE_SIZE);
  const [text, setText] = useState(search.q);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const carId = params.get('car') ?? undefined;
  const listScroll = useRef(0);

  useEffect(() => setText(search.q), [search.q]);
  // a car opens at its top; back at the list, the list is where it was
  useLayoutEffect(() => scrollToTop(carId ? 0 : listScroll.current), [carId]);

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  const withCar = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('car', id);
    return `?${next.toString()}`;
  };
  const closeCar = () => {
    if ((location.state as { fromMarket?: boolean } | null)?.fromMarket) {
      navigate(-1);
      return;
    }
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('car');
        return next;
      },
      { replace: true },
    );
  };

  if (carId) {
    const listing = results.items.find((item) => item.id === carId);
    if (listing) return <ListingDetail listing={listing} myStore={store} stores={results.stores} onBack={closeCar} />;
    if (results.loading) return <p className="owner-muted">{t('common.loading')}</p>;
    return (
      <section className="owner-card" role="alert">
        <p>{results.error !== undefined ? problemText(t, results.error) : t('owner.market.notInResults')}</p>
        <button type="button" className="owner-button owner-button--secondary" onClick={closeCar}>
          {t('owner.market.back')}
        </button>
      </section>
    );
  }

  const filters = activeFilterCount(search);
  const searched = filters > 0 || search.q !== '';

  return (
    <>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('market.title')}</h1>
        <div className="owner-segmented" role="group" aria-label={t('market.scopeLabel')}>
          {MARKET_SCOPES.map((scope) => (
            <button
              key={scope}
              type="button"
              aria-pressed={search.scope === scope}
              onClick={() => change({ ...search, scope, storeCode: scope === 'STORE' ? [] : search.storeCode })}
            >
              {t(`market.scopes.${scope}`)}
            </button>
          ))}
        </div>
      </div>
      <form
        role="search"
        className="owner-market-search"
        onSubmit={(e) => {
          e.preventDefault();
          // the same words again: look again, the owner may be waiting for a car just listed
          if (text.trim() === search.q) results.refresh();
          else change({ ...search, q: text.trim() });
        }}
      >
        <input
          type="search"
          value={text}
          maxLength={100}
          enterKeyHint="search"
          aria-label={t('owner.market.searchLabel')}
          placeholder={t('owner.market.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="owner-chip">
          {t('owner.market.search')}
        </button>
      </form>
      <div className="owner-market-toolbar">
        <button type="button" className="owner-chip owner-chip--secondary" aria-haspopup="dialog" onClick={() => setFiltersOpen(true)}>
          {filters > 0 ? t('owner.market.filtersCount', { count: filters }) : t('owner.market.filters')}
        </button>
        <label className="owner-market-sort">
          <span>{t('market.sortLabel')}</span>
          <select value={effectiveSort(search)} onChange={(e) => change({ ...search, sort: e.target.value as MarketSort })}>
            {offeredSorts(search).map((sort) => (
              <option key={sort} value={sort}>
                {t(`market.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ActiveFilters search={search} bands={results.facets.price ?? []} stores={results.stores} onChange={change} />
      <p className="owner-muted owner-market-count" role="status">
        {results.loading ? t('owner.market.searching') : results.error === undefined ? t('market.found', { count: results.total }) : ''}
      </p>
      {search.scope === 'GROUP' && results.scope === 'STORE' && <p className="owner-muted owner-small">{t('market.noGroup')}</p>}
      {results.error !== undefined && (
        <section className="owner-card" role="alert" data-testid="owner-market-error">
          <p>{problemText(t, results.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={results.retry}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {!results.loading && results.error === undefined && results.items.length === 0 && (
        <section className="owner-card owner-market-empty" data-testid="owner-market-empty">
          <p>{t('market.empty')}</p>
          <p className="owner-muted">{t('market.emptyHint')}</p>
          {searched && (
            <button type="button" className="owner-button owner-button--secondary" onClick={() => change({ ...withoutFilters(search), q: '' })}>
              {t('market.clearSearch')}
            </button>
          )}
          {search.scope === 'STORE' && (
            <button type="button" className="owner-button owner-button--secondary owner-button--spaced" onClick={() => change({ ...search, scope: 'GROUP' })}>
              {t('market.searchGroup')}
            </button>
          )}
        </section>
      )}
      <ul className="owner-cars">
        {results.items.map((listing) => (
          <li key={listing.id} onClickCapture={() => (listScroll.current = scrollTop())}>
            <ListingCard listing={listing} myStore={store} stores={results.stores} to={withCar(listing.id)} />
          </li>
        ))}
      </ul>
      {results.moreError !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, results.moreError)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={results.retry}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {results.hasMore && results.moreError === undefined && (
        <button type="button" className="owner-button owner-button--secondary" disabled={results.loadingMore} onClick={results.loadMore}>
          {results.loadingMore ? t('common.loading') : t('owner.market.loadMore')}
        </button>
      )}
      {results.items.length > 0 && (
        <p className="owner-muted owner-small owner-market-shown">
          {results.hasMore ? t('owner.market.shown', { shown: results.items.length, total: results.total }) : t('owner.market.allShown', { count: results.items.length })}
        </p>
      )}
      {filtersOpen && (
        <MarketFilters
          search={search}
          page={{ facets: results.facets, stores: results.stores }}
          onApply={(next) => {
            setFiltersOpen(false);
            change(next);
          }}
          onClose={() => setFiltersOpen(false)}
        />
      )}
    </>
  );
}
