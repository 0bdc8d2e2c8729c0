// Input limits: the largest file, record count, line and nesting each kind of input may have.
// They are checked on the text before any parser runs, so an oversized or hostile file is refused
// in linear time with a message naming the limit, instead of exhausting memory, the call stack or
// the main thread. Each parser throws its own named error with the reason returned here.
import { type MessageTemplates, type MessageValues } from './messages';

export type InputKind =
  'catalog' | 'cdm' | 'oem' | 'socrates' | 'notifications' | 'storedDocument' | 'urlParameters';

export interface InputLimit {
  /** How the kind is named in messages ("the limit for catalogs is …"). */
  label: string;
  maxBytes: number;
  /** Objects, messages, events or notifications in one input. */
  maxRecords: number;
  maxLines: number;
  /** Characters in one line of a line-based format (TLE, CSV, KVN); JSON and XML may be one line. */
  maxLineChars: number;
  /** Nesting of JSON arrays/objects or XML elements. */
  maxDepth: number;
}

const MB = 1024 * 1024;

/**
 * The numbers, chosen to admit real use with room to spare: CelesTrak's full catalog is 26,834
 * objects (≈ 5 MB CSV, ≈ 30 MB XML) and the viewer targets 100,000+ (340,000 objects as TLE are
 * ≈ 50–58 MB); a CDM is ≈ 10 kB; a notification well under 10 kB.
 */
export const INPUT_LIMITS: Readonly<Record<InputKind, Readonly<InputLimit>>> = {
  catalog: {
    label: 'catalogs',
    maxBytes: 150 * MB,
    maxRecords: 500_000,
    maxLines: 2_000_000,
    maxLineChars: 4_096,
    maxDepth: 16,
  },
  cdm: {
    label: 'CDM files',
    maxBytes: 32 * MB,
    maxRecords: 10_000,
    maxLines: 2_000_000,
    maxLineChars: 4_096,
    maxDepth: 16,
  },
  oem: {
    label: 'OEM files',
    // A 7-day ephemeris at 60 s with covariances is about 3 MB; 1 s steps for a week fit too.
    maxBytes: 128 * MB,
    // States in one file.
    maxRecords: 1_000_000,
    maxLines: 4_000_000,
    maxLineChars: 4_096,
    maxDepth: 16,
  },
  socrates: {
    label: 'SOCRATES lists',
    maxBytes: 64 * MB,
    maxRecords: 500_000,
    maxLines: 1_000_000,
    maxLineChars: 4_096,
    maxDepth: 8,
  },
  notifications: {
    label: 'notification files',
    maxBytes: 5 * MB,
    maxRecords: 10_000,
    maxLines: 200_000,
    // A CSV row carries up to 4,000 characters of remarks besides its other cells.
    maxLineChars: 16_384,
    maxDepth: 16,
  },
  storedDocument: {
    label: 'stored documents',
    maxBytes: 16 * MB,
    maxRecords: 100_000,
    maxLines: 1_000_000,
    maxLineChars: 1_000_000,
    maxDepth: 16,
  },
  urlParameters: {
    label: 'page addresses',
    maxBytes: 8_192,
    // Parameters in the query.
    maxRecords: 64,
    maxLines: 1,
    // Characters in one parameter value.
    maxLineChars: 2_048,
    maxDepth: 0,
  },
};

const grouped = (n: number) => n.toLocaleString('en-US');

