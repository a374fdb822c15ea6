import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareLink } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { problemText } from './problemText';
import { shareVisitor } from './shareVisitor';

/**
 * 分享得积分 (decision 0040): the owner's link for a listed used car (with `usedCarId`) or for the store; a friend's
 * first visit or sign-up through it earns the owner points by the store's share task. The link carries the token.
 */
export function ShareButton({ store, usedCarId }: { store: string; usedCarId?: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [link, setLink] = useState<string>();
  const [error, setError] = useState<string>();

  const share = async () => {
    setError(undefined);
    try {
      const made = await api.post<ShareLink>(`/api/stores/${store}/me/shares`, { usedCarId, visitor: shareVisitor() });
      const url = `${window.location.origin}/app/s/${store}/${made.token}`;
      setLink(url);
      await navigator.clipboard?.writeText(url).catch(() => undefined);
    } catch (e) {
      setError(problemText(t, e));
    }
  };

  return (
    <section className="owner-card">
      <button type="button" className="owner-button owner-button--secondary" onClick={() => void share()}>
        {usedCarId ? t('pointShares.shareCar') : t('pointShares.shareStore')}
      </button>
      {link && (
        <p role="status" className="owner-muted">
          {t('pointShares.linkReady')} <span data-testid="share-link">{link}</span>
        </p>
      )}
      {error && (
        <p className="owner-field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
