import { loadCatalogFile } from './catalogLoader';
import { loadEphemerisFile, looksLikeOem } from './ephemerisLoader';

/** A file opened or dropped: an OEM (gzip too) goes to the ephemerides, the rest to the catalog. */
export async function openObjectFile(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  return looksLikeOem(file.name, head) ? loadEphemerisFile(file) : loadCatalogFile(file);
}
