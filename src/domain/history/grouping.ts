// The grouping rule: which updates describe the same close approach.
//
// Two updates belong to the same event when their unordered pair of objects is the same and
// their TCAs differ by at most the tolerance
//
//     tolerance = min(P / 32, 5 minutes),  P = the shorter orbital period of the two objects,
//
// with P from the two-body energy of each object's state at TCA (vis-viva). A record without
// states (a SOCRATES row not matched to the catalog) takes the shortest period a catalog object
// keeps for long, a circular orbit 200 km up (88.5 min), so its tolerance is the smallest any
// orbit gets. Between two updates the smaller of their tolerances applies.
//
// Why: one pair can come close again every half period (two crossings of the orbit planes per
// revolution), so anything near P / 2 must stay apart; P / 32 (≈ 2.8 min in LEO) is far below
// that, yet far above the TCA shifts between updates of one pass (well under a minute, even after
// a manoeuvre or between SGP4 and special-perturbations solutions). The cap keeps slow high orbits
// (GEO, P ≈ 24 h) from merging approaches hours apart.
import { MU_EARTH_KM3_S2 } from '../conjunctions/kepler';
import { isoMs } from '../conjunctions/list';
import type { ConjunctionRecord, StateKm } from '../conjunctions/types';
import { compareDesignators, normaliseDesignator } from './designator';

export const TCA_TOLERANCE_PERIOD_FRACTION = 1 / 32;
export const MAX_TCA_TOLERANCE_MS = 5 * 60_000;

const EARTH_RADIUS_KM = 6378.137;

/** Period of a circular orbit at 200 km altitude, s (the fallback when no state is known). */
export const FALLBACK_PERIOD_S =
  2 * Math.PI * Math.sqrt((EARTH_RADIUS_KM + 200) ** 3 / MU_EARTH_KM3_S2);

/** Two-body period of the orbit through a state, s; undefined when it is not a bound orbit. */
export function orbitalPeriodS(state: StateKm): number | undefined {
  const r = Math.hypot(...state.rKm);
  const v2 = state.vKmS[0] ** 2 + state.vKmS[1] ** 2 + state.vKmS[2] ** 2;
  const inverseA = 2 / r - v2 / MU_EARTH_KM3_S2;
  if (!(r > 0) || !(inverseA > 0)) return undefined;
  return 2 * Math.PI * Math.sqrt(1 / inverseA ** 3 / MU_EARTH_KM3_S2);
}

/** The shorter period of the record's two objects, s (the fallback without states). */
export function shorterPeriodS(record: Pick<ConjunctionRecord, 'states'>): number {
  const s = record.states;
  const periods = s
    ? [orbitalPeriodS(s.object1), orbitalPeriodS(s.object2)].filter(
        (p): p is number => p !== undefined && Number.isFinite(p),
      )
    : [];
  return periods.length ? Math.min(...periods) : FALLBACK_PERIOD_S;
}

/** The TCA tolerance of one record, ms. */
export function tcaToleranceMs(record: Pick<ConjunctionRecord, 'states'>): number {
  return Math.min(
    shorterPeriodS(record) * 1000 * TCA_TOLERANCE_PERIOD_FRACTION,
    MAX_TCA_TOLERANCE_MS,
  );
}

/** What the rule needs of an update: its pair, its TCA and its record's states. */
export interface GroupingKey {
  tcaMs: number;
  record: Pick<ConjunctionRecord, 'designator1' | 'designator2' | 'states'>;
}

/** Same unordered pair (normalised designators). */
export function samePair(a: GroupingKey, b: GroupingKey): boolean {
  const a1 = normaliseDesignator(a.record.designator1);
  const a2 = normaliseDesignator(a.record.designator2);
  const b1 = normaliseDesignator(b.record.designator1);
  const b2 = normaliseDesignator(b.record.designator2);
  return (a1 === b1 && a2 === b2) || (a1 === b2 && a2 === b1);
}

/** The grouping rule (see the top of this file). */
export function sameEvent(a: GroupingKey, b: GroupingKey): boolean {
  return (
    samePair(a, b) &&
    Math.abs(a.tcaMs - b.tcaMs) <= Math.min(tcaToleranceMs(a.record), tcaToleranceMs(b.record))
  );
}

/** `<designator a>-<designator b>@<TCA ISO 8601 ms>`, a before b (catalog numbers numerically). */
export function eventIdFor(designator1: string, designator2: string, tcaMs: number): string {
  const [a, b] = [normaliseDesignator(designator1), normaliseDesignator(designator2)].sort(
    compareDesignators,
  );
  return `${a}-${b}@${isoMs(tcaMs)}`;
}
