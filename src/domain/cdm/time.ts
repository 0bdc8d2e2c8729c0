// CCSDS ASCII time codes as CDMs use them: calendar (YYYY-MM-DDThh:mm:ss.d…) or day-of-year
// (YYYY-DDDThh:mm:ss.d…), UTC, optional trailing Z. Leap seconds are ignored (ms since 1970 as in
// JavaScript); second 60 is accepted and lands on the next minute.

const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d*)?)Z?$/;
const DAY_OF_YEAR = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2}(?:\.\d*)?)Z?$/;

/** UTC ms since 1970 (fractional below 1 ms), or NaN when the text is not a CCSDS epoch. */
export function parseCcsdsEpoch(text: string): number {
  const t = text.trim();
  let m = CALENDAR.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
    return epochMs(Number(y), month - 1, day, Number(h), Number(mi), s);
  }
  m = DAY_OF_YEAR.exec(t);
  if (m) {
    const [, y, doy, h, mi, s] = m;
    const day = Number(doy);
    if (day < 1 || day > 366) return NaN;
    return epochMs(Number(y), 0, day, Number(h), Number(mi), s);
  }
  return NaN;
}

function epochMs(y: number, month0: number, day: number, h: number, mi: number, s: string) {
  if (h > 23 || mi > 59 || Number(s) >= 61) return NaN;
  const [whole, frac = ''] = s.split('.');
  const base = Date.UTC(y, month0, day, h, mi, Number(whole));
  // Fractional seconds from the digits, so "52.618" is exactly 618 ms.
  const fracMs = frac ? Number(`0.${frac}`) * 1000 : 0;
  return base + Math.round(fracMs * 1e6) / 1e6;
}

/** ISO 8601 with Z and milliseconds (sub-ms digits kept when present). */
export function formatIsoUtc(ms: number): string {
  return `${formatCcsdsEpoch(ms)}Z`;
}

/** CCSDS calendar epoch without zone, milliseconds always, µs when the value has them. */
export function formatCcsdsEpoch(ms: number): string {
  const whole = Math.floor(ms);
  const sub = Math.round((ms - whole) * 1000);
  const iso = new Date(sub === 1000 ? whole + 1 : whole).toISOString().slice(0, -1);
  return sub > 0 && sub < 1000 ? `${iso}${String(sub).padStart(3, '0')}` : iso;
}
