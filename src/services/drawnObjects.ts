// The objects the globe draws: the catalog, then the loaded ephemerides' objects the catalog does
// not have. An ephemeris whose OBJECT_ID names a catalog object stands in for it inside its usable
// spans (the propagation workers swap the states), so it adds no object of its own. A planned
// manoeuvre of a loaded object is drawn beside its nominal, as an object of its own.
import type { CatalogObject } from '../domain/catalog/types';
import { ephemerisCatalogObject } from '../domain/oem/display';
import { catalogNumberOf, FIRST_EPHEMERIS_ONLY_ID } from '../domain/screening/fromOem';
import type { LoadedEphemeris } from '../state/ephemerisStore';
import type { EphemerisOverride } from '../workers/propagationService';

export interface DrawnObjects {
  objects: CatalogObject[];
  overrides: EphemerisOverride[];
  /** The ephemerides with their catalog numbers and counterparts settled. */
  entries: LoadedEphemeris[];
  /** Ephemerides left out (their first state is not an Earth orbit): their files. */
  notDrawn: string[];
}

export function composeDrawn(
  catalog: readonly CatalogObject[],
  ephemerides: readonly LoadedEphemeris[],
): DrawnObjects {
  const objects = catalog.filter((o) => !o.ephemerisOnly);
  // Only ephemerides need it: a map of 340,000 objects is tens of milliseconds of a load's task.
  const indexById = ephemerides.length ? new Map(objects.map((o, i) => [o.noradCatId, i])) : null;
  const overrides: EphemerisOverride[] = [];
  const entries: LoadedEphemeris[] = [];
  const notDrawn: string[] = [];
  const taken = new Set<number>();
  // Nominals first: they take the catalog numbers; a planned manoeuvre is an object of its own.
  const ordered = [
    ...ephemerides.filter((e) => e.plannedFor === null),
    ...ephemerides.filter((e) => e.plannedFor !== null),
  ];
  for (const e of ordered) {
    const meta = e.message.segments[0].metadata;
    let id = catalogNumberOf(meta.objectId, objects);
    const index = id === null ? undefined : indexById?.get(id);
    const segments = e.teme.map((s) => ({ ...s, covariances: [] }));
    if (index !== undefined && id !== null && e.plannedFor === null) {
      overrides.push({ index, segments, ephemerisOnly: false });
      entries.push({ ...e, id, hasCounterpart: true });
      taken.add(id);
      continue;
    }
    if (id === null || taken.has(id)) {
      id = FIRST_EPHEMERIS_ONLY_ID;
      while (taken.has(id)) id++;
    }
    const described = ephemerisCatalogObject(e.message, e.teme, id);
    if (!described) {
      notDrawn.push(e.fileName);
      continue;
    }
    taken.add(id);
    const name = e.plannedFor === null ? described.objectName : `${described.objectName} (planned)`;
    objects.push({ ...described, objectName: name, ephemerisOnly: true });
    overrides.push({ index: objects.length - 1, segments, ephemerisOnly: true });
    entries.push({ ...e, id, hasCounterpart: false });
  }
  return { objects, overrides, entries, notDrawn };
}
