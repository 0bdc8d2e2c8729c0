/** Display formatting shared by the panels, in the reader's locale; times stay UTC. */
import { i18n, locale } from './i18n';

/** 2024-10-31 10:40:12 UTC; Chinese readers get Intl's zh-CN date, still in UTC. */
export function formatUtc(ms: number, withMs = false): string {
  if (!Number.isFinite(ms)) return '—';
  if (locale() !== 'en-US') {
    const text = new Intl.DateTimeFormat(locale(), {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(withMs ? { fractionalSecondDigits: 3 } : {}),
    }).format(ms);
    return `${text} UTC`;
  }
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withMs ? 23 : 19)} UTC`;
}

/** To the minute, without the zone, for sentences that name UTC themselves: 2024-11-01 00:00. */
export const formatUtcMinutes = (ms: number): string => formatUtc(ms).slice(0, -' UTC'.length - 3);

/** A number with the locale's grouping and exactly `digits` decimals. */
export function formatNumber(value: number, digits = 0, useGrouping = true): string {
  return value.toLocaleString(locale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping,
  });
}

/** A duration for people: minutes, hours or days; negative means in the future. */
export function formatAge(ageMs: number): string {
  const abs = Math.abs(ageMs);
  const [value, unit] =
    abs < 3_600_000
      ? [Math.round(abs / 60_000), 'min']
      : abs < 2 * 86_400_000
        ? [Number((abs / 3_600_000).toFixed(1)), 'h']
        : [Number((abs / 86_400_000).toFixed(1)), 'days'];
  const sign = ageMs < 0 && value !== 0 ? '−' : '';
  const digits = unit === 'min' ? 0 : 1;
  return `${sign}${i18n.t(`units.${unit}`, { value: formatNumber(value, digits, false) })}`;
}

export const formatCount = (n: number) => n.toLocaleString(locale());

export function formatKm(km: number, digits = 1): string {
  return `${formatNumber(km, digits)} km`;
}
