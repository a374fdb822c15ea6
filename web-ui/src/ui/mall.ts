/*
 * The store's mall (MALL-1, MALL-3) for both the console and the owner app: the category tree from the flat list the
 * API answers, prices in yuan from fen, the price bands of the owner's search. No Ant Design here: the owner app
 * imports it.
 */
import type { TFunction } from 'i18next';
import type { ProductCategoryView } from '../api/types';
import { formatFen } from './wallet';

export interface CategoryNode {
  category: ProductCategoryView;
  children: CategoryNode[];
  /** the names from the top level down to this one */
  path: string[];
}

/** The categories as a tree: each level in its sort order (then by name), as the API orders the list. */
export function categoryTree(categories: readonly ProductCategoryView[]): CategoryNode[] {
  const ids = new Set(categories.map((c) => c.id));
  const sorted = [...categories].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
  const build = (parent: string | null, path: string[], seen: Set<string>): CategoryNode[] =>
    sorted
      // a parent the list does not hold counts as none: the category is shown at the top rather than lost
      .filter((c) => (parent === null ? c.parentId == null || !ids.has(c.parentId) : c.parentId === parent) && !seen.has(c.id))
      .map((c) => {
        const here = [...path, c.name];
        return { category: c, path: here, children: build(c.id, here, new Set([...seen, c.id])) };
      });
  return build(null, [], new Set());
}

/** Every node of the tree, parents before their children. */
export function flatten(nodes: readonly CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** A category's names from the top, joined ("保养用品 / 机油"), by id. */
export function categoryPaths(categories: readonly ProductCategoryView[]): Map<string, string> {
  return new Map(flatten(categoryTree(categories)).map((n) => [n.category.id, n.path.join(' / ')]));
}

/** The category and every one below it, by id: where it cannot be moved to. */
export function selfAndBelow(categories: readonly ProductCategoryView[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parentId && found.has(c.parentId) && !found.has(c.id)) {
        found.add(c.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Fen as a price in yuan: 12990 → "¥129.90". */
export function formatPrice(fen: number, language: string): string {
  return `¥${formatFen(fen, language)}`;
}

/** The prices of a product's SKUs from the cheapest to the dearest: "¥99.00" or "¥99.00 – ¥199.00". */
export function formatPriceRange(minFen: number, maxFen: number, language: string): string {
  return minFen === maxFen ? formatPrice(minFen, language) : `${formatPrice(minFen, language)} – ${formatPrice(maxFen, language)}`;
}

/** Whole yuan of a band's edge in fen: 10000 → "¥100". */
function bandYuan(fen: number, language: string): string {
  return `¥${new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(fen / 100)}`;
}

/**
 * A price band of the search's facet ("10000-50000": from 100 yuan up to, not including, 500; "300000-": 3,000 and
 * more) as the API's range, whose ends both count: the band's end less one fen.
 */
export function mallBand(value: string): { priceMin?: number; priceMax?: number } | undefined {
  const match = /^(\d+)-(\d*)$/.exec(value);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  return { priceMin: from > 0 ? from : undefined, priceMax: to === undefined ? undefined : to - 1 };
}

/** The band a search's price range is, if it is one of the facet's. */
export function chosenBand(search: { priceMin?: number; priceMax?: number }, bands: readonly { value: string }[]): string | undefined {
  if (search.priceMin === undefined && search.priceMax === undefined) return undefined;
  return bands.find((b) => {
    const band = mallBand(b.value);
    return band !== undefined && band.priceMin === search.priceMin && band.priceMax === search.priceMax;
  })?.value;
}

/**
 * A band in words: "¥100 以下", "¥100–¥500", "¥3,000 以上"; `edge` writes an end (yuan from fen by default; the gift
 * catalogue's bands are points).
 */
export function mallBandLabel(t: TFunction, value: string, language: string, edge: (n: number) => string = (fen) => bandYuan(fen, language)): string {
  const match = /^(\d+)-(\d*)$/.exec(value);
  if (!match) return value;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  if (to === undefined) return t('owner.mall.bands.above', { from: edge(from) });
  if (from === 0) return t('owner.mall.bands.below', { to: edge(to) });
  return t('owner.mall.bands.between', { from: edge(from), to: edge(to) });
}
