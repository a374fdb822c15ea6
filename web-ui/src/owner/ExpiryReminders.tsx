import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';
import { problemText } from './problemText';

type Reminders = { expiryReminders: boolean };

/**
 * The owner's consent to the SMS sent 30 days before their points expire: on until they turn it off, changed at
 * once (the store's job reads it before each reminder).
 */
export function ExpiryReminders({ store }: { store: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const path = `/api/stores/${store}/me/points/reminders`;
  const loaded = useLoad<Reminders>((signal) => api.get<Reminders>(path, undefined, signal), [path]);
  const [saved, setSaved] = useState<boolean>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const on = saved ?? loaded.data?.expiryReminders;
  if (typeof on !== 'boolean') return null;

  const change = async (wanted: boolean) => {
    setSaving(true);
    setError(undefined);
    try {
      setSaved((await api.put<Reminders>(path, { expiryReminders: wanted })).expiryReminders);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="owner-card">
      <label className="owner-remind">
        <input type="checkbox" checked={on} disabled={saving} onChange={(e) => void change(e.target.checked)} />{' '}
        {t('pointsExpiry.remindMe')}
      </label>
      <p className="owner-muted">{on ? t('pointsExpiry.remindOn') : t('pointsExpiry.remindOff')}</p>
      {error !== undefined && (
        <p role="alert" className="owner-alert">
          {problemText(t, error)}
        </p>
      )}
    </section>
  );
}
