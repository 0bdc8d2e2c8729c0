import { addressIssue, addressIssueText, type AddressIssue } from '../domain/addressIssues';
import { limitUrlSearch } from '../domain/limits';
import { parseIsoMs } from '../domain/time/iso';
import {
  formatCameraParam,
  parseCameraParam,
  useCameraStore,
  type CameraView,
} from '../state/cameraStore';
import { useCatalogStore, type CatalogSource } from '../state/catalogStore';
import { simNowMs, useClockStore } from '../state/clockStore';
import { langParam, useLanguageStore } from '../state/languageStore';
import { useModeStore, type AppMode } from '../state/modeStore';
import { useSelectionStore } from '../state/selectionStore';

/** What the page address carries: the view a copied link reopens. */
export interface UrlState {
  /** "snapshot", "none" (an empty globe), "celestrak:<group>", or an http(s) URL. */
  catalog: string | null;
  timeMs: number | null;
  selectedId: number | null;
  camera: CameraView | null;
}

/** Parameters the app reads; anything else in the address is reported and ignored. */
const KNOWN_PARAMS = new Set([
  'catalog',
  't',
  'sel',
  'cam',
  'mode',
  'render',
  'event',
  'notifications',
  // Recovery: start without the browser's stored data (services/safeMode.ts).
  'safe',
  // Briefing tour (see domain/briefing/tour.ts).
  'tour',
  'top',
  'dwell',
  'kiosk',
  'watch',
  // Interface language, en or zh (state/languageStore.ts reads it before the first render).
  'lang',
]);

export interface ReadOptions {
  mode: AppMode;
  /** The page's origin: a public page loads catalogs from nowhere else. */
  origin: string;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

export function readUrlState(
  search: string,
  options: ReadOptions = { mode: 'operator', origin: 'http://localhost' },
): { state: UrlState; issues: AddressIssue[]; problems: string[] } {
  const state: UrlState = { catalog: null, timeMs: null, selectedId: null, camera: null };
  const limited = limitUrlSearch(search);
  const issues: AddressIssue[] = limited.issues;
  const done = () => ({ state, issues, problems: issues.map(addressIssueText) });
  if (!limited.params) return done();
  const params = limited.params;
  for (const key of new Set(params.keys())) {
    if (!KNOWN_PARAMS.has(key)) {
      issues.push(addressIssue('unknownParameter', { key: key.slice(0, 40) }));
    }
  }
  const mode = params.get('mode');
  if (mode !== null && !['operator', 'briefing', 'public'].includes(mode)) {
    issues.push(addressIssue('badMode', { value: mode }));
  }
  const safe = params.get('safe');
  if (safe !== null && safe !== '1')
    issues.push(addressIssue('badSafe', { value: safe.slice(0, 40) }));
  const lang = params.get('lang');
  if (lang !== null && !langParam(lang)) {
    issues.push(addressIssue('badLang', { value: lang.slice(0, 40) }));
  }
  const catalog = params.get('catalog');
  if (catalog !== null) {
    const isUrl = /^https?:\/\//i.test(catalog);
    if (
      options.mode === 'public' &&
      !(
        catalog === 'snapshot' ||
        catalog === 'none' ||
        (isUrl && sameOrigin(catalog, options.origin))
      )
    ) {
      issues.push(addressIssue('catalogForeign', { value: catalog }));
    } else if (
      catalog === 'snapshot' ||
      catalog === 'none' ||
      /^celestrak:[a-z0-9-]+$/i.test(catalog) ||
      isUrl
    ) {
      state.catalog = catalog;
    } else {
      issues.push(addressIssue('badCatalog', { value: catalog }));
    }
  }
  const t = params.get('t');
  if (t !== null) {
    const ms = parseIsoMs(t);
    if (ms === null) issues.push(addressIssue('badTime', { value: t }));
    else state.timeMs = ms;
  }
  const sel = params.get('sel');
  if (sel !== null) {
    if (/^\d{1,9}$/.test(sel)) state.selectedId = Number(sel);
    else issues.push(addressIssue('badSelection', { value: sel }));
  }
  const cam = params.get('cam');
  if (cam !== null) {
    state.camera = parseCameraParam(cam);
    if (!state.camera) issues.push(addressIssue('badCamera', { value: cam }));
  }
  return done();
}

export function catalogRef(source: CatalogSource | null): string | null {
  if (!source) return null;
  if (source.kind === 'celestrak') return `celestrak:${source.ref}`;
  if (source.kind === 'url') return source.ref ?? null;
  return null; // the snapshot is the default; a local file cannot be linked
}

function currentUrl(): URL {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const set = (key: string, value: string | null) =>
    value === null ? params.delete(key) : params.set(key, value);
  set('catalog', catalogRef(useCatalogStore.getState().source));
  const timeMs = Math.round(simNowMs() / 1000) * 1000;
  set('t', new Date(timeMs).toISOString().replace('.000Z', 'Z'));
  const selected = useSelectionStore.getState().selectedId;
  set('sel', selected === null ? null : String(selected));
  const camera = useCameraStore.getState().view;
  set('cam', camera ? formatCameraParam(camera) : null);
  const mode = useModeStore.getState().mode;
  set('mode', mode === 'operator' ? null : mode);
  // A language chosen in the address or with the switch travels with the link; one taken from
  // the browser does not, so the recipient's browser chooses theirs.
  const language = useLanguageStore.getState();
  set('lang', language.explicit ? language.lang : null);
  return url;
}

/** Bring the address up to date without a history entry (time, camera, catalog). */
export function writeUrlState(): void {
  const url = currentUrl();
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}

let applyingHistory = false;

/**
 * Keep the address in step with the view. A new selection is a history entry, so the
 * browser's back and forward move through selections; everything else replaces in place.
 */
export function startUrlSync(): () => void {
  // Scrubbing changes the clock many times a second; browsers cap history updates.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const scheduleWrite = () => {
    pending ??= setTimeout(() => {
      pending = null;
      writeUrlState();
    }, 300);
  };
  const offs = [
    useCatalogStore.subscribe(scheduleWrite),
    useCameraStore.subscribe((s, prev) => s.view !== prev.view && scheduleWrite()),
    useClockStore.subscribe(scheduleWrite),
    useLanguageStore.subscribe(scheduleWrite),
    useSelectionStore.subscribe((s, prev) => {
      if (s.selectedId === prev.selectedId) return;
      if (applyingHistory) return writeUrlState();
      window.history.pushState(null, '', currentUrl());
    }),
  ];
  const onPopState = () => {
    const { state } = readUrlState(window.location.search, {
      mode: useModeStore.getState().mode,
      origin: window.location.origin,
    });
    applyingHistory = true;
    try {
      if (state.timeMs !== null) useClockStore.getState().setTime(state.timeMs);
      const known =
        state.selectedId !== null && useCatalogStore.getState().indexById.has(state.selectedId);
      useSelectionStore.getState().select(known ? state.selectedId : null, known);
    } finally {
      applyingHistory = false;
    }
  };
  window.addEventListener('popstate', onPopState);
  const id = setInterval(() => useClockStore.getState().playing && writeUrlState(), 5000);
  return () => {
    offs.forEach((off) => off());
    window.removeEventListener('popstate', onPopState);
    clearInterval(id);
    if (pending) clearTimeout(pending);
  };
}
