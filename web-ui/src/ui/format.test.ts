import { describe, expect, it } from 'vitest';
import { dayBounds, dayIn, DEFAULT_TIME_ZONE, formatDate, formatTime, knownZone } from './format';
import { thisYear } from './usedCar';

// ICU writes some spaces as narrow no-break spaces ("1:30 AM"), depending on its version
const plain = (text: string) => text.replace(/\s/g, ' ');

// half past five on New Year's Eve in UTC: already the new year in Shanghai (UTC+8), not yet in Urumqi (UTC+6)
const NEW_YEAR = '2026-12-31T17:30:00Z';

describe('formatTime', () => {
  it("reads a point in time on the store's wall clock, not the browser's", () => {
    expect(formatTime(NEW_YEAR, 'zh-CN', 'Asia/Shanghai')).toBe('2027年1月1日 01:30');
    expect(formatTime(NEW_YEAR, 'zh-CN', 'Asia/Urumqi')).toBe('2026年12月31日 23:30');
    expect(formatDate(NEW_YEAR, 'zh-CN', 'Asia/Shanghai')).toBe('2027年1月1日');
    expect(formatDate(NEW_YEAR, 'zh-CN', 'Asia/Urumqi')).toBe('2026年12月31日');
    expect(plain(formatTime(NEW_YEAR, 'en', 'Asia/Shanghai'))).toBe('Jan 1, 2027, 1:30 AM');
    expect(plain(formatTime(NEW_YEAR, 'en', 'Asia/Urumqi'))).toBe('Dec 31, 2026, 11:30 PM');
  });

  it('writes short dates for table cells', () => {
    expect(formatTime(NEW_YEAR, 'zh-CN', 'Asia/Shanghai', 'short')).toBe('2027/1/1 01:30');
    expect(plain(formatTime(NEW_YEAR, 'en', 'Asia/Urumqi', 'short'))).toBe('12/31/26, 11:30 PM');
  });

  it('leaves nothing empty and what is no time as it came', () => {
    expect(formatTime(undefined, 'zh-CN', 'Asia/Shanghai')).toBe('');
    expect(formatTime(null, 'zh-CN', 'Asia/Shanghai')).toBe('');
    expect(formatTime('soon', 'zh-CN', 'Asia/Shanghai')).toBe('soon');
  });
});

describe("a store's calendar", () => {
  it('knows which day and year it is at the store', () => {
    expect(dayIn('Asia/Shanghai', Date.parse(NEW_YEAR))).toBe('2027-01-01');
    expect(dayIn('Asia/Urumqi', Date.parse(NEW_YEAR))).toBe('2026-12-31');
    expect(thisYear('Asia/Shanghai', Date.parse(NEW_YEAR))).toBe(2027);
    expect(thisYear('Asia/Urumqi', new Date(NEW_YEAR))).toBe(2026);
  });

  it("bounds a day by the store's midnights", () => {
    expect(dayBounds('2027-01-01', 'Asia/Shanghai')).toEqual({ start: '2026-12-31T16:00:00.000Z', end: '2027-01-01T15:59:59.999Z' });
    expect(dayBounds('2026-12-31', 'Asia/Urumqi')).toEqual({ start: '2026-12-30T18:00:00.000Z', end: '2026-12-31T17:59:59.999Z' });
  });

  it('bounds a day that daylight saving time makes 23 hours long', () => {
    // Europe/Berlin moves from UTC+1 to UTC+2 on 2027-03-28
    expect(dayBounds('2027-03-28', 'Europe/Berlin')).toEqual({ start: '2027-03-27T23:00:00.000Z', end: '2027-03-28T21:59:59.999Z' });
  });

  it('reads a zone the browser does not know in the default zone', () => {
    expect(knownZone('Asia/Urumqi')).toBe('Asia/Urumqi');
    expect(knownZone('Mars/Olympus_Mons')).toBe(DEFAULT_TIME_ZONE);
    expect(knownZone(undefined)).toBe(DEFAULT_TIME_ZONE);
  });
});
