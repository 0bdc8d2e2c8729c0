import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHeightVar } from './useHeightVar';
import {
  eventsToCsv,
  eventsToJson,
  filterEvents,
  sortEvents,
  type ObjectTypeFilter,
  type SortKey,
} from '../domain/conjunctions';
import { loadConjunctionFiles } from '../services/conjunctionImport';
import { useCatalogStore } from '../state/catalogStore';
import { startConjunctionUrlSync, useConjunctionStore } from '../state/conjunctionStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { download, formatDse, formatMiss, formatPcSummary, formatTca } from './ConjunctionFormat';
import { formatNumber } from './format';
import type { EventSummary } from '../domain/history';
import {
  useHistoryStore,
  type HistorySortKey,
  type HistoryStatusFilter,
} from '../state/historyStore';
import {
  filterByHistory,
  formatMissChange,
  formatPcRatio,
  lazySummaries,
  sortByHistory,
} from './historyRows';
import { useWallNow } from './useTicker';
import { WatchMark } from './WatchMark';
import { importNoticeMessage, pcProblemMessage } from './issues';

/** Rows rendered at most (the count and the exports cover every visible event). */
const MAX_ROWS = 500;

/** Headers by key under conjunctions.column (the labels are the reader's language). */
const COLUMNS: { label: string; sort?: SortKey; className?: string }[] = [
  { label: 'tca', sort: 'tca' },
  { label: 'primary' },
  { label: 'secondary' },
  { label: 'miss', sort: 'range', className: 'num' },
  { label: 'relSpeed', sort: 'relSpeed', className: 'num' },
  { label: 'pc', sort: 'pc', className: 'num' },
  { label: 'dse', sort: 'age', className: 'num' },
  { label: 'source' },
];

/** The event history's columns (sorted by the history store's sort). */
const HISTORY_COLUMNS: { label: string; sort: HistorySortKey; className?: string }[] = [
  { label: 'updates', sort: 'updates', className: 'num' },
  { label: 'missChange', sort: 'missChange', className: 'num' },
  { label: 'pcChange', sort: 'pcChange', className: 'num' },
  { label: 'status', sort: 'status' },
];

/** Status filter values; '' is any (labels under eventStatus). */
const STATUSES: HistoryStatusFilter[] = [
  '',
  'new',
  'rising',
  'falling',
  'steady',
  'dropped',
  'past',
  'archived',
];

const TYPES: ObjectTypeFilter[] = ['', 'PAYLOAD', 'ROCKET BODY', 'DEBRIS', 'UNKNOWN'];

const numberOrNull = (text: string): number | null => {
  const v = Number(text);
  return text.trim() === '' || !Number.isFinite(v) ? null : v;
};

/** `datetime-local` text read as UTC. */
const utcOrNull = (text: string): number | null => {
  const ms = Date.parse(`${text}Z`);
  return text && !Number.isNaN(ms) ? ms : null;
};

/**
 * The conjunction event list: every event from screening, CDM and SOCRATES imports, with sort,
 * filters, a count, keyboard navigation (arrows, Home/End, Enter), export of the visible rows and
 * (operators only) imports and settings.
 */
