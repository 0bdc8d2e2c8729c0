import { PropagationStatus } from './types';

const MESSAGES: Record<number, string> = {
  [PropagationStatus.Ok]: 'ok',
  [PropagationStatus.MeanEccentricityOutOfRange]:
    'SGP4 error 1: mean eccentricity out of range (0 ≤ e < 1)',
  [PropagationStatus.MeanMotionBelowZero]: 'SGP4 error 2: mean motion below zero',
  [PropagationStatus.PerturbedEccentricityOutOfRange]:
    'SGP4 error 3: perturbed eccentricity out of range (0 ≤ e < 1)',
  [PropagationStatus.SemiLatusRectumBelowZero]: 'SGP4 error 4: semi-latus rectum below zero',
  [PropagationStatus.Decayed]: 'SGP4 error 6: decayed (position inside the Earth)',
  [PropagationStatus.Reentered]: 'reentered (below reentry altitude or drag term exhausted)',
  [PropagationStatus.NonFinite]: 'SGP4 produced a non-finite state',
};

/** Human-readable text for a propagation status / SGP4 error code. */
export function propagationStatusMessage(code: number): string {
  return MESSAGES[code] ?? `SGP4 error ${code}`;
}

/** True for statuses meaning the object has come down (as opposed to bad elements). */
export function isDecayStatus(code: number): boolean {
  return code === PropagationStatus.Decayed || code === PropagationStatus.Reentered;
}
