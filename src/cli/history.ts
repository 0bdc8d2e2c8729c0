// `cli history <files…> [--format json|csv] [--now <ISO>]`: CDMs (KVN/XML), SOCRATES lists
// (CSV, KeepTrack JSON) and `cli screen` JSON outputs, in any order, grouped into events by the
// app's rule (src/domain/history/grouping.ts). JSON:
//   {"events":[{"id1","id2","tca","status","updates":[{"source","file","created","tca","missM","pc","method"}]}]}
// Creation times: a CDM's CREATION_DATE; a SOCRATES list's report time from its file name
// (SOCRATES_YYYYMMDD-hhmm…), else the file's modification time; a screen output's window start
// (the app screens from the current time). Any unreadable input: nothing on stdout, exit code 2
// with a one-line reason naming the file (each problem also on stderr).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCdm } from '../domain/cdm/parse';
import { parseSocratesCsv, parseSocratesKeeptrackJson } from '../domain/cdm/socrates';
import { isoMs } from '../domain/conjunctions/list';
import {
  recordFromCdm,
  recordFromScreening,
  recordFromSocrates,
} from '../domain/conjunctions/records';
import type { ConjunctionRecord } from '../domain/conjunctions/types';
import {
  type ConjunctionEventHistory,
  eventStatus,
  type EventUpdate,
  latestUpdate,
  mergeUpdates,
  socratesReportMs,
  updateFromRecord,
  type UpdateContext,
} from '../domain/history';
import type { ConjunctionEvent } from '../domain/screening/types';
import { parseIsoMs } from '../domain/time/iso';
import { csvRow } from '../domain/exportSafety';
import { parseFilesAndOptions, UsageError } from './args';

export const HISTORY_HELP = `usage: cli history <file> [...] [--format json|csv] [--now <ISO>]
  Groups CDMs (KVN or XML), SOCRATES lists (CSV or KeepTrack JSON) and \`cli screen\` JSON outputs
  into conjunction events (same pair, TCAs within min(P/32, 5 min)), updates in creation order.
  --format   json (default) or csv (one row per update)
  --now      the time statuses are judged at (default: now); "past" when TCA is before it`;

export interface HistoryUpdateJson {
  source: EventUpdate['origin']['source'];
  file: string;
  created: string;
  tca: string;
  missM: number;
  pc: number | null;
  method: string | null;
}

export interface HistoryEventJson {
  id1: number | string;
  id2: number | string;
  tca: string;
  status: string;
  updates: HistoryUpdateJson[];
}

class InputProblem extends Error {}

type Vec3 = [number, number, number];

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InputProblem(`${what} is not a number`);
  return v;
}

function vec(v: unknown, what: string): Vec3 {
  if (!Array.isArray(v) || v.length !== 3) throw new InputProblem(`${what} is not three numbers`);
  return [finite(v[0], what), finite(v[1], what), finite(v[2], what)];
}

/** One event of a `cli screen` JSON output. */
function screenEvent(e: unknown, k: number): ConjunctionEvent {
  const where = `event ${k + 1}`;
  if (typeof e !== 'object' || e === null) throw new InputProblem(`${where} is not an object`);
  const o = e as Record<string, unknown>;
  const id = (v: unknown, f: string) => {
    if (!Number.isInteger(v) || (v as number) <= 0)
      throw new InputProblem(`${where}: ${f} is not a catalog number`);
    return v as number;
  };
  const tcaMs = typeof o.tca === 'string' ? parseIsoMs(o.tca) : null;
  if (tcaMs === null) throw new InputProblem(`${where}: tca is not an ISO 8601 time`);
  const state = (v: unknown, f: string) => {
    const s = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    return { rKm: vec(s.rKm, `${where}: ${f}.rKm`), vKmS: vec(s.vKmS, `${where}: ${f}.vKmS`) };
  };
  return {
    id1: id(o.id1, 'id1'),
    name1: String(o.name1 ?? ''),
    id2: id(o.id2, 'id2'),
    name2: String(o.name2 ?? ''),
    tcaMs,
    tca: o.tca as string,
    rangeKm: finite(o.rangeKm, `${where}: rangeKm`),
    relSpeedKmS: finite(o.relSpeedKmS, `${where}: relSpeedKmS`),
    ricKm: vec(o.ricKm, `${where}: ricKm`),
    dse1: finite(o.dse1, `${where}: dse1`),
    dse2: finite(o.dse2, `${where}: dse2`),
    state1: state(o.state1, 'state1'),
    state2: state(o.state2, 'state2'),
  };
}

interface FileRecords {
  records: ConjunctionRecord[];
  context: UpdateContext;
  problems: string[];
}

