import { DESIGNATOR_PATTERN } from './validate';

/**
 * Whether a catalog object's international designator belongs to a notified launch: a launch
 * designator "2024-191" matches every piece ("2024-191A", "2024-191AB"); a designator with piece
 * letters matches that object only.
 */
export function designatorMatches(objectId: string, designator: string): boolean {
  const id = objectId.trim().toUpperCase();
  const d = designator.trim().toUpperCase();
  if (!DESIGNATOR_PATTERN.test(d)) return false;
  if (d.length > 8) return id === d;
  return id.startsWith(d) && /^[A-Z]{1,3}$/.test(id.slice(d.length));
}

/** The catalog objects a notification's designator names, in catalog order. */
export function correlatedObjects<T extends { objectId: string }>(
  designator: string | undefined,
  objects: readonly T[],
): T[] {
  if (!designator) return [];
  return objects.filter((o) => designatorMatches(o.objectId, designator));
}
