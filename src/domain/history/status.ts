// Status and trend of an event, the change between its last two updates, its peak probability,
// and the drop rule for screening runs.
//
// Trend (between the previous and the latest update):
//  • both have a covariance Pc: rising when it grew by a factor ≥ 2, falling when it shrank by a
//    factor ≥ 2 (ratio ≤ 0.5), steady in between (a Pc from zero counts as rising, to zero as
//    falling; zero to zero is steady);
//  • otherwise (maximum Pc only, no Pc, or sources mixed): the miss distance judges — rising when
//    it shrank to ≤ 0.8 of the previous, falling when it grew to ≥ 1.25 of it, steady in between.
// Status, first that applies: past (latest TCA before now), dropped (see markDropped), new (one
// update), then the trend.
import { normaliseDesignator } from './designator';
import { latestUpdate, mergeUpdatesSteps, runSteps, STEP_ITEMS, type Steps } from './merge';
import type { ConjunctionEventHistory, EventStatus, EventUpdate } from './types';

export const TREND_PC_FACTOR = 2;
export const TREND_MISS_FACTOR = 1.25;

export type Trend = 'rising' | 'falling' | 'steady';

const covariancePc = (u: EventUpdate): number | undefined =>
  u.pcKind === 'covariance' && u.pc !== undefined ? u.pc : undefined;

function byRatio(previous: number, latest: number, factor: number): Trend {
  if (previous === latest) return 'steady';
  if (previous === 0) return 'rising';
  if (latest === 0) return 'falling';
  const ratio = latest / previous;
  return ratio >= factor ? 'rising' : ratio <= 1 / factor ? 'falling' : 'steady';
}

/** The trend from one update to the next (see the top of this file). */
export function trendBetween(previous: EventUpdate, latest: EventUpdate): Trend {
  const p0 = covariancePc(previous);
  const p1 = covariancePc(latest);
  if (p0 !== undefined && p1 !== undefined) return byRatio(p0, p1, TREND_PC_FACTOR);
  // A shrinking miss is a rising risk: compare the misses the other way round.
  return byRatio(latest.missKm, previous.missKm, TREND_MISS_FACTOR);
}

export function eventStatus(h: ConjunctionEventHistory, nowMs: number): EventStatus {
  const latest = latestUpdate(h);
  if (latest.tcaMs < nowMs) return 'past';
  if (h.droppedAtMs !== undefined) return 'dropped';
  if (h.updates.length < 2) return 'new';
  return trendBetween(h.updates[h.updates.length - 2], latest);
}

export interface UpdateChange {
  /** Latest − previous, km. */
  dMissKm: number;
  /** Latest ÷ previous probability, when both have one and the previous is not zero. */
  pcRatio?: number;
  /** Latest − previous TCA, ms. */
  dTcaMs: number;
}

/** The change since the previous update; undefined for a single update. */
export function changeSincePrevious(h: ConjunctionEventHistory): UpdateChange | undefined {
  if (h.updates.length < 2) return undefined;
  const prev = h.updates[h.updates.length - 2];
  const latest = latestUpdate(h);
  const change: UpdateChange = {
    dMissKm: latest.missKm - prev.missKm,
    dTcaMs: latest.tcaMs - prev.tcaMs,
  };
  if (prev.pc !== undefined && latest.pc !== undefined && prev.pc > 0) {
    change.pcRatio = latest.pc / prev.pc;
  }
  return change;
}

export interface PeakPc {
  pc: number;
  updateId: string;
  createdMs: number;
  kind: 'covariance' | 'maximum';
  /** A later update gave a lower probability: the peak is behind. */
  passed: boolean;
}

/**
 * The highest probability over the updates: covariance Pcs when there are any (a maximum Pc is an
 * upper bound, not comparable), else maximum Pcs. The first update reaching the peak counts.
 */
