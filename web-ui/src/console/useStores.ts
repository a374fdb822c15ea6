import type { Page } from '../api/client';
import type { StoreView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { hasAnyRole } from '../auth/claims';
import { useLoad } from '../ui/useLoad';

export interface StoreChoice {
  code: string;
  name?: string;
  /** the store's dealer group, where tenant-admin answered */
  groupCode?: string;
  /** where the store is (Asia/Shanghai, Asia/Urumqi); unknown when tenant-admin did not answer */
  timeZone?: string;
}

/**
 * The stores the user may open in the console: their own (from the token) for managers and staff, the active stores
 * of their group (executives) or of all groups (operators) from tenant-admin; with each store's name and time zone.
 */
export function useConsoleStores() {
  const { api, claims } = useAuth();
  const listsStores = hasAnyRole(claims, ['platform-operator', 'group-executive']);
  return useLoad<StoreChoice[]>(
    async (signal) => {
      if (!listsStores) {
        // managers and staff: their stores from the token, named by tenant-admin where it answers
        return Promise.all(
          (claims?.stores ?? []).map((code) =>
            api.get<StoreView>(`/api/admin/stores/${code}`, undefined, signal).then(
              (store) => ({ code, name: store.name, groupCode: store.groupCode, timeZone: store.timeZone }),
              () => ({ code }),
            ),
          ),
        );
      }
      // stores in service: active ones, and read-only ones (their group's subscription is unpaid; they still read)
      const pages = await Promise.all(
        (['ACTIVE', 'READ_ONLY'] as const).map((status) =>
          api.get<Page<StoreView>>('/api/admin/stores', { status, size: 100, sort: 'code,asc' }, signal),
        ),
      );
      return pages
        .flatMap((page) => page.content)
        .filter((store, index, all) => all.findIndex((other) => other.code === store.code) === index)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((store) => ({ code: store.code, name: store.name, groupCode: store.groupCode, timeZone: store.timeZone }));
    },
    [listsStores, claims?.username],
  );
}
