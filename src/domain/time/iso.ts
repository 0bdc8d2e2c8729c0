// ISO-8601 UTC formatting and strict parsing; times are UTC ms since 1970 (fractional).

const MS_PER_DAY = 86_400_000;
/** 0000-01-01 and 10000-01-01, UTC: Date's ISO format has four year digits between them. */
const MIN_FOUR_DIGIT_MS = -62_167_219_200_000;
const MAX_FOUR_DIGIT_MS = 253_402_300_800_000;

/** Days from 1970-01-01 to a proleptic-Gregorian civil date (Hinnant's algorithm; any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatWithFraction(ms: number, digits: 3 | 6): string {
  const scale = digits === 3 ? 1 : 1000;
  // Round once, on an integer count of the last digit, so carries (…59.9996 s) ripple correctly.
  const units = Math.round(ms * scale);
  const perSecond = 1000 * scale;
  const totalSec = Math.floor(units / perSecond);
  const fraction = units - totalSec * perSecond;
  const day = Math.floor(totalSec / 86_400);
  const secOfDay = totalSec - day * 86_400;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const h = Math.floor(secOfDay / 3600);
  const m = Math.floor((secOfDay % 3600) / 60);
  const s = secOfDay % 60;
  return `${date}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(fraction, digits)}Z`;
}

/** "2024-11-01T00:00:00.000Z": rounded to the nearest millisecond. */
export function formatIsoMs(ms: number): string {
  const rounded = Math.round(ms);
  // Years 0000–9999: the engine's own formatter says the same, several times faster.
  if (rounded >= MIN_FOUR_DIGIT_MS && rounded < MAX_FOUR_DIGIT_MS) {
    return new Date(rounded).toISOString();
  }
  return formatWithFraction(ms, 3);
}

/** "2024-10-31T13:56:02.456736Z": rounded to the nearest microsecond (OMM EPOCH precision). */
export function formatIsoUs(ms: number): string {
  return formatWithFraction(ms, 6);
}

// CCSDS/ISO calendar (YYYY-MM-DD) or ordinal (YYYY-DDD) date, 'T', hh:mm with optional seconds
// and fraction, then 'Z', a ±hh:mm offset, or nothing (CCSDS messages omit the zone: UTC).
const ISO_RE =
  /^(\d{4})-(?:(\d{2})-(\d{2})|(\d{3}))T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parse an ISO-8601 UTC timestamp strictly; returns ms since 1970 with the full fraction
 * (sub-ms digits kept), or null when the text or any field is out of range. Leap seconds
 * (ss = 60) are rejected: UTC ms since 1970 cannot represent them.
 */
export function parseIsoMs(text: string): number | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = Number(m[7] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let days: number;
  if (m[4] !== undefined) {
    const doy = Number(m[4]);
    if (doy < 1 || doy > (isLeapYear(year) ? 366 : 365)) return null;
    days = daysFromCivil(year, 1, 1) + doy - 1;
  } else {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    days = daysFromCivil(year, month, day);
  }
  let offsetMin = 0;
  const zone = m[9];
  if (zone !== undefined && zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fractionMs = m[8] !== undefined ? Number(`0.${m[8]}`) * 1000 : 0;
  const wholeMs = days * MS_PER_DAY + ((hour * 60 + minute - offsetMin) * 60 + second) * 1000;
  return wholeMs + fractionMs;
}
