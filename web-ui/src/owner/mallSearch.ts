/*
 * The owner's search of the store's mall (MALL-3) as it stands in the address of /app/mall, so that reload, back and a
 * shared link show the same products; the query the API takes (OwnMallController); its results a page at a time.
 */
import type { Query } from '../api/client';
import type { MallCard, MallSort } from '../api/types';
import { useSearchPages } from './useSearchPages';

export const MALL_SORTS = ['RELEVANCE', 'SALES', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'] as const satisfies readonly MallSort[];

export interface MallSearch {
  q: string;
  /** a category id: the products of it and of those under it */
  category?: string;
  /** in fen, both ends included */
  priceMin?: number;
  priceMax?: number;
  inStock: boolean;
  fitsMyCar: boolean;
  /** as the owner chose it; none is 综合 (best match with text, else hot, the store's order, newest) */
  sort?: MallSort;
}

export const NO_SEARCH: MallSearch = { q: '', inStock: false, fitsMyCar: false };

function wholeNumber(text: string | null): number | undefined {
  return text !== null && /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The search in the address; unknown or malformed values are dropped. */
export function readMallSearch(params: URLSearchParams): MallSearch {
  const category = params.get('category')?.trim();
  return {
    q: (params.get('q') ?? '').trim(),
    category: category && /^[0-9a-f-]{36}$/i.test(category) ? category : undefined,
    priceMin: wholeNumber(params.get('priceMin')),
    priceMax: wholeNumber(params.get('priceMax')),
    inStock: params.get('inStock') === 'true',
    fitsMyCar: params.get('fitsMyCar') === 'true',
    sort: MALL_SORTS.find((s) => s === params.get('sort')),
  };
}

/** The address of a search: only what is set, in a fixed order. */
export function mallSearchParams(search: MallSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.category) params.set('category', search.category);
  if (search.priceMin !== undefined) params.set('priceMin', String(search.priceMin));
  if (search.priceMax !== undefined) params.set('priceMax', String(search.priceMax));
  if (search.inStock) params.set('inStock', 'true');
  if (search.fitsMyCar) params.set('fitsMyCar', 'true');
  if (search.sort) params.set('sort', search.sort);
  return params;
}

/** Whether the owner searched at all (else the mall's home shows). */
export function searched(search: MallSearch): boolean {
  return mallSearchParams(search).toString() !== '';
}

/** How many filters are in force (the text and the sort are not filters). */
export function mallFilterCount(search: MallSearch): number {
  return [search.category !== undefined, search.priceMin !== undefined || search.priceMax !== undefined, search.inStock, search.fitsMyCar].filter(Boolean).length;
}

/** The query of a page of the search. */
export function mallQuery(search: MallSearch, page: number, size: number): Query {
  return {
    q: search.q || undefined,
    category: search.category,
    priceMin: search.priceMin,
    priceMax: search.priceMax,
    inStock: search.inStock || undefined,
    fitsMyCar: search.fitsMyCar || undefined,
    sort: search.sort ?? 'RELEVANCE',
    page,
    size,
  };
}

/** The results of a search, a page at a time (see useSearchPages); nothing is asked while the mall's home shows. */
export function useMallResults(store: string | undefined, search: MallSearch, size: number, enabled: boolean) {
  return useSearchPages<MallCard>(store ? `/api/stores/${store}/me/mall/products` : undefined, (page) => mallQuery(search, page, size), enabled);
}
