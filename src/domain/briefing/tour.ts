// The briefing tour: which stops, in what order, and how long each takes. Pure planning; the
// service in src/services/briefingTour.ts drives the clock and the stores.
import { addressIssue, type AddressIssue } from '../addressIssues';
import { limitUrlSearch } from '../limits';

export type TourRanking = 'pc' | 'miss';

export interface TourSettings {
  /** Rank conjunctions by collision probability (highest first) or miss distance (smallest first). */
  rankBy: TourRanking;
  /** How many top events to visit. */
  top: number;
  /** How long to hold each stop after its replay, ms. */
  dwellMs: number;
  /** Advance and loop by itself (a kiosk), rather than waiting for the presenter. */
  kiosk: boolean;
  /** Playback rate of an approach replay. */
  replayRate: number;
  /** Only events involving a watched object (`watch=1`), in the same ranking. */
  watchOnly: boolean;
}

export const DEFAULT_TOUR: TourSettings = {
  rankBy: 'pc',
  top: 10,
  dwellMs: 15_000,
  kiosk: false,
  replayRate: 10,
  watchOnly: false,
};

/** A replay runs from TCA − lead to TCA + this, then holds at TCA. */
export const REPLAY_AFTER_TCA_MS = 60_000;

export type TourStop =
  | { kind: 'event'; key: string; tcaMs: number; title: string }
  | { kind: 'notification'; id: string; startMs: number; title: string };

export interface TourEvent {
  key: string;
  /** Catalog numbers, where known (for `watch=1`). */
  id1?: number | null;
  id2?: number | null;
  tcaMs: number;
  name1: string;
  name2: string;
  rangeKm: number;
  pc?: { value: number; kind: 'covariance' | 'maximum' };
}

export interface TourNotification {
  id: string;
  party: string;
  windowStartMs: number;
}

export function eventTitle(e: TourEvent): string {
  const miss = e.rangeKm < 1 ? `${Math.round(e.rangeKm * 1000)} m` : `${e.rangeKm.toFixed(2)} km`;
  const pc = e.pc
    ? ` · ${e.pc.kind === 'maximum' ? 'max Pc' : 'Pc'} ${e.pc.value.toExponential(1)}`
    : '';
  const tca = new Date(e.tcaMs).toISOString().slice(11, 23);
  return `${e.name1} × ${e.name2} · TCA ${tca} UTC · miss ${miss}${pc}`;
}

/** The events involving a watched object, in their order. */
export function watchedEvents<E extends TourEvent>(
  events: readonly E[],
  watched: ReadonlySet<number>,
): E[] {
  const listed = (id: number | null | undefined) => id != null && watched.has(id);
  return events.filter((e) => listed(e.id1) || listed(e.id2));
}

/**
 * The stops: the top events in the ranking already applied to `rankedEvents`, then the launch
 * notifications whose windows fall in the briefing period, by window start.
 */
export function planTour(
  rankedEvents: readonly TourEvent[],
  notifications: readonly TourNotification[],
  settings: TourSettings,
): TourStop[] {
  const events: TourStop[] = rankedEvents.slice(0, settings.top).map((e) => ({
    kind: 'event',
    key: e.key,
    tcaMs: e.tcaMs,
    title: eventTitle(e),
  }));
  const launches: TourStop[] = [...notifications]
    .sort((a, b) => a.windowStartMs - b.windowStartMs)
    .map((n) => ({
      kind: 'notification',
      id: n.id,
      startMs: n.windowStartMs,
      title: `Launch notification ${n.id} (${n.party}) · window opens ${new Date(n.windowStartMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    }));
  return [...events, ...launches];
}

/**
 * Tour settings from the address (`tour=pc|miss`, `top`, `dwell` seconds, `kiosk=1`,
 * `watch=1`: only the watch list's events).
 */
export function tourSettingsFromSearch(search: string): {
  settings: TourSettings;
  issues: AddressIssue[];
} {
  const limited = limitUrlSearch(search);
  const params = limited.params ?? new URLSearchParams();
  const settings = { ...DEFAULT_TOUR };
  // Limit problems are reported once, by readUrlState.
  const issues: AddressIssue[] = [];
  const tour = params.get('tour');
  if (tour !== null) {
    if (tour === 'pc' || tour === 'miss') settings.rankBy = tour;
    else issues.push(addressIssue('badTour', { value: tour }));
  }
  const top = params.get('top');
  if (top !== null) {
    const n = Number(top);
    if (Number.isInteger(n) && n >= 1 && n <= 100) settings.top = n;
    else issues.push(addressIssue('badTop', { value: top }));
  }
  const dwell = params.get('dwell');
  if (dwell !== null) {
    const s = Number(dwell);
    if (s >= 2 && s <= 600) settings.dwellMs = s * 1000;
    else issues.push(addressIssue('badDwell', { value: dwell }));
  }
  const kiosk = params.get('kiosk');
  if (kiosk !== null) settings.kiosk = kiosk === '1' || kiosk === 'true';
  const watch = params.get('watch');
  if (watch !== null) {
    if (watch === '1' || watch === '0') settings.watchOnly = watch === '1';
    else issues.push(addressIssue('badWatch', { value: watch }));
  }
  return { settings, issues };
}

/** The next stop index, wrapping at either end. */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : count - 1;
  return (((index + delta) % count) + count) % count;
}
