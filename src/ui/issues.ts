import type { AddressIssue } from '../domain/addressIssues';
import { alertValueText, type AlertChange } from '../domain/history/alerts';
import type { CatalogIssue } from '../domain/catalog/errors';
import type { CdmIssue, SocratesIssue } from '../domain/cdm/issues';
import type { CdmExportIssue } from '../domain/cdm/exportIssues';
import {
  NOTES_SHOWN,
  type ImportNote,
  type ImportNotice,
} from '../domain/conjunctions/importNotice';
import type { ConjunctionRecord } from '../domain/conjunctions/types';
import type { HistoryIssue } from '../domain/history/issues';
import type { PcIssue } from '../domain/probability/issues';
import type { RecordIssue } from '../domain/catalog/recordIssues';
import type { RejectedRecord } from '../domain/catalog/types';
import { isLimitCode, type LimitIssue } from '../domain/limits';
import type { OemExportIssue } from '../domain/oem/exportIssues';
import type { OemIssue, OemLoadNotice } from '../domain/oem/issues';
import type { ScreeningInputIssue } from '../domain/screening/inputIssues';
import type { SettingsIssue, SettingsNotice } from '../domain/settings/operatorSettings';
import type { NoticePart } from '../state/catalogStore';
import type { ScreeningFailure } from '../state/screeningStore';
import type { RescreenReason } from '../state/watchListStore';
import { formatNumber } from './format';
import { i18n } from './i18n';

type Values = Record<string, string | number>;

/** Counts get the locale's grouping; text values pass as they are. */
function localValues(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'number' ? formatNumber(value) : value;
  }
  return out;
}

/** Values as written (no grouping). */
export const textValues = (values: Values): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

/**
 * A refused input in the reader's language, from its code and values (the domain's own English
 * wording is the command line's). Counts get the locale's grouping; the limit's kind and the
 * records' noun are worded too, and so is the first refused record of a file with none usable.
 */
export function issueMessage(issue: CatalogIssue): string {
  const values = localValues(issue.values);
  if (issue.record) values.first = rejectedRecordMessage(issue.record, 'recordIssue.where');
  const { kind, noun, label } = issue.values;
  const what = kind !== undefined ? i18n.t(`limitKind.${kind}`) : String(label ?? '');
  const nounText = noun !== undefined ? i18n.t(`limitNoun.${noun}`, { defaultValue: noun }) : '';
  const group = isLimitCode(issue.code) ? 'limits' : 'catalogIssue';
  const reason = i18n.t(`${group}.${issue.code}`, { ...values, what, noun: nounText });
  return issue.file ? i18n.t('catalogIssue.inFile', { file: issue.file, reason }) : reason;
}

/** Why one record was refused, in the reader's language. Values stay as the file wrote them. */
export function recordIssueMessage(issue: RecordIssue): string {
  const values = Object.fromEntries(Object.entries(issue.values).map(([k, v]) => [k, String(v)]));
  const at = values.columns !== undefined ? i18n.t('recordIssue.at', values) : '';
  return i18n.t(`recordIssue.${issue.code}`, { ...values, at });
}

/**
 * "Record 3, line 9 — checksum: is 3, …" (the status line's list, `status.rejectedRecord`) or
 * "record 3, line 9, checksum: …" (inside a refusal, `recordIssue.where`). TLE fields are
 * worded; OMM keywords are shown as the format names them.
 */
export function rejectedRecordMessage(
  r: RejectedRecord,
  key: 'status.rejectedRecord' | 'recordIssue.where' = 'status.rejectedRecord',
): string {
  return i18n.t(key, {
    record: r.record,
    line: r.line ? i18n.t('status.rejectedLine', { line: r.line }) : '',
    field: i18n.t(`recordField.${r.field}`, { defaultValue: r.field }),
    reason: recordIssueMessage(r.issue),
  });
}

/** An ignored address parameter in the reader's language; the parameter's value as written. */
export function addressIssueMessage(issue: AddressIssue): string {
  if (isLimitCode(issue.code)) return issueMessage(issue as LimitIssue);
  const link = 'link' in issue && issue.link;
  const reason = link ? { reason: i18n.t(`linkIssue.${link.code}`, textValues(link.values)) } : {};
  return i18n.t(`addressIssue.${issue.code}`, { ...localValues(issue.values), ...reason });
}

/** One part of a failure notice in the reader's language (a `text` part is still English). */
export function noticePartMessage(part: NoticePart): string {
  if (part.kind === 'catalog') return issueMessage(part.issue);
  if (part.kind === 'address') return addressIssueMessage(part.issue);
  if (part.kind === 'ephemeris') return oemLoadMessage(part.notice);
  return part.text;
}

