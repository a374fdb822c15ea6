/*
 * Points in time as a person at a store reads them: in the store's time zone (tenant-admin's StoreView.timeZone), not
 * the browser's, the way the services count a store's days (platform StoreTime). Pure functions with the zone
 * explicit; pages take the zone from the store they show through useFormatTime() and useStoreZone() (storeZone.tsx).
 */

/** A store's zone while it is not known, and the zone of what belongs to no store (as the services' StoreTime). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * `timeZone` if the browser knows it, else DEFAULT_TIME_ZONE: the services accept Java's zone ids, and a page must not
 * fail on one the browser lacks.
 */
export function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/**
 * A point in time in the user's language and the time zone `timeZone`; `short` dates for table cells, `seconds` where
 * the order of events matters (the audit log).
 */
export function formatTime(
  iso: string | undefined | null,
  language: string,
  timeZone: string,
  dateStyle: 'medium' | 'short' = 'medium',
  seconds = false,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle, timeStyle: seconds ? 'medium' : 'short', timeZone }).format(date);
}

/** The calendar day of a point in time in the user's language and `timeZone`: 2027年1月1日 / Jan 1, 2027. */
export function formatDate(iso: string | undefined | null, language: string, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(date);
}

/** The wall clock in `timeZone` at `at`, as numbers (hour 0–23). */
function wallClock(at: Date | number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** The calendar day in `timeZone` at `at`, as an `<input type="date">` writes it: 2026-12-31. */
export function dayIn(timeZone: string, at: Date | number = Date.now()): string {
  const { year, month, day } = wallClock(at, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How far the wall clock in `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const wholeSeconds = at - (((at % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSeconds;
}

/** The instant the day `day` (2026-12-31) begins in `timeZone`, in milliseconds; the next day with `plusDays` 1. */
function startOf(day: string, timeZone: string, plusDays = 0): number {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year!, month! - 1, date! + plusDays);
  // the offset at the guess, then at the answer: right on both sides of a daylight-saving change
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/**
 * The instant (ISO) at which the wall clock in `timeZone` reads `day` (2026-12-31) at `hour`:`minute`: what a time
 * picked for a store means, wherever the browser is.
 */
export function zonedInstant(day: string, hour: number, minute: number, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year!, month! - 1, date!, hour, minute);
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone)).toISOString();
}

/** The wall clock in `timeZone` at `iso` as a picker writes it: 2026-12-31 09:05. */
export function wallClockText(iso: string, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClock(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`;
}

/** The first and last instant (ISO, millisecond precision) of the calendar day `day` (2026-12-31) in `timeZone`. */
export function dayBounds(day: string, timeZone: string): { start: string; end: string } {
  return {
    start: new Date(startOf(day, timeZone)).toISOString(),
    end: new Date(startOf(day, timeZone, 1) - 1).toISOString(),
  };
}
