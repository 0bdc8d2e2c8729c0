/** Display helpers shared by the notification panels. */
import { inclinationRange } from '../domain/notifications/geometry';
import type { LaunchNotification } from '../domain/notifications/types';

const deg = (v: number, digits = 1) => `${v.toFixed(digits)}°`;

const az = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** "96°", "45–60°". */
export function formatAzimuth(n: LaunchNotification): string {
  const { minDeg, maxDeg } = n.azimuth;
  return minDeg === maxDeg ? `${az(minDeg)}°` : `${az(minDeg)}–${az(maxDeg)}°`;
}

/** The inclination a space launch on the notified azimuth(s) reaches; null for other kinds. */
export function formatImpliedInclination(n: LaunchNotification): string | null {
  if (n.kind !== 'space-launch') return null;
  const r = inclinationRange(n.site.latDeg, n.azimuth.minDeg, n.azimuth.maxDeg);
  return Math.abs(r.maxDeg - r.minDeg) < 0.05
    ? deg(r.minDeg)
    : `${r.minDeg.toFixed(1)}–${deg(r.maxDeg)}`;
}

export function formatLatLon(latDeg: number, lonDeg: number): string {
  return `${Math.abs(latDeg).toFixed(2)}° ${latDeg >= 0 ? 'N' : 'S'}, ${Math.abs(lonDeg).toFixed(2)}° ${lonDeg >= 0 ? 'E' : 'W'}`;
}

/** "2024-10-31 11:30–15:30" (UTC), or both dates when the window spans midnight. */
export function formatWindow(startMs: number, endMs: number): string {
  const a = new Date(startMs).toISOString();
  const b = new Date(endMs).toISOString();
  const start = `${a.slice(0, 10)} ${a.slice(11, 16)}`;
  const end =
    a.slice(0, 10) === b.slice(0, 10) ? b.slice(11, 16) : `${b.slice(0, 10)} ${b.slice(11, 16)}`;
  return `${start}–${end}`;
}

/** The window on two lines: ["2024-10-31", "12:00–14:00"], or start and end when the days differ. */
export function formatWindowLines(startMs: number, endMs: number): [string, string] {
  const a = new Date(startMs).toISOString();
  const b = new Date(endMs).toISOString();
  if (a.slice(0, 10) === b.slice(0, 10))
    return [a.slice(0, 10), `${a.slice(11, 16)}–${b.slice(11, 16)}`];
  return [`${a.slice(0, 10)} ${a.slice(11, 16)}–`, `${b.slice(0, 10)} ${b.slice(11, 16)}`];
}
