import * as Comlink from 'comlink';
import { catalogIssueText, catalogSizeIssue, type CatalogIssue } from '../domain/catalog/errors';
import { unpackCatalogObjects } from '../domain/catalog/pack';
import { recordIssue, rejectedRecord } from '../domain/catalog/recordIssues';
import type { CatalogObject, RejectedRecord } from '../domain/catalog/types';
import { startTimeFromMedian } from '../domain/time/startTime';
import { useCatalogStore, type CatalogSource } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useEphemerisStore } from '../state/ephemerisStore';
import { useSelectionStore } from '../state/selectionStore';
import { fetchGroup } from './celestrak';
import { composeDrawn } from './drawnObjects';
import type { InitFailure } from '../workers/propagationService';
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

/**
 * A catalog's text, or its bytes or file for the parsing worker to read (bytes may be a packed
 * catalog, see packedFile.ts), and where it came from.
 */
interface CatalogText {
  text: string | Blob | ArrayBuffer;
  source: CatalogSource;
}

/**
 * Objects taken from the parsing worker per message: receiving 340,000 in one held the main
 * thread for seconds; a slice of this size is tens of milliseconds.
 */
const TAKE_SLICE = 5_000;

/** The parsed objects, slice by slice, yielding to the page between slices. */
async function takeObjects(count: number): Promise<CatalogObject[]> {
  const objects: CatalogObject[] = [];
  for (let start = 0; start < count; start += TAKE_SLICE) {
    const slice = await catalogParser().take(start, Math.min(count, start + TAKE_SLICE));
    for (const o of unpackCatalogObjects(slice)) objects.push(o);
  }
  await catalogParser().release();
  return objects;
}

/** Catalog numbers indexed per task: 20,000 map entries are a few milliseconds. */
const INDEX_SLICE = 20_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Catalog number → index, a slice per task: the whole map in the task that publishes a catalog
 * of 340,000 objects was the largest part of it (issue 11's 200 ms).
 */
async function indexInSlices(objects: readonly CatalogObject[]): Promise<Map<number, number>> {
  const index = new Map<number, number>();
  for (let start = 0; start < objects.length; start += INDEX_SLICE) {
    if (start > 0) await nextTask();
    const end = Math.min(objects.length, start + INDEX_SLICE);
    for (let i = start; i < end; i++) index.set(objects[i].noradCatId, i);
  }
  return index;
}

/** `prepare` once `before` has settled: the pool holds one prepared catalog at a time. */
async function prepareAfter<T>(before: Promise<unknown> | null, prepare: () => Promise<T>) {
  await before?.catch(() => undefined);
  return prepare();
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
 * Run a task that replaces the workers' catalog in the same queue as the loads (an ephemeris
 * added or removed re-prepares the drawn objects, see ephemerisLoader).
 */
export function inLoadTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task);
  loadQueue = run.catch(() => false);
  return run;
}

/**
 * Parse, initialise and publish a catalog. Every failure is reported through the store and
 * leaves the catalog already on screen (and the workers' copy of it) untouched.
 */
async function ingestNow(
  text: string | Blob | ArrayBuffer,
  source: CatalogSource,
  options: LoadOptions,
): Promise<boolean> {
  const store = useCatalogStore.getState();
  store.startLoading(source.label);
  performance.mark('catalog: loading');
  const started = performance.now();
  const pool = propagationPool();
  // SGP4 started on the parsed elements before the objects were taken (below), if it was.
  let early: Promise<InitFailure[]> | null = null;
  try {
    const parsed = await catalogParser().parse(
      text instanceof ArrayBuffer ? Comlink.transfer(text, [text]) : text,
      source.label,
    );
    if ('refused' in parsed) throw loadError(parsed.refused);
    if (parsed.objectCount === 0) {
      const first = parsed.rejected[0];
      throw loadError(
        first
          ? {
              code: 'noUsableRecords',
              values: { rejected: parsed.rejectedCount, first: describeRejection(first) },
              record: first,
              file: source.label,
            }
          : { code: 'noRecords', values: {}, file: source.label },
      );
    }
    performance.mark('catalog: parsed');
    // With no ephemeris loaded the objects drawn are the parsed ones, in order: SGP4 starts on
    // their elements while the objects themselves come over (a few hundred ms for 27,000).
    early =
      useEphemerisStore.getState().entries.length === 0
        ? catalogParser()
            .elements()
            .then((packed) => pool.prepare(packed))
        : null;
    early?.catch(() => undefined);
    const taken = await takeObjects(parsed.objectCount);
    performance.mark('catalog: received');
    // Loaded ephemerides are matched to the new catalog: stand-ins now, or objects of their own.
    const drawn = composeDrawn(taken, useEphemerisStore.getState().entries);
    const preparing =
      early && drawn.overrides.length === 0 && drawn.objects.length === taken.length
        ? early
        : prepareAfter(early, () => pool.prepare(drawn.objects, drawn.overrides));
    // Handled below; a failure while the index is built is not an unhandled rejection.
    preparing.catch(() => undefined);
    // While the workers initialise SGP4, the main thread is free.
    const drawnIndex = await indexInSlices(drawn.objects);
    const failures = await preparing;
    performance.mark('catalog: SGP4 ready');
    const failed = new Set(failures.map((f) => f.index));
    const objects = failed.size ? drawn.objects.filter((_, i) => !failed.has(i)) : drawn.objects;
    if (objects.length === 0) {
      await pool.discard();
      throw loadError({ code: 'noneInitialised', values: {}, file: source.label });
    }
    const indexById = failed.size ? await indexInSlices(objects) : drawnIndex;
    await pool.commit();
    useEphemerisStore.getState().set(drawn.entries.filter((e) => indexById.has(e.id)));
    const rejected = [
      ...parsed.rejected,
      ...failures.map((f) => {
        const { objectName, noradCatId } = drawn.objects[f.index];
        const detail = `${objectName} (${noradCatId}): ${f.reason}`;
        return rejectedRecord(
          f.index + 1,
          undefined,
          'SGP4 init',
          recordIssue('sgp4Init', { detail }),
        );
      }),
    ];
    performance.mark('catalog: committed');
    let ephemerisOnly = 0;
    for (const o of objects) if (o.ephemerisOnly) ephemerisOnly++;
    useCatalogStore.getState().loaded(
      objects,
      {
        source,
        format: parsed.format,
        loaded: objects.length - ephemerisOnly,
        rejected,
        rejectedCount: parsed.rejectedCount + failures.length,
        duplicatesDropped: parsed.duplicatesDropped,
        ingestMs: performance.now() - started,
        arrivedAtWallMs: started,
      },
      indexById,
    );
    if (!options.keepClock) {
      const start = startTimeFromMedian(parsed.medianEpochMs, Date.now());
      useClockStore.getState().setStart(start.startMs, start.medianEpochMs, start.note);
    }
    const { selectedId, select } = useSelectionStore.getState();
    if (selectedId !== null && !useCatalogStore.getState().indexById.has(selectedId)) select(null);
    return true;
  } catch (error) {
    // Settled and dropped before the next load's turn: it must not land in the pool after that
    // load's own catalog is prepared.
    if (early) {
      await early.catch(() => undefined);
      await pool.discard().catch(() => undefined);
    }
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
  // The parsing worker reads it: a 50 MB text made here would be copied there again.
  return {
    text: file,
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
    // Bytes: the parsing worker decodes the text, or unpacks the snapshot packed at build time.
    const text = await response.arrayBuffer();
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
      label: `CelesTrak ${group}`,
      ref: group,
      fetchedAtMs: data.fetchedAtMs,
      stale: data.stale,
    },
  };
}
