import { describe, expect, it } from 'vitest';
import { mergeUpdates } from './merge';
import {
  archiveEvents,
  changeSincePrevious,
  eventStatus,
  markDropped,
  peakPc,
  trendBetween,
} from './status';
import { HOUR, T0, testUpdate, type TestUpdateOptions } from './testSupport';
import type { ConjunctionEventHistory } from './types';

const NOW = T0 - HOUR;
const DAY = 86_400_000;

/** One event from updates created an hour apart. */
function history(...opts: TestUpdateOptions[]): ConjunctionEventHistory {
  const out = mergeUpdates(
    [],
    opts.map((o, k) => testUpdate({ createdMs: T0 - 20 * HOUR + k * HOUR, ...o })),
  );
  expect(out).toHaveLength(1);
  return out[0];
}

describe('trend and status', () => {
  it('covariance Pc: a factor of 2 either way is the edge between steady and rising/falling', () => {
    const t = (a: number, b: number) => eventStatus(history({ pc: a }, { pc: b }), NOW);
    expect(t(1e-5, 2e-5)).toBe('rising');
    expect(t(1e-5, 1.99e-5)).toBe('steady');
    expect(t(1e-5, 0.5e-5)).toBe('falling');
    expect(t(1e-5, 0.51e-5)).toBe('steady');
    expect(t(1e-5, 1e-5)).toBe('steady');
    expect(t(0, 1e-9)).toBe('rising');
    expect(t(1e-9, 0)).toBe('falling');
    expect(t(0, 0)).toBe('steady');
  });

  it('maximum Pc only: the miss judges (≤ 0.8 of the previous rising, ≥ 1.25 falling)', () => {
    const t = (a: number, b: number) =>
      eventStatus(
        history(
          { pc: 0.05, pcKind: 'maximum', missKm: a },
          { pc: 0.01, pcKind: 'maximum', missKm: b },
        ),
        NOW,
      );
    expect(t(1, 0.8)).toBe('rising');
    expect(t(1, 0.81)).toBe('steady');
    expect(t(1, 1.25)).toBe('falling');
    expect(t(1, 1.24)).toBe('steady');
    // A covariance Pc on one side only: the miss too.
    expect(trendBetween(testUpdate({ pc: 1e-3, missKm: 2 }), testUpdate({ missKm: 1 }))).toBe(
      'rising',
    );
  });

  it('new, dropped and past come before the trend', () => {
    expect(eventStatus(history({ pc: 1e-5 }), NOW)).toBe('new');
    const h = history({ pc: 1e-5 }, { pc: 1e-3 });
    expect(eventStatus(h, NOW)).toBe('rising');
    expect(eventStatus({ ...h, droppedAtMs: NOW }, NOW)).toBe('dropped');
    expect(eventStatus({ ...h, droppedAtMs: NOW }, T0 + 1)).toBe('past');
    expect(eventStatus(h, T0)).toBe('rising');
  });

  it('change since the previous update and the peak probability', () => {
    const h = history(
      { pc: 1e-6, missKm: 2 },
      { pc: 4e-5, missKm: 1.5 },
      { pc: 4e-5, missKm: 1.2 },
      { pc: 1e-5, missKm: 1.1 },
    );
    const c = changeSincePrevious(h)!;
    expect(c.dMissKm).toBeCloseTo(-0.1, 12);
    expect(c.pcRatio).toBeCloseTo(0.25, 12);
    expect(c.dTcaMs).toBe(0);
    expect(changeSincePrevious(history({ pc: 1e-6 }))).toBeUndefined();
    const peak = peakPc(h)!;
    expect(peak).toMatchObject({ pc: 4e-5, updateId: h.updates[1].updateId, passed: true });
    expect(peakPc(history({ pc: 1e-6 }, { pc: 2e-6 }))!.passed).toBe(false);
    // Maximum Pcs are only used when no covariance Pc exists.
    const mixed = history({ pc: 0.1, pcKind: 'maximum' }, { pc: 1e-5 });
    expect(peakPc(mixed)).toMatchObject({ pc: 1e-5, kind: 'covariance' });
    expect(peakPc(history({}))).toBeUndefined();
  });
});

describe('markDropped', () => {
  const run = (label: string, objectIds: (string | number)[] = [25544]) => ({
    runLabel: label,
    atMs: NOW,
    startMs: NOW,
    endMs: NOW + 7 * DAY,
    objectIds,
  });

  it('a covered event the run did not find is dropped; found again clears it', () => {
    const h = history({ run: 'earlier' });
    const [dropped] = markDropped([h], run('latest'));
    expect(dropped.droppedAtMs).toBe(NOW);
    expect(eventStatus(dropped, NOW)).toBe('dropped');
    // Marked again by a later run: the first drop time stays.
    const [still] = markDropped([dropped], { ...run('later'), atMs: NOW + HOUR });
    expect(still.droppedAtMs).toBe(NOW);
    // The next run finds it: merged, then marked.
    const found = mergeUpdates([dropped], [testUpdate({ run: 'next', createdMs: NOW + 2 * HOUR })]);
    const [cleared] = markDropped(found, { ...run('next'), atMs: NOW + 2 * HOUR });
    expect(cleared.droppedAtMs).toBeUndefined();
    expect(cleared.updates).toHaveLength(2);
  });

  it('leaves alone events of other objects, outside the window, newer than the run, or archived', () => {
    const h = history({ run: 'earlier' });
    expect(markDropped([h], run('latest', [1]))[0]).toBe(h);
    expect(markDropped([h], run('latest', ['00049863']))[0].droppedAtMs).toBe(NOW);
    expect(markDropped([{ ...h, designator1: '0025544' }], run('latest'))[0].droppedAtMs).toBe(NOW);
    expect(markDropped([h], { ...run('latest'), endMs: T0 - 1 })[0]).toBe(h);
    expect(markDropped([h], { ...run('latest'), atMs: T0 - 30 * HOUR })[0]).toBe(h);
    expect(markDropped([{ ...h, archived: true }], run('latest'))[0].droppedAtMs).toBeUndefined();
    expect(markDropped([h], run('earlier'))[0]).toBe(h);
  });
});

describe('the archive rule', () => {
  it('archives events whose TCA is more than 30 days past; never deletes', () => {
    const h = history({});
    expect(archiveEvents([h], T0 + 30 * DAY)[0]).toBe(h);
    const [a] = archiveEvents([h], T0 + 30 * DAY + 1);
    expect(a.archived).toBe(true);
    expect(a.updates).toBe(h.updates);
  });
});
