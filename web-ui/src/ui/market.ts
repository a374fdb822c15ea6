/*
 * The used-car market (UCAR-3, SAAS-6) for both the console and the owner app: the search as it stands in the page's
 * address (so that reload, back and a shared link show the same cars), the query the API takes
 * (store-console UsedCarMarketController), facets and price bands in words. No Ant Design here: the owner app imports it.
 */
import type { TFunction } from 'i18next';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../api/client';
import { isApiError } from '../api/problem';
import type { EmissionStandard, Gearbox, MarketFacetValue, MarketPage, MarketScope, MarketSort } from '../api/types';
import { EMISSION_STANDARDS, GEARBOXES } from './usedCar';

export const MARKET_SCOPES = ['GROUP', 'STORE'] as const satisfies readonly MarketScope[];
export const MARKET_SORTS = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'MILEAGE_ASC', 'YEAR_DESC'] as const satisfies readonly MarketSort[];

/** Filters that take several values; the API's parameter names (the store facet filters by `storeCode`). */
export const LIST_FILTERS = ['make', 'city', 'gearbox', 'emissionStandard', 'storeCode'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];
export const RANGE_FILTERS = ['priceMin', 'priceMax', 'yearMin', 'yearMax', 'mileageMin', 'mileageMax'] as const;
export type RangeFilter = (typeof RANGE_FILTERS)[number];

/** The facet the API answers for each list filter. */
export const FACET_OF: Record<ListFilter, string> = {
  make: 'make',
  city: 'city',
  gearbox: 'gearbox',
  emissionStandard: 'emissionStandard',
  storeCode: 'store',
};

/** The server's limits on the ranges (UsedCarMarketController); its answer still decides. */
export const MARKET_YEAR_MIN = 1900;
export const MARKET_YEAR_MAX = 2100;
/** Elasticsearch answers at most this deep into a result (UsedCarMarket.MAX_WINDOW). */
export const MARKET_MAX_WINDOW = 10_000;

export type MarketSearch = {
  scope: MarketScope;
  q: string;
  /** as the user chose it; none means the default (best match with search text, else newest) */
  sort?: MarketSort;
} & Record<ListFilter, string[]> &
  Partial<Record<RangeFilter, number>>;

export const EMPTY_FILTERS: Pick<MarketSearch, ListFilter | RangeFilter> = {
  make: [],
  city: [],
  gearbox: [],
  emissionStandard: [],
  storeCode: [],
  priceMin: undefined,
  priceMax: undefined,
  yearMin: undefined,
  yearMax: undefined,
  mileageMin: undefined,
  mileageMax: undefined,
};

const KNOWN_VALUES: Partial<Record<ListFilter, readonly string[]>> = { gearbox: GEARBOXES, emissionStandard: EMISSION_STANDARDS };