/**
 * Why an OEM or one of its segments was refused, in the reader's language: where (segment, line)
 * and the rule broken. Keywords, epochs and numbers stay as the file wrote them.
 */
export function oemIssueMessage(issue: OemIssue): string {
  const values = Object.fromEntries(Object.entries(issue.values).map(([k, v]) => [k, String(v)]));
  const { section } = issue.values;
  const text =
    issue.code === 'overLimit' && issue.limit
      ? issueMessage(issue.limit)
      : i18n.t(`oemIssue.${issue.code}`, {
          ...values,
          section: section !== undefined ? i18n.t(`oemSection.${section}`) : '',
        });
  const place = [
    issue.segment !== undefined ? i18n.t('oemPlace.segment', { segment: issue.segment }) : '',
    issue.line !== undefined ? i18n.t('oemPlace.line', { line: issue.line }) : '',
  ]
    .filter(Boolean)
    .join(i18n.t('oemPlace.separator'));
  return place ? i18n.t('oemPlace.at', { place, text }) : text;
}

/** An OEM opened in the viewer: refused, or loaded with segments refused. */
export function oemLoadMessage(n: OemLoadNotice): string {
  const reasons = n.issues.map(oemIssueMessage);
  if (n.loaded) {
    return i18n.t('oemLoad.partly', {
      file: n.file,
      count: n.issues.length,
      n: formatNumber(n.issues.length),
      reasons: reasons.join(' · '),
    });
  }
  const more =
    n.issues.length > 1 ? i18n.t('oemLoad.more', { n: formatNumber(n.issues.length - 1) }) : '';
  const notDrawn = n.notDrawn?.map((file) => i18n.t('oemLoad.notEarthOrbit', { file }));
  const reason =
    (notDrawn && (notDrawn.join(i18n.t('oemLoad.separator')) || i18n.t('oemLoad.notDrawn'))) ??
    n.detail ??
    reasons[0] ??
    i18n.t('oemLoad.unreadable');
  return i18n.t('oemLoad.notLoaded', { file: n.file, reason, more });
}

