// Format detection and whole-file sanity checks. Detection reads the content, never the file
// name: CelesTrak serves every format from one URL, and downloads get renamed.
import { inputTextIssue } from '../limits';
import { catalogError, CatalogFormatError, catalogSizeIssue, MAX_CATALOG_BYTES } from './errors';
import { parseOmmCsv } from './omm-csv';
import { parseOmmJson } from './omm-json';
import { parseOmmXml } from './omm-xml';
import { parseTle } from './tle';
import type { CatalogFormat, ParsedCatalog } from './types';

export { CatalogFormatError, checkCatalogSize, MAX_CATALOG_BYTES } from './errors';

export interface ParseHint {
  /** Only used to make error messages name the file. */
  fileName?: string;
}

/** How much of the start of the text the binary and HTML sniffers look at. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Share of control characters (other than tab/CR/LF/FF) and U+FFFD replacement characters
 * above which text is taken as binary. Catalog text has none; random bytes decoded as UTF-8
 * give well over half.
 */
const MAX_NON_TEXT_RATIO = 0.1;

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SNIFF_CHARS);
  let nonText = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd) {
      nonText++;
    }
  }
  return nonText > n * MAX_NON_TEXT_RATIO;
}

/**
 * An HTML page (error, login or captive-portal page) rather than XML data: a doctype or <html>
 * tag near the start (XHTML included), or a first element that only HTML has. OMM's own
 * <body> is never the first element, so it is not mistaken for HTML.
 */
function looksLikeHtml(start: string): boolean {
  return (
    /<!doctype\s+html|<html[\s>]/i.test(start) ||
    /^<(head|body|title|meta|div|p|h[1-6]|script|style)[\s/>]/i.test(start)
  );
}

function firstLine(text: string): string {
  return text.slice(0, 200).split(/\r\n|\r|\n/)[0];
}

/** Decides the format from the content alone; anything not JSON, XML or an OMM CSV header is tried as TLE. */
export function detectCatalogFormat(text: string): CatalogFormat {
  const start = text.trimStart();
  if (start[0] === '[' || start[0] === '{') return 'OMM-JSON';
  if (start[0] === '<') return 'OMM-XML';
  const header = firstLine(start).toUpperCase();
  if (header.includes(',') && (header.includes('NORAD_CAT_ID') || header.includes('OBJECT_NAME'))) {
    return 'OMM-CSV';
  }
  return 'TLE';
}

/**
 * Parses a catalog in any supported format (TLE, OMM JSON/CSV/XML). Per-record problems come
 * back in `rejected`, even when every record is rejected; whole-file problems (input limits, empty,
 * binary, HTML, unrecognisable, malformed JSON/XML, CSV header without OMM columns) throw
 * CatalogFormatError.
 */
export function parseCatalog(text: string, hint: ParseHint = {}): ParsedCatalog {
  try {
    // A text over the size limit is refused unread; the other limits after the sniffers, which
    // look only at the start, so that an HTML error page is called that.
    const sizeIssue = text.length > MAX_CATALOG_BYTES ? catalogSizeIssue(text.length) : null;
    if (sizeIssue) throw new CatalogFormatError(sizeIssue);
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '') throw catalogError('empty');
    if (looksBinary(body)) throw catalogError('binary');
    const start = body.trimStart().slice(0, SNIFF_CHARS);
    if (start[0] === '<' && looksLikeHtml(start.slice(0, 2048))) throw catalogError('html');
    // Lines, line length, nesting and XML declarations, before any parser reads it.
    const limitIssue = inputTextIssue('catalog', body);
    if (limitIssue) throw new CatalogFormatError(limitIssue);
    switch (detectCatalogFormat(body)) {
      case 'OMM-JSON':
        return parseOmmJson(body);
      case 'OMM-XML':
        return parseOmmXml(body);
      case 'OMM-CSV':
        return parseOmmCsv(body);
      case 'TLE':
        try {
          return parseTle(body);
        } catch (e) {
          if (!(e instanceof CatalogFormatError)) throw e;
          throw catalogError('notCatalog', { start: firstLine(start).slice(0, 80) });
        }
    }
  } catch (e) {
    if (e instanceof CatalogFormatError && hint.fileName) {
      throw new CatalogFormatError({ ...e.issue, file: hint.fileName });
    }
    throw e;
  }
}
