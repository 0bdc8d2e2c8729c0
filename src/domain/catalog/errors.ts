import { checkInputBytes, checkInputRecords, INPUT_LIMITS } from '../limits';

/**
 * A whole-file failure: nothing in the text can be read as catalog data (empty, binary,
 * an HTML page, an unknown format, malformed JSON/XML, a CSV header without the OMM
 * columns, or a file over the size limit). Per-record problems are RejectedRecords instead.
 */
export class CatalogFormatError extends Error {
  override readonly name = 'CatalogFormatError';
}

/** Largest catalog accepted (see INPUT_LIMITS in src/domain/limits.ts). */
export const MAX_CATALOG_BYTES = INPUT_LIMITS.catalog.maxBytes;

/**
 * Why a file of `bytes` is too large to load, or null when it is not. Check File.size or
 * Content-Length before reading; parseCatalog applies the same limit to the text.
 */
/** Throws CatalogFormatError when a file holds more records than a catalog may. */
export function checkCatalogRecords(count: number): void {
  const problem = checkInputRecords('catalog', count, 'records');
  if (problem) throw new CatalogFormatError(problem);
}

export function checkCatalogSize(bytes: number): string | null {
  return checkInputBytes('catalog', bytes);
}
