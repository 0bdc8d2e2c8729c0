export {
  cdmHardBodyRadius,
  cdmPc,
  type CdmPcResult,
  type HbrSource,
  positionCovarianceRtnM2,
} from './pc';
export { cdmObjectInertialState, isEarthFixedFrame, itrfToInertial } from './inertial';
export { parseCdmKvn } from './kvn';
export { parseCdm } from './parse';
export * from './socrates';
export { formatCcsdsEpoch, formatIsoUtc, parseCcsdsEpoch } from './time';
export * from './types';
export { writeCdmKvn } from './writeKvn';
export { parseCdmXml } from './xml';
