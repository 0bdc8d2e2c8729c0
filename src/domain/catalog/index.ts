// The catalog-format layer: parse TLE / OMM (JSON, CSV, XML), validate, dedupe, derive.
export * from './types';
export { CatalogFormatError, MAX_CATALOG_BYTES, checkCatalogSize } from './errors';
export { decodeAlpha5, encodeAlpha5, MAX_ALPHA5_CATALOG_NUMBER } from './alpha5';
export { formatOmmEpoch, parseOmmEpoch, julianDateFromEpochMs } from './epoch';
export { parseTle, tleChecksum } from './tle';
export { parseOmmJson } from './omm-json';
export { parseOmmCsv } from './omm-csv';
export { parseOmmXml } from './omm-xml';
export { parseCatalog, detectCatalogFormat, type ParseHint } from './parse';
export {
  deriveCatalogObject,
  elementAgeDays,
  objectType,
  orbitRegime,
  orbitShape,
  type OrbitShape,
} from './derive';
export {
  loadCatalog,
  loadParsedCatalog,
  dedupeByCatalogNumber,
  type InitCheck,
  type LoadCatalogOptions,
} from './load';
export { toOmmRecord, toTleLines } from './write';
