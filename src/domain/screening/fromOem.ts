// An OEM as a screening object: its segments in TEME, and the catalog number it goes by. The OEM
// reader keeps one object per file (a segment naming another object is refused), so a file is one
// ephemeris object.
import type { ElementSet } from '../catalog/types';
import { messageToTeme } from '../oem/frames';
import type { OemMessage } from '../oem/types';
import type { ScreeningEphemeris } from './types';

/**
 * Numbers given to ephemeris objects that match no catalog object and carry no catalog number:
 * above the largest catalog number an OMM can carry (9 digits).
 */
export const FIRST_EPHEMERIS_ONLY_ID = 1_000_000_000;

const normalise = (s: string) => s.trim().toUpperCase();

/**
 * The catalog number of an OEM's object: its OBJECT_ID when that is a number, else the catalog
 * object whose international designator is the OBJECT_ID; null when neither.
 */
export function catalogNumberOf(objectId: string, catalog: readonly ElementSet[]): number | null {
  const id = normalise(objectId);
  if (/^\d{1,9}$/.test(id)) return Number(id);
  const twin = catalog.find((el) => el.objectId !== '' && normalise(el.objectId) === id);
  return twin ? twin.noradCatId : null;
}

/**
 * Whether two OEMs describe the same object (a nominal and a planned manoeuvre, or a refresh):
 * the same OBJECT_ID, the same catalog number, or the same OBJECT_NAME.
 */
export function sameObject(
  a: { objectId: string; objectName: string },
  b: { objectId: string; objectName: string },
  catalog: readonly ElementSet[],
): boolean {
  if (normalise(a.objectId) === normalise(b.objectId)) return true;
  if (normalise(a.objectName) !== '' && normalise(a.objectName) === normalise(b.objectName)) {
    return true;
  }
  const n = catalogNumberOf(a.objectId, catalog);
  return n !== null && n === catalogNumberOf(b.objectId, catalog);
}

/**
 * The message as a screening ephemeris. `taken`: numbers already used by other ephemerides of the
 * same run; an object with no catalog number gets the next free one from FIRST_EPHEMERIS_ONLY_ID.
 */
export function ephemerisFromOem(
  message: OemMessage,
  label: string,
  catalog: readonly ElementSet[],
  taken: ReadonlySet<number> = new Set(),
): ScreeningEphemeris {
  const meta = message.segments[0].metadata;
  let id = catalogNumberOf(meta.objectId, catalog);
  if (id === null) {
    id = FIRST_EPHEMERIS_ONLY_ID;
    while (taken.has(id)) id++;
  }
  return {
    id,
    name: meta.objectName,
    label: `${label} (${meta.objectId})`,
    objectId: meta.objectId,
    segments: messageToTeme(message).segments,
  };
}
