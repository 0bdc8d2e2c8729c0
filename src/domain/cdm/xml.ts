// XML CDMs (508.0-B-1 / NDM XML): <cdm> → <header>, <body> → <relativeMetadataData> and two
// <segment>s (<metadata>, <data> with nested groups). A file may be one <cdm> or an <ndm> holding
// several. Units come from `units=` attributes. fast-xml-parser gives no line numbers, so the
// opening tags are also located in the text, in document order, to report lines.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inputRecordsIssue, xmlIssue } from '../limits';
import { cdmIssue, cdmIssueText, cdmLimitIssue, type CdmIssue } from './issues';
import { buildCdm } from './build';
import { fileError, toCdmError } from './kvn';
import type { CdmEntry, RawCdm, RawSection } from './raw';
import type { CdmMessage, CdmParseResult } from './types';

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  commentPropName: '#comment',
});

/** Line of each element's opening tag, in document order (comments and CDATA blanked first). */
function openingTagLines(text: string): number[] {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const m of blanked.matchAll(/<([A-Za-z_][\w.:-]*)/g)) {
    for (let i = last; i < m.index; i++) if (blanked.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

export interface XElement {
  name: string;
  line: number;
  attrs: Record<string, string>;
  text: string;
  children: XElement[];
}

function toTree(nodes: XNode[], lines: number[], cursor: { i: number }): XElement[] {
  const out: XElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#comment' || name.startsWith('?')) continue;
    const line = lines[cursor.i++] ?? 0;
    const kids = (node[name] as XNode[]) ?? [];
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    const attrs = (node[':@'] as Record<string, string>) ?? {};
    out.push({ name, line, attrs, text, children: toTree(kids, lines, cursor) });
  }
  return out;
}

function lastLine(e: XElement): number {
  return e.children.length ? lastLine(e.children[e.children.length - 1]) : e.line;
}

function leaves(e: XElement, into: CdmEntry[] = []): CdmEntry[] {
  for (const c of e.children) {
    if (c.children.length) leaves(c, into);
    else
      into.push(
        c.attrs.units
          ? { keyword: c.name, value: c.text, unit: c.attrs.units, line: c.line }
          : { keyword: c.name, value: c.text, line: c.line },
      );
  }
  return into;
}

function sectionOf(e: XElement | undefined, fallbackLine: number): RawSection {
  if (!e) return { startLine: fallbackLine, endLine: fallbackLine, entries: [] };
  return { startLine: e.line, endLine: lastLine(e), entries: leaves(e) };
}

function toRaw(cdm: XElement): RawCdm {
  const child = (e: XElement | undefined, name: string) => e?.children.find((c) => c.name === name);
  const body = child(cdm, 'body');
  const end = lastLine(cdm);
  const header = sectionOf(child(cdm, 'header'), cdm.line);
  // The version lives in the root's attribute, not in an element.
  header.entries.unshift({
    keyword: 'CCSDS_CDM_VERS',
    value: cdm.attrs.version ?? '',
    line: cdm.line,
  });
  return {
    format: 'XML',
    startLine: cdm.line,
    endLine: end,
    header,
    relative: sectionOf(child(body, 'relativeMetadataData'), body?.line ?? end),
    objects: (body?.children ?? [])
      .filter((c) => c.name === 'segment')
      .map((s) => sectionOf(s, s.line)),
  };
}

/**
 * The element tree of an XML document with each element's line, or why it is refused. DOCTYPE,
 * entities and nesting deeper than the kind's limit are refused before fast-xml-parser sees the
 * text (the tree walk recurses once per level). Shared with the OEM reader (same NDM shape).
 */
export function parseXmlTree(
  text: string,
  kind: 'cdm' | 'oem',
): { ok: true; tree: XElement[] } | { ok: false; line: number; reason: string; issue: CdmIssue } {
  const refused = (line: number, issue: CdmIssue) =>
    ({ ok: false, line, reason: cdmIssueText(issue), issue }) as const;
  const unsafe = xmlIssue(text, kind);
  if (unsafe) return refused(1, cdmLimitIssue(unsafe));
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true)
      return refused(valid.err.line, cdmIssue('malformedXml', { detail: valid.err.msg }));
    const parsed = parser.parse(text) as XNode[];
    return { ok: true, tree: toTree(parsed, openingTagLines(text), { i: 0 }) };
  } catch (e) {
    // The parser's own refusals (entities, its nesting cap) as a file error, not a crash.
    return refused(
      1,
      cdmIssue('malformedXml', { detail: e instanceof Error ? e.message : String(e) }),
    );
  }
}

const refusedFile = (line: number, issue: CdmIssue): CdmParseResult => ({
  messages: [],
  errors: [fileError(line, issue)],
});

export function parseCdmXml(text: string): CdmParseResult {
  const parsed = parseXmlTree(text, 'cdm');
  if (!parsed.ok) return refusedFile(parsed.line, parsed.issue);
  const tree = parsed.tree;
  const cdms = tree.flatMap((e) =>
    e.name === 'cdm' ? [e] : e.name === 'ndm' ? e.children.filter((c) => c.name === 'cdm') : [],
  );
  const tooMany = inputRecordsIssue('cdm', cdms.length, 'messages');
  if (tooMany) return refusedFile(1, cdmLimitIssue(tooMany));
  const messages: CdmMessage[] = [];
  const errors = [];
  if (cdms.length === 0)
    errors.push(fileError(tree[0]?.line ?? 1, cdmIssue('noCdmElement'), 'cdm'));
  for (const [i, cdm] of cdms.entries()) {
    try {
      messages.push(buildCdm(toRaw(cdm)));
    } catch (e) {
      errors.push(toCdmError(e, i + 1));
    }
  }
  return { messages, errors };
}
