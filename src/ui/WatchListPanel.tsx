import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import {
  checkHbrM,
  checkText,
  parseCatalogNumbers,
  type WatchEntry,
  type WatchReason,
} from '../domain/watchlist';
import {
  exportWatchListCsv,
  importWatchListFile,
  unwatchObject,
  updateWatchEntry,
  watchObjects,
} from '../services/watchList';
import { useCatalogStore } from '../state/catalogStore';
import { useSelectionStore } from '../state/selectionStore';
import { useWatchListStore } from '../state/watchListStore';
import { download } from './ConjunctionFormat';
import { WatchRescreen } from './WatchRescreen';
import { settingsNoticeMessage } from './issues';
import { watchFieldMessage, watchNoticeMessage, watchReasonMessage } from './watchListMessages';

const hbrText = (hbrM: number | null) => (hbrM === null ? '' : String(hbrM));

/** The operator's own objects: add, edit, remove, import and export; re-screening settings. */
export function WatchListPanel() {
  const { t } = useTranslation();
  const { entries, alert, alertNotice, setAlert } = useWatchListStore();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedProblems, setTypedProblems] = useState<WatchReason[]>([]);

  const add = () => {
    const { ids, problems } = parseCatalogNumbers(typed);
    setTypedProblems(problems);
    if (problems.length) return;
    setTyped('');
    void watchObjects(ids);
  };

  return (
    <section className="panel watchlist" role="region" aria-label={t('watchList.label')}>
      <header>
        <button
          type="button"
          className="drawer-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} {t('watchList.toggle', { n: entries.length })}
        </button>
      </header>
      {alert && (
        <p role="alert" className="warn watchlist-alert">
          {!alertNotice
            ? alert
            : 'kind' in alertNotice
              ? watchNoticeMessage(alertNotice)
              : settingsNoticeMessage(alertNotice)}{' '}
          <button type="button" className="link" onClick={() => setAlert(null)}>
            {t('app.dismiss')}
          </button>
        </p>
      )}
      {open && (
        <>
          <form
            className="watchlist-add"
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
          >
            <label>
              {t('watchList.numbers')}
              <input
                value={typed}
                placeholder="25544, 20580 …"
                aria-invalid={typedProblems.length > 0}
                onChange={(e) => setTyped(e.target.value)}
              />
            </label>
            <button type="submit" disabled={!typed.trim()}>
              {t('watchList.add')}
            </button>
            <label className="button">
              {t('watchList.importCsv')}
              <input
                type="file"
                aria-label={t('watchList.importLabel')}
                accept=".csv,text/csv"
                className="visually-hidden"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void importWatchListFile(file);
                  e.target.value = '';
                }}
              />
            </label>
            <button
              type="button"
              disabled={entries.length === 0}
              onClick={() => download(exportWatchListCsv(), 'watch-list.csv', 'text/csv')}
            >
              {t('conjunctions.exportCsv')}
            </button>
            {typedProblems.length > 0 && (
              <p className="form-problems">{typedProblems.map(watchReasonMessage).join(' · ')}</p>
            )}
          </form>
          {entries.length === 0 ? (
            <p className="muted">{t('watchList.empty')}</p>
          ) : (
            <div className="watchlist-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('watchList.object')}</th>
                    <th scope="col">{t('watchList.labelColumn')}</th>
                    <th scope="col">HBR (m)</th>
                    <th scope="col">{t('watchList.note')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('watchList.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <WatchRow key={e.noradId} entry={e} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <WatchRescreen />
        </>
      )}
    </section>
  );
}

/**
 * One watched object. Each field saves on its own when it loses focus (or on Enter) if it
 * checks; a change from elsewhere (an import) replaces only the fields it changed.
 */
function WatchRow({ entry }: { entry: WatchEntry }) {
  const { t } = useTranslation();
  const object = useCatalogStore((s) => {
    const i = s.indexById.get(entry.noradId);
    return i === undefined ? undefined : s.objects[i];
  });
  const select = useSelectionStore((s) => s.select);
  const [seen, setSeen] = useState(entry);
  const [label, setLabel] = useState(entry.label);
  const [hbr, setHbr] = useState(hbrText(entry.hbrM));
  const [note, setNote] = useState(entry.note);
  if (seen !== entry) {
    setSeen(entry);
    if (entry.label !== seen.label) setLabel(entry.label);
    if (entry.hbrM !== seen.hbrM) setHbr(hbrText(entry.hbrM));
    if (entry.note !== seen.note) setNote(entry.note);
  }
  const hbrChecked = checkHbrM(hbr);
  const labelProblem = checkText('label', label);
  const noteProblem = checkText('note', note);
  const hbrProblem = hbrChecked !== null && typeof hbrChecked === 'object' ? hbrChecked : null;
  const problems = [
    labelProblem && watchFieldMessage('label', labelProblem),
    hbrProblem && watchFieldMessage('HBR', hbrProblem),
    noteProblem && watchFieldMessage('note', noteProblem),
  ].filter(Boolean);

  const save = (change: Partial<WatchEntry>) => {
    const current = useWatchListStore.getState().entries.find((e) => e.noradId === entry.noradId);
    if (current && Object.entries(change).some(([k, v]) => current[k as keyof WatchEntry] !== v)) {
      void updateWatchEntry(entry.noradId, change);
    }
  };
  const saveLabel = () => !labelProblem && save({ label: label.trim() });
  const saveHbr = () =>
    (hbrChecked === null || typeof hbrChecked === 'number') && save({ hbrM: hbrChecked });
  const saveNote = () => !noteProblem && save({ note: note.trim() });
  const onEnter = (saveField: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') saveField();
  };
  const name = object?.objectName ?? t('watchList.notLoaded');

  return (
    <tr data-id={entry.noradId}>
      <th scope="row">
        {object ? (
          <button
            type="button"
            className="link"
            title={t('watchList.flyTo')}
            onClick={() => select(entry.noradId, true)}
          >
            {entry.noradId}
          </button>
        ) : (
          entry.noradId
        )}
        <div className={object ? 'name' : 'muted name'}>{name}</div>
        {problems.length > 0 && <div className="form-problems">{problems.join(' · ')}</div>}
      </th>
      <td>
        <input
          aria-label={t('watchList.labelOf', { id: entry.noradId })}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={saveLabel}
          onKeyDown={onEnter(saveLabel)}
        />
      </td>
      <td>
        <input
          className="hbr"
          aria-label={t('watchList.hbrOf', { id: entry.noradId })}
          inputMode="decimal"
          placeholder={t('watchList.default')}
          value={hbr}
          aria-invalid={hbrProblem !== null}
          onChange={(e) => setHbr(e.target.value)}
          onBlur={saveHbr}
          onKeyDown={onEnter(saveHbr)}
        />
      </td>
      <td>
        <input
          aria-label={t('watchList.noteOn', { id: entry.noradId })}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={saveNote}
          onKeyDown={onEnter(saveNote)}
        />
      </td>
      <td>
        <button
          type="button"
          className="remove"
          aria-label={t('watchList.removeId', { id: entry.noradId })}
          onClick={() => void unwatchObject(entry.noradId)}
        >
          ×
        </button>
      </td>
    </tr>
  );
}
