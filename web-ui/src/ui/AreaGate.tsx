import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { hasAnyRole, type Role } from '../auth/claims';
import { SessionExpiredDialog } from './SessionExpiredDialog';

/**
 * Lets signed-in users with one of `roles` through; everyone else sees why not and what to do: sign in, or sign out
 * and use another account. The whole area (console, group) sits inside it.
 */
export function AreaGate({ title, roles, children }: { title: string; roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();

  if (auth.status === 'loading') {
    return (
      <div className="gate" aria-busy="true">
        <p>{t('auth.loading')}</p>
      </div>
    );
  }
  if (auth.status === 'error') {
    return (
      <div className="gate" role="alert">
        <h1>{title}</h1>
        <p>{t('auth.unavailable')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (auth.status === 'signedOut') {
    return (
      <div className="gate">
        <h1>{title}</h1>
        <p>{t('auth.signInPrompt')}</p>
        <button type="button" className="button" onClick={() => void auth.signIn()}>
          {t('auth.signIn')}
        </button>
      </div>
    );
  }
  if (!hasAnyRole(auth.claims, roles)) {
    return (
      <div className="gate" role="alert">
        <h1>{title}</h1>
        <p>{t('auth.noAccess', { user: auth.claims?.username ?? '' })}</p>
        <button type="button" className="button" onClick={() => void auth.signOut()}>
          {t('auth.signOut')}
        </button>
      </div>
    );
  }
  return (
    <>
      {children}
      <SessionExpiredDialog />
    </>
  );
}
