// Opening an OEM in the browser: read off the main thread (the catalog worker), then the drawn
// objects are composed again with it (see drawnObjects) and the propagation workers re-prepared.
// A refused file, or one whose object cannot be drawn, leaves everything loaded as it was.
import { inputBytesIssue } from '../domain/limits';
import { compressionOf } from '../domain/oem/decode';
import type { OemLoadNotice } from '../domain/oem/issues';
import { usableSpans } from '../domain/oem/display';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useEphemerisStore, type LoadedEphemeris } from '../state/ephemerisStore';
import { inLoadTurn } from './catalogLoader';
import { composeDrawn } from './drawnObjects';
import { catalogParser, propagationPool } from './engine';
import { sameObject } from '../domain/screening/fromOem';
import { objectsOf } from '../domain/oem/objects';

/** The status notice for a file refused, or loaded with segments refused (worded by the UI). */
const tell = (notice: OemLoadNotice) =>
  useCatalogStore.getState().failedWith([{ kind: 'ephemeris', notice }]);

/** Whether a file's first bytes (and name) say OEM: compressed, a KVN keyword or an <oem> root. */
export function looksLikeOem(name: string, head: Uint8Array): boolean {
  if (compressionOf(head) !== 'none') return true;
  const text = new TextDecoder().decode(head);
  if (/(^|\n)\s*CCSDS_OEM_VERS\s*=/.test(text) || /<oem[\s>]/.test(text)) return true;
  return /\.oem$/i.test(name);
}

/** Read an OEM file and draw its object; false (with the reason in the status) when refused. */
export async function loadEphemerisFile(file: File): Promise<boolean> {
  const catalog = useCatalogStore.getState();
  const tooLarge = inputBytesIssue('oem', file.size);
  if (tooLarge) {
    catalog.failedWith([{ kind: 'catalog', issue: { ...tooLarge, file: file.name } }]);
    return false;
  }
  catalog.startLoading(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { result, teme } = await catalogParser().readOem(bytes);
  if (!result.ok || !teme) {
    const issues = result.ok ? [] : result.errors;
    tell({ file: file.name, loaded: false, issues });
    return false;
  }
  // A file may carry several objects (an event's two): each is an ephemeris of its own.
  const objects = objectsOf(result.message);
  let entries = useEphemerisStore.getState().entries;
  const added: LoadedEphemeris[] = [];
  for (const message of objects) {
    const meta = message.segments[0].metadata;
    const entry: LoadedEphemeris = {
      fileName: objects.length > 1 ? `${file.name} (${meta.objectName})` : file.name,
      message,
      teme: teme.filter((t) => message.segments.some((s) => s.index === t.index)),
      spansMs: [],
      rejected: added.length === 0 ? result.rejected : [],
      id: 0,
      hasCounterpart: false,
      plannedFor: null,
    };
    entry.spansMs = usableSpans(entry.teme);
    // A second file of a loaded object is its planned manoeuvre, kept beside the nominal to be
    // compared with it; a third replaces that planned one.
    const catalogObjects = useCatalogStore.getState().objects;
    const same = (e: LoadedEphemeris) =>
      sameObject(e.message.segments[0].metadata, meta, catalogObjects);
    const nominal = entries.find((e) => e.plannedFor === null && same(e));
    entry.plannedFor = nominal?.fileName ?? null;
    entries = [...entries.filter((e) => !(e.plannedFor !== null && same(e))), entry];
    added.push(entry);
  }
  return inLoadTurn(() => publish(entries, file.name, added));
}

/**
 * Take a loaded ephemeris off: its object goes (or the catalog object it stood in for is drawn
 * from SGP4 again); a planned manoeuvre of it becomes the nominal.
 */
export function removeEphemeris(entry: LoadedEphemeris): Promise<boolean> {
  const entries = useEphemerisStore
    .getState()
    .entries.filter((e) => e !== entry)
    .map((e) => (e.plannedFor === entry.fileName ? { ...e, plannedFor: null } : e));
  return inLoadTurn(() => publish(entries, entry.fileName, []));
}

async function publish(
  entries: LoadedEphemeris[],
  label: string,
  added: readonly LoadedEphemeris[],
): Promise<boolean> {
  const store = useCatalogStore.getState();
  const drawn = composeDrawn(store.objects, entries);
  const pool = propagationPool();
  if (added.some((a) => !drawn.entries.some((e) => e.message === a.message))) {
    tell({ file: label, loaded: false, issues: [], notDrawn: drawn.notDrawn });
    return false;
  }
  try {
    const failures = await pool.prepare(drawn.objects, drawn.overrides);
    if (failures.length > 0) {
      await pool.discard();
      throw new Error(failures.map((f) => f.reason).join('; '));
    }
    await pool.commit();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    tell({ file: label, loaded: false, issues: [], detail });
    return false;
  }
  const hadCatalog = store.report !== null;
  useEphemerisStore.getState().set(drawn.entries);
  const now = performance.now();
  useCatalogStore.getState().loaded(
    drawn.objects,
    store.report ?? {
      source: { kind: 'file', label, fetchedAtMs: Date.now() },
      format: 'OEM',
      loaded: 0,
      rejected: [],
      rejectedCount: 0,
      duplicatesDropped: 0,
      ingestMs: 0,
      arrivedAtWallMs: now,
    },
  );
  // Segments refused while the others loaded are said, as a load's problem is.
  if (added.length === 0) return true;
  const rejected = added.flatMap((a) => a.rejected);
  if (rejected.length > 0) tell({ file: label, loaded: true, issues: rejected });
  // Nothing else to show: open the clock at the start of the ephemeris.
  if (!hadCatalog) useClockStore.getState().setStart(added[0].spansMs[0][0], null, null);
  return true;
}
