// Building ConjunctionRecords from each source, and enriching them with the loaded catalog.
import type { ElementSet } from '../catalog/types';
import { cdmHardBodyRadius, cdmPc, positionCovarianceRtnM2 } from '../cdm/pc';
import { cdmObjectInertialState, isEarthFixedFrame } from '../cdm/inertial';
import type { SocratesEvent } from '../cdm/socrates';
import type { CdmMessage } from '../cdm/types';
import type { ObjectState } from '../probability/encounter';
import { pcIssueOf, pcIssueText } from '../probability/issues';
import type { Vec3 } from '../probability/linalg';
import { inertialToRtn } from '../probability/rtn';
import type { EventPc } from '../screening/ephemerisPc';
import type { ConjunctionEvent } from '../screening/types';
import { eventKey } from './list';
import { fastSocratesMaxPc } from './maxPc';
import { closestApproach, sgp4Trajectory } from './trajectory';
import type { ConjunctionRecord, EventStates, PcSummary, Sgp4Comparison, StateKm } from './types';

/** Default hard-body radius when a source gives none, m. */
export const DEFAULT_HBR_M = 10;

export const MAX_PC_METHOD = 'MAXIMUM (ALFANO 2005, SOCRATES 100/300/100 m RTN)';
export const FOSTER_METHOD = 'FOSTER-1992 (2D)';
export const SOCRATES_MAX_METHOD = 'SOCRATES MAX_PROB';

const toM = (s: StateKm): ObjectState => ({
  positionM: [s.rKm[0] * 1000, s.rKm[1] * 1000, s.rKm[2] * 1000],
  velocityMS: [s.vKmS[0] * 1000, s.vKmS[1] * 1000, s.vKmS[2] * 1000],
});

const diff = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

/** Miss vector (object 2 − object 1) in object 1's RTN frame, km. */
export function ricOf(states: EventStates): Vec3 {
  const { object1: s1, object2: s2 } = states;
  return inertialToRtn(diff(s2.rKm, s1.rKm), s1.rKm, s1.vKmS);
}

/** Maximum Pc (no covariance known) from the states at TCA. */
export function maximumPc(states: EventStates, hbrM: number, hbrSource = 'DEFAULT'): PcSummary {
  const r = fastSocratesMaxPc(toM(states.object1), toM(states.object2), hbrM);
  return { value: r.pcMax, method: MAX_PC_METHOD, kind: 'maximum', hbrM, hbrSource };
}

/** What an event of two catalog objects (our screening, SOCRATES) says about the pair. */
type CatalogPairEvent = Pick<
  ConjunctionEvent,
  'id1' | 'id2' | 'name1' | 'name2' | 'tcaMs' | 'rangeKm' | 'relSpeedKmS'
> & { dse1?: number; dse2?: number };

function pairFields(e: CatalogPairEvent) {
  return {
    key: eventKey(String(e.id1), String(e.id2), e.tcaMs),
    id1: e.id1,
    id2: e.id2,
    designator1: String(e.id1),
    designator2: String(e.id2),
    name1: e.name1,
    name2: e.name2,
    tcaMs: e.tcaMs,
    rangeKm: e.rangeKm,
    relSpeedKmS: e.relSpeedKmS,
    dse1: e.dse1,
    dse2: e.dse2,
  };
}

type PcProblem = Pick<ConjunctionRecord, 'pcProblem' | 'pcIssue'>;

/** Why there is no Pc: the English the record keeps, and the same as data. */
function pcProblemOf(err: unknown): PcProblem {
  const issue = pcIssueOf(err);
  return { pcProblem: pcIssueText(issue), pcIssue: issue };
}

/**
 * `ephemerisPc`: the event's Pc from an OEM's covariance (screening/ephemerisPc), used in place of
 * the maximum Pc, which stays beside it.
 */
