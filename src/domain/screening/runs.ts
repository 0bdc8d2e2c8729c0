// What a screening run screened, as data: stored with its events (the record's `run`) and worded
// at display time in the reader's language. The English label (runLabelText) stays the run's name
// in update ids, exports and older stored records.
import { formatIsoMs } from '../time/iso';

/** The window screened and the threshold. */
interface RunWindow {
  startMs: number;
  hours: number;
  thresholdKm: number;
}

/** Primaries named, OEMs as primaries, or every object against every other. */
export type ScreeningScope =
  { kind: 'allVsAll' } | { kind: 'primaries' | 'ephemerides'; count: number };

/** The watch list's objects against a catalog (its label, and its fetch time when known). */
export interface WatchListScope {
  kind: 'watchList';
  count: number;
  catalog: string;
  fetchedAtMs?: number;
}

export type RunDescription = RunWindow &
  ({ kind: 'screening'; scope: ScreeningScope } | { kind: 'rescreen'; scope: WatchListScope });

/** `2024-11-01 00:00` (UTC). */
export const runMinutes = (ms: number): string => formatIsoMs(ms).slice(0, 16).replace('T', ' ');

function scopeText(scope: ScreeningScope): string {
  if (scope.kind === 'allVsAll') return 'all vs all';
  if (scope.kind === 'primaries') return `${scope.count} primaries`;
  return `${scope.count} ephemeris primar${scope.count === 1 ? 'y' : 'ies'}`;
}

/**
 * `screening 2024-11-01 00:00 UTC + 24 h, 5 km, all vs all`,
 * `watch list (3) vs CelesTrak active of 2024-11-01 06:00 UTC: 2024-11-01 00:00 UTC + 24 h, 2 km`.
 */
export function runLabelText(run: RunDescription): string {
  const window = `${runMinutes(run.startMs)} UTC + ${run.hours} h, ${run.thresholdKm} km`;
  if (run.kind === 'screening') return `screening ${window}, ${scopeText(run.scope)}`;
  const { count, catalog, fetchedAtMs } = run.scope;
  const data = fetchedAtMs === undefined ? catalog : `${catalog} of ${runMinutes(fetchedAtMs)} UTC`;
  return `watch list (${count}) vs ${data}: ${window}`;
}
