// A shared link names an event (`?event=<id1>-<id2>@<TCA>`) that the receiving page may not have
// in its list. When the loaded catalog holds both objects, the event is recomputed here with the
// screening engine itself, so a link made from our own screening reopens the same TCA to the ms.
import type { ElementSet } from '../catalog/types';
import { screenCatalog } from '../screening/screen';
import { parseEventKey } from './list';
import { recordFromScreening } from './records';
import type { ConjunctionRecord } from './types';

/** How far either side of the link's TCA the pair is screened. */
export const LINK_WINDOW_MS = 15 * 60_000;
/** The recomputed approach must come within this range to count as the linked event. */
export const LINK_REACH_KM = 100;

export type LinkedEvent = { ok: true; record: ConjunctionRecord } | { ok: false; reason: string };

export function eventFromCatalog(
  key: string,
  lookup: (id: number) => ElementSet | undefined,
  hbrM: number,
): LinkedEvent {
  const parts = parseEventKey(key);
  if (!parts) return { ok: false, reason: `"${key}" is not <id1>-<id2>@<ISO 8601 TCA>` };
  const ids = [parts.designator1, parts.designator2].map(Number);
  const missing = ids.filter((id) => !Number.isInteger(id) || !lookup(id));
  if (missing.length) {
    const names = [parts.designator1, parts.designator2].filter((_, k) => missing.includes(ids[k]));
    return { ok: false, reason: `${names.join(' and ')} not in the loaded catalog` };
  }
  const result = screenCatalog([lookup(ids[0])!, lookup(ids[1])!], {
    startMs: parts.tcaMs - LINK_WINDOW_MS,
    durationHours: (2 * LINK_WINDOW_MS) / 3_600_000,
    thresholdKm: LINK_REACH_KM,
    primaries: [ids[0]],
  });
  const nearest = result.events
    .filter((e) => e.id1 === ids[0])
    .sort((a, b) => Math.abs(a.tcaMs - parts.tcaMs) - Math.abs(b.tcaMs - parts.tcaMs))[0];
  if (!nearest) {
    return {
      ok: false,
      reason: `SGP4 on the loaded catalog brings the pair no closer than ${LINK_REACH_KM} km within 15 min of that TCA`,
    };
  }
  return { ok: true, record: recordFromScreening(nearest, hbrM, 'link (SGP4 on the catalog)') };
}
