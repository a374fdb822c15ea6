import { createContext, useContext, type ReactNode } from 'react';
import type { StoreCard } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { StoreZoneProvider } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';

/** The signed-in owner's store as customers read it (name, address, phone, zone); undefined until it is known. */
const OwnerStoreContext = createContext<StoreCard | undefined>(undefined);

/** Path of a store's card: open, so sign-up reads it too. */
export function storeCardPath(store: string): string {
  return `/api/stores/${encodeURIComponent(store)}/card`;
}

/**
 * Loads the owner's store (the first of the token's stores) and gives the pages below its card and its time zone:
 * times read in the store's zone. Until the card is there (or when it cannot be read) the zone is DEFAULT_TIME_ZONE
 * and names fall back to the store's code.
 */
export function OwnerStoreProvider({ children }: { children: ReactNode }) {
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const card = useLoad<StoreCard | undefined>(
    (signal) => (store ? api.get<StoreCard>(storeCardPath(store), undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  return (
    <OwnerStoreContext.Provider value={card.data}>
      <StoreZoneProvider zone={card.data?.timeZone}>{children}</StoreZoneProvider>
    </OwnerStoreContext.Provider>
  );
}

export function useOwnerStore(): StoreCard | undefined {
  return useContext(OwnerStoreContext);
}

/** `tel:` address of a phone as stores write it (020-38881234-801: the extension is dialled after a pause). */
export function telHref(phone: string): string {
  const match = /^(0\d{2,3}-?\d{7,8})-(\d{1,6})$/.exec(phone);
  const number = match?.[1] ?? phone;
  const extension = match?.[2];
  return `tel:${number.replace(/-/g, '')}${extension ? `,${extension}` : ''}`;
}
