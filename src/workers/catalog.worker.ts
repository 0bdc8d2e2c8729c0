import * as Comlink from 'comlink';
import { CatalogFormatError, type CatalogIssue } from '../domain/catalog/errors';
import { loadCatalog } from '../domain/catalog/load';
import { decodePackedCatalog, isPackedCatalog } from '../domain/catalog/packedFile';
import { readOemBytes } from '../domain/oem/decode';
import { messageToTeme } from '../domain/oem/frames';
import {
  packCatalogObjects,
  packElements,
  type PackedCatalogObjects,
} from '../domain/catalog/pack';
import type { CatalogFormat, CatalogObject, RejectedRecord } from '../domain/catalog/types';
import { medianMs } from '../domain/time/startTime';

/** Rejected records sent back in detail; the rest are counted (the status bar lists 500). */
const MAX_LISTED_REJECTED = 1000;

/** A parsed catalog as the main thread first sees it: its objects are fetched with `take`. */
export interface ParsedSummary {
  format: CatalogFormat;
  objectCount: number;
  rejected: RejectedRecord[];
  rejectedCount: number;
  duplicatesDropped: number;
  /** For the clock's start: sorting 340,000 epochs on the main thread took tens of ms. */
  medianEpochMs: number;
}

/** The last parse's objects, until taken or released. */
let held: CatalogObject[] = [];

/**
 * Parsing a full catalog takes seconds for 340,000 objects: off the main thread, reading the
 * file here too. The objects stay here and go to the main thread in packed slices (`take`):
 * receiving them as objects in one message held it for seconds. SGP4 initialisation is left to the
 * propagation pool, which reports its failures.
 */
const api = {
  /**
   * Parse and hold the catalog; its summary, or why the file was refused (an Error's own fields
   * do not cross to the page).
   */
  async parse(
    source: string | Blob | ArrayBuffer,
    fileName?: string,
  ): Promise<ParsedSummary | { refused: CatalogIssue }> {
    held = [];
    let loaded;
    try {
      // The bundled snapshot comes packed at build time (packedFile.ts): nothing to parse.
      if (source instanceof ArrayBuffer && isPackedCatalog(source)) {
        loaded = decodePackedCatalog(source);
      } else {
        const text =
          typeof source === 'string'
            ? source
            : source instanceof ArrayBuffer
              ? new TextDecoder().decode(source)
              : await source.text();
        loaded = loadCatalog(text, { fileName, initCheck: () => null });
      }
    } catch (e) {
      if (e instanceof CatalogFormatError) return { refused: e.issue };
      throw e;
    }
    held = loaded.objects;
    return {
      format: loaded.format,
      objectCount: loaded.objects.length,
      rejected: loaded.rejected.slice(0, MAX_LISTED_REJECTED),
      rejectedCount: loaded.rejected.length,
      duplicatesDropped: loaded.duplicatesDropped,
      medianEpochMs: medianMs(loaded.objects.map((o) => o.epochMs)),
    };
  },
  /** Objects start…end−1, packed (see pack.ts); the numbers are transferred. */
  take(start: number, end: number): PackedCatalogObjects {
    const packed = packCatalogObjects(held, start, Math.min(end, held.length));
    return Comlink.transfer(packed, [packed.numbers.buffer]);
  },
  /**
   * Every held object's element set, packed and transferred: the propagation workers start SGP4
   * on them while the objects themselves are still being taken.
   */
  elements(): Float64Array {
    const packed = packElements(held);
    return Comlink.transfer(packed, [packed.buffer]);
  },
  release(): void {
    held = [];
  },
  /** An OEM file (gzip too): what the reader says, and the loaded segments in TEME. */
  async readOem(bytes: Uint8Array) {
    const result = await readOemBytes(bytes);
    return { result, teme: result.ok ? messageToTeme(result.message).segments : null };
  },
};

export type CatalogWorkerApi = typeof api;

Comlink.expose(api);