/** The records of one file, whatever it is, and the problems found in it. */
function readRecords(file: string, text: string, mtimeMs: () => number): FileRecords {
  const name = basename(file);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(CCSDS_CDM_VERS|COMMENT)\b/.test(trimmed) || /^<(\?xml|cdm)/i.test(trimmed)) {
    const { messages, errors } = parseCdm(text);
    const problems = errors.map(
      (e) =>
        `${file}: message ${e.message}, line ${e.line}${e.keyword ? `, ${e.keyword}` : ''}: ${e.reason}`,
    );
    if (!messages.length && !errors.length) problems.push(`${file}: no CDM message found`);
    return { records: messages.map((m) => recordFromCdm(m, name)), context: {}, problems };
  }
  if (trimmed.startsWith('{')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(trimmed);
    } catch (e) {
      return {
        records: [],
        context: {},
        problems: [`${file}: not JSON (${(e as Error).message})`],
      };
    }
    const startMs = typeof doc.start === 'string' ? parseIsoMs(doc.start) : null;
    if (startMs === null || !Array.isArray(doc.events)) {
      return {
        records: [],
        context: {},
        problems: [`${file}: not a \`cli screen\` output (no start and events)`],
      };
    }
    const records: ConjunctionRecord[] = [];
    const problems: string[] = [];
    doc.events.forEach((e, k) => {
      try {
        records.push(recordFromScreening(screenEvent(e, k), undefined, name));
      } catch (err) {
        if (!(err instanceof InputProblem)) throw err;
        problems.push(`${file}: ${err.message}`);
      }
    });
    return { records, context: { createdMs: startMs, runLabel: name }, problems };
  }
  if (!trimmed.startsWith('[') && !/NORAD_CAT_ID_1/i.test(trimmed.split('\n', 1)[0])) {
    return {
      records: [],
      context: {},
      problems: [`${file}: not a CDM, SOCRATES list or \`cli screen\` output`],
    };
  }
  let parsed;
  try {
    parsed = trimmed.startsWith('[') ? parseSocratesKeeptrackJson(trimmed) : parseSocratesCsv(text);
  } catch (e) {
    return {
      records: [],
      context: {},
      problems: [`${file}: not a SOCRATES list (${(e as Error).message})`],
    };
  }
  const problems = parsed.rejected.map(
    (r) => `${file}: record ${r.record}, ${r.field}: ${r.reason}`,
  );
  if (!parsed.events.length && !parsed.rejected.length) problems.push(`${file}: no events`);
  const createdMs = socratesReportMs(name) ?? mtimeMs();
  return {
    records: parsed.events.map((e) => recordFromSocrates(e, name)),
    context: { createdMs },
    problems,
  };
}

const idJson = (d: string): number | string => (/^\d+$/.test(d) ? Number(d) : d);

function eventJson(h: ConjunctionEventHistory, nowMs: number): HistoryEventJson {
  return {
    id1: idJson(h.designator1),
    id2: idJson(h.designator2),
    tca: isoMs(latestUpdate(h).tcaMs),
    status: eventStatus(h, nowMs),
    updates: h.updates.map((u) => ({
      source: u.origin.source,
      file: u.origin.source === 'screening' ? u.origin.runLabel : u.origin.fileName,
      created: isoMs(u.createdMs),
      tca: isoMs(u.tcaMs),
      missM: Math.round(u.missKm * 1e9) / 1e6,
      pc: u.pc ?? null,
      method: u.pcMethod ?? null,
    })),
  };
}

/** The events of some files (no printing); events by latest TCA, then pair. */
export function historyEvents(
  files: readonly string[],
  nowMs: number,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
  mtimeMs: (path: string) => number = (p) => statSync(p).mtimeMs,
): { events: HistoryEventJson[]; problems: string[] } {
  const updates: EventUpdate[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      problems.push(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    const r = readRecords(file, text, () => mtimeMs(file));
    problems.push(...r.problems);
    for (const record of r.records) {
      try {
        updates.push(updateFromRecord(record, r.context));
      } catch (e) {
        problems.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  const events = mergeUpdates([], updates)
    .map((h) => eventJson(h, nowMs))
    .sort((a, b) =>
      a.tca < b.tca ? -1 : a.tca > b.tca ? 1 : `${a.id1}-${a.id2}` < `${b.id1}-${b.id2}` ? -1 : 1,
    );
  return { events, problems };
}

export function historyCsv(events: readonly HistoryEventJson[]): string {
  const rows = events.flatMap((e) =>
    e.updates.map((u) =>
      csvRow([
        e.id1,
        e.id2,
        e.tca,
        e.status,
        u.source,
        u.file,
        u.created,
        u.tca,
        u.missM,
        u.pc,
        u.method,
      ]),
    ),
  );
  return `id1,id2,eventTca,status,source,file,created,tca,missM,pc,method\n${rows.map((r) => `${r}\n`).join('')}`;
}

export function runHistory(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HISTORY_HELP}\n`);
    return Promise.resolve();
  }
  const { files, options } = parseFilesAndOptions(argv, ['format', 'now']);
  const format = options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format must be json or csv (got "${format}")`);
  }
  let nowMs = Date.now();
  if (options.has('now')) {
    const t = parseIsoMs(options.get('now')!);
    if (t === null)
      throw new UsageError(`--now is not an ISO 8601 UTC time: "${options.get('now')}"`);
    nowMs = t;
  }
  if (!files.length) throw new UsageError('no file given (usage: cli history <file> [...])');
  const { events, problems } = historyEvents(files, nowMs);
  if (problems.length) {
    for (const p of problems.slice(0, -1)) process.stderr.write(`warning: ${p}\n`);
    throw new UsageError(
      problems.length === 1 ? problems[0] : `${problems.length} problems; last: ${problems.at(-1)}`,
    );
  }
  process.stdout.write(format === 'json' ? `${JSON.stringify({ events })}\n` : historyCsv(events));
  return Promise.resolve();
}
