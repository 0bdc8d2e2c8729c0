// Importing conjunction data: CCSDS CDMs (KVN or XML, many files, many messages per file) and
// CelesTrak SOCRATES lists (CSV, or KeepTrack's JSON). A malformed message is reported with its
// file, message, line and keyword; the rest loads. Events whose objects are in the loaded catalog
// are compared with our own SGP4 prediction (and SOCRATES events get states to inspect).
import type { ElementSet } from '../domain/catalog/types';
import { parseCdm } from '../domain/cdm/parse';
import { inputBytesIssue, INPUT_LIMITS } from '../domain/limits';
import {
  importNoteText,
  importNoticeText,
  type ImportNote,
} from '../domain/conjunctions/importNotice';
import {
  parseSocratesCsv,
  parseSocratesKeeptrackJson,
  SocratesFormatError,
} from '../domain/cdm/socrates';
import {
  DEFAULT_HBR_M,
  recordFromCdm,
  recordFromSocrates,
  withCatalog,
  type ConjunctionRecord,
} from '../domain/conjunctions';
import { useCatalogStore } from '../state/catalogStore';
import { useConjunctionStore } from '../state/conjunctionStore';
import { recordImported } from './eventHistory';

export type ConjunctionFileFormat = 'CDM' | 'SOCRATES-CSV' | 'SOCRATES-JSON';

export interface TextFile {
  name: string;
  text: string;
}

/** What a file holds, from its content (the name only breaks ties), or null. */
export function detectConjunctionFormat(name: string, text: string): ConjunctionFileFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^\[/.test(body) || (/\.json$/i.test(name) && /^[[{]/.test(body))) return 'SOCRATES-JSON';
  if (/^</.test(body) || /(^|\n)\s*CCSDS_CDM_VERS\s*=/.test(body)) return 'CDM';
  const header = body.split(/\r?\n/, 1)[0].toUpperCase();
  if (header.includes('NORAD_CAT_ID_1') && header.includes('TCA')) return 'SOCRATES-CSV';
  return null;
}

export interface FileReport {
  name: string;
  format: ConjunctionFileFormat | null;
  events: number;
  problems: string[];
  /** The same problems as data, for the interface to word. */
  notes: ImportNote[];
}

export interface ImportResult {
  cdm: ConjunctionRecord[];
  socrates: ConjunctionRecord[];
  files: FileReport[];
  /** Every problem, one line each, naming the file. */
  problems: string[];
  /** The same as data. */
  notes: ImportNote[];
}

export interface ImportOptions {
  /** The loaded catalog's element sets by catalog number. */
  lookup?: (id: number) => ElementSet | undefined;
  defaultHbrM?: number;
}

export function importConjunctionTexts(
  files: readonly TextFile[],
  options: ImportOptions = {},
): ImportResult {
  const hbr = options.defaultHbrM ?? DEFAULT_HBR_M;
  const enrich = (r: ConjunctionRecord) =>
    options.lookup ? withCatalog(r, options.lookup, hbr) : r;
  const out: ImportResult = { cdm: [], socrates: [], files: [], problems: [], notes: [] };
  for (const file of files) {
    const format = detectConjunctionFormat(file.name, file.text);
    const report: FileReport = { name: file.name, format, events: 0, problems: [], notes: [] };
    out.files.push(report);
    const note = (n: ImportNote) => {
      report.notes.push(n);
      report.problems.push(importNoteText(n));
    };
    const text = (t: string) => note({ kind: 'text', text: t });
    if (!format) {
      note({ kind: 'unknownFormat', file: file.name });
    } else if (format === 'CDM') {
      const { messages, errors } = parseCdm(file.text);
      for (const error of errors) note({ kind: 'cdm', file: file.name, error });
      for (const m of messages) {
        const r = enrich(recordFromCdm(m, file.name, hbr));
        if (r.pcIssue) note({ kind: 'pc', file: file.name, line: m.line, issue: r.pcIssue });
        out.cdm.push(r);
        report.events++;
      }
    } else {
      try {
        const parsed =
          format === 'SOCRATES-CSV'
            ? parseSocratesCsv(file.text)
            : parseSocratesKeeptrackJson(file.text);
        for (const e of parsed.rejected) {
          note({ kind: 'socratesRecord', file: file.name, rejected: e });
        }
        for (const e of parsed.events) {
          out.socrates.push(enrich(recordFromSocrates(e, file.name)));
          report.events++;
        }
      } catch (e) {
        if (e instanceof SocratesFormatError) {
          note({ kind: 'socratesFile', file: file.name, issue: e.issue });
        } else text(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    out.problems.push(...report.problems);
    out.notes.push(...report.notes);
  }
  return out;
}

/** The loaded catalog as a lookup by catalog number. */
export function catalogLookup(): (id: number) => ElementSet | undefined {
  const { objects, indexById } = useCatalogStore.getState();
  return (id) => {
    const i = indexById.get(id);
    return i === undefined ? undefined : objects[i];
  };
}

/**
 * Read files chosen by a person, add their events to the event history and report problems
 * as the store's alert. Returns the result for callers that want the counts.
 */
export async function loadConjunctionFiles(files: Iterable<File>): Promise<ImportResult> {
  // A file over the larger of the CDM and SOCRATES limits is not even read; the parsers apply
  // their own limit to the rest.
  const kind = INPUT_LIMITS.cdm.maxBytes >= INPUT_LIMITS.socrates.maxBytes ? 'cdm' : 'socrates';
  const list = [...files];
  const tooLarge = list.flatMap((f): ImportNote[] => {
    const issue = inputBytesIssue(kind, f.size);
    return issue ? [{ kind: 'limit', file: f.name, issue }] : [];
  });
  const readable = list.filter((f) => !inputBytesIssue(kind, f.size));
  const texts = await Promise.all(
    readable.map(async (f) => ({ name: f.name, text: await f.text() })),
  );
  const store = useConjunctionStore.getState();
  const result = importConjunctionTexts(texts, {
    lookup: catalogLookup(),
    defaultHbrM: store.settings.defaultHbrM,
  });
  result.notes.unshift(...tooLarge);
  // Each record is an update of its event's history; the list shows one row per event.
  const kept = recordImported(
    [...result.cdm, ...result.socrates],
    new Map(readable.map((f) => [f.name, f.lastModified])),
  );
  result.notes.push(...kept.problems.map((issue): ImportNote => ({ kind: 'history', issue })));
  result.problems = result.notes.map(importNoteText);
  for (const source of ['cdm', 'socrates'] as const) {
    const rows = kept.leftOver.filter((r) => r.source === source);
    if (rows.length) store.addEvents(source, rows);
  }
  const loaded = result.cdm.length + result.socrates.length;
  const notice = { loaded, notes: result.notes };
  store.setAlert(importNoticeText(notice), notice);
  return result;
}
