// Opening `?event=` on a page that has no such event listed (a link from someone else's screening
// or import): recompute the event from the loaded catalog so the link still opens at its TCA.
import type { AddressIssue } from '../domain/addressIssues';
import { eventFromCatalog, parseEventKey } from '../domain/conjunctions';
import { useConjunctionStore } from '../state/conjunctionStore';
import { catalogLookup } from './conjunctionImport';

/** Resolve the pending `?event=` link from the catalog; returns the reason when it cannot. */
export function resolveEventLinkFromCatalog(): AddressIssue | null {
  const store = useConjunctionStore.getState();
  const key = store.pendingLink;
  if (!key) return null;
  const linked = eventFromCatalog(key, catalogLookup(), store.settings.defaultHbrM);
  if (!linked.ok) {
    return { code: 'eventLink', values: { key, reason: linked.reason }, link: linked.issue };
  }
  store.addEvents('screening', [linked.record]);
  if (useConjunctionStore.getState().pendingLink === null) return null;
  // Our SGP4 puts the approach more than a millisecond from the link's TCA (a link from a CDM):
  // show ours, and say by how much it differs.
  const after = useConjunctionStore.getState();
  after.setPendingLink(null);
  after.select(linked.record.key);
  const dtS = (linked.record.tcaMs - parseEventKey(key)!.tcaMs) / 1000;
  after.setAlert(
    `Event link ${key}: recomputed with SGP4 on the loaded catalog; TCA ${dtS >= 0 ? '+' : ''}${dtS.toFixed(3)} s from the link's`,
  );
  return null;
}
