import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldPath, isApiError } from '../api/problem';
import type { EmissionStandard, Gearbox, PhotoView, UsedCarDetails, VehicleView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { PhotoPicker } from '../ui/PhotoPicker';
import { useStoreZone } from '../ui/storeZone';
import {
  cleanedCar,
  EMISSION_STANDARDS,
  formatYuan,
  GEARBOXES,
  MAX_LENGTH,
  MILEAGE_MAX,
  PHOTOS_MAX,
  PRICE_MAX,
  thisYear,
  YEAR_MIN,
} from '../ui/usedCar';
import { problemText } from './problemText';

type Key = 'make' | 'model' | 'year' | 'mileageKm' | 'city' | 'gearbox' | 'emissionStandard' | 'colour' | 'priceWishYuan' | 'photos' | 'conditionNotes';
type Errors = Partial<Record<Key | 'form', string>>;

/** A label, its input and the input's error underneath. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="owner-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <p className="owner-field__hint">{hint}</p>}
      {error && (
        <p className="owner-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface Draft {
  make: string;
  model: string;
  year: string;
  mileageKm: string;
  city: string;
  gearbox: Gearbox | '';
  emissionStandard: EmissionStandard | '';
  colour: string;
  priceWishYuan: string;
  photos: PhotoView[];
  conditionNotes: string;
}

function draftOf(car?: UsedCarDetails, photos: readonly PhotoView[] = []): Draft {
  return {
    make: car?.make ?? '',
    model: car?.model ?? '',
    year: car?.year ? String(car.year) : '',
    mileageKm: car?.mileageKm !== undefined && car?.mileageKm !== null ? String(car.mileageKm) : '',
    city: car?.city ?? '',
    gearbox: car?.gearbox ?? '',
    emissionStandard: car?.emissionStandard ?? '',
    colour: car?.colour ?? '',
    priceWishYuan: car?.priceWishYuan ? String(car.priceWishYuan) : '',
    photos: [...photos],
    conditionNotes: car?.conditionNotes ?? '',
  };
}

/** The inputs top to bottom, to focus the first one that is wrong. */
const FIELD_ORDER: readonly Key[] = ['make', 'model', 'year', 'mileageKm', 'gearbox', 'emissionStandard', 'city', 'colour', 'priceWishYuan', 'conditionNotes', 'photos'];

const digits = (text: string) => text.replace(/[^\d]/g, '');
/**
 * The digits typed, at most `max`, with a minus sign typed in front kept: −5 stays −5 and is refused with a message,
 * never silently sent as 5.
 */
const signedDigits = (text: string, max: number) => `${/^\s*[-\u2212]/.test(text) ? '-' : ''}${digits(text).slice(0, max)}`;

/**
 * What the owner's registered car says about the fields of the form: make and model from the store's model text
 * ("BMW 325Li": the first word is the make, the rest the model; one word is the model), the year of purchase as the
 * year when it can be one (4S stores sell new cars), the mileage the store last recorded. The rest is the owner's.
 */
function fromVehicle(vehicle: VehicleView, maxYear: number): Partial<Draft> {
  const words = vehicle.model.trim().split(/\s+/);
  const [make, model] = words.length > 1 ? [words[0]!, words.slice(1).join(' ')] : ['', words[0] ?? ''];
  const fill: Partial<Draft> = { model: model.slice(0, MAX_LENGTH.model) };
  if (make) fill.make = make.slice(0, MAX_LENGTH.make);
  const year = Number(vehicle.purchaseDate?.slice(0, 4));
  if (Number.isInteger(year) && year >= YEAR_MIN && year <= maxYear) fill.year = String(year);
  if (vehicle.mileageKm != null && vehicle.mileageKm >= 0) fill.mileageKm = String(vehicle.mileageKm);
  return fill;
}

/** The owner's registered cars as a quick way to fill the form in; typing stays possible before and after. */
function VehiclePick({ vehicles, picked, onPick }: { vehicles: readonly VehicleView[]; picked?: VehicleView; onPick: (vehicle: VehicleView) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="owner-pick">
      <legend>{t('owner.usedCars.fromMyCars')}</legend>
      <p className="owner-field__hint">{t('owner.usedCars.fromMyCarsHint')}</p>
      <div className="owner-pick__cars">
        {vehicles.map((v) => (
          <button key={v.id} type="button" className="owner-pick__car" aria-pressed={picked?.id === v.id} onClick={() => onPick(v)}>
            <span className="owner-plate">{v.plate}</span>
            <span>{v.model}</span>
          </button>
        ))}
      </div>
      {picked && (
        <p className="owner-field__hint" role="status">
          {t('owner.usedCars.filledFrom', { plate: picked.plate })}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The car as the owner describes it, phone-sized: checked as the server checks it before sending, and the server's
 * field errors shown under the inputs they concern. `onSubmit` throws the API's error when the server refuses.
 * `vehicles`, the owner's registered cars, are offered to fill the form in from.
 */
export function CarForm({
  initial,
  initialPhotos = [],
  vehicles = [],
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: UsedCarDetails;
  /** The photos the car has, as the API showed them (their links); `initial.photos` holds their refs. */
  initialPhotos?: readonly PhotoView[];
  vehicles?: readonly VehicleView[];
  submitLabel: string;
  onSubmit: (car: UsedCarDetails) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0] ?? '';
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, initialPhotos));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<VehicleView>();
  const maxYear = thisYear(useStoreZone());

  const pick = (vehicle: VehicleView) => {
    const fill = fromVehicle(vehicle, maxYear);
    // what the car picked before filled in does not describe this one
    const before = picked ? fromVehicle(picked, maxYear) : {};
    const cleared = Object.fromEntries(Object.keys(before).map((key) => [key, ''])) as Partial<Draft>;
    setDraft((d) => ({ ...d, ...cleared, ...fill }));
    // the filled inputs' old errors no longer apply
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(fill) as Key[]) delete next[key];
      return next;
    });
    setPicked(vehicle);
  };

  const set = (key: Exclude<keyof Draft, 'photos'>) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));

  const check = (): Errors => {
    const next: Errors = {};
    const required = t('validation.required');
    for (const key of ['make', 'model', 'city'] as const) {
      if (draft[key].trim() === '') next[key] = required;
      else if (draft[key].trim().length > MAX_LENGTH[key]) next[key] = t('validation.max', { max: MAX_LENGTH[key] });
    }
    if (draft.colour.trim().length > MAX_LENGTH.colour) next.colour = t('validation.max', { max: MAX_LENGTH.colour });
    const year = Number(draft.year);
    if (draft.year === '') next.year = required;
    else if (!Number.isInteger(year) || year < YEAR_MIN || year > maxYear) next.year = t('usedCars.validation.year', { min: YEAR_MIN, max: maxYear });
    const km = Number(draft.mileageKm);
    if (draft.mileageKm === '') next.mileageKm = required;
    else if (!Number.isInteger(km) || km < 0 || km > MILEAGE_MAX) next.mileageKm = t('usedCars.validation.mileage');
    const price = Number(draft.priceWishYuan);
    if (draft.priceWishYuan === '') next.priceWishYuan = required;
    else if (draft.priceWishYuan.startsWith('-') || price === 0) next.priceWishYuan = t('usedCars.validation.pricePositive');
    else if (!Number.isInteger(price) || price > PRICE_MAX) next.priceWishYuan = t('usedCars.validation.price');
    if (!draft.gearbox) next.gearbox = required;
    if (!draft.emissionStandard) next.emissionStandard = required;
    if (draft.photos.length > PHOTOS_MAX) next.photos = t('usedCars.validation.photosMax', { max: PHOTOS_MAX });
    if (draft.conditionNotes.length > MAX_LENGTH.conditionNotes) next.conditionNotes = t('validation.max', { max: MAX_LENGTH.conditionNotes });
    return next;
  };

  /** The server's field errors under their inputs; photo errors name the line. */
  const showProblem = (error: unknown) => {
    const next: Errors = {};
    if (isApiError(error)) {
      for (const { field, message } of error.fieldErrors) {
        const path = fieldPath(field).filter((part) => part !== 'car');
        const key = path[0] as Key;
        const text = key === 'photos' && typeof path[1] === 'number' ? t('photoUpload.alt', { n: path[1] + 1 }) + `：${message}` : message;
        if (key in draftOf()) next[key] = next[key] ? `${next[key]}; ${text}` : text;
      }
    }
    next.form = problemText(t, error);
    setErrors(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = check();
    setErrors(next);
    const first = FIELD_ORDER.find((key) => next[key]);
    if (first) {
      // on a phone the first wrong input may be far above the button
      document.getElementById(`car-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(
        cleanedCar({
          make: draft.make,
          model: draft.model,
          year: Number(draft.year),
          mileageKm: Number(draft.mileageKm),
          city: draft.city,
          gearbox: draft.gearbox as Gearbox,
          emissionStandard: draft.emissionStandard as EmissionStandard,
          colour: draft.colour,
          priceWishYuan: Number(draft.priceWishYuan),
          photos: draft.photos.map((p) => p.ref),
          conditionNotes: draft.conditionNotes,
        }),
      );
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (key: Key) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `car-${key}-error` } : {});
  const price = Number(draft.priceWishYuan);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="owner-form">
      {errors.form && (
        <p className="owner-alert" role="alert">
          {errors.form}
        </p>
      )}
      {vehicles.length > 0 && <VehiclePick vehicles={vehicles} picked={picked} onPick={pick} />}
      <div className="owner-row">
        <Field id="car-make" label={t('usedCars.fields.make')} error={errors.make}>
          <input id="car-make" value={draft.make} onChange={set('make')} autoComplete="off" maxLength={MAX_LENGTH.make} {...invalid('make')} />
        </Field>
        <Field id="car-model" label={t('usedCars.fields.model')} error={errors.model}>
          <input id="car-model" value={draft.model} onChange={set('model')} autoComplete="off" maxLength={MAX_LENGTH.model} {...invalid('model')} />
        </Field>
      </div>
      <div className="owner-row">
        <Field id="car-year" label={t('usedCars.fields.year')} error={errors.year}>
          <input id="car-year" inputMode="numeric" value={draft.year} onChange={(e) => setDraft((d) => ({ ...d, year: digits(e.target.value).slice(0, 4) }))} {...invalid('year')} />
        </Field>
        <Field id="car-mileageKm" label={t('usedCars.fields.mileageKm')} error={errors.mileageKm}>
          <input id="car-mileageKm" inputMode="numeric" value={draft.mileageKm} onChange={(e) => setDraft((d) => ({ ...d, mileageKm: signedDigits(e.target.value, 7) }))} {...invalid('mileageKm')} />
        </Field>
      </div>
      <div className="owner-row">
        <Field id="car-gearbox" label={t('usedCars.fields.gearbox')} error={errors.gearbox}>
          <select id="car-gearbox" value={draft.gearbox} onChange={set('gearbox')} {...invalid('gearbox')}>
            <option value="" disabled>
              {t('owner.usedCars.choose')}
            </option>
            {GEARBOXES.map((g) => (
              <option key={g} value={g}>
                {t(`usedCars.gearboxes.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="car-emissionStandard" label={t('usedCars.fields.emissionStandard')} error={errors.emissionStandard}>
          <select id="car-emissionStandard" value={draft.emissionStandard} onChange={set('emissionStandard')} {...invalid('emissionStandard')}>
            <option value="" disabled>
              {t('owner.usedCars.choose')}
            </option>
            {EMISSION_STANDARDS.map((e) => (
              <option key={e} value={e}>
                {t(`usedCars.emissionStandards.${e}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="owner-row">
        <Field id="car-city" label={t('usedCars.fields.city')} error={errors.city}>
          <input id="car-city" value={draft.city} onChange={set('city')} autoComplete="address-level2" maxLength={MAX_LENGTH.city} {...invalid('city')} />
        </Field>
        <Field id="car-colour" label={`${t('usedCars.fields.colour')}${t('owner.usedCars.optional')}`} error={errors.colour}>
          <input id="car-colour" value={draft.colour} onChange={set('colour')} autoComplete="off" maxLength={MAX_LENGTH.colour} {...invalid('colour')} />
        </Field>
      </div>
      <Field
        id="car-priceWishYuan"
        label={t('usedCars.fields.priceWishYuan')}
        error={errors.priceWishYuan}
        hint={price > 0 ? formatYuan(price, i18n.language) : undefined}
      >
        <input
          id="car-priceWishYuan"
          inputMode="numeric"
          value={draft.priceWishYuan}
          onChange={(e) => setDraft((d) => ({ ...d, priceWishYuan: signedDigits(e.target.value, 9) }))}
          {...invalid('priceWishYuan')}
        />
      </Field>
      <Field id="car-conditionNotes" label={`${t('usedCars.fields.conditionNotes')}${t('owner.usedCars.optional')}`} error={errors.conditionNotes}>
        <textarea id="car-conditionNotes" rows={4} value={draft.conditionNotes} onChange={set('conditionNotes')} maxLength={MAX_LENGTH.conditionNotes} {...invalid('conditionNotes')} />
      </Field>
      <Field id="car-photos" label={t('usedCars.fields.photos')} error={errors.photos}>
        <PhotoPicker api={api} store={store} value={draft.photos} max={PHOTOS_MAX} disabled={busy} onChange={(photos) => setDraft((d) => ({ ...d, photos }))} />
      </Field>
      <button type="submit" className="owner-button" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="owner-button owner-button--secondary owner-button--spaced" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      )}
    </form>
  );
}
