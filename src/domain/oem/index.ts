// CCSDS Orbit Ephemeris Messages: read (KVN/XML, v1–3, gzip), interpolate, convert to TEME, write.
export * from './types';
export { oemIssue, type OemIssue, type OemIssueCode } from './issues';
export { readOem, isSupportedFrame } from './read';
export { compressionOf, decodeOemBytes, readOemBytes, type OemCompression } from './decode';
export {
  DEFAULT_INTERPOLATION,
  interpolationOf,
  stateAt,
  usableSpan,
  type InterpolatedState,
  type InterpolationChoice,
} from './interpolate';
export {
  covarianceTemeToRtn,
  covarianceToTeme,
  localBasis,
  messageToTeme,
  oemStateToTeme,
  segmentToTeme,
} from './frames';
export { kvnValue, writeOemKvn, type OemWriteInput, type OemWriteSegment } from './write';
export {
  elementSetToOem,
  sampleElementSetEme2000,
  type SampleResult,
  type SampleSpan,
} from './sample';
