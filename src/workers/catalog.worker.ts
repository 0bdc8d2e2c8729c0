import * as Comlink from 'comlink';
import { loadCatalog } from '../domain/catalog/load';

/**
 * Parsing a full catalog takes a few hundred milliseconds: off the main thread. SGP4
 * initialisation is left to the propagation pool, which reports its failures.
 */
const api = {
  parse(text: string, fileName?: string) {
    return loadCatalog(text, { fileName, initCheck: () => null });
  },
};

export type CatalogWorkerApi = typeof api;

Comlink.expose(api);
