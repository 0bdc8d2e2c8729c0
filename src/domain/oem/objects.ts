// A message may carry several objects (segments told apart by OBJECT_ID): each one on its own,
// and an event's two objects written around TCA as one file for the other operator.
import type { ElementSet } from '../catalog/types';
import { formatIsoUtc } from '../cdm/time';
import { temeToEme2000 } from '../frames/precessionNutation';
import { stateAt, usableSpan } from './interpolate';
import { ofObject, refuseExport, type OemExportRefusal } from './exportIssues';
import { sampleElementSetEme2000, type SampleResult, type SampleSpan } from './sample';
import type { OemMessage, OemSegment, OemState } from './types';
import { isNameless, writeOemKvn } from './write';

/** One message per object, in the order the objects first appear; segments keep file order. */
export function objectsOf(message: OemMessage): OemMessage[] {
  const byId = new Map<string, OemSegment[]>();
  for (const segment of message.segments) {
    const id = segment.metadata.objectId;
    byId.set(id, [...(byId.get(id) ?? []), segment]);
  }
  return [...byId.values()].map((segments) => ({ ...message, segments }));
}

/** Where an event's object is taken from: its element set, or a loaded ephemeris (in TEME). */
export type EventObjectSource =
  | { kind: 'sgp4'; elementSet: ElementSet }
  | { kind: 'ephemeris'; objectName: string; objectId: string; teme: readonly OemSegment[] };

/** EME2000 states of a loaded ephemeris (TEME segments) at each step of the span. */
export function sampleEphemerisEme2000(
  teme: readonly OemSegment[],
  span: SampleSpan,
): SampleResult {
  if (!(span.stepMs > 0) || !(span.stopMs >= span.startMs)) {
    return refuseExport('badSpan');
  }
  const states: OemState[] = [];
  const count = Math.floor((span.stopMs - span.startMs) / span.stepMs + 1e-9) + 1;
  for (let i = 0; i < count; i++) {
    const t = span.startMs + i * span.stepMs;
    const s = stateAt({ segments: teme }, t);
    if (!s) return refuseExport('noState', { epoch: formatIsoUtc(t) });
    const eme = temeToEme2000({ rKm: s.positionKm, vKmS: s.velocityKmS }, t);
    states.push({ epochMs: t, positionKm: eme.rKm, velocityKmS: eme.vKmS });
  }
  return { ok: true, states };
}

/**
 * The span cut to the ephemeris's usable span around TCA, on the same step grid through TCA (an
 * operator's file may be shorter than the window; the other object's segment is not).
 */
function withinEphemeris(teme: readonly OemSegment[], span: SampleSpan, tcaMs: number): SampleSpan {
  const around = teme.map(usableSpan).find(([a, b]) => a <= tcaMs && tcaMs <= b);
  if (!around) return span;
  const steps = (ms: number) => Math.floor(Math.max(0, ms) / span.stepMs + 1e-9);
  return {
    ...span,
    startMs: tcaMs - steps(tcaMs - Math.max(span.startMs, around[0])) * span.stepMs,
    stopMs: tcaMs + steps(Math.min(span.stopMs, around[1]) - tcaMs) * span.stepMs,
  };
}

function describe(source: EventObjectSource) {
  if (source.kind === 'ephemeris') {
    const { objectName, objectId } = source;
    return { object: { objectName, objectId }, comment: `${objectName}: from a loaded OEM` };
  }
  const el = source.elementSet;
  return {
    object: { objectName: el.objectName, objectId: el.objectId || String(el.noradCatId) },
    comment: `${el.objectName}: sampled from SGP4 (element set epoch ${formatIsoUtc(el.epochMs)})`,
  };
}

/**
 * An event's two objects from TCA − halfSpan to TCA + halfSpan as one KVN OEM (EME2000, UTC,
 * Lagrange 7): one segment per object, the primary first.
 */
export function eventObjectsToOem(
  objects: readonly [EventObjectSource, EventObjectSource],
  event: { tcaMs: number; halfSpanMs: number; stepMs: number },
  options: { originator: string; creationDateMs: number },
): { ok: true; text: string } | OemExportRefusal {
  const span = {
    startMs: event.tcaMs - event.halfSpanMs,
    stopMs: event.tcaMs + event.halfSpanMs,
    stepMs: event.stepMs,
  };
  const segments = [];
  for (const source of objects) {
    const { object, comment } = describe(source);
    if (isNameless(object)) return refuseExport('noName');
    const sampled =
      source.kind === 'sgp4'
        ? sampleElementSetEme2000(source.elementSet, span)
        : sampleEphemerisEme2000(source.teme, withinEphemeris(source.teme, span, event.tcaMs));
    if (!sampled.ok) return ofObject(sampled, object.objectName);
    segments.push({
      object,
      states: sampled.states,
      interpolation: 'LAGRANGE' as const,
      interpolationDegree: 7,
      comments: [comment],
    });
  }
  if (segments[0].object.objectId === segments[1].object.objectId) {
    return refuseExport('sameObjectId');
  }
  const text = writeOemKvn({
    ...segments[0].object,
    originator: options.originator,
    creationDateMs: options.creationDateMs,
    comments: [`Conjunction objects around TCA ${formatIsoUtc(event.tcaMs)}`],
    segments,
  });
  return { ok: true, text };
}
