import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { createApiClient } from '../api/client';
import i18n from '../i18n';
import { AuthContext, type Auth, type AuthStatus } from './AuthContext';
import { claimsOf, type Claims } from './claims';
import { loadUiConfig } from './uiConfig';

export type Area = 'console' | 'group' | 'app';

interface SignInState {
  returnTo: string;
}

/** Callbacks already being handled: React's strict mode runs effects twice, a code can be redeemed once only. */
const callbacks = new Map<string, Promise<User | undefined>>();

function once(key: string, run: () => Promise<User | undefined>): Promise<User | undefined> {
  let pending = callbacks.get(key);
  if (!pending) {
    pending = run();
    callbacks.set(key, pending);
  }
  return pending;
}

async function userManagerFor(area: Area): Promise<UserManager> {
  const { oidc } = await loadUiConfig();
  const origin = window.location.origin;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: `${origin}/${area}/callback`,
    popup_redirect_uri: `${origin}/${area}/popup-callback`,
    post_logout_redirect_uri: `${origin}/${area}`,
    response_type: 'code', // authorization code; oidc-client-ts always adds PKCE (S256)
    scope: 'openid profile',
    automaticSilentRenew: true, // with the refresh token, before the 5-minute access token runs out
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/**
 * Signs users of one area in and out through Keycloak (authorization code + PKCE) and keeps their token fresh.
 * Handles `/<area>/callback` (after sign-in) and `/<area>/popup-callback` (sign-in again in a popup).
 */
export function AuthProvider({ area, children }: { area: Area; children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const managerRef = useRef<Promise<UserManager> | null>(null);
  const tokenRef = useRef<string | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [claims, setClaims] = useState<Claims | undefined>();
  const [sessionExpired, setSessionExpired] = useState(false);

  managerRef.current ??= userManagerFor(area);

  const adopt = useCallback((user: User | null | undefined) => {
    if (user && !user.expired && user.access_token) {
      tokenRef.current = user.access_token;
      setClaims(claimsOf(user.access_token));
      setStatus('signedIn');
      setSessionExpired(false);
      return true;
    }
    return false;
  }, []);

  useEffect(() => {
    let active = true;
    const path = location.pathname;
    // the URL Keycloak sent the browser back to (as the router sees it, so that it also works in tests)
    const url = `${window.location.origin}${location.pathname}${location.search}`;
    const start = async () => {
      const manager = await managerRef.current!;
      if (path === `/${area}/popup-callback`) {
        await once(url, async () => {
          await manager.signinPopupCallback(url);
          return undefined;
        });
        return;
      }
      if (path === `/${area}/callback`) {
        let user: User | undefined;
        try {
          user = await once(url, () => manager.signinRedirectCallback(url));
        } catch {
          // a used or stale callback (reload, back button): start over from the area's entry
          if (active) {
            setStatus('signedOut');
            navigate(`/${area}`, { replace: true });
          }
          return;
        }
        if (!active) return;
        adopt(user);
        const state = user?.state as SignInState | undefined;
        navigate(state?.returnTo ?? `/${area}`, { replace: true });
        return;
      }
      if (tokenRef.current) return; // signed in already, e.g. by the callback that just led here
      const stored = await manager.getUser();
      if (!active) return;
      if (adopt(stored)) return;
      if (stored?.refresh_token) {
        try {
          if (adopt(await manager.signinSilent())) return;
        } catch {
          // the Keycloak session is over too: sign in again
        }
      }
      if (active) setStatus('signedOut');
    };
    start().catch(() => {
      if (active) setStatus('error');
    });
    return () => {
      active = false;
    };
    // runs on mount and again when a sign-in comes back to the callback URL
  }, [area, location.pathname === `/${area}/callback`]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let manager: UserManager | undefined;
    const loaded = (user: User) => {
      adopt(user);
    };
    const expired = () => setSessionExpired(true);
    managerRef.current!.then(
      (m) => {
        manager = m;
        m.events.addUserLoaded(loaded);
        m.events.addAccessTokenExpired(expired);
        m.events.addSilentRenewError(expired);
      },
      () => undefined, // the start-up effect reports a missing configuration
    );
    return () => {
      manager?.events.removeUserLoaded(loaded);
      manager?.events.removeAccessTokenExpired(expired);
      manager?.events.removeSilentRenewError(expired);
    };
  }, [adopt]);

  const api = useMemo(
    () =>
      createApiClient({
        token: () => tokenRef.current,
        onUnauthorized: () => setSessionExpired(true),
        language: () => i18n.language,
      }),
    [],
  );

  const value = useMemo<Auth>(
    () => ({
      status,
      claims,
      api,
      sessionExpired,
      signIn: async (returnTo) => {
        const manager = await managerRef.current!;
        const state: SignInState = {
          returnTo: returnTo ?? `${window.location.pathname}${window.location.search}`,
        };
        // Keycloak's sign-in page in the app's language (zh-CN or en, the realm's two; else the realm's default)
        await manager.signinRedirect({ state, ui_locales: i18n.language });
      },
      changePassword: async () => {
        const manager = await managerRef.current!;
        const state: SignInState = { returnTo: `${window.location.pathname}${window.location.search}` };
        // Keycloak's required-action flow on an authorization request: it asks for the current session (or the
        // password), then a new password, and answers with a code like a sign-in
        await manager.signinRedirect({ state, ui_locales: i18n.language, extraQueryParams: { kc_action: 'UPDATE_PASSWORD' } });
      },
      signOut: async () => {
        const manager = await managerRef.current!;
        tokenRef.current = null;
        await manager.signoutRedirect();
      },
      renewInPopup: async () => {
        const manager = await managerRef.current!;
        adopt(await manager.signinPopup({ ui_locales: i18n.language }));
      },
    }),
    [status, claims, api, sessionExpired, adopt],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
