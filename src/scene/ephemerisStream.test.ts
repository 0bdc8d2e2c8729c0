import { describe, expect, it, vi } from 'vitest';
import type { ElementSet } from '../domain/catalog/types';
import { ISS_2024_10_31 } from '../testing/elements';
import { createPropagationService } from '../workers/propagationService';
import type { EcefSample, PropagationPool } from '../workers/propagationPool';
import { WorkerDiedError } from '../workers/supervisor';
import {
  EphemerisStream,
  packSegment,
  sampleStepMs,
  stateInSegment,
  tauAt,
} from './ephemerisStream';

const iss = ISS_2024_10_31;

/** A pool stand-in that runs the real service synchronously and records what was asked. */
function fakePool(elements: ElementSet[]) {
  const service = createPropagationService();
  service.prepare(elements);
  service.commit();
  const requests: [number, number, number][] = [];
  const pool = {
    sample: async (t0Ms: number, stepMs: number, count: number): Promise<EcefSample[]> => {
      requests.push([t0Ms, stepMs, count]);
      const block = service.sample(t0Ms, stepMs, count);
      const n = block.objectCount * 6;
      return Array.from({ length: count }, (_, s) => block.statesKm.slice(s * n, (s + 1) * n));
    },
  } as unknown as PropagationPool;
  return { pool, requests };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sampleStepMs', () => {
  it('samples every minute up to 60×, widening to five minutes at 300× and beyond', () => {
    expect(sampleStepMs(1)).toBe(60_000);
    expect(sampleStepMs(-60)).toBe(60_000);
    expect(sampleStepMs(600)).toBe(300_000);
    expect(sampleStepMs(-3600)).toBe(300_000);
  });
});

describe('EphemerisStream', () => {
  it('asks for the samples around the clock first, then prefetches in the direction of play', async () => {
    const { pool, requests } = fakePool([iss]);
    let arrivals = 0;
    const stream = new EphemerisStream(pool, () => arrivals++);
    stream.reset(true);
    const t = Date.UTC(2024, 10, 1, 0, 0, 30);
    stream.update(t, 1);
    expect(stream.segmentAt(t)).toBeNull();
    await settle();
    const k = Math.floor(t / 60_000);
    expect(requests[0]).toEqual([k * 60_000, 60_000, 2]);
    const segment = stream.segmentAt(t)!;
    expect(segment.k).toBe(k);
    expect(segment.tau).toBeCloseTo(0.5, 12);
    stream.update(t, 1);
    await settle();
    expect(requests[1]).toEqual([(k + 2) * 60_000, 60_000, 2]);
    // The segment after the clock's, for the points to upload ahead, either way of play.
    const after = stream.segmentAfter(t, 1)!;
    expect([after.k, after.tau, after.s0]).toEqual([k + 1, 0, segment.s1]);
    expect(stream.segmentAfter(t, -1)).toBeNull();
    stream.update(t, -1);
    await settle();
    expect(requests.at(-1)![0]).toBeLessThan(k * 60_000);
    expect(arrivals).toBe(requests.length);
  });

  it('while paused: one sample at exactly the clock first, then only the two around it', async () => {
    const { pool, requests } = fakePool([iss]);
    const stream = new EphemerisStream(pool, () => undefined);
    stream.reset(true);
    const t = Date.UTC(2024, 10, 1, 0, 0, 30, 250);
    const truth = createPropagationService();
    truth.prepare([iss]);
    truth.commit();
    const want = truth.sample(t, 1, 1).statesKm;
    const state = new Float64Array(6);

    stream.update(t, 0);
    await settle();
    expect(requests).toEqual([[t, 60_000, 1]]);
    // Every object in place after one catalog pass: the exact sample at fraction 0.
    const first = stream.segmentAt(t)!;
    expect(first.tau).toBe(0);
    expect(stateInSegment(first, 0, state)).toBe(true);
    expect(Array.from(state)).toEqual(Array.from(want));
    // Not valid a moment later: the grid's samples are needed there.
    expect(stream.segmentAt(t + 1)).toBeNull();

    for (let i = 0; i < 3; i++) {
      stream.update(t, 0);
      await settle();
    }
    expect(requests).toEqual([
      [t, 60_000, 1],
      [Math.floor(t / 60_000) * 60_000, 60_000, 2],
    ]);
    expect(stream.segmentAt(t)!.s0).not.toBe(first.s0);
    expect(stream.segmentAt(t + 1)).not.toBeNull();
  });

  it('stops asking a pool whose worker was given up on, until the next catalog', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let asked = 0;
    const pool = {
      sample: async () => {
        asked++;
        throw new WorkerDiedError('sgp4-1', 'terminated', true);
      },
    } as unknown as PropagationPool;
    const stream = new EphemerisStream(pool, () => undefined);
    stream.reset(true);
    const t = Date.UTC(2024, 10, 1);
    for (let frame = 0; frame < 5; frame++) {
      stream.update(t + frame * 1000, 1);
      await settle();
    }
    expect(asked).toBe(1);
    expect(error).toHaveBeenCalledTimes(1);
    stream.reset(true);
    stream.update(t, 1);
    await settle();
    expect(asked).toBe(2);
    error.mockRestore();
  });

  it('drops results that arrive after the catalog was replaced', async () => {
    const { pool } = fakePool([iss]);
    const stream = new EphemerisStream(pool, () => undefined);
    stream.reset(true);
    const t = Date.UTC(2024, 10, 1);
    stream.update(t, 1);
    stream.reset(true);
    await settle();
    expect(stream.segmentAt(t)).toBeNull();
  });

  it('interpolates to within a metre of SGP4 between one-minute samples, position and velocity', async () => {
    const { pool } = fakePool([iss]);
    const stream = new EphemerisStream(pool, () => undefined);
    stream.reset(true);
    const t0 = Date.UTC(2024, 10, 1, 6);
    stream.update(t0, 1);
    await settle();
    const exact = createPropagationService();
    exact.prepare([iss]);
    exact.commit();
    const state = new Float64Array(6);
    for (const offsetSec of [7, 21.5, 30, 44, 59]) {
      const t = t0 + offsetSec * 1000;
      expect(stateInSegment(stream.segmentAt(t)!, 0, state)).toBe(true);
      const truth = exact.sample(t, 1, 1).statesKm;
      const errorKm = Math.hypot(state[0] - truth[0], state[1] - truth[1], state[2] - truth[2]);
      expect(errorKm).toBeLessThan(1e-3 + 1e-3); // interpolation plus float32 storage
      // The velocity carries float32 rounding of positions divided by the one-minute step: ≤ 5 cm/s.
      expect(
        Math.hypot(state[3] - truth[3], state[4] - truth[4], state[5] - truth[5]),
      ).toBeLessThan(5e-5);
    }
  });
});

