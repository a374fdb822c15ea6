/*
 * The results of an owner's search in Elasticsearch (the mall, the gift catalogue) a page at a time: the first page
 * when the search changes, further pages appended by loadMore (加载更多 on a phone rather than page numbers). Answers
 * to an older search are dropped; nothing is asked while `enabled` is false.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Query } from '../api/client';
import type { MarketFacetValue } from '../api/types';
import { useAuth } from '../auth/AuthContext';

/** What a search endpoint answers: a page of items and the facets' counts. */
export interface SearchPage<T> {
  content: T[];
  totalElements: number;
  page: number;
  totalPages: number;
  facets?: Record<string, MarketFacetValue[]>;
}

interface State<T> {
  items: T[];
  total: number;
  page: number;
  totalPages: number;
  facets: Record<string, MarketFacetValue[]>;
  loading: boolean;
  error?: unknown;
  loadingMore: boolean;
  moreError?: unknown;
}

function start<T>(): State<T> {
  return { items: [], total: 0, page: 0, totalPages: 0, facets: {}, loading: true, loadingMore: false };
}

/**
 * `path`: the endpoint (undefined: no store yet); `query`: the query of a page (its first page's JSON stands for the
 * search). `generation` from the caller asks again for the same search (after a change the search cannot see).
 */
export function useSearchPages<T extends { id: string }>(path: string | undefined, query: (page: number) => Query, enabled: boolean, generation = 0) {
  const { api } = useAuth();
  const [state, setState] = useState<State<T>>(start);
  const [retries, setRetries] = useState(0);
  const more = useRef<AbortController | undefined>(undefined);
  const key = JSON.stringify(query(0));
  const current = useRef({ query, key });
  current.current = { query, key };

  useEffect(() => {
    if (!path || !enabled) return undefined;
    const controller = new AbortController();
    more.current?.abort();
    // the facets of the last answer stay while the next loads, so that the filter sheet does not flicker
    setState((previous) => ({ ...start<T>(), facets: previous.facets }));
    api.get<SearchPage<T>>(path, current.current.query(0), controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) {
          setState({ items: page.content, total: page.totalElements, page: page.page, totalPages: page.totalPages, facets: page.facets ?? {}, loading: false, loadingMore: false });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ ...start<T>(), loading: false, error });
      },
    );
    return () => {
      controller.abort();
      more.current?.abort();
    };
  }, [path, key, retries, generation, enabled, api]);

  const hasMore = !state.loading && state.error === undefined && state.items.length < state.total && state.page + 1 < state.totalPages;

  const loadMore = useCallback(() => {
    if (!path || !hasMore || state.loadingMore) return;
    const controller = new AbortController();
    more.current = controller;
    const asked = current.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: undefined }));
    api.get<SearchPage<T>>(path, asked.query(state.page + 1), controller.signal).then(
      (page) => {
        if (controller.signal.aborted || current.current.key !== asked.key) return;
        setState((s) => {
          // an item listed meanwhile shifts the pages: keep each once
          const seen = new Set(s.items.map((item) => item.id));
          return { ...s, items: [...s.items, ...page.content.filter((item) => !seen.has(item.id))], total: page.totalElements, page: page.page, totalPages: page.totalPages, loadingMore: false };
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loadingMore: false, moreError: error }));
      },
    );
  }, [api, path, hasMore, state.loadingMore, state.page]);

  const retry = useCallback(() => {
    if (state.moreError !== undefined) loadMore();
    else setRetries((g) => g + 1);
  }, [state.moreError, loadMore]);

  return { ...state, hasMore, loadMore, retry };
}
