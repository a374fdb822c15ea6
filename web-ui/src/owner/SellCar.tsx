import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UsedCarDetails, UsedCarView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { CarForm } from './CarForm';

/** 我要卖车: the owner offers a car for sale through their store (UCAR-1). */
export function SellCar() {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const navigate = useNavigate();
  const store = claims?.stores[0];
  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  const submit = async (car: UsedCarDetails) => {
    const created = await api.post<UsedCarView>(`/api/stores/${store}/me/used-cars`, car);
    navigate(`/app/used-cars/${created.id}`, { state: { notice: 'submitted' } });
  };

  return (
    <section className="owner-card">
      <h1>{t('owner.usedCars.sellTitle')}</h1>
      <p className="owner-muted">{t('owner.usedCars.sellIntro')}</p>
      <CarForm submitLabel={t('owner.usedCars.submit')} onSubmit={submit} />
    </section>
  );
}
