// Screening runs named in the reader's language, from their stored description; figures and the
// catalog's label as the English label writes them, times UTC.
import type { ConjunctionRecord } from '../domain/conjunctions/types';
import { runMinutes, type RunDescription } from '../domain/screening/runs';
import { i18n } from './i18n';

/** `screening 2024-11-01 00:00 UTC + 24 h, 5 km, all vs all` in the reader's language. */
export function runLabelMessage(run: RunDescription): string {
  const window = i18n.t('runLabel.window', {
    start: runMinutes(run.startMs),
    hours: String(run.hours),
    km: String(run.thresholdKm),
  });
  const s = run.scope;
  if (s.kind !== 'watchList') {
    const scope =
      s.kind === 'allVsAll'
        ? i18n.t('runLabel.allVsAll')
        : i18n.t(`runLabel.${s.kind}`, { count: s.count, n: String(s.count) });
    return i18n.t('runLabel.screening', { window, scope });
  }
  const data =
    s.fetchedAtMs === undefined
      ? s.catalog
      : i18n.t('runLabel.catalogAt', { catalog: s.catalog, at: runMinutes(s.fetchedAtMs) });
  return i18n.t('runLabel.rescreen', { n: String(s.count), data, window });
}

/** Where a record came from: its run worded, else (a file, an older run) its label as stored. */
export const sourceLabelMessage = (r: Pick<ConjunctionRecord, 'sourceLabel' | 'run'>): string =>
  r.run ? runLabelMessage(r.run) : r.sourceLabel;