function sizeText(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${grouped(bytes)} bytes`;
}

function limitSizeText(bytes: number): string {
  return bytes >= MB ? `${grouped(bytes / MB)} MB` : sizeText(bytes);
}

// Why an input is refused: a code and its values, for the interface to word in the reader's
// language, and English templates for the command line and logs. Counts are numbers (the reader's
// locale groups them); sizes are text with a unit ("151.2 MB"); `kind` names the input's limit.
const of = (v: MessageValues) => INPUT_LIMITS[v.kind as InputKind]?.label ?? String(v.label);
const g = (n: string | number) => (typeof n === 'number' ? grouped(n) : n);

const LIMIT_TEMPLATES = {
  invalidSize: (v) => `invalid file size ${v.bytes}`,
  tooLarge: (v) => `file is ${v.size}; the limit for ${of(v)} is ${v.limit}`,
  tooManyRecords: (v) => `${g(v.count)} ${v.noun}; the limit for ${of(v)} is ${g(v.limit)}`,
  lineTooLong: (v) =>
    `line ${g(v.line)} is ${g(v.chars)} characters long; the limit for ${of(v)} is ${g(v.limit)}`,
  tooManyLines: (v) => `file has more than ${g(v.limit)} lines, the limit for ${of(v)}`,
  jsonTooDeep: (v) =>
    `JSON is nested more than ${v.limit} deep (at character ${g(v.at)}), the limit for ${of(v)}`,
  xmlDoctype: () =>
    'XML with a document type declaration (DOCTYPE) is refused: entities are not allowed',
  xmlEntity: () => 'XML entity declarations are refused',
  xmlTooDeep: (v) => `XML elements are nested more than ${v.limit} deep, the limit for ${of(v)}`,
  addressTooLong: (v) =>
    `Ignored the address's parameters: ${g(v.chars)} characters; the limit for page addresses is ${g(v.limit)}`,
  addressTooManyParameters: (v) =>
    `Ignored the address's parameters: ${v.count} of them; the limit for page addresses is ${v.limit}`,
  parameterTooLong: (v) =>
    `Ignored ${v.key}=…: ${g(v.chars)} characters; the limit for one parameter is ${g(v.limit)}`,
} satisfies MessageTemplates;

export type LimitCode = keyof typeof LIMIT_TEMPLATES;

export const isLimitCode = (code: string): code is LimitCode => code in LIMIT_TEMPLATES;

export interface LimitIssue {
  code: LimitCode;
  values: MessageValues;
}

/** The issue in English, as the command line prints it. */
export function limitIssueText(issue: LimitIssue): string {
  return LIMIT_TEMPLATES[issue.code](issue.values);
}

const text_ = (issue: LimitIssue | null) => (issue ? limitIssueText(issue) : null);

/** Why `bytes` is too large for `kind` (check File.size or Content-Length before reading). */
export function inputBytesIssue(kind: InputKind, bytes: number): LimitIssue | null {
  const limit = INPUT_LIMITS[kind];
  if (!Number.isFinite(bytes) || bytes < 0) return { code: 'invalidSize', values: { bytes } };
  if (bytes <= limit.maxBytes) return null;
  return {
    code: 'tooLarge',
    values: { kind, size: sizeText(bytes), limit: limitSizeText(limit.maxBytes) },
  };
}

export const checkInputBytes = (kind: InputKind, bytes: number): string | null =>
  text_(inputBytesIssue(kind, bytes));

/** Why `count` records are too many for `kind`; `noun` names them ("objects", "messages"). */
export function inputRecordsIssue(kind: InputKind, count: number, noun: string): LimitIssue | null {
  const limit = INPUT_LIMITS[kind];
  if (count <= limit.maxRecords) return null;
  return { code: 'tooManyRecords', values: { kind, count, noun, limit: limit.maxRecords } };
}

export const checkInputRecords = (kind: InputKind, count: number, noun: string): string | null =>
  text_(inputRecordsIssue(kind, count, noun));

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 units
      i++;
    } else if (c >= 0x800) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

/**
 * Bytes, then (line-based formats only) line count and the longest line. JSON and XML are
 * bounded by bytes and nesting: pretty-printed XML of 100,000 objects has 3 million lines.
 */
function sizeAndLinesIssue(kind: InputKind, text: string, lineBased: boolean): LimitIssue | null {
  const limit = INPUT_LIMITS[kind];
  // UTF-8 never takes fewer bytes than UTF-16 units: a text over the limit in units is refused
  // unread, and only one near it is measured.
  const bytes =
    text.length > limit.maxBytes || text.length <= limit.maxBytes / 3
      ? text.length
      : utf8Length(text);
  const size = inputBytesIssue(kind, bytes);
  if (size || !lineBased) return size;
  // Lines end in LF or CRLF; a file with bare CRs only (old Mac) ends them in CR.
  const eol = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf(eol, start);
    if (end < 0) end = text.length;
    lines++;
    const chars = end - start - (eol === '\n' && text.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (chars > limit.maxLineChars) {
      return {
        code: 'lineTooLong',
        values: { kind, line: lines, chars, limit: limit.maxLineChars },
      };
    }
    if (lines > limit.maxLines)
      return { code: 'tooManyLines', values: { kind, limit: limit.maxLines } };
    start = end + 1;
  }
  return null;
}

