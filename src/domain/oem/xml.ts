// XML OEMs (NDM/XML: <oem version> → <header>, <body> → <segment> → <metadata>, <data> with
// <stateVector>s and <covarianceMatrix>es) turned into the same tokens as KVN, each carrying the
// line of its element, so the reader's rules and messages are the same for both encodings.
import { parseXmlTree, type XElement } from '../cdm/xml';
import { oemIssue, type OemIssue } from './issues';
import type { MissingElement, OemToken } from './tokens';

type XmlToken = OemToken | MissingElement;

const STATE_FIELDS = ['EPOCH', 'X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'];
const ACCELERATION_FIELDS = ['X_DDOT', 'Y_DDOT', 'Z_DDOT'];
const COVARIANCE_ROWS = [
  ['CX_X'],
  ['CY_X', 'CY_Y'],
  ['CZ_X', 'CZ_Y', 'CZ_Z'],
  ['CX_DOT_X', 'CX_DOT_Y', 'CX_DOT_Z', 'CX_DOT_X_DOT'],
  ['CY_DOT_X', 'CY_DOT_Y', 'CY_DOT_Z', 'CY_DOT_X_DOT', 'CY_DOT_Y_DOT'],
  ['CZ_DOT_X', 'CZ_DOT_Y', 'CZ_DOT_Z', 'CZ_DOT_X_DOT', 'CZ_DOT_Y_DOT', 'CZ_DOT_Z_DOT'],
];
const COVARIANCE_ELEMENTS = new Set(COVARIANCE_ROWS.flat());

const keyword = (e: XElement, name = e.name, value = e.text.trim()): OemToken => ({
  kind: 'keyword',
  line: e.line,
  keyword: name,
  value,
});

function fieldsToken(line: number, fields: string[]): OemToken {
  return { kind: 'fields', line, fields, text: fields.join(' ') };
}

function missingElement(parent: XElement, element: string): MissingElement {
  return { kind: 'missingElement', line: parent.line, parent: parent.name, element };
}

function stateTokens(sv: XElement): XmlToken[] {
  const byName = new Map(sv.children.map((c) => [c.name, c.text.trim()]));
  const known = new Set([...STATE_FIELDS, ...ACCELERATION_FIELDS]);
  const stray = sv.children.filter((c) => !known.has(c.name)).map((c) => keyword(c));
  const names = ACCELERATION_FIELDS.some((n) => byName.has(n))
    ? [...STATE_FIELDS, ...ACCELERATION_FIELDS]
    : STATE_FIELDS;
  const missing = names.find((n) => !byName.has(n));
  if (missing) return [...stray, missingElement(sv, missing)];
  return [
    ...stray,
    fieldsToken(
      sv.line,
      names.map((n) => byName.get(n)!),
    ),
  ];
}

function covarianceTokens(cm: XElement): XmlToken[] {
  const out: XmlToken[] = [];
  const byName = new Map<string, string>();
  for (const c of cm.children) {
    if (COVARIANCE_ELEMENTS.has(c.name)) byName.set(c.name, c.text.trim());
    else out.push(keyword(c));
  }
  const missing = COVARIANCE_ROWS.flat().find((n) => !byName.has(n));
  if (missing) return [...out, missingElement(cm, missing)];
  for (const row of COVARIANCE_ROWS)
    out.push(
      fieldsToken(
        cm.line,
        row.map((n) => byName.get(n)!),
      ),
    );
  return out;
}

function segmentTokens(segment: XElement): XmlToken[] {
  const metadata = segment.children.find((c) => c.name === 'metadata');
  const data = segment.children.find((c) => c.name === 'data');
  const tokens: XmlToken[] = [keyword(segment, 'META_START', '')];
  for (const c of metadata?.children ?? []) tokens.push(keyword(c));
  tokens.push(keyword(metadata ?? segment, 'META_STOP', ''));
  let inCovariance = false;
  for (const c of data?.children ?? []) {
    if (c.name === 'stateVector') tokens.push(...stateTokens(c));
    else if (c.name === 'covarianceMatrix') {
      if (!inCovariance) tokens.push(keyword(c, 'COVARIANCE_START', ''));
      inCovariance = true;
      tokens.push(...covarianceTokens(c));
    } else tokens.push(keyword(c));
  }
  if (inCovariance) tokens.push(keyword(data!, 'COVARIANCE_STOP', ''));
  return tokens;
}

export function tokenizeXml(text: string): { tokens: XmlToken[] } | { error: OemIssue } {
  const parsed = parseXmlTree(text, 'oem');
  if (!parsed.ok)
    return {
      error: oemIssue(
        'malformedXml',
        { detail: parsed.reason.replace(/^malformed XML: /, '') },
        { line: parsed.line },
      ),
    };
  const root = parsed.tree.find((e) => e.name === 'oem');
  if (!root) return { error: oemIssue('notOem') };
  const tokens: XmlToken[] = [keyword(root, 'CCSDS_OEM_VERS', root.attrs.version ?? '')];
  const header = root.children.find((c) => c.name === 'header');
  for (const c of header?.children ?? []) tokens.push(keyword(c));
  const body = root.children.find((c) => c.name === 'body');
  for (const s of body?.children ?? []) {
    if (s.name === 'segment') tokens.push(...segmentTokens(s));
  }
  return { tokens };
}
