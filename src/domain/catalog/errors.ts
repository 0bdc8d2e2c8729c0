/**
 * A whole-file failure: nothing in the text can be read as catalog data (empty, binary,
 * an HTML page, an unknown format, malformed JSON/XML, a CSV header without the OMM
 * columns, or a file over the size limit). Per-record problems are RejectedRecords instead.
 */
export class CatalogFormatError extends Error {
  override readonly name = 'CatalogFormatError';
}

/**
 * Largest catalog accepted. CelesTrak's full catalog is ~4 MB as CSV and ~30 MB as XML;
 * 150 MB leaves room for supplemental files while refusing something that would stall a
 * tab (the text, its parse tree and the objects all live in memory at once).
 */
export const MAX_CATALOG_BYTES = 150 * 1024 * 1024;

/**
 * Why a file of `bytes` is too large to load, or null when it is not. Check File.size or
 * Content-Length before reading; parseCatalog applies the same limit to the text.
 */
export function checkCatalogSize(bytes: number): string | null {
  if (!Number.isFinite(bytes) || bytes < 0) return `invalid catalog size ${bytes}`;
  if (bytes <= MAX_CATALOG_BYTES) return null;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return (
    `catalog file is ${mb(bytes)} MB, over the ${mb(MAX_CATALOG_BYTES)} MB limit; ` +
    'load a smaller group or split the file'
  );
}
