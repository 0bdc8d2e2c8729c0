// Constructed records and updates for the history tests.
import { MU_EARTH_KM3_S2 } from '../conjunctions/kepler';
import type { ConjunctionRecord, EventStates, StateKm } from '../conjunctions/types';
import type { EventUpdate } from './types';
import { updateFromRecord } from './update';

export const T0 = Date.parse('2024-08-14T12:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** A state on a circular orbit of the given radius (km) in the plane inclined by `inclRad`. */
export function circularState(radiusKm: number, inclRad = 0.9): StateKm {
  const v = Math.sqrt(MU_EARTH_KM3_S2 / radiusKm);
  return { rKm: [radiusKm, 0, 0], vKmS: [0, v * Math.cos(inclRad), v * Math.sin(inclRad)] };
}

/** Two objects on circular orbits of these radii at TCA (crossing planes), km. */
export function pairStates(radius1Km: number, radius2Km: number): EventStates {
  return {
    frame: 'TEME',
    object1: circularState(radius1Km, 0.9),
    object2: circularState(radius2Km, 1.7),
  };
}

export interface TestUpdateOptions {
  id1?: number | string;
  id2?: number | string;
  tcaMs?: number;
  createdMs?: number;
  missKm?: number;
  pc?: number;
  pcKind?: 'covariance' | 'maximum';
  /** Radii of the two circular orbits, km; absent: no states (the fallback period). */
  radiiKm?: [number, number];
  run?: string;
}

export function testRecord(o: TestUpdateOptions = {}): ConjunctionRecord {
  const id1 = String(o.id1 ?? 25544);
  const id2 = String(o.id2 ?? 49863);
  const tcaMs = o.tcaMs ?? T0;
  return {
    key: `${id1}-${id2}@${new Date(tcaMs).toISOString()}`,
    source: 'screening',
    sourceLabel: o.run ?? 'run',
    id1: /^\d+$/.test(id1) ? Number(id1) : null,
    id2: /^\d+$/.test(id2) ? Number(id2) : null,
    designator1: id1,
    designator2: id2,
    name1: `OBJECT ${id1}`,
    name2: `OBJECT ${id2}`,
    tcaMs,
    rangeKm: o.missKm ?? 1,
    relSpeedKmS: 10,
    ricKm: [0, o.missKm ?? 1, 0],
    dse1: 0.5,
    dse2: 1.5,
    ...(o.pc !== undefined
      ? { pc: { value: o.pc, method: 'TEST', kind: o.pcKind ?? 'covariance', hbrM: 10 } }
      : {}),
    ...(o.radiiKm ? { states: pairStates(o.radiiKm[0], o.radiiKm[1]) } : {}),
  };
}

/** A screening update; each call's run label is unique unless given. */
let runCounter = 0;
export function testUpdate(o: TestUpdateOptions = {}): EventUpdate {
  const run = o.run ?? `run-${++runCounter}`;
  return updateFromRecord(testRecord({ ...o, run }), {
    createdMs: o.createdMs ?? T0 - 2 * HOUR + runCounter,
    runLabel: run,
  });
}