export function recordFromScreening(
  e: ConjunctionEvent,
  hbrM = DEFAULT_HBR_M,
  label = 'screening',
  ephemerisPc: EventPc | null = null,
): ConjunctionRecord {
  const states: EventStates = {
    frame: 'TEME',
    object1: { rKm: e.state1.rKm, vKmS: e.state1.vKmS },
    object2: { rKm: e.state2.rKm, vKmS: e.state2.vKmS },
  };
  let pc: PcSummary | undefined;
  let problem: PcProblem = {};
  try {
    pc = ephemerisPc
      ? {
          value: ephemerisPc.pc,
          method: ephemerisPc.label,
          kind: 'covariance',
          hbrM: ephemerisPc.hbrM,
          hbrSource: 'DEFAULT',
          maxValue: ephemerisPc.pcMax,
        }
      : maximumPc(states, hbrM);
  } catch (err) {
    problem = pcProblemOf(err);
  }
  return {
    ...pairFields(e),
    source: 'screening',
    sourceLabel: label,
    ricKm: e.ricKm,
    pc,
    ...problem,
    states,
    ...(e.source1 && e.source2 ? { stateSources: { object1: e.source1, object2: e.source2 } } : {}),
  };
}

const catalogNumber = (designator: string): number | null =>
  /^\d{1,9}$/.test(designator.trim()) ? Number(designator.trim()) : null;

/** A CDM's OBJECT_DESIGNATOR as used in keys: a catalog number without leading zeros. */
const designatorText = (designator: string): string =>
  String(catalogNumber(designator) ?? designator.trim());

/** 2D Pc of a CDM: its own HBR when it gives one, else `defaultHbrM` (named 'DEFAULT'). */
export function cdmPcSummary(msg: CdmMessage, defaultHbrM: number): PcSummary {
  let hbrM = defaultHbrM;
  let hbrSource = 'DEFAULT';
  try {
    ({ hbrM, hbrSource } = cdmHardBodyRadius(msg));
  } catch {
    // no HBR in the message: the default stands
  }
  const r = cdmPc(msg, { hbrM });
  return {
    value: r.foster.pc,
    method: FOSTER_METHOD,
    kind: 'covariance',
    hbrM,
    hbrSource,
    crossCheck: r.squareEqualArea.pc,
    reported: msg.relative.collisionProbability,
  };
}

export function recordFromCdm(
  msg: CdmMessage,
  fileName: string,
  defaultHbrM = DEFAULT_HBR_M,
): ConjunctionRecord {
  const rel = msg.relative;
  const o1 = msg.object1;
  const o2 = msg.object2;
  let states: EventStates | undefined;
  let pc: PcSummary | undefined;
  let problem: PcProblem = {};
  try {
    const s1 = cdmObjectInertialState(o1, rel.tcaMs);
    const s2 = cdmObjectInertialState(o2, rel.tcaMs);
    const km = (s: ObjectState): StateKm => ({
      rKm: [s.positionM[0] / 1000, s.positionM[1] / 1000, s.positionM[2] / 1000],
      vKmS: [s.velocityMS[0] / 1000, s.velocityMS[1] / 1000, s.velocityMS[2] / 1000],
    });
    states = {
      frame: isEarthFixedFrame(o1.refFrame) ? 'TOD (from ITRF)' : o1.refFrame.trim().toUpperCase(),
      object1: km(s1),
      object2: km(s2),
    };
    pc = cdmPcSummary(msg, defaultHbrM);
  } catch (err) {
    problem = pcProblemOf(err);
  }
  const relSpeedKmS =
    rel.relativeSpeedMS !== undefined
      ? rel.relativeSpeedMS / 1000
      : states
        ? Math.hypot(...diff(states.object2.vKmS, states.object1.vKmS))
        : NaN;
  const ricKm: Vec3 | undefined = rel.relativePositionRtnM
    ? [
        rel.relativePositionRtnM[0] / 1000,
        rel.relativePositionRtnM[1] / 1000,
        rel.relativePositionRtnM[2] / 1000,
      ]
    : states
      ? ricOf(states)
      : undefined;
  return {
    key: eventKey(
      designatorText(o1.objectDesignator),
      designatorText(o2.objectDesignator),
      rel.tcaMs,
    ),
    source: 'cdm',
    sourceLabel: fileName,
    id1: catalogNumber(o1.objectDesignator),
    id2: catalogNumber(o2.objectDesignator),
    designator1: designatorText(o1.objectDesignator),
    designator2: designatorText(o2.objectDesignator),
    name1: o1.objectName,
    name2: o2.objectName,
    type1: o1.objectType,
    type2: o2.objectType,
    tcaMs: rel.tcaMs,
    rangeKm: rel.missDistanceM / 1000,
    relSpeedKmS,
    ricKm,
    pc,
    ...problem,
    states,
    covariancesRtnM2: [positionCovarianceRtnM2(o1), positionCovarianceRtnM2(o2)],
    cdm: msg,
  };
}