describe('packSegment', () => {
  it('packs p0 v0 p1 v1 and a valid flag, zeroing objects with a failed sample', () => {
    const s0 = Float32Array.from([1, 2, 3, 4, 5, 6, NaN, NaN, NaN, NaN, NaN, NaN]);
    const s1 = Float32Array.from([7, 8, 9, 10, 11, 12, 1, 1, 1, 1, 1, 1]);
    const packed = new Float32Array(26);
    expect(packSegment({ k: 0, stepMs: 60_000, tau: 0, s0, s1 }, packed)).toBe(1);
    expect(Array.from(packed.subarray(0, 13))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1]);
    expect(Array.from(packed.subarray(13))).toEqual(new Array(13).fill(0));
  });

  it('packs a range of objects from the start of its output, counting only its failures', () => {
    const s0 = Float32Array.from([...new Array(6).fill(NaN), 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7]);
    const s1 = Float32Array.from([...new Array(6).fill(1), 8, 9, 10, 11, 12, 13, 7, 7, 7, 7, 7, 7]);
    const packed = new Float32Array(13).fill(-1);
    expect(packSegment({ k: 0, stepMs: 60_000, tau: 0, s0, s1 }, packed, 1, 2)).toBe(0);
    expect(Array.from(packed)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 1]);
  });
});

describe('tauAt', () => {
  const s0 = new Float32Array(6);
  const s1 = new Float32Array(6);
  const segment = { k: 10, stepMs: 60_000, tau: 0, s0, s1 };

  it('is the fraction between the samples, held at the nearer end outside them', () => {
    expect(tauAt(segment, 10.25 * 60_000)).toBe(0.25);
    expect(tauAt(segment, 12 * 60_000)).toBe(1);
    expect(tauAt(segment, 3 * 60_000)).toBe(0);
  });

  it('an exact sample (both ends one state) is drawn at 0 whatever the time', () => {
    expect(tauAt({ ...segment, s1: s0 }, 10.5 * 60_000)).toBe(0);
  });
});
