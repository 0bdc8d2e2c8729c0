// A catalog object as an ephemeris: our SGP4 (TEME) sampled at a chosen step over a chosen span,
// rotated to EME2000, ready for writeOemKvn — so an element set can be exported as an OEM.
import type { ElementSet } from '../catalog/types';
import { formatIsoUtc } from '../cdm/time';
import { temeToEme2000 } from '../frames/precessionNutation';
import { createSatrec } from '../propagation/satrec';
import { propagateTeme } from '../propagation/sgp4';
import { refuseExport, type OemExportRefusal } from './exportIssues';
import type { OemState } from './types';
import { isNameless, writeOemKvn } from './write';

export interface SampleSpan {
  startMs: number;
  stopMs: number;
  stepMs: number;
}

export type SampleResult = { ok: true; states: OemState[] } | OemExportRefusal;

/** EME2000 states of the element set from startMs to stopMs (included when on the step). */
export function sampleElementSetEme2000(el: ElementSet, span: SampleSpan): SampleResult {
  if (!(span.stepMs > 0) || !(span.stopMs >= span.startMs)) {
    return refuseExport('badSpan');
  }
  const init = createSatrec(el);
  if (!init.ok) return refuseExport('sgp4Init', { detail: init.reason });
  const states: OemState[] = [];
  const buf = new Float64Array(6);
  const count = Math.floor((span.stopMs - span.startMs) / span.stepMs + 1e-9) + 1;
  for (let i = 0; i < count; i++) {
    const t = span.startMs + i * span.stepMs;
    const status = propagateTeme(init.satrec, el.epochMs, t, buf);
    if (status !== 0) {
      return refuseExport('sgp4', { epoch: formatIsoUtc(t), status });
    }
    const eme = temeToEme2000({ rKm: [buf[0], buf[1], buf[2]], vKmS: [buf[3], buf[4], buf[5]] }, t);
    states.push({ epochMs: t, positionKm: eme.rKm, velocityKmS: eme.vKmS });
  }
  return { ok: true, states };
}

/** The element set written as a KVN OEM (EME2000, UTC, Lagrange degree 7). */
export function elementSetToOem(
  el: ElementSet,
  span: SampleSpan,
  options: { originator: string; creationDateMs: number },
): { ok: true; text: string } | OemExportRefusal {
  const object = { objectName: el.objectName, objectId: el.objectId || String(el.noradCatId) };
  if (isNameless(object)) return refuseExport('noName');
  const sampled = sampleElementSetEme2000(el, span);
  if (!sampled.ok) return sampled;
  const text = writeOemKvn({
    ...object,
    originator: options.originator,
    creationDateMs: options.creationDateMs,
    comments: [`Sampled from SGP4 (element set epoch ${formatIsoUtc(el.epochMs)})`],
    segments: [{ states: sampled.states, interpolation: 'LAGRANGE', interpolationDegree: 7 }],
  });
  return { ok: true, text };
}
