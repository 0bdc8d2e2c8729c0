// The event history in the browser: fed by screening runs and imports, kept in IndexedDB, shared
// with other tabs of the same origin, shown as the conjunction list's rows (one per event).
//
// Storage: one record per event (keyPath eventId). Only events that changed are written, all in
// one transaction, so a failed write (storage full, unavailable) leaves what was stored as it was;
// the failure is reported and the events stay on screen. Everything read back is validated like an
// imported document; a record that fails is moved to a set-aside store with its reason, not
// loaded. Archive rule: at each start, events whose TCA is more than ARCHIVE_AFTER_DAYS days past
// (wall clock) are archived — kept, out of the working list, shown by the "archived" filter. What
// is imported or screened during a session is never archived in it.
import { openDB, type IDBPDatabase } from 'idb';
import {
  eventOrder,
  recordFromScreening,
  withObjectHbr,
  type ConjunctionRecord,
} from '../domain/conjunctions';
import {
  addUpdatesSteps,
  alertListSteps,
  archiveEvents,
  HISTORY_SCHEMA_VERSION,
  historiesFromDocument,
  historiesToDocument,
  HistoryDocumentError,
  HistoryInputError,
  latestUpdate,
  socratesReportMs,
  sortSteps,
  STEP_ITEMS,
  updateFromRecord,
  type ConjunctionEventHistory,
  type EventUpdate,
  type HistoryIssue,
  type ListedAlert,
  type RejectedEvent,
  type ScreeningCoverage,
  type Steps,
} from '../domain/history';
import { ephemerisEventPc } from '../domain/screening/ephemerisPc';
import { runLabelText, type RunDescription } from '../domain/screening/runs';
import type { ScreeningEphemeris, ScreeningResult } from '../domain/screening/types';
import { useCatalogStore } from '../state/catalogStore';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useHistoryStore } from '../state/historyStore';
import type { ScreeningRequest } from '../state/screeningStore';
import { latestInSlices, mapInSlices, runInSlices, SLICE_MS } from './slices';

const DB_NAME = 'orbital-watch-history';
const STORE = 'events';
const SET_ASIDE = 'set-aside';
const CHANNEL = 'orbital-watch-history';
const MAX_LISTED = 3;

const history = () => useHistoryStore.getState();
const reason = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

let db: Promise<IDBPDatabase> | null = null;
function historyDb(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'eventId' });
      database.createObjectStore(SET_ASIDE, { autoIncrement: true });
    },
  });
  return db;
}

/** What storage holds, by eventId (the very objects written or read): unchanged ones are skipped. */
const persisted = new Map<string, ConjunctionEventHistory>();
let channel: BroadcastChannel | null = null;
/** Changes are written to storage (operator mode; other modes only read). */
let writeThrough = false;

function describeRejected(rejected: readonly RejectedEvent[]): string {
  const listed = rejected
    .slice(0, MAX_LISTED)
    .map((r) => `${r.eventId ?? `event ${r.index}`}: ${r.path} ${r.reason}`);
  return (
    listed.join(' · ') +
    (rejected.length > MAX_LISTED ? ` · and ${rejected.length - MAX_LISTED} more` : '')
  );
}

/** Validate records as the store document does; returns the good ones and the rejected. */
function validate(records: unknown[]) {
  return historiesFromDocument({
    schemaVersion: HISTORY_SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    events: records,
  });
}

