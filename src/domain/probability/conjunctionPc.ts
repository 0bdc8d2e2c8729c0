// One call from two states and covariances to every 2D Pc variant, for callers (CDM import, UI)
// that should not assemble encounter planes themselves.
import {
  type EncounterPlane,
  encounterPlaneInertial,
  encounterPlaneRtn,
  type ObjectState,
} from './encounter';
import { fosterPc2d, type Pc2dResult } from './foster';
import type { Mat3 } from './linalg';
import { squareEqualAreaPc, type SquarePcResult } from './square';

export interface ConjunctionPcInput {
  object1: ObjectState;
  object2: ObjectState;
  /** 3×3 position covariances, m², in each object's RTN frame or in the inertial frame. */
  covariance1M2: Mat3;
  covariance2M2: Mat3;
  covarianceFrame: 'RTN' | 'INERTIAL';
  hbrM: number;
}

export interface ConjunctionPcResult {
  plane: EncounterPlane;
  foster: Pc2dResult;
  squareEqualArea: SquarePcResult;
}

export function conjunctionPc(input: ConjunctionPcInput): ConjunctionPcResult {
  const build = input.covarianceFrame === 'RTN' ? encounterPlaneRtn : encounterPlaneInertial;
  const plane = build(input.object1, input.covariance1M2, input.object2, input.covariance2M2);
  const pcInput = {
    missXM: plane.missXM,
    missZM: plane.missZM,
    covariancePlaneM2: plane.covariancePlaneM2,
    hbrM: input.hbrM,
  };
  return { plane, foster: fosterPc2d(pcInput), squareEqualArea: squareEqualAreaPc(pcInput) };
}
