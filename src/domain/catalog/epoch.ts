// Epoch conversions kept exact to well below a millisecond: Date.parse truncates ISO
// fractions to whole ms, and a TLE day fraction resolves 0.864 ms.

import { recordIssue, type RecordIssue } from './recordIssues';

export const MS_PER_DAY = 86_400_000;

/** Julian date of the Unix epoch, 1970-01-01T00:00Z. */
export const JD_UNIX_EPOCH = 2_440_587.5;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a Gregorian year. */
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** TLE two-digit epoch year, as SGP4 reads it: 57–99 → 19xx, 00–56 → 20xx. */
export function fullYearFromTle(twoDigitYear: number): number {
  return twoDigitYear < 57 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
}

/** Epoch from a year and a 1-based fractional day of year (day 1.0 = Jan 1 00:00 UTC). */
export function epochMsFromDayOfYear(year: number, dayOfYear: number): number {
  return Date.UTC(year, 0, 1) + (dayOfYear - 1) * MS_PER_DAY;
}

export function julianDateFromEpochMs(epochMs: number): number {
  return JD_UNIX_EPOCH + epochMs / MS_PER_DAY;
}

// CCSDS allows calendar (YYYY-MM-DD) and ordinal (YYYY-DDD) dates; a trailing Z is tolerated.
const CALENDAR_EPOCH = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?$/;
const ORDINAL_EPOCH = /^(\d{4})-(\d{3})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?$/;

/** Epochs outside the space age are typos (or a two-digit year somewhere upstream). */
export const MIN_EPOCH_YEAR = 1957;
export const MAX_EPOCH_YEAR = 2100;

/**
 * Parses an OMM EPOCH (UTC, no zone) to fractional ms since 1970, keeping every digit of the
 * fraction. Returns the issue when the text is not a valid epoch.
 */
export function parseOmmEpoch(text: string): number | RecordIssue {
  const s = text.trim();
  const fast = plainCalendarEpochMs(s);
  if (fast >= 0) return fast;
  let year: number, month: number, day: number, hh: number, mm: number, ss: number;
  let fraction: string | undefined;
  const cal = CALENDAR_EPOCH.exec(s);
  const ord = cal ? null : ORDINAL_EPOCH.exec(s);
  if (cal) {
    [year, month, day, hh, mm, ss] = cal.slice(1, 7).map(Number);
    fraction = cal[7];
    if (month < 1 || month > 12) return recordIssue('epochMonth', { month, text: s });
    const monthDays = daysInMonth(year, month);
    if (day < 1 || day > monthDays)
      return recordIssue('epochDayOfMonth', { day, maxDay: monthDays, text: s });
  } else if (ord) {
    [year, day, hh, mm, ss] = ord.slice(1, 6).map(Number);
    fraction = ord[6];
    month = 1;
    if (day < 1 || day > daysInYear(year)) return recordIssue('epochDayOfYear', { day, text: s });
  } else {
    return recordIssue('epochFormat', { text: s });
  }
  if (year < MIN_EPOCH_YEAR || year > MAX_EPOCH_YEAR) {
    return recordIssue('epochYear', { year, min: MIN_EPOCH_YEAR, max: MAX_EPOCH_YEAR });
  }
  if (hh > 23 || mm > 59 || ss > 59) return recordIssue('epochTime', { text: s });
  const wholeMs = Date.UTC(year, month - 1, day, hh, mm, ss);
  return fraction === undefined ? wholeMs : wholeMs + Number(`0.${fraction}`) * 1000;
}

/** The number written by the digits s[from…to−1], or −1 when one of them is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = 10 * n + d;
  }
  return n;
}

/**
 * CelesTrak's form, YYYY-MM-DDTHH:MM:SS[.fff…], valid and from 1970, read without a regular
 * expression: a catalog has one per record. −1 for anything else, which parseOmmEpoch's full
 * path then reads or refuses with its issue.
 */
function plainCalendarEpochMs(s: string): number {
  const n = s.length;
  if (n < 19 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') {
    return -1;
  }
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  const hh = digitsAt(s, 11, 13);
  const mm = digitsAt(s, 14, 16);
  const ss = digitsAt(s, 17, 19);
  if (year < 1970 || year > MAX_EPOCH_YEAR || month < 1 || month > 12) return -1;
  if (day < 1 || day > daysInMonth(year, month)) return -1;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return -1;
  const wholeMs = Date.UTC(year, month - 1, day, hh, mm, ss);
  if (n === 19) return wholeMs;
  if (s[19] !== '.' || digitsAt(s, 20, n) < 0 || n === 20) return -1;
  // The full path's arithmetic, so that both give the same double.
  return wholeMs + Number(`0.${s.slice(20)}`) * 1000;
}

/** ISO epoch with microseconds and no zone, as CelesTrak writes OMM EPOCH. */
export function formatOmmEpoch(epochMs: number): string {
  const totalUs = Math.round(epochMs * 1000);
  const wholeSeconds = Math.floor(totalUs / 1_000_000);
  const us = totalUs - wholeSeconds * 1_000_000;
  const iso = new Date(wholeSeconds * 1000).toISOString().slice(0, 19);
  return `${iso}.${String(us).padStart(6, '0')}`;
}