/** Read the stored events back (set aside what fails), archive by the rule, show them. */
export async function restoreHistory(nowMs = Date.now()): Promise<void> {
  try {
    const database = await historyDb();
    const stored: unknown[] = await database.getAll(STORE);
    const { histories, rejected } = validate(stored);
    if (rejected.length) {
      const tx = database.transaction([STORE, SET_ASIDE], 'readwrite');
      await Promise.all([
        ...rejected.map((r) =>
          tx.objectStore(SET_ASIDE).add({ record: stored[r.index], ...r, atMs: nowMs }),
        ),
        ...rejected.map((r) => {
          const key = (stored[r.index] as { eventId?: unknown } | null)?.eventId;
          return typeof key === 'string' ? tx.objectStore(STORE).delete(key) : undefined;
        }),
        tx.done,
      ]);
      history().setAlert(
        `${rejected.length} stored event${rejected.length > 1 ? 's' : ''} set aside (not loaded): ${describeRejected(rejected)}`,
      );
    }
    for (const h of histories) persisted.set(h.eventId, h);
    const shown = archiveEvents(histories, nowMs);
    if (history().histories.length) history().mergeEvents(shown);
    else history().putEvents(shown);
    history().setStorage({ state: 'ok' });
    // Archived events, and events added while reading back, are written now.
    if (writeThrough) writing = writing.then(flush);
  } catch (error) {
    history().setStorage({
      state: 'unavailable',
      message: `The event history could not be read from the browser's storage (${reason(error)}); events of this session are not kept`,
    });
  }
}

let writing: Promise<void> = Promise.resolve();

/** The events not stored as they are, found in steps (a quarter of a million after a week's run). */
function* changedSteps(
  histories: readonly ConjunctionEventHistory[],
): Steps<ConjunctionEventHistory[]> {
  const changed: ConjunctionEventHistory[] = [];
  for (let i = 0; i < histories.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    if (persisted.get(histories[i].eventId) !== histories[i]) changed.push(histories[i]);
  }
  return changed;
}

/** Write the events that changed since the last write, in one transaction. */
async function flush(): Promise<void> {
  const changed = await runInSlices(changedSteps(history().histories));
  if (!changed.length) return;
  try {
    const tx = (await historyDb()).transaction(STORE, 'readwrite');
    const done = tx.done;
    // A failed put aborts the transaction: the put's own rejection reports it below, so this one
    // must not surface as an unhandled rejection (awaiting `done` still throws).
    done.catch(() => undefined);
    // Puts in slices, each issued when the last one's requests succeed, so the transaction stays
    // open (one write, all or nothing) while the page gets the thread between slices.
    for (let i = 0; i < changed.length;) {
      const sliceStart = performance.now();
      const requests: Promise<unknown>[] = [];
      while (i < changed.length && performance.now() - sliceStart < SLICE_MS) {
        requests.push(tx.store.put(changed[i++]));
      }
      await Promise.all(requests);
    }
    await done;
    for (const h of changed) persisted.set(h.eventId, h);
    history().setStorage({ state: 'ok' });
    channel?.postMessage({ type: 'changed', eventIds: changed.map((h) => h.eventId) });
  } catch (error) {
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    history().setStorage({
      state: full ? 'full' : 'unavailable',
      message: `${changed.length} changed event${changed.length > 1 ? 's' : ''} not saved: the browser's storage is ${full ? 'full' : 'unavailable'} (${reason(error)}); what was stored before is unchanged. Export the event store to keep them.`,
    });
  }
}

/** Another tab changed these events: read them back, validated, and merge them in. */
async function receive(eventIds: readonly string[]): Promise<void> {
  try {
    const database = await historyDb();
    const stored = await Promise.all(eventIds.map((id) => database.get(STORE, id) as unknown));
    const { histories, rejected } = validate(stored.filter((x) => x !== undefined));
    if (rejected.length)
      history().setAlert(`Another tab's events not loaded: ${describeRejected(rejected)}`);
    history().mergeEvents(histories);
    // Where the merge holds what storage holds, nothing needs writing back.
    const now = new Map(history().histories.map((h) => [h.eventId, h]));
    for (const h of histories) {
      const mine = now.get(h.eventId);
      if (
        mine &&
        mine.updates.length === h.updates.length &&
        mine.acknowledgements.length === h.acknowledgements.length &&
        !!mine.archived === !!h.archived &&
        mine.droppedAtMs === h.droppedAtMs
      )
        persisted.set(h.eventId, mine);
    }
  } catch (error) {
    history().setAlert(`Another tab's events could not be read (${reason(error)})`);
  }
}

