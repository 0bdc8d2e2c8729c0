import { useState } from 'react';
import { checkHbrM, checkText, parseCatalogNumbers, type WatchEntry } from '../domain/watchlist';
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

/** The operator's own objects: add, edit, remove, import and export; re-screening settings. */
export function WatchListPanel() {
  const { entries, alert, setAlert } = useWatchListStore();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedProblem, setTypedProblem] = useState<string | null>(null);

  const add = () => {
    const { ids, problems } = parseCatalogNumbers(typed);
    if (problems.length) {
      setTypedProblem(problems.join(' · '));
      return;
    }
    setTypedProblem(null);
    setTyped('');
    void watchObjects(ids);
  };

  return (
    <section className="panel watchlist" role="region" aria-label="Watch list">
      <header>
        <button
          type="button"
          className="drawer-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} Watch list ({entries.length})
        </button>
      </header>
      {alert && (
        <p role="alert" className="warn watchlist-alert">
          {alert}{' '}
          <button type="button" className="link" onClick={() => setAlert(null)}>
            Dismiss
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
              Catalog numbers
              <input
                value={typed}
                placeholder="25544, 20580 …"
                aria-invalid={typedProblem !== null}
                onChange={(e) => setTyped(e.target.value)}
              />
            </label>
            <button type="submit" disabled={!typed.trim()}>
              Add
            </button>
            <label className="button">
              Import CSV…
              <input
                type="file"
                aria-label="Import watch list CSV"
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
              Export CSV
            </button>
            {typedProblem && <p className="form-problems">{typedProblem}</p>}
          </form>
          {entries.length === 0 ? (
            <p className="muted">
              No watched objects. Add catalog numbers, import a CSV (noradId,label,hbrM,note) or
              press Watch on a selected object.
            </p>
          ) : (
            <div className="watchlist-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Object</th>
                    <th scope="col">Label</th>
                    <th scope="col">HBR (m)</th>
                    <th scope="col">Note</th>
                    <th scope="col">
                      <span className="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <WatchRow key={`${e.noradId}\n${e.label}\n${e.hbrM}\n${e.note}`} entry={e} />
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

/** One watched object; its fields save when they lose focus (or on Enter) if they check. */
function WatchRow({ entry }: { entry: WatchEntry }) {
  const object = useCatalogStore((s) => {
    const i = s.indexById.get(entry.noradId);
    return i === undefined ? undefined : s.objects[i];
  });
  const select = useSelectionStore((s) => s.select);
  const [label, setLabel] = useState(entry.label);
  const [hbr, setHbr] = useState(entry.hbrM === null ? '' : String(entry.hbrM));
  const [note, setNote] = useState(entry.note);
  const hbrChecked = checkHbrM(hbr);
  const problems = [
    checkText('label', label) && `label: ${checkText('label', label)}`,
    typeof hbrChecked === 'string' && `HBR: ${hbrChecked}`,
    checkText('note', note) && `note: ${checkText('note', note)}`,
  ].filter(Boolean);

  const save = () => {
    if (problems.length || typeof hbrChecked === 'string') return;
    const next = {
      noradId: entry.noradId,
      label: label.trim(),
      hbrM: hbrChecked,
      note: note.trim(),
    };
    if (next.label !== entry.label || next.hbrM !== entry.hbrM || next.note !== entry.note) {
      void updateWatchEntry(next);
    }
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') save();
  };
  const name = object?.objectName ?? 'not in the loaded catalog';

  return (
    <tr data-id={entry.noradId}>
      <th scope="row">
        {object ? (
          <button
            type="button"
            className="link"
            title="Select and fly there"
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
          aria-label={`Label of ${entry.noradId}`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={save}
          onKeyDown={onKey}
        />
      </td>
      <td>
        <input
          className="hbr"
          aria-label={`Hard-body radius of ${entry.noradId}, metres`}
          inputMode="decimal"
          placeholder="default"
          value={hbr}
          aria-invalid={typeof hbrChecked === 'string'}
          onChange={(e) => setHbr(e.target.value)}
          onBlur={save}
          onKeyDown={onKey}
        />
      </td>
      <td>
        <input
          aria-label={`Note on ${entry.noradId}`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={save}
          onKeyDown={onKey}
        />
      </td>
      <td>
        <button
          type="button"
          className="remove"
          aria-label={`Remove ${entry.noradId} from the watch list`}
          onClick={() => void unwatchObject(entry.noradId)}
        >
          ×
        </button>
      </td>
    </tr>
  );
}
