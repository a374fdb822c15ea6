import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MemberView, UsedCarDetails, UsedCarView, VehicleView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';
import { CarForm } from './CarForm';

/** The owner's registered cars at `store` (their member record); none when it cannot be read: the form still works. */
function useMyVehicles(store: string | undefined): readonly VehicleView[] {
  const { api } = useAuth();
  const me = useLoad<MemberView | undefined>(
    (signal) => (store ? api.get<MemberView>(`/api/stores/${store}/me`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const vehicles = me.data?.vehicles;
  return Array.isArray(vehicles) ? vehicles : [];
}

/** 我要卖车: the owner offers a car for sale through their store (UCAR-1), or one of their registered cars. */
export function SellCar() {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const navigate = useNavigate();
  const store = claims?.stores[0];
  const vehicles = useMyVehicles(store);
  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  const submit = async (car: UsedCarDetails) => {
    const created = await api.post<UsedCarView>(`/api/stores/${store}/me/used-cars`, car);
    navigate(`/app/used-cars/${created.id}`, { state: { notice: 'submitted' } });
  };

  return (
    <section className="owner-card">
      <h1>{t('owner.usedCars.sellTitle')}</h1>
      <p className="owner-muted">{t('owner.usedCars.sellIntro')}</p>
      <CarForm submitLabel={t('owner.usedCars.submit')} vehicles={vehicles} onSubmit={submit} />
    </section>
  );
}
