import { describe, expect, it } from 'vitest';
import {
  compareUpdates,
  mergeHistories,
  mergeUpdates,
  mergeUpdatesSteps,
  sortSteps,
  STEP_ITEMS,
  type Steps,
} from './merge';
import { HOUR, MINUTE, T0, testUpdate } from './testSupport';
import type { EventUpdate } from './types';

describe('mergeUpdates', () => {
  it('keeps each updateId once, however often it is imported', () => {
    const u = testUpdate({ run: 'r1' });
    const once = mergeUpdates([], [u]);
    expect(mergeUpdates(once, [u, u])).toEqual(once);
    expect(mergeUpdates([], [u, u])[0].updates).toHaveLength(1);
  });

  it('orders updates by creation whatever the input order; the id is the first update’s TCA', () => {
    const a = testUpdate({ createdMs: T0 - 3 * HOUR, tcaMs: T0 + 20 });
    const b = testUpdate({ createdMs: T0 - 2 * HOUR, tcaMs: T0 + 10 });
    const c = testUpdate({ createdMs: T0 - 1 * HOUR, tcaMs: T0 });
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ]) {
      const [h] = mergeUpdates([], order);
      expect(h.updates.map((u) => u.updateId)).toEqual([a, b, c].map((u) => u.updateId));
      expect(h.eventId).toBe('25544-49863@2024-08-14T12:00:00.020Z');
    }
    // Added one at a time, an older update still lands in its place.
    const [h] = mergeUpdates(mergeUpdates([], [c, a]), [b]);
    expect(h.updates.map((u) => u.updateId)).toEqual([a, b, c].map((u) => u.updateId));
  });

  it('matches against the event’s latest TCA (a TCA drifting over updates stays one event)', () => {
    // 2 minutes per update: 8 minutes from the first, each within 166 s of the one before.
    const drift = [0, 1, 2, 3, 4].map((k) =>
      testUpdate({ createdMs: T0 - 10 * HOUR + k * HOUR, tcaMs: T0 + 2 * k * MINUTE }),
    );
    const out = mergeUpdates([], drift);
    expect(out).toHaveLength(1);
    expect(out[0].updates).toHaveLength(5);
  });

  it('is pure: inputs unchanged, untouched events are the same objects', () => {
    const other = mergeUpdates([], [testUpdate({ id2: 1 })]);
    const before = structuredClone(other);
    const out = mergeUpdates(other, [testUpdate()]);
    expect(other).toEqual(before);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(other[0]);
  });

  it('a screening that finds a dropped event again clears the drop', () => {
    const [h] = mergeUpdates([], [testUpdate({ createdMs: T0 - 5 * HOUR })]);
    const dropped = [{ ...h, droppedAtMs: T0 - 4 * HOUR }];
    const [again] = mergeUpdates(dropped, [testUpdate({ createdMs: T0 - 3 * HOUR })]);
    expect(again.droppedAtMs).toBeUndefined();
    const [older] = mergeUpdates(dropped, [testUpdate({ createdMs: T0 - 4.5 * HOUR })]);
    expect(older.droppedAtMs).toBe(T0 - 4 * HOUR);
  });
});

describe('mergeHistories (shift handover)', () => {
  it('joins events by eventId, updates by updateId, acknowledgements by alertId', () => {
    const a = testUpdate({ createdMs: T0 - 3 * HOUR });
    const b = testUpdate({ createdMs: T0 - 2 * HOUR });
    const c = testUpdate({ createdMs: T0 - 1 * HOUR });
    const other = testUpdate({ id2: 7 });
    const mine = mergeUpdates([], [a, b]);
    mine[0] = { ...mine[0], acknowledgements: [{ alertId: 'x', atMs: 5 }] };
    const theirs = mergeUpdates([], [a, c, other]);
    theirs[0] = {
      ...theirs[0],
      acknowledgements: [
        { alertId: 'x', atMs: 3 },
        { alertId: 'y', atMs: 9 },
      ],
      archived: true,
    };
    const out = mergeHistories(mine, theirs);
    expect(out).toHaveLength(2);
    expect(out[0].updates.map((u) => u.updateId)).toEqual([a, b, c].map((u) => u.updateId));
    expect(out[0].acknowledgements).toEqual([
      { alertId: 'x', atMs: 3 },
      { alertId: 'y', atMs: 9 },
    ]);
    expect(out[0].archived).toBe(true);
    expect(out[1].updates[0].updateId).toBe(other.updateId);
    expect(mergeHistories(out, theirs)).toEqual(out);
  });
});

describe('merging in steps', () => {
  const stepsOf = <R>(steps: Steps<R>): { result: R; yields: number } => {
    let yields = 0;
    for (;;) {
      const next = steps.next();
      if (next.done) return { result: next.value, yields };
      yields++;
    }
  };

  it('sortSteps gives Array.prototype.sort’s order, ties in input order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [0, 1, 5, STEP_ITEMS, 3 * STEP_ITEMS + 17, 10 * STEP_ITEMS + 1]) {
      const items = Array.from({ length: n }, (_, i) => ({ v: Math.floor(random() * 50), i }));
      const compare = (a: { v: number }, b: { v: number }) => a.v - b.v;
      const { result, yields } = stepsOf(sortSteps(items, compare));
      expect(result).toEqual(items.slice().sort(compare));
      if (n > 2 * STEP_ITEMS) expect(yields).toBeGreaterThan(n / STEP_ITEMS);
    }
  });

  it('mergeUpdatesSteps gives what merging in creation order a few at a time gives', () => {
    // 300 pairs × 10 updates; each pair's TCA drifts within the tolerance, and every fifth pair
    // also has a second event two days later. Creation times tie across pairs (the id decides).
    const updates: EventUpdate[] = [];
    for (let p = 0; p < 300; p++) {
      for (let k = 0; k < 10; k++) {
        const far = p % 5 === 0 && k % 2 === 1 ? 48 * HOUR : 0;
        updates.push(
          testUpdate({
            id1: 1000 + p,
            id2: 5 + (p % 7),
            tcaMs: T0 + p * MINUTE + k * 10_000 + far,
            createdMs: T0 - 20 * HOUR + (k % 4) * HOUR,
            run: `run ${k} ${p % 3}`,
          }),
        );
      }
    }
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shuffled = updates
      .map((u) => ({ u, r: random() }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.u);
    // An earlier history of the same pairs, and updates given twice.
    const base = mergeUpdates([], shuffled.slice(0, 400));
    const given = [...shuffled, ...shuffled.slice(1000, 1100)];

    const { result, yields } = stepsOf(mergeUpdatesSteps(base, given));
    expect(yields).toBeGreaterThan(3);
    let expected = base;
    const inOrder = given.slice().sort(compareUpdates);
    for (let i = 0; i < inOrder.length; i += 50) {
      expected = mergeUpdates(expected, inOrder.slice(i, i + 50));
    }
    expect(result).toEqual(expected);
    expect(result.reduce((n, h) => n + h.updates.length, 0)).toBe(3000);
    expect(result.length).toBe(360);
  });
});
