// A shared link names an event (`?event=<id1>-<id2>@<TCA>`) that the receiving page may not have
// in its list. When the loaded catalog holds both objects, the event is recomputed here with the
// screening engine itself, so a link made from our own screening reopens the same TCA to the ms.
import type { ElementSet } from '../catalog/types';
import { codesOf, type MessageTemplates, type MessageValues } from '../messages';
import { screenCatalog } from '../screening/screen';
import { parseEventKey } from './list';
import { recordFromScreening } from './records';
import type { ConjunctionRecord } from './types';

/** How far either side of the link's TCA the pair is screened. */
export const LINK_WINDOW_MS = 15 * 60_000;
/** The recomputed approach must come within this range to count as the linked event. */
export const LINK_REACH_KM = 100;

const LINK_TEMPLATES = {
  notKey: (v) => `"${v.key}" is not <id1>-<id2>@<ISO 8601 TCA>`,
  oneMissing: (v) => `${v.id} not in the loaded catalog`,
  bothMissing: (v) => `${v.id1} and ${v.id2} not in the loaded catalog`,
  noApproach: (v) =>
    `SGP4 on the loaded catalog brings the pair no closer than ${v.km} km within 15 min of that TCA`,
} satisfies MessageTemplates;

export type LinkIssueCode = keyof typeof LINK_TEMPLATES;
export const LINK_ISSUE_CODES = codesOf(LINK_TEMPLATES);

/** Why a linked event cannot be recomputed: a code with its values (designators as written). */
export interface LinkIssue {
  code: LinkIssueCode;
  values: MessageValues;
}

export const linkIssueText = (issue: LinkIssue): string => LINK_TEMPLATES[issue.code](issue.values);

export type LinkedEvent =
  { ok: true; record: ConjunctionRecord } | { ok: false; issue: LinkIssue; reason: string };

const refused = (code: LinkIssueCode, values: MessageValues): LinkedEvent => ({
  ok: false,
  issue: { code, values },
  reason: linkIssueText({ code, values }),
});

export function eventFromCatalog(
  key: string,
  lookup: (id: number) => ElementSet | undefined,
  hbrM: number,
): LinkedEvent {
  const parts = parseEventKey(key);
  if (!parts) return refused('notKey', { key });
  const ids = [parts.designator1, parts.designator2].map(Number);
  const missing = ids.filter((id) => !Number.isInteger(id) || !lookup(id));
  if (missing.length) {
    const names = [parts.designator1, parts.designator2].filter((_, k) => missing.includes(ids[k]));
    return names.length === 1
      ? refused('oneMissing', { id: names[0] })
      : refused('bothMissing', { id1: names[0], id2: names[1] });
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
    return refused('noApproach', { km: LINK_REACH_KM });
  }
  return { ok: true, record: recordFromScreening(nearest, hbrM, 'link (SGP4 on the catalog)') };
}
