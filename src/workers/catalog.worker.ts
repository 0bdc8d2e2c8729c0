import * as Comlink from 'comlink';
import { CatalogFormatError } from '../domain/catalog/errors';
import { loadCatalog } from '../domain/catalog/load';

/**
 * Parsing a full catalog takes a few hundred milliseconds: off the main thread. SGP4
 * initialisation is left to the propagation pool, which reports its failures.
 */
const api = {
  /** The catalog, or why the file was refused (an Error's own fields do not cross to the page). */
  parse(text: string, fileName?: string) {
    try {
      return loadCatalog(text, { fileName, initCheck: () => null });
    } catch (e) {
      if (e instanceof CatalogFormatError) return { refused: e.issue };
      throw e;
    }
  },
};

export type CatalogWorkerApi = typeof api;

Comlink.expose(api);