export function ConjunctionList() {
  const { t } = useTranslation();
  const events = useConjunctionStore((s) => s.events);
  const selectedKey = useConjunctionStore((s) => s.selectedKey);
  const filters = useConjunctionStore((s) => s.filters);
  const sort = useConjunctionStore((s) => s.sort);
  const settings = useConjunctionStore((s) => s.settings);
  const alert = useConjunctionStore((s) => s.alert);
  const alertNotice = useConjunctionStore((s) => s.alertNotice);
  const store = useConjunctionStore.getState();
  const catalogVersion = useCatalogStore((s) => s.version);
  const editable = canEdit(useModeStore((s) => s.mode));
  // Collapsed while there is nothing to list, open once events arrive, then as the user leaves it.
  const [openChoice, setOpen] = useState<boolean | null>(null);
  const open = openChoice ?? events.length > 0;
  // The desktop's left column ends above the list, however tall it is (app.css).
  const sectionRef = useRef<HTMLElement>(null);
  useHeightVar(sectionRef, '--conjunctions-height');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const rowEvents = useHistoryStore((s) => s.rowEvents);
  const thresholds = useHistoryStore((s) => s.thresholds);
  const historySort = useHistoryStore((s) => s.sort);
  const statusFilter = useHistoryStore((s) => s.statusFilter);
  const minUpdates = useHistoryStore((s) => s.minUpdates);
  const historyStore = useHistoryStore.getState();

  // Statuses judge "past TCA" by the wall clock, a minute at a time.
  const nowMs = useWallNow(60_000);
  // Each row's event: updates, change since the previous update, status.
  const summaries = useMemo(
    () => lazySummaries(rowEvents, thresholds, nowMs),
    [rowEvents, thresholds, nowMs],
  );

  useEffect(() => startConjunctionUrlSync(), []);

  const visible = useMemo(() => {
    void catalogVersion;
    const { objects, indexById } = useCatalogStore.getState();
    const typeOf = (id: number) => objects[indexById.get(id) ?? -1]?.type;
    const listed = filterByHistory(
      sortEvents(filterEvents(events, filters, typeOf), sort),
      summaries,
      statusFilter,
      minUpdates,
    );
    return historySort ? sortByHistory(listed, summaries, historySort) : listed;
  }, [events, filters, sort, catalogVersion, summaries, statusFilter, minUpdates, historySort]);
  const rows = visible.slice(0, MAX_ROWS);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  // Keep the active row on the selected event when the selection comes from elsewhere
  // (adjusting state while rendering, as React recommends over an effect).
  const [seenKey, setSeenKey] = useState(selectedKey);
  if (seenKey !== selectedKey) {
    setSeenKey(selectedKey);
    const i = rows.findIndex((r) => r.key === selectedKey);
    if (i >= 0) setActive(i);
  }

  useEffect(() => {
    tableRef.current
      ?.querySelector(`[data-index="${activeIndex}"]`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Keys on the header's sort buttons are theirs (Enter and Space press them).
    if (e.target !== e.currentTarget) return;
    const last = rows.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, activeIndex + 1),
      ArrowUp: Math.max(0, activeIndex - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, activeIndex + 10),
      PageUp: Math.max(0, activeIndex - 10),
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(Math.max(0, moves[e.key]));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (rows[activeIndex]) store.select(rows[activeIndex].key);
    } else if (e.key === 'Escape') {
      store.select(null);
    }
  };

  const stamp = () => new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);

  return (
    <section className="panel conjunctions" aria-label={t('conjunctions.label')} ref={sectionRef}>
      <header className="conjunctions-header">
        <button
          type="button"
          className="conjunctions-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} {t('conjunctions.title')}
        </button>
        <span className="conjunction-count" aria-live="polite">
          {t('conjunctions.count', { visible: visible.length, total: events.length })}
        </span>
        <div className="conjunctions-actions">
          {editable && (
            <label className={`button${busy ? ' busy' : ''}`}>
              {t('conjunctions.import')}
              <input
                type="file"
                multiple
                aria-label={t('conjunctions.importLabel')}
                accept=".cdm,.kvn,.xml,.txt,.csv,.json"
                className="visually-hidden"
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  if (!files.length) return;
                  setBusy(true);
                  void loadConjunctionFiles(files)
                    .catch((err: unknown) =>
                      store.setAlert(t('conjunctions.importFailed', { error: String(err) })),
                    )
                    .finally(() => setBusy(false));
                }}
              />
            </label>
          )}
          <button
            type="button"
            aria-label={t('conjunctions.exportCsvLabel')}
            disabled={!visible.length}
            onClick={() =>
              download(eventsToCsv(visible), `conjunctions-${stamp()}.csv`, 'text/csv')
            }
          >
            {t('conjunctions.exportCsv')}
          </button>
          <button
            type="button"
            aria-label={t('conjunctions.exportJsonLabel')}
            disabled={!visible.length}
            onClick={() =>
              download(eventsToJson(visible), `conjunctions-${stamp()}.json`, 'application/json')
            }
          >
            {t('conjunctions.exportJson')}
          </button>
        </div>
      </header>
      {alert && (
        <div className="conjunction-alert" role="alert">
          <span>{alertNotice ? importNoticeMessage(alertNotice) : alert}</span>
          <button
            type="button"
            className="close"
            aria-label={t('conjunctions.closeReport')}
            onClick={() => store.setAlert(null)}
          >
            ×
          </button>
        </div>
      )}
      {open && (
        <>
          <div className="conjunction-filters" role="group" aria-label={t('conjunctions.filters')}>
            <input
              type="search"
              aria-label={t('conjunctions.filterObject')}
              placeholder={t('conjunctions.filterObjectPlaceholder')}
              value={filters.object}
              onChange={(e) => store.setFilters({ object: e.target.value })}
            />
            <label>
              {t('conjunctions.maxMiss')}
              <input
                type="number"
                min={0}
                step="any"
                aria-label={t('conjunctions.maxMissLabel')}
                value={filters.maxRangeKm ?? ''}
                onChange={(e) => store.setFilters({ maxRangeKm: numberOrNull(e.target.value) })}
              />
            </label>
            <label>
              {t('conjunctions.minPc')}
              <input
                type="text"
                inputMode="decimal"
                aria-label={t('conjunctions.minPcLabel')}
                placeholder="1e-6"
                defaultValue={filters.minPc ?? ''}
                onChange={(e) => store.setFilters({ minPc: numberOrNull(e.target.value) })}
              />
            </label>
            <label>
              {t('conjunctions.from')}
              <input
                type="datetime-local"
                aria-label={t('conjunctions.fromLabel')}
                onChange={(e) => store.setFilters({ fromMs: utcOrNull(e.target.value) })}
              />
            </label>
            <label>
              {t('conjunctions.to')}
              <input
                type="datetime-local"
                aria-label={t('conjunctions.toLabel')}
                onChange={(e) => store.setFilters({ toMs: utcOrNull(e.target.value) })}
              />
            </label>
            <select
              aria-label={t('conjunctions.statusLabel')}
              value={statusFilter}
              onChange={(e) => historyStore.setStatusFilter(e.target.value as HistoryStatusFilter)}
            >
              {STATUSES.map((v) => (
                <option key={v} value={v}>
                  {t(`eventStatus.${v || 'any'}`)}
                </option>
              ))}
            </select>
            <label>
              {t('conjunctions.minUpdates')}
              <input
                type="number"
                min={1}
                step={1}
                aria-label={t('conjunctions.minUpdatesLabel')}
                value={minUpdates}
                onChange={(e) => historyStore.setMinUpdates(Number(e.target.value))}
              />
            </label>
            <select
              aria-label={t('conjunctions.typeLabel')}
              value={filters.objectType}
              onChange={(e) => store.setFilters({ objectType: e.target.value as ObjectTypeFilter })}
            >
              {TYPES.map((v) => (
                <option key={v} value={v}>
                  {v ? t(`objectType.${v}`) : t('conjunctions.anyType')}
                </option>
              ))}
            </select>
            {editable && (
              <>
                <label>
                  {t('conjunctions.defaultHbr')}
                  <input
                    type="number"
                    min={0.1}
                    step="any"
                    aria-label={t('conjunctions.defaultHbrLabel')}
                    defaultValue={settings.defaultHbrM}
                    onChange={(e) => store.setDefaultHbr(Number(e.target.value))}
                  />
                </label>
                <label>
                  {t('conjunctions.lead')}
                  <input
                    type="number"
                    min={0}
                    max={10}
                    step="any"
                    aria-label={t('conjunctions.leadLabel')}
                    defaultValue={settings.leadMs / 60_000}
                    onChange={(e) => store.setLeadMs(Number(e.target.value) * 60_000)}
                  />
                </label>
              </>
            )}
          </div>
          <div className="conjunction-table-wrap">
            <table
              ref={tableRef}
              role="grid"
              aria-label={t('conjunctions.title')}
              aria-rowcount={visible.length + 1}
              tabIndex={0}
              aria-activedescendant={rows.length ? `conj-row-${activeIndex}` : undefined}
              onKeyDown={onKeyDown}
            >
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.label}
                      className={c.className}
                      scope="col"
                      aria-sort={
                        !historySort && c.sort && sort.key === c.sort
                          ? sort.dir === 'asc'
                            ? 'ascending'
                            : 'descending'
                          : undefined
                      }
                    >
                      {c.sort ? (
                        <button
                          type="button"
                          className="sort"
                          onClick={() => {
                            historyStore.toggleSort(null);
                            store.toggleSort(c.sort!);
                          }}
                        >
                          {t(`conjunctions.column.${c.label}`)}
                          {!historySort && sort.key === c.sort
                            ? sort.dir === 'asc'
                              ? ' ▲'
                              : ' ▼'
                            : ''}
                        </button>
                      ) : (
                        t(`conjunctions.column.${c.label}`)
                      )}
                    </th>
                  ))}
                  {HISTORY_COLUMNS.map((c) => (
                    <th
                      key={c.label}
                      className={c.className}
                      scope="col"
                      aria-sort={
                        historySort?.key === c.sort
                          ? historySort.dir === 'asc'
                            ? 'ascending'
                            : 'descending'
                          : undefined
                      }
                    >
                      {/* In the tab order: the history sorts work from the keyboard. */}
                      <button
                        type="button"
                        className="sort"
                        onClick={() => historyStore.toggleSort(c.sort)}
                      >
                        {t(`conjunctions.column.${c.label}`)}
                        {historySort?.key === c.sort
                          ? historySort.dir === 'asc'
                            ? ' ▲'
                            : ' ▼'
                          : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr
                    key={r.key}
                    id={`conj-row-${i}`}
                    data-index={i}
                    data-key={r.key}
                    aria-selected={r.key === selectedKey}
                    className={i === activeIndex ? 'active' : undefined}
                    onClick={() => {
                      setActive(i);
                      store.select(r.key);
                    }}
                  >
                    <td className="tca">{formatTca(r.tcaMs)}</td>
                    <td title={r.designator1}>
                      <WatchMark id={r.id1} /> {r.name1}{' '}
                      <span className="muted">{r.designator1}</span>
                    </td>
                    <td title={r.designator2}>
                      <WatchMark id={r.id2} /> {r.name2}{' '}
                      <span className="muted">{r.designator2}</span>
                    </td>
                    <td className="num">{formatMiss(r.rangeKm)}</td>
                    <td className="num">{formatNumber(r.relSpeedKmS, 2)} km/s</td>
                    <td
                      className="num pc"
                      title={
                        r.pc
                          ? `${r.pc.method}${r.pc.hbrM ? `, HBR ${r.pc.hbrM} m` : ''}`
                          : pcProblemMessage(r)
                      }
                    >
                      {formatPcSummary(r.pc)}
                    </td>
                    <td className="num">{formatDse(r)}</td>
                    <td data-field="source">{t(`source.${r.source}`)}</td>
                    <HistoryCells summary={summaries.get(r.key)} />
                  </tr>
                ))}
              </tbody>
            </table>
            {!events.length && (
              <p className="muted empty">
                {t('conjunctions.empty')} {editable ? t('conjunctions.emptyOperator') : ''}
              </p>
            )}
            {visible.length > MAX_ROWS && (
              <p className="muted empty">{t('conjunctions.truncated', { n: MAX_ROWS })}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** A row's history: number of updates, changes since the previous one, status. */
function HistoryCells({ summary }: { summary: EventSummary | undefined }) {
  const { t } = useTranslation();
  if (!summary) {
    return (
      <>
        <td className="num">—</td>
        <td className="num">—</td>
        <td className="num">—</td>
        <td>—</td>
      </>
    );
  }
  return (
    <>
      <td className="num" data-field="updates">
        {summary.updateCount}
      </td>
      <td className="num" data-field="miss-change">
        {formatMissChange(summary.change)}
      </td>
      <td className="num" data-field="pc-change">
        {formatPcRatio(summary.change)}
      </td>
      <td data-field="status">
        <span className={`event-status status-${summary.status}`}>
          {t(`eventStatus.${summary.status}`)}
        </span>
        {summary.unacknowledged > 0 && (
          <span
            className={`alert-dot level-${summary.level}`}
            title={t('conjunctions.unacknowledged')}
          >
            {' '}
            ●{summary.unacknowledged}
          </span>
        )}
      </td>
    </>
  );
}
