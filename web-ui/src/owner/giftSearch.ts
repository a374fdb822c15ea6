/*
 * The owner's search of the store's gift catalogue (GIFT-2) as it stands in the address of /app/gifts, so that reload,
 * back and a shared link show the same gifts; the query the API takes (OwnGiftController).
 */
import type { TFunction } from 'i18next';
import type { Query } from '../api/client';
import type { GiftCatalogueSort } from '../api/types';
import { chosenBand, mallBand, mallBandLabel } from '../ui/mall';
import { formatPoints } from '../ui/points';

/** 综合 first: the best match with text, else cheapest first. */
export const GIFT_SORTS = ['RELEVANCE', 'POINTS_ASC', 'POINTS_DESC', 'NEWEST', 'POPULAR'] as const satisfies readonly GiftCatalogueSort[];

export interface GiftSearch {
  q: string;
  /** in points, both ends included */
  pointsMin?: number;
  pointsMax?: number;
  inStock: boolean;
  sort?: GiftCatalogueSort;
}

export const NO_GIFT_SEARCH: GiftSearch = { q: '', inStock: false };

function wholeNumber(text: string | null): number | undefined {
  return text !== null && /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The search in the address; unknown or malformed values are dropped. */
export function readGiftSearch(params: URLSearchParams): GiftSearch {
  return {
    q: (params.get('q') ?? '').trim(),
    pointsMin: wholeNumber(params.get('pointsMin')),
    pointsMax: wholeNumber(params.get('pointsMax')),
    inStock: params.get('inStock') === 'true',
    sort: GIFT_SORTS.find((s) => s === params.get('sort')),
  };
}

/** The address of a search: only what is set, in a fixed order. */
export function giftSearchParams(search: GiftSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.pointsMin !== undefined) params.set('pointsMin', String(search.pointsMin));
  if (search.pointsMax !== undefined) params.set('pointsMax', String(search.pointsMax));
  if (search.inStock) params.set('inStock', 'true');
  if (search.sort) params.set('sort', search.sort);
  return params;
}

/** The query of a page of the search. */
export function giftQuery(search: GiftSearch, page: number, size: number): Query {
  return { q: search.q || undefined, pointsMin: search.pointsMin, pointsMax: search.pointsMax, inStock: search.inStock || undefined, sort: search.sort ?? 'RELEVANCE', page, size };
}

/** How many filters are in force (the text and the sort are not filters). */
export function giftFilterCount(search: GiftSearch): number {
  return [search.pointsMin !== undefined || search.pointsMax !== undefined, search.inStock].filter(Boolean).length;
}

/** A points band of the facet ("500-1000") as the search's range, both ends included. */
export function pointsBand(value: string): Pick<GiftSearch, 'pointsMin' | 'pointsMax'> {
  const band = mallBand(value);
  return { pointsMin: band?.priceMin, pointsMax: band?.priceMax };
}

/** The band a search's points range is, if it is one of the facet's. */
export function chosenPointsBand(search: GiftSearch, bands: readonly { value: string }[]): string | undefined {
  return chosenBand({ priceMin: search.pointsMin, priceMax: search.pointsMax }, bands);
}

/** A band in words: "500 积分以下", "500 积分–1,000 积分", "10,000 积分以上". */
export function pointsBandLabel(t: TFunction, value: string, language: string): string {
  return mallBandLabel(t, value, language, (points) => t('owner.gifts.price', { points: formatPoints(points, language) }));
}
