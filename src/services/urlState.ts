import { parseIsoMs } from '../domain/time/iso';
import { useCatalogStore, type CatalogSource } from '../state/catalogStore';
import { simNowMs, useClockStore } from '../state/clockStore';
import { useSelectionStore } from '../state/selectionStore';

/** What the page address carries: the view a copied link reopens. */
export interface UrlState {
  /** "snapshot", "none" (an empty globe), "celestrak:<group>", or an http(s) URL. */
  catalog: string | null;
  timeMs: number | null;
  selectedId: number | null;
}

export function readUrlState(search: string): { state: UrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const state: UrlState = { catalog: null, timeMs: null, selectedId: null };
  const catalog = params.get('catalog');
  if (catalog !== null) {
    if (
      catalog === 'snapshot' ||
      catalog === 'none' ||
      /^celestrak:[a-z0-9-]+$/i.test(catalog) ||
      /^https?:\/\//i.test(catalog)
    ) {
      state.catalog = catalog;
    } else {
      problems.push(
        `Ignored catalog=${catalog}: expected "snapshot", "none", "celestrak:<group>" or an http(s) URL`,
      );
    }
  }
  const t = params.get('t');
  if (t !== null) {
    const ms = parseIsoMs(t);
    if (ms === null) problems.push(`Ignored t=${t}: not an ISO 8601 UTC time`);
    else state.timeMs = ms;
  }
  const sel = params.get('sel');
  if (sel !== null) {
    if (/^\d{1,9}$/.test(sel)) state.selectedId = Number(sel);
    else problems.push(`Ignored sel=${sel}: not a catalog number`);
  }
  return { state, problems };
}

export function catalogRef(source: CatalogSource | null): string | null {
  if (!source) return null;
  if (source.kind === 'celestrak') return `celestrak:${source.ref}`;
  if (source.kind === 'url') return source.ref ?? null;
  return null; // the snapshot is the default; a local file cannot be linked
}

export function writeUrlState(): void {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const set = (key: string, value: string | null) =>
    value === null ? params.delete(key) : params.set(key, value);
  set('catalog', catalogRef(useCatalogStore.getState().source));
  const timeMs = Math.round(simNowMs() / 1000) * 1000;
  set('t', new Date(timeMs).toISOString().replace('.000Z', 'Z'));
  const selected = useSelectionStore.getState().selectedId;
  set('sel', selected === null ? null : String(selected));
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}

/** Keep the address in step with the view: on every change, and every few seconds while playing. */
export function startUrlSync(): () => void {
  const offs = [
    useCatalogStore.subscribe(writeUrlState),
    useSelectionStore.subscribe((s, prev) => s.selectedId !== prev.selectedId && writeUrlState()),
    useClockStore.subscribe(writeUrlState),
  ];
  const id = setInterval(() => useClockStore.getState().playing && writeUrlState(), 5000);
  return () => {
    offs.forEach((off) => off());
    clearInterval(id);
  };
}
