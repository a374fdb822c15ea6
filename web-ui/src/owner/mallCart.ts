import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** A line of the owner's cart: the SKU and what the product page showed of it when it was added. */
export type CartLine = {
  skuId: string;
  productId: string;
  name: string;
  spec: string;
  /** the price shown when added (the checkout sheet prices the cart again at today's prices) */
  priceFen: number;
  quantity: number;
  /** the stock shown when added: the most the stepper offers */
  stock: number;
  photo?: string;
};

/** The most of one SKU and the most lines an order may have (the server's limits: quantity 1–99, 20 lines). */
export const MAX_QUANTITY = 99;
export const MAX_LINES = 20;

const KEY = 'm4s.mall.cart.';
const CHANGED = 'm4s-mall-cart';
const EMPTY: CartLine[] = [];

function read(store: string): string {
  try {
    return localStorage.getItem(KEY + store) ?? '';
  } catch {
    return '';
  }
}

function parse(raw: string): CartLine[] {
  if (!raw) return EMPTY;
  try {
    const lines: unknown = JSON.parse(raw);
    return Array.isArray(lines)
      ? lines.filter((l): l is CartLine => typeof l === 'object' && l !== null && typeof l.skuId === 'string' && Number.isInteger(l.quantity) && l.quantity > 0)
      : EMPTY;
  } catch {
    return EMPTY;
  }
}

function write(store: string, lines: CartLine[]): void {
  try {
    if (lines.length === 0) localStorage.removeItem(KEY + store);
    else localStorage.setItem(KEY + store, JSON.stringify(lines));
  } catch {
    // private mode or full: the cart lasts as long as the page
  }
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(changed: () => void): () => void {
  window.addEventListener(CHANGED, changed);
  window.addEventListener('storage', changed);
  return () => {
    window.removeEventListener(CHANGED, changed);
    window.removeEventListener('storage', changed);
  };
}

function clamp(quantity: number, stock: number): number {
  return Math.max(1, Math.min(quantity, MAX_QUANTITY, stock > 0 ? stock : MAX_QUANTITY));
}

/**
 * The owner's mall cart in the app (decision 0051: it lives on the phone until checkout), kept per store in
 * localStorage, so that it survives a reload and every page showing it (the badge, the cart) sees the same lines.
 */
export function useMallCart(store: string | undefined) {
  const raw = useSyncExternalStore(subscribe, () => (store ? read(store) : ''), () => '');
  const lines = useMemo(() => parse(raw), [raw]);
  const change = useCallback(
    (next: (lines: CartLine[]) => CartLine[]) => {
      if (store) write(store, next(parse(read(store))));
    },
    [store],
  );
  const add = useCallback(
    (line: Omit<CartLine, 'quantity'>, quantity: number) =>
      change((now) => {
        const there = now.find((l) => l.skuId === line.skuId);
        if (there) return now.map((l) => (l.skuId === line.skuId ? { ...line, quantity: clamp(l.quantity + quantity, line.stock) } : l));
        return [...now, { ...line, quantity: clamp(quantity, line.stock) }].slice(-MAX_LINES);
      }),
    [change],
  );
  const setQuantity = useCallback((skuId: string, quantity: number) => change((now) => now.map((l) => (l.skuId === skuId ? { ...l, quantity: clamp(quantity, l.stock) } : l))), [change]);
  const remove = useCallback((skuId: string) => change((now) => now.filter((l) => l.skuId !== skuId)), [change]);
  const clear = useCallback(() => change(() => []), [change]);
  const count = lines.reduce((sum, l) => sum + l.quantity, 0);
  const totalFen = lines.reduce((sum, l) => sum + l.priceFen * l.quantity, 0);
  return { lines, count, totalFen, add, setQuantity, remove, clear };
}

/** The lines of an order or a checkout sheet: SKU and quantity. */
export function orderLines(lines: readonly Pick<CartLine, 'skuId' | 'quantity'>[]): { skuId: string; quantity: number }[] {
  return lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
}

const BUY_NOW = 'm4s.mall.buyNow';

/** 立即购买: the one line bought now, kept for the checkout page of this tab without touching the cart. */
export function rememberBuyNow(line: CartLine): void {
  try {
    sessionStorage.setItem(BUY_NOW, JSON.stringify(line));
  } catch {
    // the checkout page then says there is nothing to check out
  }
}

export function buyNowLine(): CartLine | undefined {
  try {
    return parse(`[${sessionStorage.getItem(BUY_NOW) ?? ''}]`)[0];
  } catch {
    return undefined;
  }
}

export function forgetBuyNow(): void {
  try {
    sessionStorage.removeItem(BUY_NOW);
  } catch {
    // nothing kept
  }
}
