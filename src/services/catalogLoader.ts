import { catalogIssueText, catalogSizeIssue, type CatalogIssue } from '../domain/catalog/errors';
import type { RejectedRecord } from '../domain/catalog/types';
import { chooseStartTime } from '../domain/time/startTime';
import { useCatalogStore, type CatalogSource } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useSelectionStore } from '../state/selectionStore';
import { fetchGroup } from './celestrak';
import { catalogParser, propagationPool } from './engine';

/**
 * A load that must not replace the catalog on screen; the message names what was wrong (in
 * English), the issue the same as a code and values for the interface to word.
 */
export class CatalogLoadError extends Error {
  constructor(readonly issue: CatalogIssue) {
    super(catalogIssueText(issue));
  }
}

const loadError = (issue: CatalogIssue) => new CatalogLoadError(issue);

function describeRejection(r: RejectedRecord): string {
  const where = r.line ? `record ${r.record}, line ${r.line}` : `record ${r.record}`;
  return `${where}, ${r.field}: ${r.reason}`;
}

interface LoadOptions {
  keepClock?: boolean;
}

/** A catalog's text and where it came from. */
interface CatalogText {
  text: string;
  source: CatalogSource;
}

/** The load being handled; later ones wait for it (see loadInTurn). */
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * Handle loads one at a time, in the order they were asked for, while their data downloads in
 * parallel: the workers hold a single prepared catalog between `prepare` and `commit`, and a load
 * asked for later must have the last word (its catalog, or its message), whichever data arrives
 * first. `obtain` rejects with the message to show when the data cannot be had.
 */
function loadInTurn(obtain: Promise<CatalogText>, options: LoadOptions = {}): Promise<boolean> {
  // Handled in its turn below; until then a failed download is not an unhandled rejection.
  obtain.catch(() => undefined);
  const run = loadQueue.then(async () => {
    let data: CatalogText;
    try {
      data = await obtain;
    } catch (error) {
      const issue = error instanceof CatalogLoadError ? error.issue : undefined;
      useCatalogStore
        .getState()
        .failed(error instanceof Error ? error.message : String(error), issue);
      return false;
    }
    return ingestNow(data.text, data.source, options);
  });
  loadQueue = run.catch(() => false);
  return run;
}

/**
 * Parse, initialise and publish a catalog. Every failure is reported through the store and
 * leaves the catalog already on screen (and the workers' copy of it) untouched.
 */
async function ingestNow(
  text: string,
  source: CatalogSource,
  options: LoadOptions,
): Promise<boolean> {
  const store = useCatalogStore.getState();
  store.startLoading(source.label);
  const started = performance.now();
  const pool = propagationPool();
  try {
    const parsed = await catalogParser().parse(text, source.label);
    if ('refused' in parsed) throw loadError(parsed.refused);
    if (parsed.objects.length === 0) {
      const first = parsed.rejected[0];
      throw loadError(
        first
          ? {
              code: 'noUsableRecords',
              values: { rejected: parsed.rejected.length, first: describeRejection(first) },
              file: source.label,
            }
          : { code: 'noRecords', values: {}, file: source.label },
      );
    }
    const failures = await pool.prepare(parsed.objects);
    const failed = new Set(failures.map((f) => f.index));
    const objects = parsed.objects.filter((_, i) => !failed.has(i));
    if (objects.length === 0) {
      await pool.discard();
      throw loadError({ code: 'noneInitialised', values: {}, file: source.label });
    }
    await pool.commit();
    const rejected = [
      ...parsed.rejected,
      ...failures.map((f) => ({
        record: f.index + 1,
        field: 'SGP4 init',
        reason: `${parsed.objects[f.index].objectName} (${parsed.objects[f.index].noradCatId}): ${f.reason}`,
      })),
    ];
    useCatalogStore.getState().loaded(objects, {
      source,
      format: parsed.format,
      loaded: objects.length,
      rejected,
      duplicatesDropped: parsed.duplicatesDropped,
      ingestMs: performance.now() - started,
      arrivedAtWallMs: started,
    });
    if (!options.keepClock) {
      const start = chooseStartTime(
        objects.map((o) => o.epochMs),
        Date.now(),
      );
      useClockStore.getState().setStart(start.startMs, start.medianEpochMs, start.note);
    }
    const { selectedId, select } = useSelectionStore.getState();
    if (selectedId !== null && !useCatalogStore.getState().indexById.has(selectedId)) select(null);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Every failure names the source; a refused file's issue already does.
    const issue =
      error instanceof CatalogLoadError ? { ...error.issue, file: source.label } : undefined;
    useCatalogStore
      .getState()
      .failed(message.startsWith(source.label) ? message : `${source.label}: ${message}`, issue);
    return false;
  }
}

export function loadCatalogFile(file: File): Promise<boolean> {
  return loadInTurn(readFile(file));
}

async function readFile(file: File): Promise<CatalogText> {
  const sizeIssue = catalogSizeIssue(file.size);
  if (sizeIssue) throw loadError({ ...sizeIssue, file: file.name });
  return {
    text: await file.text(),
    source: { kind: 'file', label: file.name, fetchedAtMs: file.lastModified },
  };
}

export function loadCatalogUrl(
  url: string,
  kind: 'url' | 'snapshot' = 'url',
  options: LoadOptions = {},
): Promise<boolean> {
  return loadInTurn(fetchCatalog(url, kind), options);
}

async function fetchCatalog(url: string, kind: 'url' | 'snapshot'): Promise<CatalogText> {
  const label = kind === 'snapshot' ? 'Offline snapshot' : url;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const length = Number(response.headers.get('content-length') ?? 0);
    const sizeIssue = length ? catalogSizeIssue(length) : null;
    if (sizeIssue) {
      throw loadError({ code: 'fetchTooLarge', values: { ...sizeIssue.values, url } });
    }
    const text = await response.text();
    return { text, source: { kind, label, ref: url, fetchedAtMs: Date.now() } };
  } catch (error) {
    if (error instanceof CatalogLoadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw loadError({ code: 'fetchFailed', values: { url, reason } });
  }
}

export function loadCelestrakGroup(group: string, options: LoadOptions = {}): Promise<boolean> {
  useCatalogStore.getState().startLoading(`CelesTrak ${group}`);
  return loadInTurn(fetchCelestrak(group), options);
}

async function fetchCelestrak(group: string): Promise<CatalogText> {
  const data = await fetchGroup(group);
  return {
    text: data.text,
    source: {
      kind: 'celestrak',
      label: `CelesTrak ${group}${data.stale ? ' (cached, CelesTrak unreachable)' : ''}`,
      ref: group,
      fetchedAtMs: data.fetchedAtMs,
    },
  };
}
