import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnTransferResult, TransferRecipient } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { problemText } from './problemText';

type Step =
  | { kind: 'closed' }
  | { kind: 'form' }
  | { kind: 'confirm'; recipient: TransferRecipient; points: number; key: string }
  | { kind: 'done'; result: OwnTransferResult };

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `t-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * 转赠积分 on 我的积分 (decision 0040): the receiver's phone and the points; 下一步 shows who the phone belongs to
 * (masked: 张*, 138****0002) for confirmation; 确认转赠 sends the transfer once (an Idempotency-Key made for this
 * confirmation, so a retry after a lost answer moves nothing twice) and says the result. The store's refusals (not a
 * member of this store, oneself, below the minimum, above today's maximum, not enough points) are shown as it words them.
 */
export function TransferPoints({ store, onTransferred }: { store: string; onTransferred: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [phone, setPhone] = useState('');
  const [points, setPoints] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const n = (value: number) => formatPoints(value, i18n.language);
  const base = `/api/stores/${store}/me/point-transfers`;

  const next = async () => {
    setError(undefined);
    const amount = Number(points);
    if (!/^1\d{10}$/.test(phone.trim())) {
      setError(t('pointTransfers.owner.phoneInvalid'));
      return;
    }
    if (!Number.isInteger(amount) || amount <= 0) {
      setError(t('pointTransfers.owner.pointsInvalid'));
      return;
    }
    setBusy(true);
    try {
      const recipient = await api.get<TransferRecipient>(`${base}/recipient`, { phone: phone.trim() });
      setStep({ kind: 'confirm', recipient, points: amount, key: newKey() });
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (step.kind !== 'confirm') return;
    setError(undefined);
    setBusy(true);
    try {
      const result = await api.post<OwnTransferResult>(base, { phone: phone.trim(), points: step.points }, step.key);
      setStep({ kind: 'done', result });
      onTransferred();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'closed') {
    return (
      <section className="owner-card">
        <button type="button" className="owner-button owner-button--secondary" onClick={() => setStep({ kind: 'form' })}>
          {t('pointTransfers.owner.open')}
        </button>
      </section>
    );
  }
  return (
    <section className="owner-card" aria-label={t('pointTransfers.owner.title')}>
      <h2 className="owner-section-title">{t('pointTransfers.owner.title')}</h2>
      {step.kind === 'form' && (
        <>
          <div className="owner-field">
            <label htmlFor="transfer-phone">{t('pointTransfers.owner.phone')}</label>
            <input id="transfer-phone" inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <div className="owner-field">
            <label htmlFor="transfer-points">{t('pointTransfers.owner.points')}</label>
            <input id="transfer-points" inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} />
          </div>
          <button type="button" className="owner-button" disabled={busy} onClick={() => void next()}>
            {t('pointTransfers.owner.next')}
          </button>
        </>
      )}
      {step.kind === 'confirm' && (
        <>
          <p data-testid="transfer-confirm">
            {t('pointTransfers.owner.confirmText', { points: n(step.points), name: step.recipient.name, phone: step.recipient.phone })}
          </p>
          <button type="button" className="owner-button" disabled={busy} onClick={() => void confirm()}>
            {t('pointTransfers.owner.confirm')}
          </button>
          <button type="button" className="owner-button owner-button--secondary owner-button--spaced" disabled={busy} onClick={() => setStep({ kind: 'form' })}>
            {t('pointTransfers.owner.back')}
          </button>
        </>
      )}
      {step.kind === 'done' && (
        <>
          <p role="status">
            {t('pointTransfers.owner.done', {
              points: n(step.result.points),
              name: step.result.recipientName,
              available: n(step.result.availableAfter),
            })}
          </p>
          <button
            type="button"
            className="owner-button owner-button--secondary"
            onClick={() => {
              setPhone('');
              setPoints('');
              setStep({ kind: 'closed' });
            }}
          >
            {t('pointTransfers.owner.close')}
          </button>
        </>
      )}
      {error && (
        <p className="owner-field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
