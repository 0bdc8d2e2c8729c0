// KVN OEM 2.0 writer: one or more segments of states (and optional covariances), of one object
// or, segment by segment, of several (an event's two objects in one file).
// Values are put on one line each with control characters removed, so no name can start a
// keyword line of its own; numbers are printed to mm and µm/s (positions 6 and velocities 9
// decimals), which the round-trip test holds the reader to.
import { formatCcsdsEpoch } from '../cdm/time';
import type { OemCovariance, OemInterpolation, OemRefFrame, OemState } from './types';

export interface OemWriteSegment {
  /** Another object than the message's (the reader tells objects apart by OBJECT_ID). */
  object?: { objectName: string; objectId: string };
  states: readonly OemState[];
  /** Defaults: the first and last state. */
  useableStartMs?: number;
  useableStopMs?: number;
  interpolation?: OemInterpolation;
  interpolationDegree?: number;
  /** Full 6×6 matrices in the segment's frame (or the frame each names). */
  covariances?: readonly OemCovariance[];
  comments?: readonly string[];
}

export interface OemWriteInput {
  objectName: string;
  objectId: string;
  originator: string;
  creationDateMs: number;
  /** Default EME2000; time system is always UTC. */
  refFrame?: OemRefFrame;
  segments: readonly OemWriteSegment[];
  comments?: readonly string[];
}

/** A value on one line: control characters (CR, LF, tabs, …) become spaces, ends trimmed. */
export function kvnValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

function line(keyword: string, value: string): string {
  return `${keyword.padEnd(20)} = ${value}`;
}

const fixed = (x: number, digits: number) => x.toFixed(digits);

/** True when the object has no OBJECT_NAME or OBJECT_ID to write (the writer would throw). */
export const isNameless = (object: { objectName: string; objectId: string }): boolean =>
  !kvnValue(object.objectName) || !kvnValue(object.objectId);

function objectLines(object: { objectName: string; objectId: string }): string[] {
  if (isNameless(object)) {
    throw new RangeError('an OEM needs a non-empty OBJECT_NAME and OBJECT_ID');
  }
  return [
    line('OBJECT_NAME', kvnValue(object.objectName)),
    line('OBJECT_ID', kvnValue(object.objectId)),
  ];
}

export function writeOemKvn(input: OemWriteInput): string {
  const objectOfMessage = objectLines(input);
  const out = ['CCSDS_OEM_VERS = 2.0'];
  for (const c of input.comments ?? []) out.push(`COMMENT ${kvnValue(c)}`);
  out.push(line('CREATION_DATE', formatCcsdsEpoch(input.creationDateMs)));
  out.push(line('ORIGINATOR', kvnValue(input.originator) || 'UNKNOWN'));
  for (const segment of input.segments) {
    const { states } = segment;
    if (states.length === 0) throw new RangeError('an OEM segment needs at least one state');
    const start = states[0].epochMs;
    const stop = states[states.length - 1].epochMs;
    out.push('', 'META_START');
    out.push(...(segment.object ? objectLines(segment.object) : objectOfMessage));
    out.push(line('CENTER_NAME', 'EARTH'));
    out.push(line('REF_FRAME', input.refFrame ?? 'EME2000'), line('TIME_SYSTEM', 'UTC'));
    out.push(line('START_TIME', formatCcsdsEpoch(start)));
    out.push(line('USEABLE_START_TIME', formatCcsdsEpoch(segment.useableStartMs ?? start)));
    out.push(line('USEABLE_STOP_TIME', formatCcsdsEpoch(segment.useableStopMs ?? stop)));
    out.push(line('STOP_TIME', formatCcsdsEpoch(stop)));
    if (segment.interpolation) {
      out.push(line('INTERPOLATION', segment.interpolation));
      out.push(line('INTERPOLATION_DEGREE', String(segment.interpolationDegree ?? 7)));
    }
    out.push('META_STOP', '');
    for (const c of segment.comments ?? []) out.push(`COMMENT ${kvnValue(c)}`);
    for (const s of states) {
      const fields = [
        formatCcsdsEpoch(s.epochMs),
        ...s.positionKm.map((x) => fixed(x, 6)),
        ...s.velocityKmS.map((x) => fixed(x, 9)),
        ...(s.accelerationKmS2 ?? []).map((x) => x.toExponential(9)),
      ];
      out.push(fields.join(' '));
    }
    if (segment.covariances?.length) {
      out.push('', 'COVARIANCE_START');
      for (const cov of segment.covariances) {
        out.push(line('EPOCH', formatCcsdsEpoch(cov.epochMs)));
        out.push(line('COV_REF_FRAME', cov.frame));
        for (let r = 0; r < 6; r++) {
          const row = [];
          for (let c = 0; c <= r; c++) row.push(cov.matrix[r * 6 + c].toExponential(9));
          out.push(row.join(' '));
        }
      }
      out.push('COVARIANCE_STOP');
    }
  }
  return `${out.join('\n')}\n`;
}
