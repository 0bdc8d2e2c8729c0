import { describe, expect, it } from 'vitest';
import { MU_EARTH_KM3_S2 } from '../conjunctions/kepler';
import { compareDesignators, normaliseDesignator, pairKey } from './designator';
import {
  eventIdFor,
  FALLBACK_PERIOD_S,
  MAX_TCA_TOLERANCE_MS,
  orbitalPeriodS,
  sameEvent,
  tcaToleranceMs,
} from './grouping';
import { mergeUpdates } from './merge';
import { circularState, pairStates, T0, testUpdate } from './testSupport';

const periodS = (radiusKm: number) => 2 * Math.PI * Math.sqrt(radiusKm ** 3 / MU_EARTH_KM3_S2);
const LEO = 6778; // 400 km up: P ≈ 92.6 min
const LEO_TOL_MS = (periodS(LEO) * 1000) / 32;

describe('designators', () => {
  it('a CDM "00025544", a SOCRATES "25544", a catalog number and alpha-5 name one object', () => {
    expect(normaliseDesignator('00025544')).toBe('25544');
    expect(normaliseDesignator(' 25544 ')).toBe('25544');
    expect(normaliseDesignator(25544)).toBe('25544');
    expect(normaliseDesignator('A0001')).toBe('100001');
    expect(normaliseDesignator('2024-123a')).toBe('2024-123A');
    expect(pairKey('00049863', 25544)).toBe('25544-49863');
    expect(pairKey('25544', '00049863')).toBe('25544-49863');
  });

  it('orders catalog numbers numerically, before other designators', () => {
    expect(['9', '10', 'X', '100001'].sort(compareDesignators)).toEqual(['9', '10', '100001', 'X']);
    expect(eventIdFor('49863', '00025544', Date.parse('2024-08-14T12:00:00.1234Z'))).toBe(
      '25544-49863@2024-08-14T12:00:00.123Z',
    );
  });
});

describe('the TCA tolerance', () => {
  it('is 1/32 of the shorter two-body period from the states', () => {
    expect(orbitalPeriodS(circularState(LEO))).toBeCloseTo(periodS(LEO), 6);
    expect(tcaToleranceMs({ states: pairStates(LEO, 7200) })).toBeCloseTo(LEO_TOL_MS, 3);
    expect(tcaToleranceMs({ states: pairStates(7200, LEO) })).toBeCloseTo(LEO_TOL_MS, 3);
    expect(LEO_TOL_MS / 1000).toBeGreaterThan(170);
    expect(LEO_TOL_MS / 1000).toBeLessThan(180);
  });

  it('without states: the 200 km circular orbit (88.5 min) → 166 s', () => {
    expect(FALLBACK_PERIOD_S / 60).toBeCloseTo(88.49, 2);
    expect(tcaToleranceMs({})).toBeCloseTo((FALLBACK_PERIOD_S * 1000) / 32, 6);
  });

  it('is capped at 5 minutes (GEO), and an unbound state falls back', () => {
    expect(tcaToleranceMs({ states: pairStates(42164, 42170) })).toBe(MAX_TCA_TOLERANCE_MS);
    const escaping = { rKm: [7000, 0, 0] as const, vKmS: [0, 12, 0] as const };
    expect(orbitalPeriodS(escaping)).toBeUndefined();
    expect(
      tcaToleranceMs({ states: { frame: 'TEME', object1: escaping, object2: escaping } }),
    ).toBeCloseTo((FALLBACK_PERIOD_S * 1000) / 32, 6);
  });
});

describe('the grouping rule at its edges', () => {
  const at = (dtMs: number, o: Parameters<typeof testUpdate>[0] = {}) =>
    testUpdate({ tcaMs: T0 + dtMs, radiiKm: [LEO, 7100], ...o });

  it('two updates of one pass merge, TCA shifts of tens of seconds included', () => {
    for (const dt of [0, 0.4, 12_000, -35_000, 60_000]) {
      expect(sameEvent(at(0), at(dt))).toBe(true);
    }
    const merged = mergeUpdates([], [at(0), at(-35_000), at(48_000)]);
    expect(merged).toHaveLength(1);
    expect(merged[0].updates).toHaveLength(3);
  });

  it('just inside the tolerance merges, just outside does not', () => {
    expect(sameEvent(at(0), at(LEO_TOL_MS - 1))).toBe(true);
    expect(sameEvent(at(0), at(-(LEO_TOL_MS - 1)))).toBe(true);
    expect(sameEvent(at(0), at(LEO_TOL_MS + 1))).toBe(false);
    expect(sameEvent(at(0), at(-(LEO_TOL_MS + 1)))).toBe(false);
  });

  it('the next pass of the same pair (one period later) and the half-period crossing stay apart', () => {
    const p = periodS(LEO) * 1000;
    expect(sameEvent(at(0), at(p))).toBe(false);
    expect(sameEvent(at(0), at(p / 2))).toBe(false);
    const passes = mergeUpdates([], [at(0), at(p / 2), at(p), at(20_000)]);
    expect(passes.map((h) => h.updates.length)).toEqual([2, 1, 1]);
  });

  it('the smaller tolerance of two updates applies', () => {
    const geo = testUpdate({ tcaMs: T0 + 4 * 60_000, radiiKm: [42164, 42170] });
    const geoToo = testUpdate({ tcaMs: T0, radiiKm: [42164, 42170] });
    const noStates = testUpdate({ tcaMs: T0 });
    expect(sameEvent(geoToo, geo)).toBe(true);
    expect(sameEvent(noStates, geo)).toBe(false);
  });

  it('needs the same unordered pair, however the designators are written', () => {
    expect(sameEvent(at(0), at(1000, { id1: 49863, id2: '00025544' }))).toBe(true);
    expect(sameEvent(at(0), at(1000, { id2: 49864 }))).toBe(false);
  });
});
