import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import type { ApiClient } from '../api/client';
import type { Permission } from '../api/types';
import { AuthContext, type Auth } from '../auth/AuthContext';
import type { Claims, Role } from '../auth/claims';
import { PermissionsContext } from '../console/permissions';
import { StoreZoneProvider } from '../ui/storeZone';

export function claims(roles: Role[], extra: Partial<Claims> = {}): Claims {
  return { username: 'test.user', name: '测试用户', roles, stores: ['gz_tianhe'], ...extra };
}

export function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient & { [K in keyof ApiClient]: ReturnType<typeof vi.fn> } {
  return {
    get: vi.fn().mockResolvedValue({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 }),
    post: vi.fn().mockResolvedValue(undefined),
    put: vi.fn().mockResolvedValue(undefined),
    patch: vi.fn().mockResolvedValue(undefined),
    upload: vi.fn().mockResolvedValue(undefined),
    delete: vi.fn().mockResolvedValue(undefined),
    download: vi.fn().mockResolvedValue({ blob: new Blob(['xlsx']), fileName: 'export.xlsx' }),
    ...overrides,
  } as never;
}

export function fakeAuth(overrides: Partial<Auth> = {}): Auth {
  return {
    status: 'signedIn',
    claims: claims(['store-manager']),
    api: fakeApi(),
    sessionExpired: false,
    signIn: vi.fn().mockResolvedValue(undefined),
    signOut: vi.fn().mockResolvedValue(undefined),
    changePassword: vi.fn().mockResolvedValue(undefined),
    renewInPopup: vi.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}

/** A store manager's permissions in their store, as store-console answers them. */
export const MANAGER_PERMISSIONS: Permission[] = [
  'STORE_ENTER', 'CONSOLE_USE', 'MEMBER_VIEW', 'MEMBER_EXPORT', 'MEMBER_EDIT', 'USED_CAR_VIEW', 'USED_CAR_MANAGE', 'USED_CAR_MARKET_VIEW',
  'STAFF_VIEW', 'STAFF_MANAGE', 'AUDIT_VIEW', 'MESSAGE_LOG_VIEW', 'STORE_SEARCH_REBUILD',
];

/** A group executive's permissions in a store of their group: read only. */
export const EXECUTIVE_PERMISSIONS: Permission[] = [
  'STORE_ENTER', 'CONSOLE_USE', 'MEMBER_VIEW', 'MEMBER_EXPORT', 'USED_CAR_VIEW', 'USED_CAR_MARKET_VIEW', 'STAFF_VIEW', 'AUDIT_VIEW',
];

/**
 * Renders `ui` at `path` (matched by `route`) with a signed-in user, a fake API, the user's permissions in the store
 * and the store's time zone (`zone`, else the default), as the console layout provides them to its pages; `page`, if
 * given, is what `ui` shows in its Outlet.
 */
export function renderWithAuth(
  ui: ReactElement,
  {
    auth = fakeAuth(),
    path = '/',
    route = '*',
    permissions = MANAGER_PERMISSIONS,
    zone,
    page,
  }: { auth?: Auth; path?: string; route?: string; permissions?: Permission[]; zone?: string; page?: ReactElement } = {},
) {
  return {
    auth,
    ...render(
      <AuthContext.Provider value={auth}>
        <PermissionsContext.Provider value={new Set(permissions)}>
          <StoreZoneProvider zone={zone}>
            <MemoryRouter initialEntries={[path]}>
              <Routes>
                <Route path={route} element={ui}>
                  {page && <Route index element={page} />}
                </Route>
              </Routes>
            </MemoryRouter>
          </StoreZoneProvider>
        </PermissionsContext.Provider>
      </AuthContext.Provider>,
    ),
  };
}
