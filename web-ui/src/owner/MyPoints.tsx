import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../api/client';
import type { ExpiringPoints, PointsBalance, PointsEntry } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { entryChange, formatPoints, orderNumberOf, transferSource } from '../ui/points';
import { formatDay } from '../ui/pointsExpiry';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { CheckInButton } from './CheckInButton';
import { ExpiryReminders } from './ExpiryReminders';
import { problemText } from './problemText';
import { ShareButton } from './ShareButton';
import { TransferPoints } from './TransferPoints';

/** Where an entry's points came from, as an owner reads it: the order number, not a line reference. */
function ownerSource(t: TFunction, entry: PointsEntry): string {
  if (entry.sourceType === 'REPAIR_ORDER_LINE') return t('owner.points.fromOrder', { order: orderNumberOf(entry.sourceRef) ?? '' });
  if (entry.sourceType === 'POINT_TASK') return t('pointTasks.owner.fromTask', { task: entry.sourceRef ?? '' });
  if (entry.sourceType === 'POINT_CAMPAIGN') return t('pointCampaigns.owner.fromCampaign', { campaign: entry.sourceRef ?? '' });
  if (entry.sourceType === 'EXPIRY') return t('pointsExpiry.sourceExpiry', { date: entry.sourceRef ?? '' });
  if (entry.sourceType === 'EXPIRY_REVERSAL') return t('pointsExpiry.sourceReversal', { date: entry.sourceRef ?? '', reason: entry.reason ?? '' });
  if (entry.sourceType === 'TRANSFER' || entry.sourceType === 'TRANSFER_REVERSAL') return transferSource(t, entry);
  if (entry.sourceType === 'REDEMPTION') return t('owner.points.fromRedemption', { what: entry.sourceRef ?? '' });
  if (entry.sourceType === 'PAYMENT') return t('owner.points.fromPayment', { what: entry.sourceRef ?? '' });
  return entry.reason ? t('owner.points.fromStore', { reason: entry.reason }) : t('owner.points.fromStoreOnly');
}

/** 我的积分: available and pending points, and every change with where it came from, newest first. */
export function MyPoints() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const balance = useLoad<PointsBalance | undefined>(
    (signal) => (store ? api.get<PointsBalance>(`/api/stores/${store}/me/points`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const entries = useLoad<Page<PointsEntry> | undefined>(
    (signal) =>
      store
        ? api.get<Page<PointsEntry>>(`/api/stores/${store}/me/points/entries`, { size: 50, sort: 'createdAt,desc' }, signal)
        : Promise.resolve(undefined),
    [store],
  );
  const expiring = useLoad<ExpiringPoints[] | undefined>(
    (signal) => (store ? api.get<ExpiringPoints[]>(`/api/stores/${store}/me/points/expiring`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const n = (points: number) => formatPoints(points, i18n.language);
  const soonest = expiring.data?.[0];

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  const error = balance.error ?? entries.error;
  return (
    <>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.points.title')}</h1>
        <Link to="/app/points/rules" className="owner-chip">
          {t('owner.points.rulesLink')}
        </Link>
      </div>
      {error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, error)}</p>
          <button
            type="button"
            className="owner-button owner-button--secondary"
            onClick={() => {
              balance.reload();
              entries.reload();
            }}
          >
            {t('common.retry')}
          </button>
        </section>
      )}
      {balance.loading && !balance.data && <p className="owner-muted">{t('common.loading')}</p>}
      {balance.data && (
        <section className="owner-card owner-points">
          <div className="owner-points__main">
            <span className="owner-muted">{t('owner.points.available')}</span>
            <strong data-testid="owner-points-available">{n(balance.data.available)}</strong>
          </div>
          <div className="owner-points__side">
            <span className="owner-muted">{t('owner.points.pending')}</span>
            <strong data-testid="owner-points-pending">{n(balance.data.pending)}</strong>
          </div>
          {balance.data.pending > 0 && <p className="owner-muted owner-points__hint">{t('owner.points.pendingHint')}</p>}
          {soonest && (
            <p className="owner-points__hint" data-testid="owner-points-expiring">
              {t('pointsExpiry.expiring', { points: n(soonest.points), date: formatDay(soonest.on, i18n.language) })}
            </p>
          )}
          {balance.data.debt > 0 && <p className="owner-points__debt">{t('owner.points.debt', { points: n(balance.data.debt) })}</p>}
        </section>
      )}
      <ExpiryReminders store={store} />
      <CheckInButton
        store={store}
        onCheckedIn={() => {
          balance.reload();
          entries.reload();
        }}
      />
      <TransferPoints
        store={store}
        onTransferred={() => {
          balance.reload();
          entries.reload();
        }}
      />
      <ShareButton store={store} />
      <h2 className="owner-section-title">{t('owner.points.history')}</h2>
      {entries.data && entries.data.content.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.points.none')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(entries.data?.content ?? []).map((entry) => {
          const change = entryChange(entry);
          return (
            <li key={entry.id} className="owner-card owner-points-entry" data-testid="owner-points-entry">
              <span className="owner-points-entry__head">
                <span>{t(`owner.points.kinds.${entry.kind}`)}</span>
                <strong className={change < 0 ? 'owner-points-entry__minus' : 'owner-points-entry__plus'}>
                  {change > 0 ? `+${n(change)}` : n(change)}
                </strong>
              </span>
              <span className="owner-muted">{ownerSource(t, entry)}</span>
              <span className="owner-muted">
                {formatTime(entry.createdAt, 'short')}
                {entry.kind === 'GRANT_PENDING' && entry.activatesAt
                  ? ' · ' + t('owner.points.activatesAt', { time: formatTime(entry.activatesAt, 'short') })
                  : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
