import { useCallback, useEffect, useRef, useState } from 'react';
import type { MarketFacetValue, MarketListing, MarketPage, MarketScope, StoreCard } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { MARKET_MAX_WINDOW, marketPath, marketQuery, type MarketSearch } from '../ui/market';

interface State {
  items: MarketListing[];
  total: number;
  /** the last page loaded, zero-based */
  page: number;
  totalPages: number;
  facets: Record<string, MarketFacetValue[]>;
  /** the stores the loaded pages and the store facet name, by code: their names, addresses and phones */
  stores: Record<string, StoreCard>;
  /** where the server looked (a store without a group is searched alone) */
  scope?: MarketScope;
  loading: boolean;
  error?: unknown;
  loadingMore: boolean;
  moreError?: unknown;
}

const START: State = { items: [], total: 0, page: 0, totalPages: 0, facets: {}, stores: {}, loading: true, loadingMore: false };

/**
 * The owner app's market results: the first page when the search changes, further pages appended by loadMore
 * ("load more" rather than page numbers on a phone). Answers to an older search are dropped.
 */
export function useMarketResults(store: string | undefined, search: MarketSearch, size: number) {
  const { api } = useAuth();
  const [state, setState] = useState<State>(START);
  const [generation, setGeneration] = useState(0);
  const more = useRef<AbortController | undefined>(undefined);
  const key = JSON.stringify(marketQuery(search, 0, size));
  const current = useRef({ search, key });
  current.current = { search, key };

  useEffect(() => {
    if (!store) return undefined;
    const controller = new AbortController();
    more.current?.abort();
    // the facets of the last answer stay while the next loads: the chips of the chosen filters (a price band is
    // named from them) and the filter sheet do not flicker to other words between two answers
    setState((previous) => ({ ...START, facets: previous.facets, stores: previous.stores }));
    api.get<MarketPage>(marketPath(store), marketQuery(search, 0, size), controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState({
          items: page.content,
          total: page.totalElements,
          page: page.page,
          totalPages: page.totalPages,
          facets: page.facets ?? {},
          stores: page.stores ?? {},
          scope: page.scope,
          loading: false,
          loadingMore: false,
        });
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
  }, [store, key, generation, api]);

  const hasMore =
    !state.loading && state.error === undefined && state.items.length < state.total && state.page + 1 < state.totalPages &&
    (state.page + 2) * size <= MARKET_MAX_WINDOW;

  const loadMore = useCallback(() => {
    if (!store || !hasMore || state.loadingMore) return;
    const controller = new AbortController();
    more.current = controller;
    const asked = current.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: undefined }));
    api.get<MarketPage>(marketPath(store), marketQuery(asked.search, state.page + 1, size), controller.signal).then(
      (page) => {
        if (controller.signal.aborted || current.current.key !== asked.key) return;
        setState((s) => {
          // a car listed meanwhile shifts the pages: keep each car once
          const seen = new Set(s.items.map((item) => item.id));
          return {
            ...s,
            items: [...s.items, ...page.content.filter((item) => !seen.has(item.id))],
            stores: { ...s.stores, ...(page.stores ?? {}) },
            total: page.totalElements,
            page: page.page,
            totalPages: page.totalPages,
            loadingMore: false,
          };
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loadingMore: false, moreError: error }));
      },
    );
  }, [api, store, hasMore, state.loadingMore, state.page, size]);

  /** Searches again from the first page (the same search asked again, e.g. for cars listed meanwhile). */
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  /** Tries again what failed: the search, or the next page. */
  const retry = useCallback(() => {
    if (state.moreError !== undefined) loadMore();
    else refresh();
  }, [state.moreError, loadMore, refresh]);

  return { ...state, hasMore, loadMore, retry, refresh };
}