function wholeNumber(text: string | null): number | undefined {
  if (text === null || !/^\d{1,12}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

function oneOf<T extends string>(values: readonly T[], text: string | null): T | undefined {
  return values.find((value) => value === text);
}

/** The search in the address; unknown or malformed values are dropped. */
export function readMarketSearch(params: URLSearchParams): MarketSearch {
  const search: MarketSearch = {
    scope: oneOf(MARKET_SCOPES, params.get('scope')) ?? 'GROUP',
    q: (params.get('q') ?? '').trim(),
    sort: oneOf(MARKET_SORTS, params.get('sort')),
    ...EMPTY_FILTERS,
  };
  for (const name of LIST_FILTERS) {
    const known = KNOWN_VALUES[name];
    const values = params.getAll(name).map((v) => v.trim()).filter((v) => v !== '' && (!known || known.includes(v)));
    search[name] = [...new Set(values)];
  }
  for (const name of RANGE_FILTERS) search[name] = wholeNumber(params.get(name));
  return search;
}

/** `base` (the address's other parameters kept) with the search written into it; a new search starts on page 1. */
export function writeMarketSearch(search: MarketSearch, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of ['scope', 'q', 'sort', 'page', ...LIST_FILTERS, ...RANGE_FILTERS]) next.delete(key);
  if (search.scope !== 'GROUP') next.set('scope', search.scope);
  if (search.q.trim() !== '') next.set('q', search.q.trim());
  if (search.sort) next.set('sort', search.sort);
  for (const name of LIST_FILTERS) search[name].forEach((value) => next.append(name, value));
  for (const name of RANGE_FILTERS) {
    const value = search[name];
    if (value !== undefined) next.set(name, String(value));
  }
  return next;
}

/** The order the API is asked for: best match needs search text, so without it the newest come first. */
export function effectiveSort(search: MarketSearch): MarketSort {
  const hasText = search.q.trim() !== '';
  if (!search.sort) return hasText ? 'RELEVANCE' : 'NEWEST';
  return search.sort === 'RELEVANCE' && !hasText ? 'NEWEST' : search.sort;
}

/** The sorts to offer: best match only when there is search text. */
export function offeredSorts(search: MarketSearch): MarketSort[] {
  return MARKET_SORTS.filter((sort) => sort !== 'RELEVANCE' || search.q.trim() !== '');
}

/** GET /api/stores/{store}/used-car-market's query for one page (zero-based) of the search. */
export function marketQuery(search: MarketSearch, page: number, size: number): Query {
  const query: Query = { scope: search.scope, q: search.q.trim() };
  for (const name of LIST_FILTERS) query[name] = search[name];
  for (const name of RANGE_FILTERS) query[name] = search[name];
  return { ...query, sort: effectiveSort(search), page, size };
}

export function marketPath(store: string): string {
  return `/api/stores/${store}/used-car-market`;
}

/** How many filters are set: each value of a list, each range (price, year, mileage) once. */
export function activeFilterCount(search: MarketSearch): number {
  const lists = LIST_FILTERS.reduce((sum, name) => sum + search[name].length, 0);
  const ranges = [
    ['priceMin', 'priceMax'],
    ['yearMin', 'yearMax'],
    ['mileageMin', 'mileageMax'],
  ] as const;
  return lists + ranges.filter(([min, max]) => search[min] !== undefined || search[max] !== undefined).length;
}

export function withoutFilters(search: MarketSearch): MarketSearch {
  return { ...search, ...EMPTY_FILTERS };
}

export function toggled(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/**
 * The values of a facet with their counts, and the chosen values the result no longer counts (count 0), so that a
 * chosen filter can always be taken back.
 */
export function facetValues(page: Pick<MarketPage, 'facets'> | undefined, name: ListFilter, chosen: string[]): MarketFacetValue[] {
  const values = [...(page?.facets?.[FACET_OF[name]] ?? [])];
  for (const value of chosen) {
    if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
  }
  return values;
}

/** A price band of the price facet (`50000-100000`, `500000-`: from inclusive, to exclusive) as a filter. */
export function priceBand(key: string): { priceMin?: number; priceMax?: number } | undefined {
  const match = /^(\d+)-(\d*)$/.exec(key);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  // whole yuan: the band's exclusive upper end is the filter's inclusive maximum minus one
  return { priceMin: from > 0 ? from : undefined, priceMax: to !== undefined ? to - 1 : undefined };
}

/** The band the search's price range is, if it is one. */
export function chosenPriceBand(search: MarketSearch, bands: MarketFacetValue[]): string | undefined {
  if (search.priceMin === undefined && search.priceMax === undefined) return undefined;
  return bands.find((band) => {
    const range = priceBand(band.value);
    return range && range.priceMin === search.priceMin && range.priceMax === search.priceMax;
  })?.value;
}

function compactYuan(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A price band in words: "5万以下", "5万–10万", "50万以上" (under 50K, 50K–100K, 500K and up). */
export function priceBandLabel(t: TFunction, key: string, language: string): string {
  const match = /^(\d+)-(\d*)$/.exec(key);
  if (!match) return key;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  if (to === undefined) return t('market.priceBands.above', { from: compactYuan(from, language) });
  if (from === 0) return t('market.priceBands.below', { to: compactYuan(to, language) });
  return t('market.priceBands.between', { from: compactYuan(from, language), to: compactYuan(to, language) });
}

/** A facet value in words: enumerations translated, stores by their names (from `stores`), makes and cities as they are. */
export function facetLabel(t: TFunction, name: ListFilter, value: string, stores?: Record<string, { name: string }>): string {
  if (name === 'storeCode') return stores?.[value]?.name ?? value;
  if (name === 'gearbox' && (GEARBOXES as readonly string[]).includes(value)) return t(`usedCars.gearboxes.${value as Gearbox}`);
  if (name === 'emissionStandard' && (EMISSION_STANDARDS as readonly string[]).includes(value)) {
    return t(`usedCars.emissionStandards.${value as EmissionStandard}`);
  }
  return value;
}

/** The search cluster is away (503 search-unavailable): the page offers to try again. */
export function isSearchUnavailable(error: unknown): boolean {
  return isApiError(error) && (error.slug === 'search-unavailable' || error.status === 503);
}

/** The market search of the page's address, and a way to change it (replacing the entry: no history per filter). */
export function useMarketSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readMarketSearch(params), [params]);
  const change = useCallback(
    (next: MarketSearch) => setParams((previous) => writeMarketSearch(next, previous), { replace: true }),
    [setParams],
  );
  return { search, change, params, setParams };
}
