import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { Claims } from './claims';

export type AuthStatus = 'loading' | 'signedOut' | 'signedIn' | 'error';

/** The signed-in user of one area (console, group or app) and the API client that carries their token. */
export interface Auth {
  status: AuthStatus;
  claims?: Claims;
  api: ApiClient;
  /** true once the gateway refused the token or renewing it failed; the page keeps its state meanwhile */
  sessionExpired: boolean;
  /** Goes to Keycloak and comes back to `returnTo` (default: the current page). */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  /** Goes to Keycloak's change-password page (`kc_action=UPDATE_PASSWORD`) and comes back signed in to this page. */
  changePassword(): Promise<void>;
  /** Signs in again in a popup window, so that whatever the user was typing stays on the page. */
  renewInPopup(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider (or AuthContext.Provider) above it');
  return auth;
}