export function peakPc(h: ConjunctionEventHistory): PeakPc | undefined {
  const withCov = h.updates.filter((u) => covariancePc(u) !== undefined);
  const pool = withCov.length ? withCov : h.updates.filter((u) => u.pc !== undefined);
  if (!pool.length) return undefined;
  let peak = pool[0];
  for (const u of pool) if (u.pc! > peak.pc!) peak = u;
  const after = pool.slice(pool.indexOf(peak) + 1);
  return {
    pc: peak.pc!,
    updateId: peak.updateId,
    createdMs: peak.createdMs,
    kind: withCov.length ? 'covariance' : 'maximum',
    passed: after.some((u) => u.pc! < peak.pc!),
  };
}

/** What a screening run covered, for the drop rule. */
export interface ScreeningCoverage {
  /** The run's label, as in its updates' origin. */
  runLabel: string;
  /** The run's time (its updates' createdMs), UTC ms. */
  atMs: number;
  /** The screened window, UTC ms. */
  startMs: number;
  endMs: number;
  /** The objects screened against the whole catalog (a watch list's; all vs all: every one). */
  objectIds: readonly (string | number)[];
}

/**
 * The drop rule, applied after the run's updates are merged: an event is covered by the run when
 * either object is among the run's objects and its latest TCA lies inside the run's window; a
 * covered event the run did not find (no update from this run), whose latest update is older than
 * the run, is marked dropped at the run's time (kept, never deleted; an earlier drop time stays).
 * A covered event the run found loses its drop mark. Archived events are left alone.
 */
export function markDropped(
  histories: readonly ConjunctionEventHistory[],
  run: ScreeningCoverage,
): ConjunctionEventHistory[] {
  return runSteps(markDroppedSteps(histories, run));
}

/** markDropped in steps (see mergeUpdatesSteps); the same result. */
export function* markDroppedSteps(
  histories: readonly ConjunctionEventHistory[],
  run: ScreeningCoverage,
): Steps<ConjunctionEventHistory[]> {
  const ids = new Set(run.objectIds.map(normaliseDesignator));
  const out = new Array<ConjunctionEventHistory>(histories.length);
  for (let i = 0; i < histories.length; i++) {
    out[i] = withDropRule(histories[i], ids, run);
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  return out;
}

function withDropRule(
  h: ConjunctionEventHistory,
  ids: ReadonlySet<string>,
  run: ScreeningCoverage,
): ConjunctionEventHistory {
  const latest = latestUpdate(h);
  const covered =
    !h.archived &&
    (ids.has(normaliseDesignator(h.designator1)) || ids.has(normaliseDesignator(h.designator2))) &&
    latest.tcaMs >= run.startMs &&
    latest.tcaMs <= run.endMs;
  if (!covered) return h;
  const found = h.updates.some(
    (u) => u.origin.source === 'screening' && u.origin.runLabel === run.runLabel,
  );
  if (found) {
    if (h.droppedAtMs === undefined) return h;
    const out = { ...h };
    delete out.droppedAtMs;
    return out;
  }
  if (h.droppedAtMs !== undefined || latest.createdMs >= run.atMs) return h;
  return { ...h, droppedAtMs: run.atMs };
}

/** Updates merged by the grouping rule, then a screening run's drop rule when given; in steps. */
export function* addUpdatesSteps(
  histories: readonly ConjunctionEventHistory[],
  updates: readonly EventUpdate[],
  run?: ScreeningCoverage,
): Steps<ConjunctionEventHistory[]> {
  const merged = yield* mergeUpdatesSteps(histories, updates);
  return run ? yield* markDroppedSteps(merged, run) : merged;
}

/** Events whose TCA is more than this long past are archived (flagged, never deleted). */
export const ARCHIVE_AFTER_DAYS = 30;

export function isArchivable(h: ConjunctionEventHistory, nowMs: number): boolean {
  return latestUpdate(h).tcaMs < nowMs - ARCHIVE_AFTER_DAYS * 86_400_000;
}

/** The archive rule: flags events past it; unchanged events come back as the same objects. */
export function archiveEvents(
  histories: readonly ConjunctionEventHistory[],
  nowMs: number,
): ConjunctionEventHistory[] {
  return histories.map((h) =>
    !h.archived && isArchivable(h, nowMs) ? { ...h, archived: true } : h,
  );
}
