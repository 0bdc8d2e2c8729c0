// Input limits: the largest file, record count, line and nesting each kind of input may have.
// They are checked on the text before any parser runs, so an oversized or hostile file is refused
// in linear time with a message naming the limit, instead of exhausting memory, the call stack or
// the main thread. Each parser throws its own named error with the reason returned here.

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

/** Why `bytes` is too large for `kind` (check File.size or Content-Length before reading). */
export function checkInputBytes(kind: InputKind, bytes: number): string | null {
  const limit = INPUT_LIMITS[kind];
  if (!Number.isFinite(bytes) || bytes < 0) return `invalid file size ${bytes}`;
  if (bytes <= limit.maxBytes) return null;
  return `file is ${sizeText(bytes)}; the limit for ${limit.label} is ${limitSizeText(limit.maxBytes)}`;
}

/** Why `count` records are too many for `kind`; `noun` names them ("objects", "messages"). */
export function checkInputRecords(kind: InputKind, count: number, noun: string): string | null {
  const limit = INPUT_LIMITS[kind];
  if (count <= limit.maxRecords) return null;
  return `${grouped(count)} ${noun}; the limit for ${limit.label} is ${grouped(limit.maxRecords)}`;
}

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
function checkSizeAndLines(kind: InputKind, text: string, lineBased: boolean): string | null {
  const limit = INPUT_LIMITS[kind];
  // UTF-8 never takes fewer bytes than UTF-16 units: a text over the limit in units is refused
  // unread, and only one near it is measured.
  const bytes =
    text.length > limit.maxBytes || text.length <= limit.maxBytes / 3
      ? text.length
      : utf8Length(text);
  const size = checkInputBytes(kind, bytes);
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
      return (
        `line ${grouped(lines)} is ${grouped(chars)} characters long; ` +
        `the limit for ${limit.label} is ${grouped(limit.maxLineChars)}`
      );
    }
    if (lines > limit.maxLines) {
      return `file has more than ${grouped(limit.maxLines)} lines, the limit for ${limit.label}`;
    }
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
  if (/<!DOCTYPE/i.test(text)) {
    return 'XML with a document type declaration (DOCTYPE) is refused: entities are not allowed';
  }
  if (/<!ENTITY/i.test(text)) return 'XML entity declarations are refused';
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
      if (++depth > maxDepth) {
        return `XML elements are nested more than ${maxDepth} deep, the limit for ${label}`;
      }
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
} {
  const limit = INPUT_LIMITS.urlParameters;
  if (search.length > limit.maxBytes) {
    return {
      params: null,
      problems: [
        `Ignored the address's parameters: ${grouped(search.length)} characters; the limit for ${limit.label} is ${grouped(limit.maxBytes)}`,
      ],
    };
  }
  const params = new URLSearchParams(search);
  const count = [...params.keys()].length;
  if (count > limit.maxRecords) {
    return {
      params: null,
      problems: [
        `Ignored the address's parameters: ${count} of them; the limit for ${limit.label} is ${limit.maxRecords}`,
      ],
    };
  }
  const problems: string[] = [];
  for (const [key, value] of [...params.entries()]) {
    if (value.length > limit.maxLineChars) {
      params.delete(key);
      problems.push(
        `Ignored ${key.slice(0, 40)}=…: ${grouped(value.length)} characters; the limit for one parameter is ${grouped(limit.maxLineChars)}`,
      );
    }
  }
  return { params, problems };
}

export type InputSyntax = 'lines' | 'json' | 'xml';

/**
 * Everything checkable before parsing: bytes, lines and line length (line-based text), nesting
 * (JSON, XML), DOCTYPE and entities (XML). `syntax` defaults to what the text starts with.
 * Returns the reason the input is refused, or null.
 */
export function checkInputText(kind: InputKind, text: string, syntax?: InputSyntax): string | null {
  const limit = INPUT_LIMITS[kind];
  if (text.length > limit.maxBytes) return checkInputBytes(kind, text.length);
  const form = syntax ?? syntaxOf(text);
  const size = checkSizeAndLines(kind, text, form === 'lines');
  if (size) return size;
  if (form === 'json') {
    const at = jsonDepthProblem(text, limit.maxDepth);
    if (at !== null) {
      return `JSON is nested more than ${limit.maxDepth} deep (at character ${grouped(at + 1)}), the limit for ${limit.label}`;
    }
  }
  if (form === 'xml') return xmlProblem(text, limit.maxDepth, limit.label);
  return null;
}

/** The syntax of a text by its first non-blank character: JSON, XML, or line-based. */
export function syntaxOf(text: string): InputSyntax {
  const m = /^\uFEFF?\s*(\S)/.exec(text.slice(0, 4096));
  const c = m?.[1];
  return c === '[' || c === '{' ? 'json' : c === '<' ? 'xml' : 'lines';
}
