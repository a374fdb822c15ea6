import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { useAuth } from './AuthContext';
import { AuthProvider } from './AuthProvider';

const oidc = vi.hoisted(() => ({
  settings: [] as Record<string, unknown>[],
  getUser: vi.fn(),
  signinRedirect: vi.fn(),
  signinRedirectCallback: vi.fn(),
}));

vi.mock('oidc-client-ts', () => ({
  UserManager: class {
    events = {
      addUserLoaded: () => undefined,
      removeUserLoaded: () => undefined,
      addAccessTokenExpired: () => undefined,
      removeAccessTokenExpired: () => undefined,
      addSilentRenewError: () => undefined,
      removeSilentRenewError: () => undefined,
    };
    getUser = oidc.getUser;
    signinRedirect = oidc.signinRedirect;
    signinRedirectCallback = oidc.signinRedirectCallback;
    constructor(settings: Record<string, unknown>) {
      oidc.settings.push(settings);
    }
  },
  WebStorageStateStore: class {},
}));

function jwt(payload: object): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(payload)}.sig`;
}

function Probe() {
  const auth = useAuth();
  const location = useLocation();
  return (
    <div>
      <span data-testid="status">{auth.status}</span>
      <span data-testid="user">{auth.claims?.username ?? ''}</span>
      <span data-testid="path">{location.pathname}</span>
      <button type="button" onClick={() => void auth.signIn()}>
        sign in
      </button>
    </div>
  );
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/console/*" element={<AuthProvider area="console"><Probe /></AuthProvider>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('AuthProvider', () => {
  beforeEach(() => {
    oidc.settings.length = 0;
    oidc.getUser.mockReset().mockResolvedValue(null);
    oidc.signinRedirect.mockReset().mockResolvedValue(undefined);
    oidc.signinRedirectCallback.mockReset();
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify({ oidc: { authority: 'http://localhost:8180/realms/m4s', clientId: 'm4s-web' } }), {
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it("signs in with the gateway's settings: code flow, the area's callback, back to the page", async () => {
    renderAt('/console/gz_tianhe/members');
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('signedOut'));

    expect(oidc.settings[0]).toMatchObject({
      authority: 'http://localhost:8180/realms/m4s',
      client_id: 'm4s-web',
      response_type: 'code',
      redirect_uri: `${window.location.origin}/console/callback`,
      popup_redirect_uri: `${window.location.origin}/console/popup-callback`,
    });
    screen.getByRole('button', { name: 'sign in' }).click();
    await waitFor(() => expect(oidc.signinRedirect).toHaveBeenCalledTimes(1));
  });

  it("asks Keycloak for its sign-in page in the app's language", async () => {
    const before = i18n.language;
    try {
      await i18n.changeLanguage('en');
      renderAt('/console/gz_tianhe/members');
      await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('signedOut'));
      screen.getByRole('button', { name: 'sign in' }).click();
      await waitFor(() => expect(oidc.signinRedirect).toHaveBeenCalledTimes(1));
      expect(oidc.signinRedirect).toHaveBeenCalledWith(expect.objectContaining({ ui_locales: 'en' }));
    } finally {
      await i18n.changeLanguage(before);
    }
  });

  it('comes back from Keycloak to the page the user started from, signed in', async () => {
    oidc.signinRedirectCallback.mockResolvedValue({
      access_token: jwt({ preferred_username: 'manager.gz_tianhe', realm_access: { roles: ['store-manager'] }, m4s_stores: ['gz_tianhe'] }),
      expired: false,
      state: { returnTo: '/console/gz_tianhe/members' },
    });
    renderAt('/console/callback?code=abc&state=xyz');

    await waitFor(() => expect(screen.getByTestId('path')).toHaveTextContent('/console/gz_tianhe/members'));
    expect(screen.getByTestId('status')).toHaveTextContent('signedIn');
    expect(screen.getByTestId('user')).toHaveTextContent('manager.gz_tianhe');
    expect(oidc.getUser).not.toHaveBeenCalled(); // leaving the callback URL does not sign in a second time
  });

  it('starts over when the callback cannot be redeemed (reload, back button)', async () => {
    oidc.signinRedirectCallback.mockRejectedValue(new Error('No matching state found in storage'));
    renderAt('/console/callback?code=used&state=gone');

    await waitFor(() => expect(screen.getByTestId('path')).toHaveTextContent(/^\/console$/));
    expect(screen.getByTestId('status')).toHaveTextContent('signedOut');
  });
});
