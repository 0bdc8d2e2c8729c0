// An event as a CCSDS CDM (508.0-B-1). A record imported from a CDM is written back as received.
// Other records carry TEME states (SGP4), which the standard does not allow as REF_FRAME
// (EME2000, GCRF or ITRF): they are rotated to the pseudo-Earth-fixed frame (TEME → PEF by GMST,
// ../frames/teme.ts) and written as ITRF. PEF differs from ITRF only by polar motion (< 0.5″:
// ≤ 15 m at the Earth's surface, well below SGP4's km-level error), which is ignored and said so
// in a comment. Covariances are unknown for SGP4 events: the message carries SOCRATES's assumed
// 100/300/100 m RTN sigmas with COVARIANCE_METHOD = DEFAULT, and the probability is the maximum
// over covariance scale (ALFANO_MAX_PROBABILITY-2003, Alfano's AAS 03-548).
import { temeToEcef } from '../frames/teme';
import { formatIsoUtc } from '../cdm/time';
import { CdmExportError } from '../cdm/exportIssues';
import type { CdmMessage, CdmObject } from '../cdm/types';
import type { Vec3 } from '../probability/linalg';
import { SOCRATES_SIGMAS_M } from '../probability/maxPc';
import { inertialToRtn } from '../probability/rtn';
import type { ConjunctionRecord, StateKm } from './types';

export interface CdmExportOptions {
  creationMs?: number;
  originator?: string;
  /** International designators by catalog number, when the catalog knows them. */
  intlDesignator?: (id: number) => string | undefined;
  objectType?: (id: number) => string | undefined;
}

const ASSUMED_COMMENT =
  'Covariance not known: SOCRATES assumed 1-sigma R/T/N = 100/300/100 m (velocity terms 0)';

function cdmObject(
  which: 'OBJECT1' | 'OBJECT2',
  designator: string,
  name: string,
  stateTeme: StateKm,
  tcaMs: number,
  intl: string | undefined,
  type: string | undefined,
): CdmObject {
  const pef = temeToEcef({ rKm: [...stateTeme.rKm], vKmS: [...stateTeme.vKmS] }, tcaMs);
  const cov = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  cov[0][0] = SOCRATES_SIGMAS_M.radial ** 2;
  cov[1][1] = SOCRATES_SIGMAS_M.inTrack ** 2;
  cov[2][2] = SOCRATES_SIGMAS_M.crossTrack ** 2;
  return {
    object: which,
    objectDesignator: designator,
    catalogName: 'SATCAT',
    objectName: name,
    internationalDesignator: intl || 'UNKNOWN',
    objectType: type ? type.replace(/ /g, '_').toUpperCase() : undefined,
    ephemerisName: 'NONE',
    covarianceMethod: 'DEFAULT',
    maneuverable: 'N/A',
    refFrame: 'ITRF',
    metadataExtra: [],
    dataExtra: [],
    positionKm: pef.rKm as unknown as Vec3,
    velocityKmS: pef.vKmS as unknown as Vec3,
    covarianceRtn: cov,
    covarianceExtra: [],
    comments: [
      'State from SGP4 (TEME) rotated to PEF by GMST and written as ITRF; polar motion ignored',
      ASSUMED_COMMENT,
    ],
  };
}

/** The CdmMessage for an event (the received one for a CDM record); throws without states. */
export function recordToCdm(r: ConjunctionRecord, options: CdmExportOptions = {}): CdmMessage {
  if (r.cdm) return r.cdm;
  const states = r.states;
  if (!states) {
    throw new CdmExportError({ code: 'noStates', values: { key: r.key } });
  }
  if (states.frame !== 'TEME') {
    throw new CdmExportError({ code: 'frame', values: { frame: states.frame } });
  }
  const creationMs = options.creationMs ?? Date.now();
  const s1 = states.object1;
  const s2 = states.object2;
  const dr: Vec3 = [0, 1, 2].map((i) => (s2.rKm[i] - s1.rKm[i]) * 1000) as unknown as Vec3;
  const dv: Vec3 = [0, 1, 2].map((i) => (s2.vKmS[i] - s1.vKmS[i]) * 1000) as unknown as Vec3;
  const relPos = inertialToRtn(dr, s1.rKm, s1.vKmS);
  const relVel = inertialToRtn(dv, s1.rKm, s1.vKmS);
  const comments = [`Source: ${r.source} (${r.sourceLabel})`];
  if (r.pc?.kind === 'maximum') {
    comments.push(`COLLISION_PROBABILITY is a maximum over covariance scale (${r.pc.method})`);
  }
  return {
    format: 'KVN',
    line: 1,
    header: {
      version: '1.0',
      creationDate: formatIsoUtc(creationMs),
      creationDateMs: creationMs,
      originator: options.originator ?? 'ORBITAL-WATCH',
      messageId: `OW_${r.designator1}_${r.designator2}_${new Date(Math.round(r.tcaMs))
        .toISOString()
        .replace(/[-:.]/g, '')}`,
      comments: [],
    },
    relative: {
      tca: formatIsoUtc(r.tcaMs),
      tcaMs: r.tcaMs,
      tcaIso: formatIsoUtc(r.tcaMs),
      missDistanceM: Math.hypot(...dr),
      relativeSpeedMS: Math.hypot(...dv),
      relativePositionRtnM: relPos,
      relativeVelocityRtnMS: relVel,
      collisionProbability: r.pc?.value,
      collisionProbabilityMethod:
        r.pc === undefined
          ? undefined
          : r.pc.kind === 'maximum'
            ? 'ALFANO_MAX_PROBABILITY-2003'
            : 'FOSTER-1992',
      hbrM: r.pc?.hbrM,
      extra: [],
      comments,
    },
    object1: cdmObject(
      'OBJECT1',
      r.designator1,
      r.name1,
      s1,
      r.tcaMs,
      r.id1 !== null ? options.intlDesignator?.(r.id1) : undefined,
      r.id1 !== null ? options.objectType?.(r.id1) : undefined,
    ),
    object2: cdmObject(
      'OBJECT2',
      r.designator2,
      r.name2,
      s2,
      r.tcaMs,
      r.id2 !== null ? options.intlDesignator?.(r.id2) : undefined,
      r.id2 !== null ? options.objectType?.(r.id2) : undefined,
    ),
    warnings: [],
  };
}
