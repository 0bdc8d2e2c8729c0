import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogObject } from '../domain/catalog/types';
import { useCatalogStore } from '../state/catalogStore';
import { useSelectionStore } from '../state/selectionStore';
import { WatchMark } from './WatchMark';

const MAX_SUGGESTIONS = 8;

/** Exact catalog number or designator first, then names that start with the query, then the rest. */
export function searchObjects(objects: readonly CatalogObject[], query: string): CatalogObject[] {
  const q = query.trim().toUpperCase();
  if (!q) return [];
  const exact: CatalogObject[] = [];
  const prefix: CatalogObject[] = [];
  const contains: CatalogObject[] = [];
  for (const o of objects) {
    const name = o.objectName.toUpperCase();
    if (String(o.noradCatId) === q || o.objectId.toUpperCase() === q || name === q) exact.push(o);
    else if (name.startsWith(q) || o.objectId.toUpperCase().startsWith(q)) prefix.push(o);
    else if (name.includes(q)) contains.push(o);
    if (exact.length >= MAX_SUGGESTIONS) break;
  }
  return [...exact, ...prefix, ...contains].slice(0, MAX_SUGGESTIONS);
}

/** Search by name, catalog number or international designator; Enter selects and flies there. */
export function SearchBox() {
  const { t } = useTranslation();
  const objects = useCatalogStore((s) => s.objects);
  const select = useSelectionStore((s) => s.select);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const matches = useMemo(() => searchObjects(objects, query), [objects, query]);

  const choose = (o: CatalogObject | undefined) => {
    if (!o) return;
    select(o.noradCatId, true);
    setQuery(o.objectName);
    setOpen(false);
  };

  // The list exists only while shown: the combobox names it then and only then.
  const shown = open && matches.length > 0;

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? 'search-results' : undefined}
        aria-activedescendant={
          shown && matches[active] ? `match-${matches[active].noradCatId}` : undefined
        }
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') choose(matches[active]);
          else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {shown && (
        <ul id="search-results" role="listbox" aria-label={t('search.results')}>
          {matches.map((o, i) => (
            <li
              key={o.noradCatId}
              id={`match-${o.noradCatId}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              <span>
                {o.objectName} <WatchMark id={o.noradCatId} />
              </span>
              <span className="muted">
                {o.noradCatId} · {o.objectId}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
