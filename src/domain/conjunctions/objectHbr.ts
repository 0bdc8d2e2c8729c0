import { cdmPcSummary, maximumPc, MAX_PC_METHOD } from './records';
import type { ConjunctionRecord } from './types';

/** `hbrSource` of a probability computed with the watch list's radius. */
export const WATCH_HBR_SOURCE = 'WATCH LIST';

/**
 * The operator's hard-body radius for an event: that of a listed object (the larger when both are
 * listed), or null when neither is.
 */
export function listedHbrM(
  r: Pick<ConjunctionRecord, 'id1' | 'id2'>,
  hbrByObject: ReadonlyMap<number, number>,
): number | null {
  const a = r.id1 === null ? undefined : hbrByObject.get(r.id1);
  const b = r.id2 === null ? undefined : hbrByObject.get(r.id2);
  if (a === undefined && b === undefined) return null;
  return Math.max(a ?? 0, b ?? 0);
}

/**
 * An event's probability with the watch list's hard-body radius where the source gives none (its
 * radius was the default, or an earlier watch-list radius); back to `defaultHbrM` when the object
 * is no longer listed with one. Radii the source gave are never replaced.
 */
export function withObjectHbr(
  r: ConjunctionRecord,
  hbrByObject: ReadonlyMap<number, number>,
  defaultHbrM: number,
): ConjunctionRecord {
  const from = r.pc?.hbrSource;
  if (!r.pc || (from !== 'DEFAULT' && from !== WATCH_HBR_SOURCE)) return r;
  const listed = listedHbrM(r, hbrByObject);
  const hbrM = listed ?? defaultHbrM;
  const hbrSource = listed === null ? 'DEFAULT' : WATCH_HBR_SOURCE;
  if (r.pc.hbrM === hbrM && from === hbrSource) return r;
  try {
    if (r.source === 'cdm' && r.cdm) {
      const pc = cdmPcSummary(r.cdm, hbrM);
      return pc.hbrSource === 'DEFAULT' ? { ...r, pc: { ...pc, hbrSource } } : r;
    }
    if (r.states && r.pc.kind === 'maximum' && r.pc.method === MAX_PC_METHOD) {
      return { ...r, pc: maximumPc(r.states, hbrM, hbrSource) };
    }
  } catch {
    // keep the old value
  }
  return r;
}