/** Write every change through (operator mode) and listen to other tabs. */
export function startHistoryPersistence(): () => void {
  writeThrough = true;
  const off = useHistoryStore.subscribe((s, prev) => {
    if (s.histories === prev.histories || s.storage.state === 'restoring') return;
    writing = writing.then(flush);
  });
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<{ type?: string; eventIds?: unknown }>) => {
      const ids = e.data?.eventIds;
      if (e.data?.type === 'changed' && Array.isArray(ids)) {
        void receive(ids.filter((x): x is string => typeof x === 'string'));
      }
    };
  }
  return () => {
    off();
    writeThrough = false;
    channel?.close();
    channel = null;
  };
}

/** The last write has finished (tests). */
export const historyWritten = (): Promise<void> => writing;

function toUpdates(
  records: readonly ConjunctionRecord[],
  context: (r: ConjunctionRecord) => Parameters<typeof updateFromRecord>[1],
): { updates: EventUpdate[]; leftOver: ConjunctionRecord[]; problems: HistoryIssue[] } {
  const out = {
    updates: [] as EventUpdate[],
    leftOver: [] as ConjunctionRecord[],
    problems: [] as HistoryIssue[],
  };
  for (const r of records) {
    const u = toUpdate(r, context(r));
    if ('problem' in u) {
      out.leftOver.push(r);
      out.problems.push(u.problem);
    } else out.updates.push(u);
  }
  return out;
}

function toUpdate(
  r: ConjunctionRecord,
  context: Parameters<typeof updateFromRecord>[1],
): EventUpdate | { problem: HistoryIssue } {
  try {
    return updateFromRecord(r, context);
  } catch (e) {
    if (!(e instanceof HistoryInputError)) throw e;
    return { problem: e.issue };
  }
}

/**
 * Imported CDM and SOCRATES records become updates of their events. A SOCRATES list's report time
 * is its file name's time, else the file's modification time (`fileTimes`, by name). Records that
 * cannot become updates come back (`leftOver`, listed as they are) with the reason.
 */
export function recordImported(
  records: readonly ConjunctionRecord[],
  fileTimes: ReadonlyMap<string, number>,
): { leftOver: ConjunctionRecord[]; problems: HistoryIssue[] } {
  const { updates, leftOver, problems } = toUpdates(records, (r) =>
    r.source === 'socrates'
      ? { createdMs: socratesReportMs(r.sourceLabel) ?? fileTimes.get(r.sourceLabel) }
      : {},
  );
  // Asked for again: archived events that hold these updates return to the working list.
  history().unarchive(new Set(updates.map((u) => u.updateId)));
  history().addUpdates(updates);
  return { leftOver, problems };
}

/**
 * A finished screening run (the Screening panel's or the watch list's re-screening): its events
 * are updates created now, and events it covered but did not find are marked dropped. Only the
 * run's primaries (a watch list's numbers) are covered; all vs all covers the whole catalog.
 * Each event's record (with its Pc) is built, and the updates merged into the history, in slices
 * between which the page draws and answers (`onProgress(done, total)` while building): a week of
 * all vs all is a quarter of a million events. Resolves once the list shows them. The run's
 * English label names its updates; its description is kept with each record.
 */
export async function recordScreeningRun(
  result: ScreeningResult,
  run: RunDescription,
  request: ScreeningRequest,
  nowMs = Date.now(),
  ephemerides: readonly ScreeningEphemeris[] = [],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { defaultHbrM, objectHbrM } = useConjunctionStore.getState().settings;
  const label = runLabelText(run);
  const context = { createdMs: nowMs, runLabel: label };
  const built = await mapInSlices(
    result.events,
    (e) => {
      // An OEM with covariance at TCA gives the event a Pc of its own (else the maximum Pc).
      const ephemerisPc = ephemerides.length ? ephemerisEventPc(e, ephemerides, defaultHbrM) : null;
      const record = withObjectHbr(
        { ...recordFromScreening(e, defaultHbrM, label, ephemerisPc), run },
        objectHbrM,
        defaultHbrM,
      );
      return { record, update: toUpdate(record, context) };
    },
    onProgress,
  );
  const updates: EventUpdate[] = [];
  const leftOver: ConjunctionRecord[] = [];
  for (const { record, update } of built) {
    if ('problem' in update) leftOver.push(record);
    else updates.push(update);
  }
  if (leftOver.length) useConjunctionStore.getState().addEvents('screening', leftOver);
  const coverage: ScreeningCoverage = {
    runLabel: label,
    atMs: nowMs,
    startMs: request.startMs,
    endMs: request.startMs + request.durationHours * 3_600_000,
    objectIds: request.primaries.length
      ? request.primaries
      : useCatalogStore.getState().objects.map((o) => o.noradCatId),
  };
  await addUpdatesInSlices(updates, coverage);
  await historyRowsShown();
}

