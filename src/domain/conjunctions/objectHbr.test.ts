import { describe, expect, it } from 'vitest';
import type { ConjunctionEvent } from '../screening/types';
import { listedHbrM, withObjectHbr, WATCH_HBR_SOURCE } from './objectHbr';
import { maximumPc, recordFromScreening } from './records';

const T0 = Date.parse('2024-10-31T11:00:00Z');
const r = 6928;
const v = 7.58;
const event: ConjunctionEvent = {
  id1: 25544,
  name1: 'ISS (ZARYA)',
  id2: 99,
  name2: 'OBJ 99',
  tcaMs: T0,
  tca: new Date(T0).toISOString(),
  rangeKm: 0.2,
  relSpeedKmS: 10,
  ricKm: [0.2, 0, 0],
  dse1: 0.1,
  dse2: 0.2,
  state1: { rKm: [r, 0, 0], vKmS: [0, v, 0] },
  state2: { rKm: [r + 0.2, 0, 0], vKmS: [0, 0, v] },
};

describe("a watched object's hard-body radius", () => {
  it('is the listed radius of either object, the larger when both are listed', () => {
    expect(listedHbrM({ id1: 1, id2: 2 }, new Map())).toBeNull();
    expect(listedHbrM({ id1: 1, id2: 2 }, new Map([[2, 7]]))).toBe(7);
    expect(
      listedHbrM(
        { id1: 1, id2: 2 },
        new Map([
          [1, 30],
          [2, 7],
        ]),
      ),
    ).toBe(30);
    expect(listedHbrM({ id1: null, id2: null }, new Map([[1, 30]]))).toBeNull();
  });

  it('replaces the default radius, and goes back to it when the object is unlisted', () => {
    const base = recordFromScreening(event, 10);
    const listed = withObjectHbr(base, new Map([[25544, 20]]), 10);
    expect(listed.pc).toMatchObject({ hbrM: 20, hbrSource: WATCH_HBR_SOURCE });
    expect(listed.pc!.value).toBeCloseTo(maximumPc(base.states!, 20).value, 15);
    expect(listed.pc!.value).toBeGreaterThan(base.pc!.value);
    const unlisted = withObjectHbr(listed, new Map(), 10);
    expect(unlisted.pc).toMatchObject({ hbrM: 10, hbrSource: 'DEFAULT' });
    expect(unlisted.pc!.value).toBe(base.pc!.value);
    expect(withObjectHbr(base, new Map([[5, 20]]), 10)).toBe(base);
  });

  it('never replaces a radius the source gave', () => {
    const base = recordFromScreening(event, 10);
    const fromCdm = { ...base, pc: { ...base.pc!, hbrM: 15, hbrSource: 'COMMENT HBR' } };
    expect(withObjectHbr(fromCdm, new Map([[25544, 20]]), 10)).toBe(fromCdm);
  });
});
