/*
 * The owner's search of the store's mall (MALL-3) as it stands in the address of /app/mall, so that reload, back and a
 * shared link show the same products; the query the API takes (OwnMallController); its results a page at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Query } from '../api/client';
import type { MallCard, MallPage, MallSort } from '../api/types';
import { useAuth } from '../auth/AuthContext';

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

interface State {
  items: MallCard[];
  total: number;
  page: number;
  totalPages: number;
  facets: MallPage['facets'];
  loading: boolean;
  error?: unknown;
  loadingMore: boolean;
  moreError?: unknown;
}

const START: State = { items: [], total: 0, page: 0, totalPages: 0, facets: {}, loading: true, loadingMore: false };

/**
 * The results of a search: the first page when the search changes, further pages appended by loadMore (加载更多 on a
 * phone rather than page numbers). Answers to an older search are dropped; nothing is asked while `enabled` is false
 * (the mall's home shows instead).
 */
export function useMallResults(store: string | undefined, search: MallSearch, size: number, enabled: boolean) {
  const { api } = useAuth();
  const [state, setState] = useState<State>(START);
  const [generation, setGeneration] = useState(0);
  const more = useRef<AbortController | undefined>(undefined);
  const key = JSON.stringify(mallQuery(search, 0, size));
  const current = useRef({ search, key });
  current.current = { search, key };
  const path = `/api/stores/${store}/me/mall/products`;

  useEffect(() => {
    if (!store || !enabled) return undefined;
    const controller = new AbortController();
    more.current?.abort();
    // the facets of the last answer stay while the next loads, so that the filter sheet does not flicker
    setState((previous) => ({ ...START, facets: previous.facets }));
    api.get<MallPage>(path, mallQuery(search, 0, size), controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) {
          setState({ items: page.content, total: page.totalElements, page: page.page, totalPages: page.totalPages, facets: page.facets ?? {}, loading: false, loadingMore: false });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ ...START, loading: false, error });
      },
    );
    return () => {
      controller.abort();
      more.current?.abort();
    };
    // the key stands for the search
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key, generation, enabled, api]);

  const hasMore = !state.loading && state.error === undefined && state.items.length < state.total && state.page + 1 < state.totalPages;

  const loadMore = useCallback(() => {
    if (!store || !hasMore || state.loadingMore) return;
    const controller = new AbortController();
    more.current = controller;
    const asked = current.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: undefined }));
    api.get<MallPage>(path, mallQuery(asked.search, state.page + 1, size), controller.signal).then(
      (page) => {
        if (controller.signal.aborted || current.current.key !== asked.key) return;
        setState((s) => {
          // a product listed meanwhile shifts the pages: keep each once
          const seen = new Set(s.items.map((item) => item.id));
          return { ...s, items: [...s.items, ...page.content.filter((item) => !seen.has(item.id))], total: page.totalElements, page: page.page, totalPages: page.totalPages, loadingMore: false };
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loadingMore: false, moreError: error }));
      },
    );
  }, [api, path, store, hasMore, state.loadingMore, state.page, size]);

  const retry = useCallback(() => {
    if (state.moreError !== undefined) loadMore();
    else setGeneration((g) => g + 1);
  }, [state.moreError, loadMore]);

  return { ...state, hasMore, loadMore, retry };
}
