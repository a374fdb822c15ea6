import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CodeSent, OwnerSignUp, SignedUp } from '../api/owner';
import { isApiError } from '../api/problem';
import type { StoreCard } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';
import { storeCardPath } from './ownerStore';
import { problemText } from './problemText';

const PHONE = /^1[3-9]\d{9}$/;

type Step = 'phone' | 'code' | 'done';
type Errors = Partial<Record<'store' | 'phone' | 'code' | 'password' | 'confirm' | 'form', string>>;

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="owner-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="owner-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The store to sign up in, by name: the store of the link (`/app/signup?store=<code>`, a store's own link), or one
 * picked from the stores in service when there is no link or its store does not exist. Codes are never typed.
 */
function StoreChoice({ store, onChange, error }: { store: string; onChange: (store: string) => void; error?: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [params] = useSearchParams();
  const linked = params.get('store') ?? '';
  const card = useLoad<StoreCard | undefined>(
    (signal) => (linked ? api.get<StoreCard>(storeCardPath(linked), undefined, signal) : Promise.resolve(undefined)),
    [linked],
  );
  const picking = !linked || card.error !== undefined;
  const stores = useLoad<StoreCard[]>(
    (signal) => (picking ? api.get<StoreCard[]>('/api/stores', undefined, signal) : Promise.resolve([])),
    [picking],
  );
  useEffect(() => {
    if (card.data) onChange(card.data.code);
  }, [card.data, onChange]);

  if (linked && card.loading) return <p className="owner-muted">{t('common.loading')}</p>;
  if (!picking && card.data) {
    return (
      <div className="owner-field" data-testid="signup-store">
        <span className="owner-field__label">{t('stores.signup.store')}</span>
        <strong>{card.data.name}</strong>
        {card.data.address && <span className="owner-muted owner-small">{card.data.address}</span>}
      </div>
    );
  }
  return (
    <Field id="signup-store" label={t('stores.signup.pick')} error={error}>
      {linked && (
        <p className="owner-muted" role="status">
          {t('stores.signup.linkUnknown')}
        </p>
      )}
      <select id="signup-store" value={store} onChange={(e) => onChange(e.target.value)} disabled={stores.loading} {...(error ? { 'aria-invalid': true, 'aria-describedby': 'signup-store-error' } : {})}>
        <option value="">{stores.loading ? t('common.loading') : t('stores.signup.choose')}</option>
        {(stores.data ?? []).map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </select>
      {stores.error !== undefined && (
        <button type="button" className="owner-link" onClick={stores.reload}>
          {t('common.retry')}
        </button>
      )}
    </Field>
  );
}

/**
 * Sign up as the owner of a member record: store, phone, verification code, then a password. No username to choose:
 * the owner signs in with the phone number (the username the server made is named only when the phone has logins in
 * several stores, where the phone number cannot tell them apart).
 */
export function SignUp() {
  const { t } = useTranslation();
  const { api, signIn } = useAuth();
  const [linkParams] = useSearchParams();
  const shareToken = linkParams.get('share') ?? undefined;
  const [step, setStep] = useState<Step>('phone');
  const [store, setStore] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [resendIn, setResendIn] = useState(0);
  const [done, setDone] = useState<SignedUp>();

  useEffect(() => {
    if (resendIn <= 0) return;
    const timer = setTimeout(() => setResendIn((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [resendIn]);

  /** Server problems to field messages; what is not about one field goes above the form. */
  const showProblem = (error: unknown) => {
    if (!isApiError(error)) {
      setErrors({ form: t('problems.unexpected') });
      return;
    }
    const next: Errors = {};
    for (const { field, message } of error.fieldErrors) {
      const key = field.split('.').pop() as keyof Errors;
      if (['phone', 'code', 'password'].includes(key)) next[key] = message;
    }
    if (error.status === 409) next.form = error.slug === 'username-taken' ? problemText(t, error) : t('owner.signup.alreadyBound');
    else if (error.status === 422 && !next.password && !next.phone) next.code = t('owner.signup.codeInvalid');
    else if (error.status === 404) next.store = t('stores.signup.unknown');
    else if (error.status === 429) next.form = t('owner.signup.tooMany');
    else if (Object.keys(next).length === 0) next.form = problemText(t, error);
    setErrors(next);
  };

  const sendCode = async (event?: FormEvent) => {
    event?.preventDefault();
    const next: Errors = {};
    if (!store) next.store = t('stores.signup.choose');
    if (!PHONE.test(phone)) next.phone = t('validation.phone');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const sent = await api.post<CodeSent>(`/api/stores/${store}/owner-signup/codes`, { phone });
      setResendIn(sent?.resendInSeconds ?? 60);
      setStep('code');
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const register = async (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (!/^\d{4,8}$/.test(code)) next.code = t('owner.signup.codeFormat');
    if (password.length < 8) next.password = t('owner.signup.passwordShort');
    if (confirm !== password) next.confirm = t('owner.signup.passwordMismatch');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const body: OwnerSignUp = { phone, code, password, ...(shareToken ? { shareToken } : {}) };
      setDone(await api.post<SignedUp>(`/api/stores/${store}/owner-signup`, body));
      setStep('done');
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (key: keyof Errors) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `signup-${key}-error` } : {});

  return (
    <section className="owner-card">
      <h1>{t('owner.signup.title')}</h1>
      <ol className="owner-steps" aria-label={t('owner.signup.stepsLabel')}>
        {(['phone', 'code', 'done'] as const).map((s) => (
          <li key={s} className={s === step ? 'is-current' : undefined} aria-current={s === step ? 'step' : undefined}>
            {t(`owner.signup.steps.${s}`)}
          </li>
        ))}
      </ol>
      {errors.form && (
        <p className="owner-alert" role="alert">
          {errors.form}
        </p>
      )}
      {step === 'phone' && (
        <form onSubmit={(e) => void sendCode(e)} noValidate>
          <StoreChoice store={store} onChange={setStore} error={errors.store} />
          <Field id="signup-phone" label={t('owner.signup.phone')} error={errors.phone}>
            <input id="signup-phone" type="tel" inputMode="numeric" value={phone} onChange={(e) => setPhone(e.target.value.trim())} autoComplete="tel" {...invalid('phone')} />
          </Field>
          <p className="owner-muted">{t('owner.signup.phoneHint')}</p>
          <button type="submit" className="owner-button" disabled={busy}>
            {t('owner.signup.sendCode')}
          </button>
        </form>
      )}
      {step === 'code' && (
        <form onSubmit={(e) => void register(e)} noValidate>
          <p className="owner-muted">{t('owner.signup.codeSent', { phone })}</p>
          <Field id="signup-code" label={t('owner.signup.code')} error={errors.code}>
            <input id="signup-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value.trim())} {...invalid('code')} />
          </Field>
          <button type="button" className="owner-link" disabled={resendIn > 0 || busy} onClick={() => void sendCode()}>
            {resendIn > 0 ? t('owner.signup.resendIn', { seconds: resendIn }) : t('owner.signup.resend')}
          </button>
          <Field id="signup-password" label={t('owner.signup.password')} error={errors.password}>
            <input id="signup-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} {...invalid('password')} />
          </Field>
          <Field id="signup-confirm" label={t('owner.signup.confirm')} error={errors.confirm}>
            <input id="signup-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} {...invalid('confirm')} />
          </Field>
          <button type="submit" className="owner-button" disabled={busy}>
            {t('owner.signup.register')}
          </button>
        </form>
      )}
      {step === 'done' && done && (
        <div>
          <p>{done.signInWithPhone ? t('owner.signup.done', { phone }) : t('owner.signup.doneUsername', { username: done.username })}</p>
          <button type="button" className="owner-button" onClick={() => void signIn('/app')}>
            {t('owner.logIn')}
          </button>
        </div>
      )}
    </section>
  );
}
