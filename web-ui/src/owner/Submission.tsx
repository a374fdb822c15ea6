import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../api/problem';
import type { UsedCarDetails, UsedCarView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { carName, detailsOf, formatKm, formatYuan } from '../ui/usedCar';
import { CarForm, Field } from './CarForm';
import { problemText } from './problemText';
import { StatusBadge } from './StatusBadge';

type Notice = 'submitted' | 'resubmitted' | 'saved' | 'withdrawn';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Asks once more before the car is withdrawn, with an optional reason. */
function WithdrawSheet({ onConfirm, onCancel }: { onConfirm: (reason: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="owner-sheet" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="owner-sheet__panel" role="alertdialog" aria-modal="true" aria-labelledby="withdraw-title" aria-describedby="withdraw-text">
        <h2 id="withdraw-title">{t('owner.usedCars.withdrawTitle')}</h2>
        <p id="withdraw-text" className="owner-muted">
          {t('owner.usedCars.withdrawText')}
        </p>
        <Field id="withdraw-reason" label={t('owner.usedCars.withdrawReason')}>
          <textarea id="withdraw-reason" ref={first} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button
          type="button"
          className="owner-button owner-button--danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm(reason).finally(() => setBusy(false));
          }}
        >
          {t('owner.usedCars.withdrawConfirm')}
        </button>
        <button type="button" className="owner-button owner-button--secondary owner-button--spaced" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * One of the owner's submissions: its status and the store's note; while it waits for review (or for changes) the
 * owner edits it, which resubmits a car sent back for changes; until it is final the owner may withdraw it.
 */
export function Submission() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { usedCarId = '' } = useParams();
  const { api, claims } = useAuth();
  const location = useLocation();
  const store = claims?.stores[0];
  const path = `/api/stores/${store}/me/used-cars/${usedCarId}`;
  const car = useLoad<UsedCarView | undefined>(
    (signal) => (store ? api.get<UsedCarView>(path, undefined, signal) : Promise.resolve(undefined)),
    [path],
  );
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>((location.state as { notice?: Notice } | null)?.notice);
  const [error, setError] = useState<unknown>();

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  if (car.loading && !car.data) return <p className="owner-muted">{t('common.loading')}</p>;
  if (!car.data) {
    return (
      <section className="owner-card" role="alert">
        <p>{problemText(t, car.error)}</p>
        <Link to="/app/used-cars" className="owner-button owner-button--secondary">
          {t('owner.usedCars.back')}
        </Link>
      </section>
    );
  }
  const c = car.data;
  const language = i18n.language;
  const mayEdit = c.allowedMoves.includes('EDIT');
  const mayWithdraw = c.allowedMoves.includes('WITHDRAW');
  const resubmits = c.status === 'CHANGES_REQUESTED';

  /** A conflict (the store moved the car meanwhile) shows the car as it is now. */
  const failed = (e: unknown) => {
    if (isApiError(e) && e.status === 409) {
      setEditing(false);
      setWithdrawing(false);
      setError(e);
      car.reload();
      return;
    }
    throw e;
  };

  const save = async (details: UsedCarDetails) => {
    try {
      await api.put<UsedCarView>(path, details, c.version);
    } catch (e) {
      failed(e);
      return;
    }
    setEditing(false);
    setError(undefined);
    setNotice(resubmits ? 'resubmitted' : 'saved');
    car.reload();
  };

  const withdraw = async (reason: string) => {
    try {
      await api.post<UsedCarView>(`${path}/withdraw`, { reason: reason.trim() || undefined });
      setWithdrawing(false);
      setError(undefined);
      setNotice('withdrawn');
      car.reload();
    } catch (e) {
      setWithdrawing(false);
      setError(e);
      car.reload();
    }
  };

  if (editing) {
    return (
      <section className="owner-card">
        <h1>{resubmits ? t('owner.usedCars.editResubmit') : t('owner.usedCars.editTitle')}</h1>
        {resubmits && c.reviewNote && (
          <p className="owner-note">
            <strong>{t('owner.usedCars.reviewNote')}</strong>
            <span>{c.reviewNote}</span>
          </p>
        )}
        <CarForm
          initial={detailsOf(c)}
          initialPhotos={c.photos}
          submitLabel={resubmits ? t('owner.usedCars.resubmit') : t('owner.usedCars.save')}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }

  return (
    <>
      <Link to="/app/used-cars" className="owner-back">
        {t('owner.usedCars.back')}
      </Link>
      {notice && (
        <p className="owner-success" role="status">
          {t(`owner.usedCars.${notice}`)}
        </p>
      )}
      {error !== undefined && (
        <p className="owner-alert" role="alert">
          {problemText(t, error)}
        </p>
      )}
      <section className="owner-card owner-submission-detail" data-testid="owner-used-car-detail">
        <div className="owner-submission__head">
          <h1>{carName(c)}</h1>
          <StatusBadge status={c.status} />
        </div>
        <p className="owner-muted">{t(`owner.usedCars.statusHelp.${c.status}`)}</p>
        {(c.status === 'CHANGES_REQUESTED' || c.status === 'REJECTED') && c.reviewNote && (
          <p className="owner-note" data-testid="owner-review-note">
            <strong>{t('owner.usedCars.reviewNote')}</strong>
            <span>{c.reviewNote}</span>
          </p>
        )}
        <dl className="owner-facts">
          {c.askingPriceYuan != null && <Row label={t('owner.usedCars.askingPrice')}>{formatYuan(c.askingPriceYuan, language)}</Row>}
          {c.soldPriceYuan != null && <Row label={t('owner.usedCars.soldPrice')}>{formatYuan(c.soldPriceYuan, language)}</Row>}
          <Row label={t('owner.usedCars.priceWish')}>{formatYuan(c.priceWishYuan, language)}</Row>
          <Row label={t('usedCars.fields.year')}>{c.year}</Row>
          <Row label={t('usedCars.fields.mileageKm')}>{formatKm(t, c.mileageKm, language)}</Row>
          <Row label={t('usedCars.fields.city')}>{c.city}</Row>
          <Row label={t('usedCars.fields.gearbox')}>{t(`usedCars.gearboxes.${c.gearbox}`)}</Row>
          <Row label={t('usedCars.fields.emissionStandard')}>{t(`usedCars.emissionStandards.${c.emissionStandard}`)}</Row>
          {c.colour && <Row label={t('usedCars.fields.colour')}>{c.colour}</Row>}
          <Row label={t('usedCars.fields.revision')}>{c.revision}</Row>
          <Row label={t('usedCars.fields.submittedAt')}>{formatTime(c.submittedAt)}</Row>
        </dl>
        {c.conditionNotes && (
          <>
            <h2 className="owner-subtitle">{t('usedCars.fields.conditionNotes')}</h2>
            <p className="owner-prose">{c.conditionNotes}</p>
          </>
        )}
        {c.conditionReport && (
          <>
            <h2 className="owner-subtitle">{t('usedCars.fields.conditionReport')}</h2>
            <p className="owner-prose">{c.conditionReport}</p>
          </>
        )}
        {c.photos.length > 0 && (
          <ul className="owner-photos">
            {c.photos.map((photo, index) => (
              <li key={`${index}-${photo.ref}`}>
                <a href={photo.largeUrl} target="_blank" rel="noreferrer noopener">
                  <img src={photo.thumbnailUrl} alt={t('usedCars.photoAlt', { n: index + 1 })} loading="lazy" referrerPolicy="no-referrer" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayEdit && (
        <button type="button" className="owner-button" onClick={() => { setNotice(undefined); setError(undefined); setEditing(true); }}>
          {resubmits ? t('owner.usedCars.editResubmit') : t('owner.usedCars.edit')}
        </button>
      )}
      {mayWithdraw && (
        <button type="button" className="owner-button owner-button--secondary owner-button--danger-text owner-button--spaced" onClick={() => setWithdrawing(true)}>
          {t('owner.usedCars.withdraw')}
        </button>
      )}
      {withdrawing && <WithdrawSheet onConfirm={withdraw} onCancel={() => setWithdrawing(false)} />}
    </>
  );
}
