// Pc of screening events with ephemeris covariance: the covariance nearest to TCA in the segment
// used, the element-set model for the other object, and the maximum Pc beside it.
import { describe, expect, it } from 'vitest';
import { readOem } from '../oem/read';
import { elementSetToOem } from '../oem/sample';
import type { OemCovariance } from '../oem/types';
import { socratesMaxPc } from '../probability/maxPc';
import { covarianceRtnToInertial } from '../probability/rtn';
import { recordFromScreening } from '../conjunctions/records';
import { ELEMENT_SET_COVARIANCE_MODEL, ephemerisEventPc } from './ephemerisPc';
import { ephemerisFromOem } from './fromOem';
import { screenCatalog } from './screen';
import { baseElements } from './testSupport';
import type { ConjunctionEvent, ScreeningEphemeris } from './types';

const START = Date.parse('2024-11-01T00:00:00Z');
const HOUR_MS = 3_600_000;

/** A TEME covariance (6×6 km²) with RTN position sigmas (m) in the frame of state s. */
function covarianceAt(
  epochMs: number,
  s: ConjunctionEvent['state1'],
  sigmasM: [number, number, number],
): OemCovariance {
  const rtn = [0, 1, 2].map((r) => [0, 1, 2].map((c) => (r === c ? sigmasM[r] ** 2 : 0)));
  const inertial = covarianceRtnToInertial(rtn as never, s.rKm, s.vKmS);
  const matrix = new Float64Array(36);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) matrix[r * 6 + c] = inertial[r][c] / 1e6;
  for (let k = 3; k < 6; k++) matrix[k * 6 + k] = 1e-8;
  return { epochMs, frame: 'TEME', matrix, line: 0 };
}

describe('Pc with ephemeris covariance', () => {
  // B crosses A at the nodes (1° more inclination, same phase); B comes from an ephemeris.
  const a = baseElements({ noradCatId: 200001 });
  const b = baseElements({ noradCatId: 200002, inclinationDeg: a.inclinationDeg + 1 });
  const written = elementSetToOem(
    b,
    { startMs: START, stopMs: START + 3 * HOUR_MS, stepMs: 60_000 },
    { originator: 'TEST', creationDateMs: START },
  );
  if (!written.ok) throw new Error(written.reason);
  const read = readOem(written.text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  const eph = ephemerisFromOem(read.message, 'b.oem', [b]);
  const { events } = screenCatalog([a], {
    startMs: START,
    durationHours: 3,
    thresholdKm: 10,
    ephemerides: [eph],
  });
  const event = events[0];
  const withCovariances = (covariances: OemCovariance[]): ScreeningEphemeris => ({
    ...eph,
    segments: [{ ...eph.segments[0], covariances }],
  });

  it('has an event with the ephemeris as object 2 to work on', () => {
    expect(events.length).toBeGreaterThan(2);
    expect([event.id2, event.source2, event.source1]).toEqual([200002, 'ephemeris', 'sgp4']);
  });

  it('becomes the event record’s Pc, labelled with its covariances, the maximum Pc beside it', () => {
    const e = withCovariances([covarianceAt(event.tcaMs, event.state2, [50, 200, 50])]);
    const pc = ephemerisEventPc(event, [e], 10)!;
    const record = recordFromScreening(event, 10, 'run', pc);
    expect(record.stateSources).toEqual({ object1: 'sgp4', object2: 'ephemeris' });
    expect(record.pc).toMatchObject({ value: pc.pc, kind: 'covariance', maxValue: pc.pcMax });
    expect(record.pc!.method).toMatch(/object 1: element-set model .*object 2: OEM covariance/);
    expect(record.pc!.maxValue!).toBeGreaterThanOrEqual(record.pc!.value);
    // Without an ephemeris covariance the record keeps the maximum Pc.
    expect(recordFromScreening(event, 10, 'run').pc!.kind).toBe('maximum');
  });

  it('equals the SOCRATES-sigma Pc when the OEM covariance at TCA equals the model', () => {
    const e = withCovariances([covarianceAt(event.tcaMs, event.state2, [100, 300, 100])]);
    const pc = ephemerisEventPc(event, [e], 10)!;
    const reference = socratesMaxPc(
      {
        positionM: event.state1.rKm.map((x) => x * 1e3) as never,
        velocityMS: event.state1.vKmS.map((x) => x * 1e3) as never,
      },
      {
        positionM: event.state2.rKm.map((x) => x * 1e3) as never,
        velocityMS: event.state2.vKmS.map((x) => x * 1e3) as never,
      },
      10,
    );
    expect(reference.pcAtAssumedSigmas).toBeGreaterThan(1e-8);
    expect(pc.pc).toBeCloseTo(reference.pcAtAssumedSigmas, 12);
    expect(pc.pc / reference.pcAtAssumedSigmas).toBeCloseTo(1, 6);
    expect(pc.pcMax / reference.pcMax).toBeCloseTo(1, 4);
    expect(pc.covariance1).toEqual({ kind: 'model', model: ELEMENT_SET_COVARIANCE_MODEL });
    expect(pc.covariance2).toEqual({
      kind: 'ephemeris',
      rule: 'nearest',
      epochMs: event.tcaMs,
      offsetS: 0,
    });
    expect(pc.label).toBe(
      `FOSTER-1992, object 1: element-set model ${ELEMENT_SET_COVARIANCE_MODEL}, object 2: OEM covariance (nearest, +0 s)`,
    );
  });

  it('takes the covariance nearest to TCA, and a tighter one changes the Pc', () => {
    const near = covarianceAt(event.tcaMs - 40_000, event.state2, [5, 10, 5]);
    const far = covarianceAt(event.tcaMs + 300_000, event.state2, [1000, 5000, 1000]);
    const pc = ephemerisEventPc(event, [withCovariances([far, near])], 10)!;
    expect(pc.covariance2).toMatchObject({ rule: 'nearest', epochMs: near.epochMs, offsetS: -40 });
    const loose = ephemerisEventPc(event, [withCovariances([far])], 10)!;
    expect(loose.covariance2).toMatchObject({ offsetS: 300 });
    expect(pc.pc).not.toBeCloseTo(loose.pc, 8);
    for (const p of [pc, loose]) {
      expect(p.pcMax).toBeGreaterThanOrEqual(p.pc);
      expect(p.pc).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives no Pc without ephemeris covariance, or when the state at TCA was SGP4', () => {
    expect(ephemerisEventPc(event, [eph], 10)).toBeNull();
    const e = withCovariances([covarianceAt(event.tcaMs, event.state2, [100, 300, 100])]);
    expect(ephemerisEventPc({ ...event, source2: 'sgp4' }, [e], 10)).toBeNull();
  });
});
