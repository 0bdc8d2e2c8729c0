export * from './conjunctionPc';
export * from './encounter';
export { erf, erfc } from './erf';
export * from './foster';
export type { Mat3, Sym2, Vec3 } from './linalg';
export * from './maxPc';
export { covarianceRtnToInertial, inertialToRtn, rtnBasis } from './rtn';
export * from './square';
