// CCSDS OMM XML as CelesTrak serves it: <ndm><omm>…<body><segment><metadata>… and
// <data><meanElements>…<tleParameters>…; a lone <omm> root is accepted too. Each <omm> is
// one record; keywords are looked up anywhere inside its segment.
import { recordIssue, rejectedRecord } from './recordIssues';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlIssue } from '../limits';
import { catalogError, CatalogFormatError, checkCatalogRecords } from './errors';
import { collectOmmResults, readOmmRecord, type OmmRecordResult } from './omm';
import type { ParsedCatalog } from './types';

type XmlNode = Record<string | symbol, unknown>;

// Typed as the Symbol wrapper; it is a primitive symbol at run time.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function isNode(value: unknown): value is XmlNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Leaf keyword → text for every element under `node`; the first occurrence wins. */
function flatten(node: XmlNode, into: Map<string, unknown>): Map<string, unknown> {
  for (const [key, value] of Object.entries(node)) {
    if (isNode(value)) flatten(value, into);
    else if (Array.isArray(value)) value.filter(isNode).forEach((v) => flatten(v, into));
    else if (!into.has(key)) into.set(key, value);
  }
  return into;
}

/** 1-based line of a character offset, by binary search over line-start offsets. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function parseOmmXml(text: string): ParsedCatalog {
  // DOCTYPE/entities and deep nesting never reach fast-xml-parser (flatten recurses per level).
  const unsafe = xmlIssue(text, 'catalog');
  if (unsafe) throw new CatalogFormatError(unsafe);
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(text);
  } catch (e) {
    throw catalogError('malformedXml', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (valid !== true) {
    throw catalogError('malformedXmlAt', { line: valid.err.line, detail: valid.err.msg });
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    // Keep text as written: our number reader is stricter than the parser's guessing.
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    isArray: (name) => name === 'omm',
  });
  let root: XmlNode;
  try {
    root = parser.parse(text) as XmlNode;
  } catch (e) {
    throw catalogError('malformedXml', { detail: e instanceof Error ? e.message : String(e) });
  }
  const ndm = isNode(root.ndm) ? root.ndm : root;
  const omms = Array.isArray(ndm.omm) ? ndm.omm : [];
  if (omms.length === 0) {
    throw catalogError('notOmmXml');
  }
  checkCatalogRecords(omms.length);
  const lineAt = lineLocator(text);
  const results = omms.map((omm: unknown, i): OmmRecordResult => {
    const record = i + 1;
    const meta = isNode(omm) ? (omm[META] as { startIndex?: number } | undefined) : undefined;
    const line = meta?.startIndex === undefined ? undefined : lineAt(meta.startIndex);
    const body = isNode(omm) ? omm.body : undefined;
    const segment = isNode(body) ? body.segment : undefined;
    if (!isNode(segment)) {
      return { rejected: rejectedRecord(record, line, 'segment', recordIssue('noSegment')) };
    }
    const fields = flatten(segment, new Map());
    return readOmmRecord((keyword) => fields.get(keyword), record, line);
  });
  return collectOmmResults('OMM-XML', results);
}
