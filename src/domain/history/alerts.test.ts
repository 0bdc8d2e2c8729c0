import { describe, expect, it } from 'vitest';
import {
  acknowledgeAlert,
  alertLevel,
  alertList,
  alertListSteps,
  alertsFor,
  DEFAULT_ALERT_THRESHOLDS as T,
} from './alerts';
import { mergeUpdates, STEP_ITEMS } from './merge';
import { eventSummary } from './summary';
import { HOUR, T0, testUpdate, type TestUpdateOptions } from './testSupport';

function history(...opts: TestUpdateOptions[]) {
  return mergeUpdates(
    [],
    opts.map((o, k) => testUpdate({ createdMs: T0 - 20 * HOUR + k * HOUR, ...o })),
  )[0];
}

describe('alert levels', () => {
  it('covariance Pc: equal to a threshold is at that level', () => {
    expect(alertLevel(testUpdate({ pc: 1e-4 }), T)).toBe('red');
    expect(alertLevel(testUpdate({ pc: 0.99e-4 }), T)).toBe('yellow');
    expect(alertLevel(testUpdate({ pc: 1e-7 }), T)).toBe('yellow');
    expect(alertLevel(testUpdate({ pc: 0.99e-7 }), T)).toBe('green');
    expect(alertLevel(testUpdate({ pc: 0 }), T)).toBe('green');
  });

  it('maximum Pc only: yellow at miss ≤ 1 km, never red; green when even the maximum is low', () => {
    const max = (pc: number | undefined, missKm: number) =>
      alertLevel(testUpdate({ pc, pcKind: 'maximum', missKm }), T);
    expect(max(0.2, 0.036)).toBe('yellow');
    expect(max(0.2, 1)).toBe('yellow');
    expect(max(0.2, 1.001)).toBe('green');
    expect(max(1e-8, 0.5)).toBe('green');
    expect(max(undefined, 0.5)).toBe('yellow');
  });
});

describe('alertsFor', () => {
  it('appearing above a threshold, crossing up, crossing down; no alert without a change', () => {
    const h = history(
      { pc: 2e-5 },
      { pc: 3e-5 },
      { pc: 1e-4 },
      { pc: 5e-4 },
      { pc: 9e-5 },
      { pc: 1e-8 },
    );
    const alerts = alertsFor(h, T);
    expect(alerts.map((a) => `${a.fromLevel}>${a.toLevel}`)).toEqual([
      'green>yellow',
      'yellow>red',
      'red>yellow',
      'yellow>green',
    ]);
    expect(alerts.map((a) => a.updateId)).toEqual([0, 2, 4, 5].map((k) => h.updates[k].updateId));
    expect(alerts[1].atMs).toBe(h.updates[2].createdMs);
    expect(alerts[1].change).toBe('Pc 3.0e-5 → 1.0e-4 (red ≥ 0.0001)');
    expect(alerts[0].change).toMatch(/^appeared at Pc 2\.0e-5/);
    expect(alerts[1].alertId).toBe(`${h.eventId}|${h.updates[2].updateId}|yellow>red`);
    // Stable: the same history gives the same ids.
    expect(alertsFor(structuredClone(h), T)).toEqual(alerts);
  });

  it('an event below every threshold raises nothing; thresholds are the caller’s', () => {
    expect(alertsFor(history({ pc: 1e-9 }, { pc: 5e-8 }), T)).toEqual([]);
    expect(alertsFor(history({ pc: 1e-9 }, { pc: 5e-8 }), { ...T, yellowPc: 1e-8 })).toHaveLength(
      1,
    );
  });

  it('maximum-only events cross on the miss', () => {
    const h = history(
      { pc: 0.01, pcKind: 'maximum', missKm: 2 },
      { pc: 0.05, pcKind: 'maximum', missKm: 0.4 },
      { pc: 0.01, pcKind: 'maximum', missKm: 1.5 },
    );
    const alerts = alertsFor(h, T);
    expect(alerts.map((a) => a.toLevel)).toEqual(['yellow', 'green']);
    expect(alerts[0].change).toBe(
      'miss 2.000 km → 0.400 km (yellow: miss ≤ 1 km, maximum Pc only)',
    );
  });

  it('lists alerts newest first with their names and acknowledgement; archived events none', () => {
    const a = history({ pc: 1e-3 });
    const b = history({ id2: 7, pc: 1e-6, createdMs: T0 - HOUR });
    const list = alertList([a, b], T);
    expect(list.map((x) => x.eventId)).toEqual([b.eventId, a.eventId]);
    expect(list.map((x) => x.names)).toEqual([
      'OBJECT 25544 – OBJECT 7',
      'OBJECT 25544 – OBJECT 49863',
    ]);
    expect(list.every((x) => x.ackedAtMs === undefined)).toBe(true);
    const acked = acknowledgeAlert(a, list[1].alertId, T0);
    expect(acknowledgeAlert(acked, list[1].alertId, T0 + 1)).toBe(acked);
    expect(alertList([acked, b], T).map((x) => x.ackedAtMs)).toEqual([undefined, T0]);
    expect(alertList([{ ...b, archived: true }], T)).toEqual([]);
  });

  it('in steps: every event’s alerts, newest first', () => {
    const many = Array.from({ length: 3 * STEP_ITEMS }, (_, k) =>
      history(
        { id2: 100 + k, pc: 1e-3, createdMs: T0 - (k % 17) * HOUR },
        { id2: 100 + k, pc: 1e-9, createdMs: T0 - (k % 17) * HOUR + 1 },
      ),
    );
    const steps = alertListSteps(many, T);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBeGreaterThan(3);
    const expected = many
      .flatMap((h) => alertsFor(h, T))
      .sort((x, y) => y.atMs - x.atMs || (x.alertId < y.alertId ? -1 : 1));
    expect(next.value.map((x) => x.alertId)).toEqual(expected.map((x) => x.alertId));
    expect(next.value).toHaveLength(2 * many.length);
  });
});

describe('eventSummary', () => {
  it('gathers status, count, change, peak, level and unacknowledged alerts', () => {
    const h = history({ pc: 2e-5, missKm: 2 }, { pc: 3e-4, missKm: 1 });
    const s = eventSummary(h, T0 - HOUR, T);
    expect(s).toMatchObject({
      eventId: h.eventId,
      status: 'rising',
      updateCount: 2,
      level: 'red',
      unacknowledged: 2,
      peak: { pc: 3e-4, passed: false },
    });
    expect(s.latest).toBe(h.updates[1]);
    expect(s.change!.dMissKm).toBe(-1);
    expect(s.change!.pcRatio).toBeCloseTo(15, 12);
    const acked = acknowledgeAlert(h, alertsFor(h, T)[1].alertId, T0);
    expect(eventSummary(acked, T0 - HOUR, T).unacknowledged).toBe(1);
  });
});
