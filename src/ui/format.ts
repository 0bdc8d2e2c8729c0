/** Display formatting shared by the panels. */

export function formatUtc(ms: number, withMs = false): string {
  if (!Number.isFinite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withMs ? 23 : 19)} UTC`;
}

/** A duration for people: minutes, hours or days; negative means in the future. */
export function formatAge(ageMs: number): string {
  const abs = Math.abs(ageMs);
  const [value, unit] =
    abs < 3_600_000
      ? [String(Math.round(abs / 60_000)), 'min']
      : abs < 2 * 86_400_000
        ? [(abs / 3_600_000).toFixed(1), 'h']
        : [(abs / 86_400_000).toFixed(1), 'days'];
  const sign = ageMs < 0 && Number(value) !== 0 ? '−' : '';
  return `${sign}${value} ${unit}`;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');

export function formatKm(km: number, digits = 1): string {
  return `${km.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} km`;
}
