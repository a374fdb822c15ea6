import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { shareVisitor } from './shareVisitor';

/**
 * Where a share link lands (`/app/s/<store>/<token>`, decision 0040): records the visit (this browser's first visit
 * of the link is a conversion for the sharer) and invites the visitor to sign up as an owner of the store, with the
 * link's token, so the sign-up counts for the sharer too.
 */
export function ShareLanding() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { store = '', token = '' } = useParams();
  const [target, setTarget] = useState<string>();

  useEffect(() => {
    let live = true;
    api
      .post<{ target: string }>(`/api/stores/${store}/shares/${token}/visits`, { visitor: shareVisitor() })
      .then((visit) => live && setTarget(visit.target))
      .catch(() => live && setTarget('STORE'));
    return () => {
      live = false;
    };
  }, [api, store, token]);

  return (
    <section className="owner-card">
      <h1 className="owner-page-title">{target === 'USED_CAR' ? t('pointShares.landingCar') : t('pointShares.landingStore')}</h1>
      <p className="owner-muted">{t('pointShares.landingText')}</p>
      <Link className="owner-button" to={`/app/signup?store=${encodeURIComponent(store)}&share=${encodeURIComponent(token)}`}>
        {t('pointShares.signUp')}
      </Link>
    </section>
  );
}
