// KVN and XML OEMs both become one stream of tokens, so a single reader applies the standard's
// rules to either: `KEYWORD = value` lines (and META_START-style markers, with an empty value),
// and lines of whitespace-separated fields (a state: epoch and numbers; a covariance row).

export type OemToken =
  | { kind: 'keyword'; line: number; keyword: string; value: string }
  | { kind: 'fields'; line: number; fields: string[]; text: string };

/** XML only: an element the standard requires is absent (the reader refuses the segment). */
export interface MissingElement {
  kind: 'missingElement';
  line: number;
  parent: string;
  element: string;
}

const MARKERS = new Set(['META_START', 'META_STOP', 'COVARIANCE_START', 'COVARIANCE_STOP']);
const KEYWORD = /^[A-Z][A-Z0-9_]*$/;

/** Tokens of a KVN OEM; blank lines dropped, line numbers 1-based. */
export function tokenizeKvn(text: string): OemToken[] {
  const tokens: OemToken[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = n + 1;
    const t = lines[n].trim();
    if (!t) continue;
    if (t === 'COMMENT' || t.startsWith('COMMENT ') || t.startsWith('COMMENT\t')) {
      tokens.push({ kind: 'keyword', line, keyword: 'COMMENT', value: t.slice(7).trim() });
    } else if (MARKERS.has(t)) {
      tokens.push({ kind: 'keyword', line, keyword: t, value: '' });
    } else {
      const eq = t.indexOf('=');
      const keyword = eq > 0 ? t.slice(0, eq).trim() : '';
      if (KEYWORD.test(keyword)) {
        tokens.push({ kind: 'keyword', line, keyword, value: t.slice(eq + 1).trim() });
      } else {
        tokens.push({ kind: 'fields', line, fields: t.split(/\s+/), text: t });
      }
    }
  }
  return tokens;
}
