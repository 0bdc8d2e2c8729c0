// Adding updates to event histories, and merging two event stores (a shift handover). Pure: the
// inputs are never changed; histories that gain nothing come back as the same objects.
import { normaliseDesignator, pairKey } from './designator';
import { eventIdFor, sameEvent } from './grouping';
import type { ConjunctionEventHistory, EventAcknowledgement, EventUpdate } from './types';

/** Creation order: createdMs, then updateId. */
export function compareUpdates(a: EventUpdate, b: EventUpdate): number {
  return (
    a.createdMs - b.createdMs || (a.updateId < b.updateId ? -1 : a.updateId > b.updateId ? 1 : 0)
  );
}

/** The event's newest update (by creation). */
export function latestUpdate(h: ConjunctionEventHistory): EventUpdate {
  return h.updates[h.updates.length - 1];
}

const historyPair = (h: ConjunctionEventHistory) => pairKey(h.designator1, h.designator2);

function withUpdate(h: ConjunctionEventHistory, u: EventUpdate): ConjunctionEventHistory {
  const last = latestUpdate(h);
  const updates =
    compareUpdates(last, u) <= 0 ? [...h.updates, u] : [...h.updates, u].sort(compareUpdates);
  const out: ConjunctionEventHistory = { ...h, updates };
  // A screening run that finds the event again clears an earlier drop.
  if (
    h.droppedAtMs !== undefined &&
    u.origin.source === 'screening' &&
    u.createdMs >= h.droppedAtMs
  )
    delete out.droppedAtMs;
  return out;
}

function newHistory(u: EventUpdate): ConjunctionEventHistory {
  const r = u.record;
  return {
    eventId: eventIdFor(r.designator1, r.designator2, u.tcaMs),
    designator1: normaliseDesignator(r.designator1),
    designator2: normaliseDesignator(r.designator2),
    name1: r.name1,
    name2: r.name2,
    updates: [u],
    acknowledgements: [],
  };
}

/** A stepwise computation: yields between steps of bounded work, returns its result at the end. */
export type Steps<R> = Generator<void, R, void>;

/** Work items between two yields of a stepwise computation (about a millisecond of work). */
export const STEP_ITEMS = 1024;