export function recordFromSocrates(e: SocratesEvent, fileName: string): ConjunctionRecord {
  return {
    ...pairFields(e),
    source: 'socrates',
    sourceLabel: fileName,
    pc:
      e.maxPc !== undefined
        ? { value: e.maxPc, method: SOCRATES_MAX_METHOD, kind: 'maximum', reported: e.maxPc }
        : undefined,
  };
}

/** Elements this far from TCA are not used for a comparison (SGP4 error grows ~1–3 km/day). */
export const MAX_COMPARISON_AGE_DAYS = 30;

/** Our SGP4 prediction of the same pair near the record's TCA (± 5 minutes). */
export function sgp4Comparison(
  r: Pick<ConjunctionRecord, 'tcaMs' | 'rangeKm'>,
  el1: ElementSet,
  el2: ElementSet,
): Sgp4Comparison {
  const dse1 = (r.tcaMs - el1.epochMs) / 86_400_000;
  const dse2 = (r.tcaMs - el2.epochMs) / 86_400_000;
  const age = Math.max(Math.abs(dse1), Math.abs(dse2));
  if (age > MAX_COMPARISON_AGE_DAYS) {
    return {
      ok: false,
      reason: `catalog elements ${age.toFixed(0)} days from TCA (limit ${MAX_COMPARISON_AGE_DAYS})`,
    };
  }
  const t1 = sgp4Trajectory(el1);
  const t2 = sgp4Trajectory(el2);
  const ca = t1 && t2 ? closestApproach(t1, t2, r.tcaMs) : null;
  if (!ca) return { ok: false, reason: 'SGP4 could not propagate both objects near TCA' };
  return {
    ok: true,
    tcaMs: ca.tcaMs,
    rangeKm: ca.rangeKm,
    relSpeedKmS: ca.relSpeedKmS,
    dTcaMs: ca.tcaMs - r.tcaMs,
    dRangeM: (ca.rangeKm - r.rangeKm) * 1000,
    dse1,
    dse2,
  };
}

/**
 * With both objects in the catalog: a SOCRATES record gets SGP4 states at its TCA (so it can be
 * inspected and exported like our own events) and, like a CDM record, the comparison with our
 * own prediction. Other records come back unchanged.
 */
export function withCatalog(
  r: ConjunctionRecord,
  lookup: (id: number) => ElementSet | undefined,
  defaultHbrM = DEFAULT_HBR_M,
): ConjunctionRecord {
  if (r.source === 'screening' || r.id1 === null || r.id2 === null) return r;
  const el1 = lookup(r.id1);
  const el2 = lookup(r.id2);
  if (!el1 || !el2) return r;
  const out: ConjunctionRecord = { ...r, comparison: sgp4Comparison(r, el1, el2) };
  if (r.source === 'socrates' && !r.states) {
    const s1 = sgp4Trajectory(el1)?.(r.tcaMs);
    const s2 = sgp4Trajectory(el2)?.(r.tcaMs);
    if (s1 && s2) {
      out.states = { frame: 'TEME', object1: s1, object2: s2 };
      out.ricKm = ricOf(out.states);
      if (!out.pc) out.pc = maximumPc(out.states, defaultHbrM);
    }
  }
  return out;
}

/** Recompute probabilities that used the default HBR (after the setting changes). */
export function withDefaultHbr(r: ConjunctionRecord, defaultHbrM: number): ConjunctionRecord {
  if (!r.pc || r.pc.hbrSource !== 'DEFAULT' || r.pc.hbrM === defaultHbrM) return r;
  try {
    if (r.source === 'cdm' && r.cdm) return { ...r, pc: cdmPcSummary(r.cdm, defaultHbrM) };
    if (r.states && r.pc.kind === 'maximum' && r.pc.method === MAX_PC_METHOD) {
      return { ...r, pc: maximumPc(r.states, defaultHbrM) };
    }
  } catch {
    // keep the old value
  }
  return r;
}
