// Interpolation accuracy on the shared real/ ephemerides: the 60 s file against the denser file
// of the same orbit (states on the 60 s grid are identical in both). Measured (max |Δr|):
//   LEO (r 6793 km):  file's Lagrange 7: 0.08 mm; Hermite 5: 0.30 m; linear: 3.9 km
//   MEO (r 26927 km): file's Lagrange 5: 0.7 µm;  Hermite 5: 0.18 m; linear: 221 m
//   GEO (r 42165 km): file's Lagrange 5: 1.4 µm;  Hermite 5: 0.73 m; linear: 90 m
// Hermite trusts the velocities, and these files' velocities differ from the derivative of their
// positions by centimetres per second, hence its metre-level floor; Lagrange uses positions only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { stateAt, usableSpan, type InterpolationChoice } from './interpolate';
import { readOem } from './read';
import type { OemSegment } from './types';

function load(name: string): OemSegment {
  const r = readOem(readFileSync(sharedDataPath('oem-samples-bradsease', 'real', name), 'utf8'));
  if (!r.ok) throw new Error(r.errors[0].reason);
  return r.message.segments[0];
}

function maxErrorM(coarse: OemSegment, dense: OemSegment, choice?: InterpolationChoice): number {
  let max = 0;
  for (const s of dense.states) {
    const i = stateAt(coarse, s.epochMs, choice);
    if (!i) throw new Error('inside the span, a state is expected');
    max = Math.max(max, Math.hypot(...i.positionKm.map((x, k) => x - s.positionKm[k])) * 1000);
  }
  return max;
}

const HERMITE5: InterpolationChoice = { method: 'HERMITE', degree: 5 };
const LINEAR: InterpolationChoice = { method: 'LINEAR', degree: 1 };

describe.skipIf(skipWithoutSharedData)('stateAt accuracy: 60 s against the denser file', () => {
  // [coarse, dense, bound for the file's own Lagrange, Hermite 5, linear] in metres
  const cases: [string, string, number, number, number][] = [
    ['LEO_60s.oem', 'LEO_10s.oem', 3e-4, 1, 5000],
    ['MEO_60s.oem', 'MEO_20s.oem', 1e-5, 0.6, 300],
    ['GEO_60s.oem', 'GEO_20s.oem', 1e-5, 2, 120],
  ];
  it.each(cases)('%s vs %s', (coarseName, denseName, lagrangeM, hermiteM, linearM) => {
    const coarse = load(coarseName);
    const dense = load(denseName);
    const errors = {
      file: maxErrorM(coarse, dense),
      hermite: maxErrorM(coarse, dense, HERMITE5),
      linear: maxErrorM(coarse, dense, LINEAR),
    };
    console.log(
      `${coarseName}: ${coarse.metadata.interpolation} ${coarse.metadata.interpolationDegree} ` +
        `${errors.file.toExponential(2)} m, HERMITE 5 ${errors.hermite.toFixed(3)} m, ` +
        `LINEAR ${errors.linear.toFixed(0)} m`,
    );
    expect(errors.file).toBeLessThan(lagrangeM);
    expect(errors.hermite).toBeLessThan(hermiteM);
    expect(errors.linear).toBeLessThan(linearM);
    // The order the methods must come in, whatever the orbit.
    expect(errors.file).toBeLessThan(errors.hermite);
    expect(errors.hermite).toBeLessThan(errors.linear);
  });
});

describe('stateAt on a synthetic circular orbit', () => {
  const wRadS = 1.1e-3;
  const rKm = 7000;
  const exact = (t: number) => ({
    positionKm: [rKm * Math.cos(wRadS * t), rKm * Math.sin(wRadS * t), 0],
    velocityKmS: [-rKm * wRadS * Math.sin(wRadS * t), rKm * wRadS * Math.cos(wRadS * t), 0],
  });
  const segment = (extra: Partial<OemSegment['metadata']> = {}): OemSegment => ({
    index: 1,
    line: 1,
    states: Array.from(
      { length: 31 },
      (_, i) => ({ epochMs: i * 60_000, ...exact(i * 60) }) as never,
    ),
    covariances: [],
    dataComments: [],
    metadata: {
      objectName: 'X',
      objectId: 'X',
      centerName: 'EARTH',
      refFrame: 'EME2000',
      timeSystem: 'UTC',
      startMs: 0,
      stopMs: 1_800_000,
      comments: [],
      ...extra,
    },
  });

  it('Hermite 7 and Lagrange 7 reach millimetres at 60 s, velocities too', () => {
    for (const method of ['HERMITE', 'LAGRANGE'] as const) {
      const s = segment({ interpolation: method, interpolationDegree: 7 });
      for (let t = 1; t < 1800; t += 37) {
        const got = stateAt(s, t * 1000)!;
        const want = exact(t);
        expect(Math.hypot(...got.positionKm.map((x, k) => x - want.positionKm[k]))).toBeLessThan(
          1e-6,
        );
        expect(Math.hypot(...got.velocityKmS.map((x, k) => x - want.velocityKmS[k]))).toBeLessThan(
          1e-8,
        );
      }
    }
  });

  it('returns null outside the useable span, and the sample itself on a sample', () => {
    const s = segment({ useableStartMs: 120_000, useableStopMs: 1_500_000 });
    expect(usableSpan(s)).toEqual([120_000, 1_500_000]);
    expect(stateAt(s, 119_999)).toBeNull();
    expect(stateAt(s, 1_500_001)).toBeNull();
    expect(stateAt(s, 180_000)!.positionKm[0]).toBeCloseTo(exact(180).positionKm[0], 9);
  });

  it('takes the later segment where two meet (after a manoeuvre)', () => {
    const a = segment();
    const b = {
      ...segment(),
      index: 2,
      states: segment().states.map((s) => ({ ...s, epochMs: s.epochMs + 1_800_000 })),
    };
    b.metadata = { ...b.metadata, startMs: 1_800_000, stopMs: 3_600_000 };
    const message = { format: 'KVN' as const, header: {} as never, segments: [a, b] };
    expect(stateAt(message, 1_800_000)!.segment).toBe(2);
    expect(stateAt(message, 1_799_000)!.segment).toBe(1);
    expect(stateAt(message, 3_600_001)).toBeNull();
  });
});
