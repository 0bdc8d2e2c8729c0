import { tourSettingsFromSearch } from '../domain/briefing/tour';
import { useCameraStore } from '../state/cameraStore';
import { addressIssue } from '../domain/addressIssues';
import { useCatalogStore, type NoticePart } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useModeStore } from '../state/modeStore';
import { useSelectionStore } from '../state/selectionStore';
import { loadCatalogUrl, loadCelestrakGroup } from './catalogLoader';
import { catalogParser } from './engine';
import { startBriefingTour } from './briefingTour';
import { startDisplaySync } from './displaySync';
import { resolveEventLinkFromCatalog } from './eventLink';
import {
  restoreHistory,
  startAlertWatch,
  startHistoryPersistence,
  startHistoryRows,
} from './eventHistory';
import { bootNotifications } from './notifications';
import { readUrlState, startUrlSync } from './urlState';
import { startCatalogRefresh } from './catalogRefresh';
import { restoreWatchList, startWatchListHbrSync, startWatchListSync } from './watchList';
import { startOperatorSettings } from './operatorSettings';
import { startSafeModeIfAsked } from './safeMode';
import { useWatchListStore } from '../state/watchListStore';
import { startWatchRescreen } from './watchRescreen';

/** Load the catalog the address names (else the snapshot, else CelesTrak active), then the view. */
export async function boot(): Promise<void> {
  // ?safe=1 first: nothing below may read the browser's stores then.
  const safe = startSafeModeIfAsked(window.location.search);
  void bootNotifications(window.location.search);
  const mode = useModeStore.getState().mode;
  // The watch list is the operator's (a briefing ranks by it); a public page has none.
  if (mode !== 'public') {
    startWatchListHbrSync();
    if (safe) useWatchListStore.getState().setRestored();
    else {
      void restoreWatchList();
      startWatchListSync();
    }
    // Before the first catalog: its re-screening and refresh schedule follow the stored choice.
    startOperatorSettings(mode === 'operator');
  }
  // The event history: shown in every mode, written (and shared between tabs) by operators only.
  startHistoryRows();
  startAlertWatch();
  if (mode === 'operator') startHistoryPersistence();
  void restoreHistory();
  if (mode === 'operator') {
    startWatchRescreen();
    startCatalogRefresh();
  }
  const { state, issues } = readUrlState(window.location.search, {
    mode,
    origin: window.location.origin,
  });
  const ref = state.catalog ?? (__SNAPSHOT_URL__ ? 'snapshot' : 'celestrak:active');
  // The parser worker loads its code while the catalog downloads, not after it has arrived.
  if (ref !== 'none') catalogParser();
  if (ref === 'snapshot' && __SNAPSHOT_URL__) await loadCatalogUrl(__SNAPSHOT_URL__, 'snapshot');
  else if (ref.startsWith('celestrak:')) await loadCelestrakGroup(ref.slice('celestrak:'.length));
  else if (ref !== 'snapshot' && ref !== 'none') await loadCatalogUrl(ref);
  else if (ref === 'snapshot') issues.push(addressIssue('noSnapshot'));

  if (state.timeMs !== null) {
    const clock = useClockStore.getState();
    clock.pause();
    clock.setTime(state.timeMs);
  }
  if (state.selectedId !== null) {
    if (useCatalogStore.getState().indexById.has(state.selectedId)) {
      // A linked camera wins over flying to the selection.
      useSelectionStore.getState().select(state.selectedId, state.camera === null);
    } else {
      issues.push(addressIssue('selectionNotLoaded', { value: String(state.selectedId) }));
    }
  }
  if (state.camera) useCameraStore.getState().request(state.camera);
  const linkProblem = resolveEventLinkFromCatalog();
  if (linkProblem) issues.push(linkProblem);
  if (mode === 'briefing') {
    const tour = tourSettingsFromSearch(window.location.search);
    issues.push(...tour.issues);
    startBriefingTour(tour.settings);
  }
  if (issues.length) {
    // After the catalog's own failure, if any, worded as it was.
    const { error, errorParts } = useCatalogStore.getState();
    const before: NoticePart[] =
      errorParts.length > 0 ? errorParts : error ? [{ kind: 'text', text: error }] : [];
    useCatalogStore
      .getState()
      .failedWith([...before, ...issues.map((issue) => ({ kind: 'address' as const, issue }))]);
  }
  startUrlSync();
  if (typeof BroadcastChannel !== 'undefined') startDisplaySync();
}