/**
 * The store's addUpdates worked out in slices between which the page draws and answers; swapped
 * in at the end. A history changed meanwhile (an import, another tab) is merged again.
 */
export async function addUpdatesInSlices(
  updates: readonly EventUpdate[],
  run?: ScreeningCoverage,
): Promise<void> {
  for (;;) {
    const from = history().histories;
    const to = await runInSlices(addUpdatesSteps(from, updates, run));
    if (history().replaceHistories(from, to)) return;
  }
}

/** The record a history shows as its list row: the viewed older update's, else the latest's. */
export function rowRecord(
  h: ConjunctionEventHistory,
  viewed: { eventId: string; updateId: string } | null,
): ConjunctionRecord {
  const older =
    viewed?.eventId === h.eventId
      ? h.updates.find((u) => u.updateId === viewed.updateId)
      : undefined;
  return (older ?? latestUpdate(h)).record;
}

interface HistoryRows {
  rows: ConjunctionRecord[];
  /** Row key → the event it shows. */
  rowEvent: Map<string, ConjunctionEventHistory>;
}

/** The list's rows of these histories: one per event. */
function* historyRowSteps(
  histories: readonly ConjunctionEventHistory[],
  archived: boolean,
  viewed: { eventId: string; updateId: string } | null,
): Steps<HistoryRows> {
  const { defaultHbrM, objectHbrM } = useConjunctionStore.getState().settings;
  const rowEvent = new Map<string, ConjunctionEventHistory>();
  const rows: ConjunctionRecord[] = [];
  for (let i = 0; i < histories.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const h = histories[i];
    if (!!h.archived !== archived) continue;
    const r = withObjectHbr(rowRecord(h, viewed), objectHbrM, defaultHbrM);
    if (rowEvent.has(r.key)) continue;
    rowEvent.set(r.key, h);
    rows.push(r);
  }
  // In the list's order already, so that rendering the list does not sort them in one task.
  const order = eventOrder(useConjunctionStore.getState().sort);
  return { rows: yield* sortSteps(rows, order), rowEvent };
}

/**
 * The conjunction list's rows follow the history: one per event (working list or archived). A
 * change the rows of which take longer than a slice (a week of screening) is worked out in
 * slices; a later change while it is overtakes it.
 */
export function startHistoryRows(): () => void {
  let rowEvent = new Map<string, ConjunctionEventHistory>();
  const caughtUp = () => {
    rowsBehind = false;
    for (const resolve of rowsAwaited.splice(0)) resolve();
  };
  const show = latestInSlices<HistoryRows>(({ rows, rowEvent: next }) => {
    // The selected event stays selected when its row's key moves (a new update's TCA).
    const { selectedKey } = useConjunctionStore.getState();
    const selectedEvent = selectedKey === null ? undefined : rowEvent.get(selectedKey)?.eventId;
    let follow: string | null | undefined;
    if (selectedEvent !== undefined) {
      follow = null;
      for (const [key, h] of next) {
        if (h.eventId !== selectedEvent) continue;
        follow = key;
        break;
      }
    }
    rowEvent = next;
    useHistoryStore.setState({ rowEvents: next });
    useConjunctionStore.getState().setHistoryRows(rows, follow, next);
    caughtUp();
  });
  const sync = () => {
    const { histories, statusFilter, viewed } = history();
    rowsBehind = true;
    show(historyRowSteps(histories, statusFilter === 'archived', viewed));
  };
  sync();
  // Another event selected: the older update viewed goes back to the latest.
  const offSelection = useConjunctionStore.subscribe((s, prev) => {
    const v = history().viewed;
    if (s.selectedKey === prev.selectedKey || !v) return;
    if (s.selectedKey === null || rowEvent.get(s.selectedKey)?.eventId !== v.eventId)
      history().view(null);
  });
  const offHistory = useHistoryStore.subscribe((s, prev) => {
    if (
      s.histories !== prev.histories ||
      s.viewed !== prev.viewed ||
      (s.statusFilter !== prev.statusFilter &&
        (s.statusFilter === 'archived') !== (prev.statusFilter === 'archived'))
    )
      sync();
  });
  return () => {
    offSelection();
    offHistory();
    caughtUp();
  };
}

