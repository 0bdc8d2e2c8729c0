import { checkCatalogSize } from '../domain/catalog/errors';
import type { RejectedRecord } from '../domain/catalog/types';
import { chooseStartTime } from '../domain/time/startTime';
import { useCatalogStore, type CatalogSource } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useSelectionStore } from '../state/selectionStore';
import { fetchGroup } from './celestrak';
import { catalogParser, propagationPool } from './engine';

/** A load that must not replace the catalog on screen; the message names what was wrong. */
export class CatalogLoadError extends Error {}

function describeRejection(r: RejectedRecord): string {
  const where = r.line ? `record ${r.record}, line ${r.line}` : `record ${r.record}`;
  return `${where}, ${r.field}: ${r.reason}`;
}

/**
 * Parse, initialise and publish a catalog. Every failure is reported through the store and
 * leaves the catalog already on screen (and the workers' copy of it) untouched.
 */
export async function ingestCatalogText(
  text: string,
  source: CatalogSource,
  options: { keepClock?: boolean } = {},
): Promise<boolean> {
  const store = useCatalogStore.getState();
  store.startLoading(source.label);
  const started = performance.now();
  const pool = propagationPool();
  try {
    const parsed = await catalogParser().parse(text, source.label);
    if (parsed.objects.length === 0) {
      const first = parsed.rejected[0];
      throw new CatalogLoadError(
        `${source.label}: no usable records` +
          (first
            ? ` (${parsed.rejected.length} rejected; first: ${describeRejection(first)})`
            : ''),
      );
    }
    const failures = await pool.prepare(parsed.objects);
    const failed = new Set(failures.map((f) => f.index));
    const objects = parsed.objects.filter((_, i) => !failed.has(i));
    if (objects.length === 0) {
      await pool.discard();
      throw new CatalogLoadError(`${source.label}: SGP4 could not initialise any record`);
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
    useCatalogStore
      .getState()
      .failed(message.startsWith(source.label) ? message : `${source.label}: ${message}`);
    return false;
  }
}

export async function loadCatalogFile(file: File): Promise<boolean> {
  const sizeProblem = checkCatalogSize(file.size);
  if (sizeProblem) {
    useCatalogStore.getState().failed(`${file.name}: ${sizeProblem}`);
    return false;
  }
  const text = await file.text();
  return ingestCatalogText(text, {
    kind: 'file',
    label: file.name,
    fetchedAtMs: file.lastModified,
  });
}

export async function loadCatalogUrl(
  url: string,
  kind: 'url' | 'snapshot' = 'url',
  options: { keepClock?: boolean } = {},
): Promise<boolean> {
  const label = kind === 'snapshot' ? 'Offline snapshot' : url;
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const length = Number(response.headers.get('content-length') ?? 0);
    const sizeProblem = length ? checkCatalogSize(length) : null;
    if (sizeProblem) throw new Error(sizeProblem);
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useCatalogStore.getState().failed(`Could not fetch ${url}: ${reason}`);
    return false;
  }
  return ingestCatalogText(text, { kind, label, ref: url, fetchedAtMs: Date.now() }, options);
}

export async function loadCelestrakGroup(
  group: string,
  options: { keepClock?: boolean } = {},
): Promise<boolean> {
  useCatalogStore.getState().startLoading(`CelesTrak ${group}`);
  try {
    const data = await fetchGroup(group);
    return ingestCatalogText(
      data.text,
      {
        kind: 'celestrak',
        label: `CelesTrak ${group}${data.stale ? ' (cached, CelesTrak unreachable)' : ''}`,
        ref: group,
        fetchedAtMs: data.fetchedAtMs,
      },
      options,
    );
  } catch (error) {
    useCatalogStore.getState().failed(error instanceof Error ? error.message : String(error));
    return false;
  }
}
