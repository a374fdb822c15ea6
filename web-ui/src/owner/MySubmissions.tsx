import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../api/client';
import type { UsedCarView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { carName, formatKm, formatYuan } from '../ui/usedCar';
import { problemText } from './problemText';
import { StatusBadge } from './StatusBadge';

/** 我的寄售: the owner's cars offered for sale, newest first, with status and the store's note. */
export function MySubmissions() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const cars = useLoad<Page<UsedCarView> | undefined>(
    (signal) =>
      store ? api.get<Page<UsedCarView>>(`/api/stores/${store}/me/used-cars`, { size: 50, sort: 'submittedAt,desc' }, signal) : Promise.resolve(undefined),
    [store],
  );

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  return (
    <>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.usedCars.mine')}</h1>
        <Link to="/app/sell" className="owner-chip">
          {t('owner.usedCars.sell')}
        </Link>
      </div>
      {cars.loading && !cars.data && <p className="owner-muted">{t('common.loading')}</p>}
      {cars.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, cars.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={cars.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {cars.data && cars.data.content.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.usedCars.none')}</p>
          <Link to="/app/sell" className="owner-button">
            {t('owner.usedCars.sell')}
          </Link>
        </section>
      )}
      <ul className="owner-cars">
        {(cars.data?.content ?? []).map((car) => (
          <li key={car.id}>
            <Link to={`/app/used-cars/${car.id}`} className="owner-card owner-submission" data-testid="owner-used-car">
              <span className="owner-submission__head">
                <span className="owner-car__model">{carName(car)}</span>
                <StatusBadge status={car.status} />
              </span>
              <span className="owner-muted">
                {car.year} · {formatKm(t, car.mileageKm, i18n.language)} · {car.city}
              </span>
              <span>
                {car.askingPriceYuan != null
                  ? `${t('owner.usedCars.askingPrice')} ${formatYuan(car.askingPriceYuan, i18n.language)}`
                  : `${t('owner.usedCars.priceWish')} ${formatYuan(car.priceWishYuan, i18n.language)}`}
              </span>
              {(car.status === 'CHANGES_REQUESTED' || car.status === 'REJECTED') && car.reviewNote && (
                <span className="owner-note">
                  <strong>{t('owner.usedCars.reviewNote')}</strong>
                  <span>{car.reviewNote}</span>
                </span>
              )}
              <span className="owner-muted owner-small">{t('owner.usedCars.submittedAt', { time: formatTime(car.submittedAt) })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
