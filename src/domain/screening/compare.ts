// Nominal against planned: the same object screened twice, once on its nominal trajectory and
// once on a planned manoeuvre's, the events paired by the other object and TCA. An event of the
// nominal with no partner is one the manoeuvre removes; one of the planned with no partner, one it
// adds. A small burn moves TCA by seconds to minutes, while two approaches of the same pair are at
// least half an orbit apart (~45 min in LEO), hence the default pairing tolerance of 10 minutes.
import type { ConjunctionEvent } from './types';

export const DEFAULT_PAIRING_TOLERANCE_S = 600;

/** An event seen from the compared object: the other object, when and how close. */
export interface ComparedEvent {
  otherId: number;
  otherName: string;
  tcaMs: number;
  rangeKm: number;
  relSpeedKmS: number;
  /** Collision probability and its maximum over covariance scale, when one could be computed. */
  pc: number | null;
  pcMax: number | null;
  pcLabel: string | null;
}

export interface PairedEvents {
  nominal: ComparedEvent;
  planned: ComparedEvent;
  /** planned − nominal. */
  tcaShiftS: number;
  rangeChangeKm: number;
}

export interface WorstOf {
  events: number;
  minRangeKm: number | null;
  maxPc: number | null;
  maxPcMax: number | null;
}

export interface ManoeuvreComparison {
  objectId: number;
  toleranceS: number;
  /** In both, paired; by nominal TCA. */
  kept: PairedEvents[];
  /** Only in the nominal: the manoeuvre removes them. */
  removed: ComparedEvent[];
  /** Only in the planned: the manoeuvre adds them. */
  added: ComparedEvent[];
  worst: { nominal: WorstOf; planned: WorstOf };
}

export interface PcOfEvent {
  pc: number;
  pcMax: number;
  label: string;
}

function seenFrom(
  objectId: number,
  e: ConjunctionEvent,
  pcOf: (e: ConjunctionEvent) => PcOfEvent | null,
): ComparedEvent | null {
  if (e.id1 !== objectId && e.id2 !== objectId) return null;
  const first = e.id1 === objectId;
  const pc = pcOf(e);
  return {
    otherId: first ? e.id2 : e.id1,
    otherName: first ? e.name2 : e.name1,
    tcaMs: e.tcaMs,
    rangeKm: e.rangeKm,
    relSpeedKmS: e.relSpeedKmS,
    pc: pc?.pc ?? null,
    pcMax: pc?.pcMax ?? null,
    pcLabel: pc?.label ?? null,
  };
}

function worstOf(events: readonly ComparedEvent[]): WorstOf {
  const max = (xs: (number | null)[]) => {
    const ok = xs.filter((x): x is number => x !== null);
    return ok.length ? Math.max(...ok) : null;
  };
  return {
    events: events.length,
    minRangeKm: events.length ? Math.min(...events.map((e) => e.rangeKm)) : null,
    maxPc: max(events.map((e) => e.pc)),
    maxPcMax: max(events.map((e) => e.pcMax)),
  };
}

/**
 * Pair the events of `objectId` in the two runs: same other object, TCA within toleranceS,
 * closest TCAs paired first. Events not involving objectId are ignored.
 */
export function compareManoeuvre(
  objectId: number,
  nominalEvents: readonly ConjunctionEvent[],
  plannedEvents: readonly ConjunctionEvent[],
  pcOf: {
    nominal: (e: ConjunctionEvent) => PcOfEvent | null;
    planned: (e: ConjunctionEvent) => PcOfEvent | null;
  },
  toleranceS = DEFAULT_PAIRING_TOLERANCE_S,
): ManoeuvreComparison {
  const own = (
    events: readonly ConjunctionEvent[],
    pc: (e: ConjunctionEvent) => PcOfEvent | null,
  ) =>
    events
      .map((e) => seenFrom(objectId, e, pc))
      .filter((e): e is ComparedEvent => e !== null)
      .sort((a, b) => a.tcaMs - b.tcaMs);
  const nominal = own(nominalEvents, pcOf.nominal);
  const planned = own(plannedEvents, pcOf.planned);
  const candidates: [number, number, number][] = [];
  nominal.forEach((n, i) =>
    planned.forEach((p, j) => {
      const dt = Math.abs(p.tcaMs - n.tcaMs);
      if (p.otherId === n.otherId && dt <= toleranceS * 1000) candidates.push([dt, i, j]);
    }),
  );
  candidates.sort((a, b) => a[0] - b[0]);
  const nominalPair = new Map<number, number>();
  const plannedUsed = new Set<number>();
  for (const [, i, j] of candidates) {
    if (nominalPair.has(i) || plannedUsed.has(j)) continue;
    nominalPair.set(i, j);
    plannedUsed.add(j);
  }
  const kept: PairedEvents[] = [];
  const removed: ComparedEvent[] = [];
  nominal.forEach((n, i) => {
    const j = nominalPair.get(i);
    if (j === undefined) return removed.push(n);
    const p = planned[j];
    kept.push({
      nominal: n,
      planned: p,
      tcaShiftS: (p.tcaMs - n.tcaMs) / 1000,
      rangeChangeKm: p.rangeKm - n.rangeKm,
    });
  });
  return {
    objectId,
    toleranceS,
    kept,
    removed,
    added: planned.filter((_, j) => !plannedUsed.has(j)),
    worst: { nominal: worstOf(nominal), planned: worstOf(planned) },
  };
}