/** Deepest nesting of JSON arrays and objects (strings skipped), stopping past `max`. */
export function jsonDepthProblem(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

/**
 * XML that must not reach the parser: a document type declaration (entities, external or not,
 * are how XML bombs and external-entity reads work; CCSDS messages have none) or elements nested
 * deeper than `maxDepth`. Returns the reason or null. A linear scan, no recursion.
 */
export function xmlProblem(text: string, maxDepth: number, label: string): string | null {
  return text_(xmlScan(text, maxDepth, { label }));
}

/** xmlProblem for an input kind's limits, as an issue. */
export function xmlIssue(text: string, kind: InputKind): LimitIssue | null {
  return xmlScan(text, INPUT_LIMITS[kind].maxDepth, { kind });
}

function xmlScan(text: string, maxDepth: number, what: MessageValues): LimitIssue | null {
  if (/<!DOCTYPE/i.test(text)) return { code: 'xmlDoctype', values: {} };
  if (/<!ENTITY/i.test(text)) return { code: 'xmlEntity', values: {} };
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? -1 : text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      i = end < 0 ? -1 : text.indexOf('<', end + 3);
      continue;
    }
    const close = text.indexOf('>', i + 1);
    if (close < 0) break; // unterminated tag: the parser reports it
    if (next === 47)
      depth--; // </name>
    else if (next !== 63 && next !== 33 && text.charCodeAt(close - 1) !== 47) {
      // An opening tag that is not <?…?>, <!…> or self-closing <…/>.
      if (++depth > maxDepth) return { code: 'xmlTooDeep', values: { ...what, limit: maxDepth } };
    }
    i = text.indexOf('<', close + 1);
  }
  return null;
}

/**
 * The page address's query within the limits for page addresses: an address over the length or
 * parameter count limit is dropped whole (`params` null); a value over the value limit is
 * dropped alone. `problems` says what was dropped, never echoing the oversized text.
 */
export function limitUrlSearch(search: string): {
  params: URLSearchParams | null;
  problems: string[];
  issues: LimitIssue[];
} {
  const limit = INPUT_LIMITS.urlParameters;
  const result = (params: URLSearchParams | null, issues: LimitIssue[]) => ({
    params,
    issues,
    problems: issues.map(limitIssueText),
  });
  if (search.length > limit.maxBytes) {
    return result(null, [
      { code: 'addressTooLong', values: { chars: search.length, limit: limit.maxBytes } },
    ]);
  }
  const params = new URLSearchParams(search);
  const count = [...params.keys()].length;
  if (count > limit.maxRecords) {
    return result(null, [
      { code: 'addressTooManyParameters', values: { count, limit: limit.maxRecords } },
    ]);
  }
  const issues: LimitIssue[] = [];
  for (const [key, value] of [...params.entries()]) {
    if (value.length > limit.maxLineChars) {
      params.delete(key);
      issues.push({
        code: 'parameterTooLong',
        values: { key: key.slice(0, 40), chars: value.length, limit: limit.maxLineChars },
      });
    }
  }
  return result(params, issues);
}

export type InputSyntax = 'lines' | 'json' | 'xml';

/**
 * Everything checkable before parsing: bytes, lines and line length (line-based text), nesting
 * (JSON, XML), DOCTYPE and entities (XML). `syntax` defaults to what the text starts with.
 * Returns the reason the input is refused, or null.
 */
export function inputTextIssue(
  kind: InputKind,
  text: string,
  syntax?: InputSyntax,
): LimitIssue | null {
  const limit = INPUT_LIMITS[kind];
  if (text.length > limit.maxBytes) return inputBytesIssue(kind, text.length);
  const form = syntax ?? syntaxOf(text);
  const size = sizeAndLinesIssue(kind, text, form === 'lines');
  if (size) return size;
  if (form === 'json') {
    const at = jsonDepthProblem(text, limit.maxDepth);
    if (at !== null) {
      return { code: 'jsonTooDeep', values: { kind, limit: limit.maxDepth, at: at + 1 } };
    }
  }
  if (form === 'xml') return xmlIssue(text, kind);
  return null;
}

export const checkInputText = (kind: InputKind, text: string, syntax?: InputSyntax) =>
  text_(inputTextIssue(kind, text, syntax));

/** The syntax of a text by its first non-blank character: JSON, XML, or line-based. */
export function syntaxOf(text: string): InputSyntax {
  const m = /^\uFEFF?\s*(\S)/.exec(text.slice(0, 4096));
  const c = m?.[1];
  return c === '[' || c === '{' ? 'json' : c === '<' ? 'xml' : 'lines';
}
