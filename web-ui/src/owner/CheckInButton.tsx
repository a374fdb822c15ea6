import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { CheckInResult } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { problemText } from './problemText';

type State = { kind: 'ready' } | { kind: 'sending' } | { kind: 'granted'; points: number } | { kind: 'done' } | { kind: 'failed'; text: string };

/**
 * 每日签到 on the owner's points page (decision 0033): one tap checks in for the store's day and says the points it
 * granted; a second tap the same day (409 already-checked-in) says 今天已签到. `onCheckedIn` reloads the balance.
 */
export function CheckInButton({ store, onCheckedIn }: { store: string; onCheckedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [state, setState] = useState<State>({ kind: 'ready' });

  const checkIn = async () => {
    setState({ kind: 'sending' });
    try {
      const result = await api.post<CheckInResult>(`/api/stores/${store}/me/check-ins`);
      setState({ kind: 'granted', points: result.points });
      onCheckedIn();
    } catch (e) {
      if (isApiError(e) && e.slug === 'already-checked-in') setState({ kind: 'done' });
      else setState({ kind: 'failed', text: problemText(t, e) });
    }
  };

  const finished = state.kind === 'granted' || state.kind === 'done';
  return (
    <section className="owner-card owner-check-in">
      <button type="button" className="owner-button" disabled={finished || state.kind === 'sending'} onClick={() => void checkIn()}>
        {finished ? t('pointTasks.owner.checkedIn') : t('pointTasks.owner.checkIn')}
      </button>
      <p className="owner-muted" role="status">
        {state.kind === 'granted' && t('pointTasks.owner.granted', { points: formatPoints(state.points, i18n.language) })}
        {state.kind === 'done' && t('pointTasks.owner.alreadyToday')}
        {state.kind === 'failed' && state.text}
      </p>
    </section>
  );
}