/** The list's rows are behind the history (being worked out in slices); who waits for them. */
let rowsBehind = false;
const rowsAwaited: (() => void)[] = [];

/** Resolves once the list's rows show the history as it is now (at once when they do). */
export function historyRowsShown(): Promise<void> {
  return rowsBehind ? new Promise((resolve) => rowsAwaited.push(resolve)) : Promise.resolve();
}

/** The whole event store as one JSON document (a shift handover). */
export function exportHistoryDocument(nowMs = Date.now()): string {
  return JSON.stringify(historiesToDocument(history().histories, nowMs), null, 1);
}

/** Merge an event-store document into the store; bad events are named and left out. */
export function importHistoryText(text: string, name: string): number {
  try {
    const { histories, rejected } = historiesFromDocument(text);
    const updates = histories.reduce((n, h) => n + h.updates.length, 0);
    history().mergeEvents(histories);
    history().setAlert(
      rejected.length
        ? `${name}: ${histories.length} events merged; ${rejected.length} not loaded: ${describeRejected(rejected)}`
        : null,
    );
    return updates;
  } catch (e) {
    if (!(e instanceof HistoryDocumentError)) throw e;
    history().setAlert(`${name}: not imported — ${e.message}; the event history is unchanged`);
    return 0;
  }
}

const BASE_TITLE = typeof document === 'undefined' ? '' : document.title;

/**
 * The page title counts the unacknowledged alerts; new ones (raised after start-up) become
 * desktop notifications when the operator has turned them on.
 */
export function startAlertWatch(): () => void {
  let seen: Set<string> | null = null;
  const tell = () => {
    const { alerts, notify, storage } = history();
    if (storage.state === 'restoring') return;
    const unacknowledged = alerts.list.filter((a) => a.ackedAtMs === undefined);
    document.title = unacknowledged.length
      ? `(${unacknowledged.length}) ${BASE_TITLE}`
      : BASE_TITLE;
    const fresh = seen ? unacknowledged.filter((a) => !seen!.has(a.alertId)) : [];
    seen = new Set(unacknowledged.map((a) => a.alertId));
    if (!notify || typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return;
    for (const a of fresh.slice(0, MAX_LISTED)) {
      new Notification(`${a.toLevel.toUpperCase()}: ${a.names}`, {
        body: a.change,
        tag: a.alertId,
      });
    }
  };
  // Worked out in slices when large (a week of screening raises tens of thousands).
  const list = latestInSlices<ListedAlert[]>((all) => {
    const unacknowledged = all.reduce((n, a) => n + (a.ackedAtMs === undefined ? 1 : 0), 0);
    useHistoryStore.setState({ alerts: { list: all, unacknowledged } });
    tell();
  });
  const update = () => list(alertListSteps(history().histories, history().thresholds));
  update();
  return useHistoryStore.subscribe((s, prev) => {
    if (s.histories !== prev.histories || s.thresholds !== prev.thresholds) update();
    else if (s.storage !== prev.storage) tell();
  });
}

/** Turn desktop notifications on (asking for permission now) or off. */
export async function setDesktopNotifications(on: boolean): Promise<string | null> {
  if (!on) {
    history().setNotify(false);
    return null;
  }
  if (typeof Notification === 'undefined') return 'This browser has no desktop notifications';
  const permission =
    Notification.permission === 'default'
      ? await Notification.requestPermission()
      : Notification.permission;
  if (permission !== 'granted') return `Desktop notifications are ${permission} for this page`;
  history().setNotify(true);
  return null;
}
