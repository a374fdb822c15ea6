/*
 * Used-car consignment for both the console and the owner app: the API's enumerations, the limits the server checks
 * (store-console UsedCarDetails, UsedCarRequests), and how prices, mileage and waiting times read. No Ant Design here:
 * the owner app imports it.
 */
import type { TFunction } from 'i18next';
import type { EmissionStandard, Gearbox, PhotoView, UsedCarDetails, UsedCarMove, UsedCarStatus } from '../api/types';

export const USED_CAR_STATUSES = [
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'REJECTED',
  'LISTED',
  'RESERVED',
  'SOLD',
  'WITHDRAWN',
] as const satisfies readonly UsedCarStatus[];

/** The review queue: waiting for the reviewer, or for the owner's changes. */
export const QUEUE_STATUSES = ['SUBMITTED', 'CHANGES_REQUESTED'] as const satisfies readonly UsedCarStatus[];

/** On the market (and in its search): listed or reserved, as the server's UsedCarStatus.onMarket(). */
export const ON_MARKET_STATUSES = ['LISTED', 'RESERVED'] as const satisfies readonly UsedCarStatus[];

export const GEARBOXES = ['AUTOMATIC', 'MANUAL', 'DUAL_CLUTCH', 'CVT', 'SINGLE_SPEED'] as const satisfies readonly Gearbox[];
export const EMISSION_STANDARDS = ['CN6B', 'CN6A', 'CN5', 'CN4', 'CN3', 'NEV'] as const satisfies readonly EmissionStandard[];

/** Colours of the status tags (Ant Design preset names; the owner app maps them to its own CSS classes). */
export const STATUS_TONES: Record<UsedCarStatus, string> = {
  SUBMITTED: 'blue',
  CHANGES_REQUESTED: 'orange',
  REJECTED: 'red',
  LISTED: 'green',
  RESERVED: 'purple',
  SOLD: 'cyan',
  WITHDRAWN: 'default',
};

/** The moves in the order the detail page offers them. */
export const MOVES = [
  'APPROVE',
  'REQUEST_CHANGES',
  'REJECT',
  'EDIT',
  'UPDATE_LISTING',
  'RESERVE',
  'RELEASE',
  'SELL',
  'WITHDRAW',
] as const satisfies readonly UsedCarMove[];

// the server's limits; its answer still decides
export const YEAR_MIN = 1980;
export const MILEAGE_MAX = 1_500_000;
export const PRICE_MAX = 50_000_000;
export const PHOTOS_MAX = 12;
export const MAX_LENGTH = { make: 40, model: 60, city: 40, colour: 20, conditionNotes: 2000 } as const;

/** Model years are counted where the store is: the year now in the store's `timeZone` (useStoreZone()). */
export function thisYear(timeZone: string, now: Date | number = Date.now()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(now));
}

function numberLocale(language: string): string {
  return language === 'en' ? 'en-US' : 'zh-CN';
}

/**
 * Whole yuan with thousands separators; in Chinese also in 万 from 10,000 yuan up: ¥128,000（12.8万）. Table columns
 * leave the 万 out (`wan: false`), so that the figures line up and fit.
 */
export function formatYuan(value: number | null | undefined, language: string, { wan = true }: { wan?: boolean } = {}): string {
  if (value === null || value === undefined) return '';
  const yuan = `¥${new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 0 }).format(value)}`;
  if (!wan || !language.startsWith('zh') || Math.abs(value) < 10_000) return yuan;
  const inWan = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return `${yuan}（${inWan}）`;
}

export function formatKm(t: TFunction, km: number | null | undefined, language: string): string {
  if (km === null || km === undefined) return '';
  return t('usedCars.km', { km: new Intl.NumberFormat(numberLocale(language)).format(km) });
}

/** How long since `since`: "3 天 4 小时", "5 小时 10 分钟", "12 分钟". */
export function formatWaiting(t: TFunction, since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${t('usedCars.duration.days', { count: days })} ${t('usedCars.duration.hours', { count: hours })}` : t('usedCars.duration.days', { count: days });
  if (hours > 0) return `${t('usedCars.duration.hours', { count: hours })} ${t('usedCars.duration.minutes', { count: minutes % 60 })}`;
  if (minutes > 0) return t('usedCars.duration.minutes', { count: minutes });
  return t('usedCars.duration.justNow');
}

/** Whole days since `since`, for colouring long waits. */
export function daysSince(since: string, now = Date.now()): number {
  return Math.floor((now - new Date(since).getTime()) / 86_400_000);
}

export function carName(car: { make: string; model: string }): string {
  return `${car.make} ${car.model}`;
}

/** A form's car: its photos as the form holds them (refs, or the PhotoViews of the photo picker). */
export type CarDraft = Omit<UsedCarDetails, 'photos'> & { photos?: readonly (string | PhotoView)[] | null };

/** Empty optional texts are left out; photos are sent as their refs (decision 0028). */
export function cleanedCar(car: CarDraft): UsedCarDetails {
  const photos = (car.photos ?? []).map((p) => (typeof p === 'string' ? p.trim() : p.ref)).filter((p) => p !== '');
  const text = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
  return {
    make: car.make.trim(),
    model: car.model.trim(),
    year: Number(car.year),
    mileageKm: Number(car.mileageKm),
    city: car.city.trim(),
    gearbox: car.gearbox,
    emissionStandard: car.emissionStandard,
    colour: text(car.colour),
    priceWishYuan: Number(car.priceWishYuan),
    photos,
    conditionNotes: text(car.conditionNotes),
  };
}

/** The editable details of a car the API returned; its photos as refs. */
export function detailsOf(car: CarDraft): UsedCarDetails {
  return {
    make: car.make,
    model: car.model,
    year: car.year,
    mileageKm: car.mileageKm,
    city: car.city,
    gearbox: car.gearbox,
    emissionStandard: car.emissionStandard,
    colour: car.colour ?? undefined,
    priceWishYuan: car.priceWishYuan,
    photos: (car.photos ?? []).map((p) => (typeof p === 'string' ? p : p.ref)),
    conditionNotes: car.conditionNotes ?? undefined,
  };
}