/** Runs a stepwise computation to its end in one go. */
export function runSteps<R>(steps: Steps<R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * A stable sort in steps (bottom-up merge sort, yielding every STEP_ITEMS elements moved): the
 * same order as Array.prototype.sort, which is stable too, without holding the thread for the
 * whole sort. Returns a sorted copy.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  let src = items.slice();
  let dst = new Array<T>(n);
  let moved = 0;
  // Runs of STEP_ITEMS sorted by the engine's own sort first.
  for (let i = 0; i < n; i += STEP_ITEMS) {
    const run = src.slice(i, i + STEP_ITEMS).sort(compare);
    for (let k = 0; k < run.length; k++) src[i + k] = run[k];
    yield;
  }
  for (let width = STEP_ITEMS; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        // Ties take the left run's element first: stable.
        dst[k] = a < mid && (b >= hi || compare(src[a], src[b]) <= 0) ? src[a++] : src[b++];
        if (++moved % STEP_ITEMS === 0) yield;
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/**
 * Adds updates to histories by the grouping rule (see grouping.ts), matching each update against
 * every event of its pair by the event's latest TCA and taking the nearest that qualifies; an
 * update that matches none starts an event. An updateId already present anywhere is skipped, so
 * importing a file twice changes nothing. New updates are taken in creation order, so the result
 * does not depend on the order they are given in.
 */
export function mergeUpdates(
  histories: readonly ConjunctionEventHistory[],
  updates: readonly EventUpdate[],
): ConjunctionEventHistory[] {
  return runSteps(mergeUpdatesSteps(histories, updates));
}

/** mergeUpdates in steps (a week of screening is a quarter of a million updates); the same result. */
export function* mergeUpdatesSteps(
  histories: readonly ConjunctionEventHistory[],
  updates: readonly EventUpdate[],
): Steps<ConjunctionEventHistory[]> {
  const out = histories.slice();
  const known = new Set<string>();
  const byPair = new Map<string, number[]>();
  for (let i = 0; i < out.length; i++) {
    const h = out[i];
    for (const u of h.updates) known.add(u.updateId);
    const key = historyPair(h);
    const list = byPair.get(key);
    if (list) list.push(i);
    else byPair.set(key, [i]);
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  const sorted = yield* sortSteps(updates, compareUpdates);
  for (let k = 0; k < sorted.length; k++) {
    if (k % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const u = sorted[k];
    if (known.has(u.updateId)) continue;
    known.add(u.updateId);
    const key = pairKey(u.record.designator1, u.record.designator2);
    const candidates = byPair.get(key) ?? [];
    let best = -1;
    let bestDt = Infinity;
    for (const i of candidates) {
      const latest = latestUpdate(out[i]);
      const dt = Math.abs(latest.tcaMs - u.tcaMs);
      if (dt < bestDt && sameEvent(latest, u)) {
        best = i;
        bestDt = dt;
      }
    }
    if (best >= 0) out[best] = withUpdate(out[best], u);
    else {
      out.push(newHistory(u));
      if (candidates.length) candidates.push(out.length - 1);
      else byPair.set(key, [out.length - 1]);
    }
  }
  return out;
}

function mergeAcknowledgements(
  a: readonly EventAcknowledgement[],
  b: readonly EventAcknowledgement[],
): EventAcknowledgement[] {
  const byAlert = new Map<string, EventAcknowledgement>();
  for (const ack of [...a, ...b]) {
    const seen = byAlert.get(ack.alertId);
    if (!seen || ack.atMs < seen.atMs) byAlert.set(ack.alertId, ack);
  }
  return [...byAlert.values()].sort((x, y) => x.atMs - y.atMs);
}

/** The later drop, unless a screening update created after it found the event again. */
function mergedDrop(a: ConjunctionEventHistory, b: ConjunctionEventHistory): number | undefined {
  const drops = [a.droppedAtMs, b.droppedAtMs].filter((x): x is number => x !== undefined);
  if (!drops.length) return undefined;
  const at = Math.max(...drops);
  const foundAgain = [...a.updates, ...b.updates].some(
    (u) => u.origin.source === 'screening' && u.createdMs >= at,
  );
  return foundAgain ? undefined : at;
}

/**
 * Merges an imported event store into this one (a shift handover): events with the same eventId
 * are joined (updates by updateId, acknowledgements by alertId, the earliest kept; archived if
 * either is); other imported events are added. An imported update whose id is already held by
 * another event is left out, so no update is ever counted twice.
 */
export function mergeHistories(
  base: readonly ConjunctionEventHistory[],
  incoming: readonly ConjunctionEventHistory[],
): ConjunctionEventHistory[] {
  const out = base.slice();
  const index = new Map(out.map((h, i) => [h.eventId, i]));
  const known = new Set(out.flatMap((h) => h.updates.map((u) => u.updateId)));
  for (const h of incoming) {
    const fresh = h.updates.filter((u) => !known.has(u.updateId));
    for (const u of fresh) known.add(u.updateId);
    const i = index.get(h.eventId);
    if (i === undefined) {
      if (!fresh.length) continue;
      index.set(h.eventId, out.length);
      out.push({ ...h, updates: fresh.sort(compareUpdates) });
      continue;
    }
    const mine = out[i];
    const merged: ConjunctionEventHistory = {
      ...mine,
      updates: [...mine.updates, ...fresh].sort(compareUpdates),
      acknowledgements: mergeAcknowledgements(mine.acknowledgements, h.acknowledgements),
    };
    const dropped = mergedDrop(mine, h);
    if (dropped === undefined) delete merged.droppedAtMs;
    else merged.droppedAtMs = dropped;
    if (mine.archived || h.archived) merged.archived = true;
    out[i] = merged;
  }
  return out;
}
