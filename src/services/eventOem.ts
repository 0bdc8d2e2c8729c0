// An event's two objects as one OEM around TCA, each from what the page draws it with: a loaded
// ephemeris that covers the window, else the catalog object's SGP4.
import type { ConjunctionRecord } from '../domain/conjunctions';
import { safeFileName } from '../domain/exportSafety';
import { refuseExport, type OemExportRefusal } from '../domain/oem/exportIssues';
import { eventObjectsToOem, type EventObjectSource } from '../domain/oem/objects';
import { useCatalogStore } from '../state/catalogStore';
import { useEphemerisStore } from '../state/ephemerisStore';

/** TCA ± this, every step: what the other operator screens or compares with. */
export const EVENT_OEM_HALF_SPAN_MS = 2 * 3_600_000;
export const EVENT_OEM_STEP_MS = 60_000;

function sourceOf(
  id: number | null,
  name: string,
  windowMs: [number, number],
): EventObjectSource | OemExportRefusal {
  if (id === null) return refuseExport('noCatalogNumber', { name });
  const entry = useEphemerisStore
    .getState()
    .entries.find((e) => e.id === id && e.plannedFor === null);
  const covers = entry?.spansMs.some(([a, b]) => a <= windowMs[0] && windowMs[1] <= b);
  const { objects, indexById } = useCatalogStore.getState();
  const object = objects[indexById.get(id) ?? -1];
  if (entry && (covers || !object || object.ephemerisOnly)) {
    const meta = entry.message.segments[0].metadata;
    return {
      kind: 'ephemeris',
      objectName: meta.objectName,
      objectId: meta.objectId,
      teme: entry.teme,
    };
  }
  if (!object || object.ephemerisOnly) return refuseExport('notInCatalog', { name, id });
  return { kind: 'sgp4', elementSet: object };
}

export function eventObjectsOem(
  record: ConjunctionRecord,
  creationDateMs: number,
): { ok: true; text: string; fileName: string } | OemExportRefusal {
  const windowMs: [number, number] = [
    record.tcaMs - EVENT_OEM_HALF_SPAN_MS,
    record.tcaMs + EVENT_OEM_HALF_SPAN_MS,
  ];
  const first = sourceOf(record.id1, record.name1, windowMs);
  const second = sourceOf(record.id2, record.name2, windowMs);
  if ('ok' in first) return first;
  if ('ok' in second) return second;
  const written = eventObjectsToOem(
    [first, second],
    { tcaMs: record.tcaMs, halfSpanMs: EVENT_OEM_HALF_SPAN_MS, stepMs: EVENT_OEM_STEP_MS },
    { originator: 'ORBITAL WATCH', creationDateMs },
  );
  if (!written.ok) return written;
  return { ...written, fileName: `${safeFileName(record.key, 'conjunction')}.oem` };
}
