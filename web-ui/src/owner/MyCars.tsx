import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { MemberView, MileageReading } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { useOwnerStore } from './ownerStore';

/** The car's last odometer readings, from its repair orders (newest first). */
export function CarMileage({ store, vehicleId }: { store: string; vehicleId: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const readings = useLoad<MileageReading[]>(
    (signal) => api.get<MileageReading[]>(`/api/stores/${store}/me/vehicles/${vehicleId}/mileage`, undefined, signal),
    [store, vehicleId],
  );
  const shown = (readings.data ?? []).slice(0, 5);
  if (shown.length === 0) return null;
  return (
    <div className="owner-mileage">
      <h3 className="owner-muted">{t('mileage.title')}</h3>
      <ul>
        {shown.map((r) => (
          <li key={r.id} data-testid="owner-mileage">
            <span>{formatTime(r.readAt, 'short')}</span>
            <span>{t('owner.km', { km: r.mileageKm.toLocaleString() })}</span>
            <span className="owner-muted">{t(`mileage.sources.${r.source}`, { ref: r.sourceRef ?? '' })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The signed-in owner's member record at their store and their cars. */
export function MyCars() {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const card = useOwnerStore();
  const me = useLoad<MemberView | undefined>(
    (signal) => (store ? api.get<MemberView>(`/api/stores/${store}/me`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  if (me.loading) return <p className="owner-muted">{t('common.loading')}</p>;
  if (me.error) {
    const missing = isApiError(me.error) && me.error.status === 404;
    return (
      <section className="owner-card" role="alert">
        <p>{missing ? t('owner.recordMissing') : t('owner.loadFailed')}</p>
        <button type="button" className="owner-button owner-button--secondary" onClick={me.reload}>
          {t('common.retry')}
        </button>
      </section>
    );
  }
  const member = me.data!;
  return (
    <>
      <section className="owner-card">
        <h1 className="owner-greeting">{t('owner.greeting', { name: member.profile.name })}</h1>
        {card && <p className="owner-muted">{t('owner.memberOf', { store: card.name })}</p>}
      </section>
      <h2 className="owner-section-title">{t('owner.myCars')}</h2>
      {member.vehicles.length === 0 && <p className="owner-muted">{t('owner.noCars')}</p>}
      <ul className="owner-cars">
        {member.vehicles.map((v) => (
          <li key={v.id} className="owner-card owner-car" data-testid="owner-car">
            <span className="owner-plate">{v.plate}</span>
            <span className="owner-car__model">{v.model}</span>
            <dl>
              <dt>{t('vehicles.fields.vin')}</dt>
              <dd>{v.vin}</dd>
              {v.mileageKm != null && (
                <>
                  <dt>{t('vehicles.fields.mileageKm')}</dt>
                  <dd>{t('owner.km', { km: v.mileageKm.toLocaleString() })}</dd>
                </>
              )}
              {v.purchaseDate && (
                <>
                  <dt>{t('vehicles.fields.purchaseDate')}</dt>
                  <dd>{v.purchaseDate}</dd>
                </>
              )}
            </dl>
            <CarMileage store={store} vehicleId={v.id} />
          </li>
        ))}
      </ul>
    </>
  );
}
