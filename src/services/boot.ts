import { tourSettingsFromSearch } from '../domain/briefing/tour';
import { useCameraStore } from '../state/cameraStore';
import { useCatalogStore } from '../state/catalogStore';
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
  const { state, problems } = readUrlState(window.location.search, {
    mode,
    origin: window.location.origin,
  });
  const ref = state.catalog ?? (__SNAPSHOT_URL__ ? 'snapshot' : 'celestrak:active');
  // The parser worker loads its code while the catalog downloads, not after it has arrived.
  if (ref !== 'none') catalogParser();
  if (ref === 'snapshot' && __SNAPSHOT_URL__) await loadCatalogUrl(__SNAPSHOT_URL__, 'snapshot');
  else if (ref.startsWith('celestrak:')) await loadCelestrakGroup(ref.slice('celestrak:'.length));
  else if (ref !== 'snapshot' && ref !== 'none') await loadCatalogUrl(ref);
  else if (ref === 'snapshot') problems.push('This build has no offline snapshot');

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
      problems.push(`Ignored sel=${state.selectedId}: not in the loaded catalog`);
    }
  }
  if (state.camera) useCameraStore.getState().request(state.camera);
  const linkProblem = resolveEventLinkFromCatalog();
  if (linkProblem) problems.push(linkProblem);
  if (mode === 'briefing') {
    const tour = tourSettingsFromSearch(window.location.search);
    problems.push(...tour.problems);
    startBriefingTour(tour.settings);
  }
  if (problems.length) {
    const { error } = useCatalogStore.getState();
    useCatalogStore.getState().failed([error, ...problems].filter(Boolean).join(' · '));
  }
  startUrlSync();
  if (typeof BroadcastChannel !== 'undefined') startDisplaySync();
}
