import type { LaunchNotification } from './types';

/** After its window a notification fades out over this long. */
export const FADE_AFTER_MS = 2 * 3_600_000;

export type NotificationPhase = 'before' | 'open' | 'fading' | 'over';

/** Where the clock is relative to a window, and how opaque its drawing is (0–1). */
export function notificationPhase(
  n: Pick<LaunchNotification, 'windowStartMs' | 'windowEndMs'>,
  nowMs: number,
): { phase: NotificationPhase; opacity: number } {
  if (nowMs < n.windowStartMs) return { phase: 'before', opacity: 0 };
  if (nowMs <= n.windowEndMs) return { phase: 'open', opacity: 1 };
  const faded = (nowMs - n.windowEndMs) / FADE_AFTER_MS;
  return faded < 1 ? { phase: 'fading', opacity: 1 - faded } : { phase: 'over', opacity: 0 };
}

/**
 * "T−3 h 12 min" before the window start, "T+25 min" after it; days above 48 hours. Whole
 * minutes, rounded toward the start (T−0 min in the last minute).
 */
export function formatCountdown(nowMs: number, startMs: number): string {
  const before = nowMs < startMs;
  const totalMin = Math.floor(Math.abs(startMs - nowMs) / 60_000);
  const sign = before ? 'T−' : 'T+';
  const days = Math.floor(totalMin / 1440);
  const hours = Math.floor((totalMin % 1440) / 60);
  const minutes = totalMin % 60;
  if (totalMin >= 2880) return `${sign}${days} d ${hours} h`;
  if (totalMin >= 60) return `${sign}${Math.floor(totalMin / 60)} h ${minutes} min`;
  return `${sign}${minutes} min`;
}

/**
 * The notifications whose windows overlap [startMs, endMs] (a window open at any moment of the
 * period counts), sorted by window start. For briefing tours.
 */
export function notificationsInPeriod<
  T extends Pick<LaunchNotification, 'windowStartMs' | 'windowEndMs' | 'id'>,
>(list: readonly T[], startMs: number, endMs: number): T[] {
  return list
    .filter((n) => n.windowStartMs <= endMs && n.windowEndMs >= startMs)
    .sort((a, b) => a.windowStartMs - b.windowStartMs || a.id.localeCompare(b.id));
}
