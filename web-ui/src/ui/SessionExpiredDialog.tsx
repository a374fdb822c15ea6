import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';

/**
 * Shown over the page when the session has ended. The page underneath stays as it is (a half-filled form keeps
 * its values): signing in again happens in a popup; only if popups are blocked does the user leave the page.
 */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [popupFailed, setPopupFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!auth.sessionExpired || auth.status !== 'signedIn') return null;

  const renew = async () => {
    setBusy(true);
    try {
      await auth.renewInPopup();
      setPopupFailed(false);
    } catch {
      setPopupFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="session-expired" role="presentation">
      <div className="session-expired__dialog" role="alertdialog" aria-modal="true" aria-labelledby="session-expired-title">
        <h2 id="session-expired-title">{t('session.expiredTitle')}</h2>
        <p>{t('session.expiredMessage')}</p>
        {popupFailed && <p className="session-expired__warning">{t('session.popupBlocked')}</p>}
        <div className="session-expired__actions">
          <button type="button" className="button" onClick={() => void renew()} disabled={busy}>
            {t('session.signInAgain')}
          </button>
          {popupFailed && (
            <button type="button" className="button button--secondary" onClick={() => void auth.signIn()}>
              {t('session.signInLeavingPage')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
