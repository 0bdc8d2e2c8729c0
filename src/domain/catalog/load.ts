// A whole load: parse → keep the newest epoch per catalog number → SGP4 init check → derive.
import { recordIssue, rejectedRecord } from './recordIssues';
import { deriveCatalogObject } from './derive';
import { parseCatalog } from './parse';
import type {
  ElementSet,
  LoadedCatalog,
  ParsedCatalog,
  RecordOrigin,
  RejectedRecord,
} from './types';

/** Returns why SGP4 cannot be initialised from `element`, or null when it can. */
export type InitCheck = (element: ElementSet) => string | null;

export interface LoadCatalogOptions {
  /**
   * SGP4 initialisation check, injected so this layer does not depend on the propagator
   * (pass one built on the propagation layer's createSatrec). Required: loading without it
   * would hand objects to the propagator that fail on first use.
   */
  initCheck: InitCheck;
  /** For error messages only. */
  fileName?: string;
}

export interface Deduplicated {
  elements: ElementSet[];
  origins: RecordOrigin[];
  duplicatesDropped: number;
}

/**
 * Keeps one element set per catalog number: the newest epoch, and of equal epochs the later
 * record in the file (a file appended to is newest at the end). Order follows the file.
 */
export function dedupeByCatalogNumber(
  elements: readonly ElementSet[],
  origins: readonly RecordOrigin[],
): Deduplicated {
  const keep = new Map<number, number>();
  elements.forEach((element, i) => {
    const kept = keep.get(element.noradCatId);
    if (kept === undefined || element.epochMs >= elements[kept].epochMs) {
      keep.set(element.noradCatId, i);
    }
  });
  const indices = [...keep.values()].sort((a, b) => a - b);
  return {
    elements: indices.map((i) => elements[i]),
    origins: indices.map((i) => origins[i]),
    duplicatesDropped: elements.length - indices.length,
  };
}

/** The rest of a load, for a catalog already parsed (e.g. in a worker). */
export function loadParsedCatalog(
  parsed: ParsedCatalog,
  options: LoadCatalogOptions,
): LoadedCatalog {
  const origins = parsed.origins ?? parsed.elements.map((_, i) => ({ record: i + 1 }));
  const unique = dedupeByCatalogNumber(parsed.elements, origins);
  const rejected: RejectedRecord[] = [...parsed.rejected];
  const objects = [];
  for (let i = 0; i < unique.elements.length; i++) {
    const element = unique.elements[i];
    let reason: string | null;
    try {
      reason = options.initCheck(element);
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    if (reason === null) {
      objects.push(deriveCatalogObject(element));
    } else {
      const { record, line } = unique.origins[i];
      // SGP4's own message (e.g. "SGP4 error 6") stays as it says it.
      rejected.push(
        rejectedRecord(record, line, 'SGP4 init', recordIssue('sgp4Init', { detail: reason })),
      );
    }
  }
  rejected.sort((a, b) => a.record - b.record);
  return { format: parsed.format, objects, rejected, duplicatesDropped: unique.duplicatesDropped };
}

/** Parses and loads catalog text; throws CatalogFormatError for whole-file failures. */
export function loadCatalog(text: string, options: LoadCatalogOptions): LoadedCatalog {
  return loadParsedCatalog(parseCatalog(text, { fileName: options.fileName }), options);
}

/**
 * Read a catalog file's text in any format the viewer reads. SGP4 start-up is not checked here:
 * the screening starts SGP4 itself and flags the objects that fail (saves a second start-up).
 * Throws CatalogFormatError naming the problem when the file is unusable.
 */
export function loadCatalogText(text: string, fileName?: string): LoadedCatalog {
  return loadCatalog(text, { initCheck: () => null, fileName });
}
