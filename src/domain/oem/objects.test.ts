// An event's two objects written as one OEM and read back, object by object.
import { describe, expect, it } from 'vitest';
import { ISS_2024_10_31, testElements } from '../../testing/elements';
import { messageToTeme } from './frames';
import { eventObjectsToOem, objectsOf } from './objects';
import { readOem } from './read';
import { sampleElementSetEme2000 } from './sample';
import type { OemMessage } from './types';

const tcaMs = Date.UTC(2024, 10, 1, 6, 30, 12, 345);
const event = { tcaMs, halfSpanMs: 2 * 3_600_000, stepMs: 60_000 };
const options = { originator: 'ORBITAL WATCH', creationDateMs: Date.UTC(2024, 10, 1) };
const debris = testElements({
  objectName: 'FENGYUN 1C DEB',
  objectId: '1999-025ABC',
  noradCatId: 31000,
});

function readBack(text: string): OemMessage[] {
  const read = readOem(text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  expect(read.rejected).toEqual([]);
  return objectsOf(read.message);
}

/** Largest position difference (m) between a read-back object and SGP4 at the same epochs. */
function maxPositionErrorM(message: OemMessage, el: typeof ISS_2024_10_31): number {
  const states = message.segments.flatMap((s) => s.states);
  const direct = sampleElementSetEme2000(el, {
    startMs: states[0].epochMs,
    stopMs: states[states.length - 1].epochMs,
    stepMs: 60_000,
  });
  if (!direct.ok) throw new Error(direct.reason);
  expect(direct.states.map((s) => s.epochMs)).toEqual(states.map((s) => s.epochMs));
  return Math.max(
    ...states.map((s, i) =>
      Math.hypot(...s.positionKm.map((x, k) => (x - direct.states[i].positionKm[k]) * 1000)),
    ),
  );
}

describe('an event’s two objects as one OEM', () => {
  it('writes one segment per object around TCA; our reader gives both back, state for state', () => {
    const out = eventObjectsToOem(
      [
        { kind: 'sgp4', elementSet: ISS_2024_10_31 },
        { kind: 'sgp4', elementSet: debris },
      ],
      event,
      options,
    );
    if (!out.ok) throw new Error(out.reason);
    expect(out.text.match(/^OBJECT_ID +=.*$/gm)).toEqual([
      'OBJECT_ID            = 1998-067A',
      'OBJECT_ID            = 1999-025ABC',
    ]);
    const [primary, secondary] = readBack(out.text);
    expect(primary.segments.map((s) => s.metadata.objectName)).toEqual(['ISS (ZARYA)']);
    expect(secondary.segments.map((s) => s.metadata.objectName)).toEqual(['FENGYUN 1C DEB']);
    for (const m of [primary, secondary]) {
      const states = m.segments[0].states;
      expect(states).toHaveLength(241);
      expect(states[0].epochMs).toBe(tcaMs - 2 * 3_600_000);
      expect(states[120].epochMs).toBe(tcaMs);
      expect(m.segments[0].metadata.refFrame).toBe('EME2000');
    }
    // Printed to the millimetre: the states are SGP4's.
    expect(maxPositionErrorM(primary, ISS_2024_10_31)).toBeLessThan(0.001);
    expect(maxPositionErrorM(secondary, debris)).toBeLessThan(0.001);
  });

  it('takes an object loaded from an OEM from its ephemeris', () => {
    const own = eventObjectsToOem(
      [
        { kind: 'sgp4', elementSet: ISS_2024_10_31 },
        { kind: 'sgp4', elementSet: debris },
      ],
      { tcaMs, halfSpanMs: 6 * 3_600_000, stepMs: 30_000 },
      options,
    );
    if (!own.ok) throw new Error(own.reason);
    const [iss] = readBack(own.text);
    const teme = messageToTeme(iss).segments;
    const out = eventObjectsToOem(
      [
        { kind: 'ephemeris', objectName: 'ISS (ZARYA)', objectId: '1998-067A', teme },
        { kind: 'sgp4', elementSet: debris },
      ],
      event,
      options,
    );
    if (!out.ok) throw new Error(out.reason);
    expect(out.text).toContain('COMMENT ISS (ZARYA): from a loaded OEM');
    const [fromEphemeris] = readBack(out.text);
    // On the file's own 30 s grid: exact to the printed precision (the frame turn and back).
    expect(maxPositionErrorM(fromEphemeris, ISS_2024_10_31)).toBeLessThan(0.002);

    // A file shorter than the window: its segment is cut to the file, on the grid through TCA.
    const late = eventObjectsToOem(
      [
        { kind: 'ephemeris', objectName: 'ISS (ZARYA)', objectId: '1998-067A', teme },
        { kind: 'sgp4', elementSet: debris },
      ],
      { ...event, tcaMs: tcaMs + 5 * 3_600_000 },
      options,
    );
    if (!late.ok) throw new Error(late.reason);
    const [cut, whole] = readBack(late.text).map((m) => m.segments[0].states);
    expect([cut[0].epochMs, cut[cut.length - 1].epochMs]).toEqual([
      tcaMs + 3 * 3_600_000,
      tcaMs + 6 * 3_600_000,
    ]);
    expect(whole).toHaveLength(241);

    // TCA outside the file: nothing to write for that object.
    const outside = eventObjectsToOem(
      [
        { kind: 'ephemeris', objectName: 'ISS (ZARYA)', objectId: '1998-067A', teme },
        { kind: 'sgp4', elementSet: debris },
      ],
      { ...event, tcaMs: tcaMs + 7 * 3_600_000 },
      options,
    );
    expect(outside).toEqual({
      ok: false,
      reason: 'ISS (ZARYA): the ephemeris has no usable state at 2024-11-01T12:31:12.345Z',
      issue: {
        code: 'noState',
        values: { epoch: '2024-11-01T12:31:12.345Z' },
        object: 'ISS (ZARYA)',
      },
    });
  });

  it('refuses two objects that share an OBJECT_ID', () => {
    const out = eventObjectsToOem(
      [
        { kind: 'sgp4', elementSet: ISS_2024_10_31 },
        { kind: 'sgp4', elementSet: { ...debris, objectId: '1998-067A' } },
      ],
      event,
      options,
    );
    expect(out).toEqual({
      ok: false,
      reason: 'both objects have the same OBJECT_ID',
      issue: { code: 'sameObjectId', values: {} },
    });
  });
});

describe('objectsOf', () => {
  it('groups segments by OBJECT_ID in order of first appearance', () => {
    const text = eventObjectsToOem(
      [
        { kind: 'sgp4', elementSet: debris },
        { kind: 'sgp4', elementSet: ISS_2024_10_31 },
      ],
      event,
      options,
    );
    if (!text.ok) throw new Error(text.reason);
    // A third segment: the first object again, later.
    const first = text.text.indexOf('META_START');
    const again = text.text.slice(first, text.text.indexOf('\nMETA_START', first));
    const later = again.replaceAll('2024-11-01T', '2024-11-02T');
    const objects = readBack(`${text.text}\n${later}`);
    expect(objects.map((m) => m.segments.map((s) => [s.metadata.objectId, s.index]))).toEqual([
      [
        ['1999-025ABC', 1],
        ['1999-025ABC', 3],
      ],
      [['1998-067A', 2]],
    ]);
  });
});
