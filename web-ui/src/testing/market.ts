import { vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { MarketFacetValue, MarketListing, MarketPage, StoreCard } from '../api/types';

/** A car on the market as the search answers it. */
export function listing(overrides: Partial<MarketListing> = {}): MarketListing {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    store: 'gz_tianhe',
    status: 'LISTED',
    make: '宝马',
    model: '325Li',
    year: 2019,
    mileageKm: 56000,
    city: '广州',
    gearbox: 'AUTOMATIC',
    emissionStandard: 'CN6A',
    colour: '白色',
    askingPriceYuan: 128000,
    photos: [
      { ref: 'https://img.example.com/a.jpg', thumbnailUrl: 'https://img.example.com/a.jpg', url: 'https://img.example.com/a.jpg', largeUrl: 'https://img.example.com/a.jpg' },
      { ref: 'b0b0b0b0-0000-4000-8000-000000000002', id: 'b0b0b0b0-0000-4000-8000-000000000002', thumbnailUrl: '/api/stores/gz_tianhe/photos/b0b0b0b0-0000-4000-8000-000000000002/small?expires=1&signature=s', url: '/api/stores/gz_tianhe/photos/b0b0b0b0-0000-4000-8000-000000000002/medium?expires=1&signature=m', largeUrl: '/api/stores/gz_tianhe/photos/b0b0b0b0-0000-4000-8000-000000000002/large?expires=1&signature=l' },
    ],
    conditionReport: '外观良好，无事故无泡水。',
    listedAt: '2026-11-20T08:00:00Z',
    ...overrides,
  };
}

/** `count` different cars, numbered from `from`. */
export function listings(count: number, from = 1): MarketListing[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return listing({ id: `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, model: `车型${n}` });
  });
}

export const FACETS: Record<string, MarketFacetValue[]> = {
  make: [
    { value: '宝马', count: 3 },
    { value: '奥迪', count: 1 },
  ],
  city: [{ value: '广州', count: 4 }],
  gearbox: [
    { value: 'AUTOMATIC', count: 3 },
    { value: 'MANUAL', count: 1 },
  ],
  emissionStandard: [{ value: 'CN6A', count: 4 }],
  store: [
    { value: 'gz_tianhe', count: 3 },
    { value: 'sz_futian', count: 1 },
  ],
  price: [
    { value: '0-50000', count: 0 },
    { value: '50000-100000', count: 1 },
    { value: '100000-150000', count: 2 },
    { value: '150000-200000', count: 1 },
    { value: '200000-300000', count: 0 },
    { value: '300000-500000', count: 0 },
    { value: '500000-', count: 0 },
  ],
};

/** The stores the pages name, as the market answers them: one with address and phone, one with its name only. */
export const STORES: Record<string, StoreCard> = {
  gz_tianhe: { code: 'gz_tianhe', name: '广州宝悦天河宝马4S店', address: '广州市天河区黄埔大道西 638 号', phone: '020-38823888', timeZone: 'Asia/Shanghai' },
  sz_futian: { code: 'sz_futian', name: '深圳星辉福田奔驰4S店', address: null, phone: null, timeZone: 'Asia/Shanghai' },
};

/** A page of the market: `content` of `total` cars, page `page` of pages of `size`. */
export function marketPage(
  content: MarketListing[],
  { total = content.length, page = 0, size = 20, facets = FACETS, scope = 'GROUP' as MarketPage['scope'], stores = STORES } = {},
): MarketPage {
  return { content, totalElements: total, page, size, totalPages: Math.ceil(total / size), scope, facets, stores };
}

export function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** 503 as store-console answers it while Elasticsearch is away. */
export function searchUnavailable() {
  return json(
    { type: 'https://m4s.dev/problems/search-unavailable', title: 'Service Unavailable', status: 503, detail: 'Search is unavailable for a moment; try again shortly.' },
    503,
    'application/problem+json',
  );
}

/**
 * The real API client over a fake fetch, so that tests see the URL the browser would send. `answer` gets each
 * request's path and query and returns the response (or a promise of it).
 */
export function fetchApi(answer: (path: string, query: URLSearchParams) => Response | Promise<Response>) {
  const fetchImpl = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://m4s.test');
    return Promise.resolve(answer(url.pathname, url.searchParams));
  });
  const api = createApiClient({ token: () => 'token', fetchImpl: fetchImpl as unknown as typeof fetch });
  /** The query strings of the requests to `path`, as [name, value] pairs in the order sent. */
  const queries = (path: string) =>
    fetchImpl.mock.calls
      .map(([input]) => new URL(String(input), 'http://m4s.test'))
      .filter((url) => url.pathname === path)
      .map((url) => [...url.searchParams.entries()]);
  return { api, fetchImpl, queries };
}
