import {
  alertThresholdsProblem,
  operatorSettingsDocument,
  readOperatorSettings,
  rescreenProblem,
  settingsNoticeText,
  type SettingsNotice,
  type OperatorSettings,
} from '../domain/settings/operatorSettings';
import { useHistoryStore } from '../state/historyStore';
import { useRefreshStore } from '../state/refreshStore';
import { storageEnabled } from '../state/safeModeStore';
import { useWatchListStore } from '../state/watchListStore';
import { applyRefreshChoice } from './catalogRefresh';

/**
 * The operator's settings between visits and across tabs: the refresh schedule, the watch list's
 * re-screening and the alert thresholds, as one small document in localStorage (read back and
 * checked like a file; a refused part is named and its default used). Another tab's change
 * arrives through the `storage` event. Values being typed (an invalid window, yellow above red)
 * are not written until they are sound.
 */

export const SETTINGS_KEY = 'orbital-watch-settings';

/** The document last read or written here: a write of the same text is skipped. */
let lastText: string | null = null;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const say = (notice: SettingsNotice) =>
  useWatchListStore.getState().setAlert(settingsNoticeText(notice), notice);

function current(): OperatorSettings {
  return {
    refreshIntervalMs: useRefreshStore.getState().chosenIntervalMs,
    rescreen: useWatchListStore.getState().rescreen,
    alerts: useHistoryStore.getState().thresholds,
  };
}

/** Put a stored document in force; the refresh schedule only where this tab runs it. */
function apply(text: string | null, operator: boolean): void {
  const { settings, issues } = readOperatorSettings(text);
  lastText = text;
  if (operator) applyRefreshChoice(settings.refreshIntervalMs);
  useWatchListStore.getState().setRescreen(settings.rescreen);
  useHistoryStore.getState().setThresholds(settings.alerts);
  if (issues.length) say({ code: 'partlyRefused', issues });
}

function write(): void {
  const s = current();
  const { hours, thresholdKm } = rescreenProblem(s.rescreen);
  if (hours || thresholdKm || alertThresholdsProblem(s.alerts)) return;
  const text = operatorSettingsDocument(s);
  if (text === lastText) return;
  try {
    localStorage.setItem(SETTINGS_KEY, text);
    lastText = text;
  } catch (error) {
    say({ code: 'notSaved', detail: reason(error) });
  }
}

/**
 * Read the stored settings and follow other tabs' changes; in operator mode also write them
 * through. Nothing is read or written in safe mode.
 */
export function startOperatorSettings(operator: boolean): () => void {
  if (!storageEnabled()) return () => {};
  try {
    apply(localStorage.getItem(SETTINGS_KEY), operator);
  } catch (error) {
    say({ code: 'notRead', detail: reason(error) });
  }
  const onStorage = (e: StorageEvent) => {
    if (e.key === SETTINGS_KEY && e.newValue !== lastText) apply(e.newValue, operator);
  };
  window.addEventListener('storage', onStorage);
  const offs = operator
    ? [
        useRefreshStore.subscribe((s, p) => {
          if (s.chosenIntervalMs !== p.chosenIntervalMs) write();
        }),
        useWatchListStore.subscribe((s, p) => {
          if (s.rescreen !== p.rescreen) write();
        }),
        useHistoryStore.subscribe((s, p) => {
          if (s.thresholds !== p.thresholds) write();
        }),
      ]
    : [];
  return () => {
    window.removeEventListener('storage', onStorage);
    for (const off of offs) off();
  };
}
