import * as Comlink from 'comlink';
import { loadCatalog } from '../domain/catalog/load';
import { readOemBytes } from '../domain/oem/decode';
import { messageToTeme } from '../domain/oem/frames';

/**
 * Parsing a full catalog takes a few hundred milliseconds: off the main thread. SGP4
 * initialisation is left to the propagation pool, which reports its failures.
 */
const api = {
  parse(text: string, fileName?: string) {
    return loadCatalog(text, { fileName, initCheck: () => null });
  },
  /** An OEM file (gzip too): what the reader says, and the loaded segments in TEME. */
  async readOem(bytes: Uint8Array) {
    const result = await readOemBytes(bytes);
    return { result, teme: result.ok ? messageToTeme(result.message).segments : null };
  },
};

export type CatalogWorkerApi = typeof api;

Comlink.expose(api);
