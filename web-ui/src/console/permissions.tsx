import { createContext, useContext } from 'react';
import type { MyPermissions, Permission } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';

/**
 * The signed-in user's permissions in the open store, as store-console answers them from the same table its endpoints
 * enforce (decision 0018). The console's menu, pages and buttons check these names; no role is checked here.
 */
export const PermissionsContext = createContext<ReadonlySet<Permission>>(new Set());

/** Loads the user's permissions in `store`. */
export function useStorePermissions(store: string) {
  const { api, claims } = useAuth();
  return useLoad<ReadonlySet<Permission>>(
    async (signal) =>
      new Set((await api.get<MyPermissions>(`/api/stores/${store}/me/permissions`, undefined, signal)).permissions),
    [store, claims?.username],
  );
}

/** Whether the user has `permission` in the open store. */
export function useCan(permission: Permission): boolean {
  return useContext(PermissionsContext).has(permission);
}
