import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, formatTime, knownZone } from './format';

/**
 * The time zone of the store a page shows: the console's layout provides the open store's, the owner app its store's.
 * Without a provider (and while the store is not known) it is DEFAULT_TIME_ZONE.
 */
const StoreZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/** Gives the pages below the zone `zone` (a zone the browser does not know reads as DEFAULT_TIME_ZONE). */
export function StoreZoneProvider({ zone, children }: { zone: string | null | undefined; children: ReactNode }) {
  return <StoreZoneContext.Provider value={knownZone(zone)}>{children}</StoreZoneContext.Provider>;
}

/** The time zone of the store the page shows. */
export function useStoreZone(): string {
  return useContext(StoreZoneContext);
}

/** formatTime in the UI's language and the store's zone: `format(iso)`, `format(iso, 'short')` for table cells. */
export function useFormatTime(): (iso: string | undefined | null, dateStyle?: 'medium' | 'short') => string {
  const { i18n } = useTranslation();
  const zone = useStoreZone();
  const language = i18n.language;
  return useCallback((iso, dateStyle) => formatTime(iso, language, zone, dateStyle), [language, zone]);
}
