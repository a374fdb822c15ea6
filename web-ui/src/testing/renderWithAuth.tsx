import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import type { ApiClient } from '../api/client';
import { AuthContext, type Auth } from '../auth/AuthContext';
import type { Claims, Role } from '../auth/claims';

export function claims(roles: Role[], extra: Partial<Claims> = {}): Claims {
  return { username: 'test.user', name: '测试用户', roles, stores: ['gz_tianhe'], ...extra };
}

export function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient & { [K in keyof ApiClient]: ReturnType<typeof vi.fn> } {
  return {
    get: vi.fn().mockResolvedValue({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 }),
    post: vi.fn().mockResolvedValue(undefined),
    put: vi.fn().mockResolvedValue(undefined),
    patch: vi.fn().mockResolvedValue(undefined),
    delete: vi.fn().mockResolvedValue(undefined),
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
    renewInPopup: vi.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}

/** Renders `ui` at `path` (matched by `route`) with a signed-in user and a fake API. */
export function renderWithAuth(ui: ReactElement, { auth = fakeAuth(), path = '/', route = '*' }: { auth?: Auth; path?: string; route?: string } = {}) {
  return {
    auth,
    ...render(
      <AuthContext.Provider value={auth}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={ui} />
          </Routes>
        </MemoryRouter>
      </AuthContext.Provider>,
    ),
  };
}