/** SGP4's status in the reader's language (`propagationStatusMessage` is the English). */
function sgp4StatusMessage(status: string): string {
  const key = `sgp4Status.${status}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('sgp4Status.other', { status });
}

/**
 * Why an OEM export was refused, in the reader's language: the event's object named as the file
 * names it; epochs, catalog numbers and SGP4's own initialisation detail as written.
 */
export function oemExportIssueMessage(issue: OemExportIssue): string {
  const values = textValues(issue.values);
  const text =
    issue.code === 'sgp4'
      ? i18n.t('oemExportIssue.sgp4', {
          epoch: values.epoch,
          detail: sgp4StatusMessage(values.status),
        })
      : i18n.t(`oemExportIssue.${issue.code}`, values);
  return issue.object !== undefined
    ? i18n.t('oemExportIssue.of', { object: issue.object, text })
    : text;
}

/** Why an event could not be written as a CDM, in the reader's language. */
export const cdmExportIssueMessage = (issue: CdmExportIssue): string =>
  i18n.t(`cdmExportIssue.${issue.code}`, textValues(issue.values));

/** Why a CDM message was refused, in the reader's language; keywords and values as written. */
export function cdmIssueMessage(issue: CdmIssue): string {
  if (issue.code === 'overLimit' && issue.limit) return issueMessage(issue.limit);
  const values = Object.fromEntries(Object.entries(issue.values).map(([k, v]) => [k, String(v)]));
  const { section } = issue.values;
  return i18n.t(`cdmIssue.${issue.code}`, {
    ...values,
    section:
      section !== undefined ? i18n.t(`cdmSection.${section}`, { defaultValue: section }) : '',
  });
}

/** Why a SOCRATES record or list was refused, in the reader's language; values as written. */
export function socratesIssueMessage(issue: SocratesIssue): string {
  if (issue.code === 'overLimit' && issue.limit) return issueMessage(issue.limit);
  const values = Object.fromEntries(Object.entries(issue.values).map(([k, v]) => [k, String(v)]));
  return i18n.t(`socratesIssue.${issue.code}`, values);
}

/** One problem of a conjunction import: file, message, line and keyword, then why. */
export function importNoteMessage(note: ImportNote): string {
  switch (note.kind) {
    case 'cdm': {
      const e = note.error;
      return i18n.t('importNote.cdm', {
        file: note.file,
        message: e.message,
        line: e.line,
        keyword: e.keyword ? i18n.t('importNote.keyword', { keyword: e.keyword }) : '',
        reason: cdmIssueMessage(e.issue),
      });
    }
    case 'socratesRecord': {
      const r = note.rejected;
      const reason = socratesIssueMessage(r.issue);
      return i18n.t('importNote.socratesRecord', { file: note.file, ...r, reason });
    }
    case 'socratesFile':
      return i18n.t('importNote.socratesFile', {
        file: note.file,
        reason: socratesIssueMessage(note.issue),
      });
    case 'unknownFormat':
      return i18n.t('importNote.unknownFormat', { file: note.file });
    case 'limit':
      return issueMessage({ ...note.issue, file: note.file });
    case 'pc':
      return i18n.t('importNote.pc', {
        file: note.file,
        line: note.line,
        reason: pcIssueMessage(note.issue),
      });
    case 'history':
      return i18n.t('importNote.history', { reason: historyIssueMessage(note.issue) });
    case 'text':
      return note.text;
  }
}

/** Why a CDM's Pc could not be computed, in the reader's language; a frame as written. */
export function pcIssueMessage(issue: PcIssue): string {
  return i18n.t(`pcIssue.${issue.code}`, textValues(issue.values));
}

/** Why an event has no Pc: worded from its data, else (an older stored record) its English. */
export const pcProblemMessage = (r: Pick<ConjunctionRecord, 'pcProblem' | 'pcIssue'>) =>
  r.pcIssue ? pcIssueMessage(r.pcIssue) : r.pcProblem;

/** Why a record was not kept in the event history; its file or run as written. */
export function historyIssueMessage(issue: HistoryIssue): string {
  return i18n.t('historyIssue.at', {
    label: String(issue.values.label),
    text: i18n.t(`historyIssue.${issue.code}`),
  });
}

/** The import's alert: events loaded, problems counted, the first few named. */
export function importNoticeMessage({ loaded, notes }: ImportNotice): string {
  return i18n.t('importNote.summary', {
    events: i18n.t('importNote.events', { count: loaded, n: formatNumber(loaded) }),
    problems: i18n.t('importNote.problems', { count: notes.length, n: formatNumber(notes.length) }),
    shown: notes.slice(0, NOTES_SHOWN).map(importNoteMessage).join(' · '),
    more: notes.length > NOTES_SHOWN ? i18n.t('importNote.more') : '',
  });
}

/** Screening options or inputs refused, in the reader's language; numbers and labels as written. */
export function screeningInputMessage(issue: ScreeningInputIssue): string {
  return i18n.t(`screeningInput.${issue.code}`, textValues(issue.values));
}

/** Why a screening run did not finish; a worker's own detail stays English. */
export function screeningFailureMessage(f: ScreeningFailure): string {
  const detail =
    f.code === 'input' ? screeningInputMessage(f.issue) : 'detail' in f ? f.detail : '';
  return i18n.t(`screening.failure.${f.code}`, { detail });
}

/** Why the watch list was not re-screened; a screening failure worded as the panel words it. */
export function rescreenReasonMessage(r: RescreenReason): string {
  return r.code === 'screening'
    ? screeningFailureMessage(r.failure)
    : i18n.t(`rescreen.reason.${r.code}`);
}

/** What changed to raise or clear an alert; Pc and miss figures as the English shows them. */
export function alertChangeMessage(c: AlertChange): string {
  const label = i18n.t(`alerts.change.${c.by}`);
  const value = (x: number | null) => alertValueText(c.by, x) ?? i18n.t('alerts.change.none');
  const { redPc, yellowPc, missKm } = c.thresholds;
  const rule = i18n.t(`alerts.change.rule.${c.rule}`, {
    redPc: String(redPc),
    yellowPc: String(yellowPc),
    missKm: String(missKm),
  });
  return c.before === undefined
    ? i18n.t('alerts.change.appeared', { label, value: value(c.after), rule })
    : i18n.t('alerts.change.changed', {
        label,
        before: value(c.before),
        after: value(c.after),
        rule,
      });
}

/** Why stored settings, or a value typed, are refused; the part named as the document does. */
export function settingsIssueMessage(issue: SettingsIssue): string {
  const text = i18n.t(`settingsIssue.${issue.code}`, issue.values);
  return issue.part ? i18n.t('settingsNotice.part', { part: issue.part, text }) : text;
}

/** The stored settings' notice in the watch-list panel. */
export function settingsNoticeMessage(n: SettingsNotice): string {
  return n.code === 'partlyRefused'
    ? i18n.t('settingsNotice.partlyRefused', {
        problems: n.issues.map(settingsIssueMessage).join(' · '),
      })
    : i18n.t(`settingsNotice.${n.code}`, { detail: n.detail });
}
