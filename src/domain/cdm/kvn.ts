// KVN: one `KEYWORD = value [unit]` per line, COMMENT lines, blank lines. A file may hold several
// messages; each starts at CCSDS_CDM_VERS. Sections follow from the keywords: header until the
// first non-header keyword, relative metadata until OBJECT = OBJECT1, then one section per OBJECT.
import { inputRecordsIssue } from '../limits';
import { cdmIssue, cdmIssueText, cdmLimitIssue, type CdmIssue } from './issues';
import { buildCdm } from './build';
import { CdmFieldError, type CdmEntry, type RawCdm, type RawSection } from './raw';
import type { CdmError, CdmMessage, CdmParseResult } from './types';

const HEADER_KEYWORDS = new Set([
  'CCSDS_CDM_VERS',
  'CREATION_DATE',
  'ORIGINATOR',
  'MESSAGE_FOR',
  'MESSAGE_ID',
]);

const LINE = /^\s*([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/;
const COMMENT = /^\s*COMMENT(?:\s+(.*?))?\s*$/;
const UNIT = /^(.*?)\s*\[([^\]]*)\]$/;

interface Chunk {
  index: number;
  lines: { text: string; line: number }[];
}

function section(startLine: number): RawSection {
  return { startLine, endLine: startLine, entries: [] };
}

function toRaw(chunk: Chunk): RawCdm {
  const first = chunk.lines[0].line;
  const last = chunk.lines[chunk.lines.length - 1].line;
  const raw: RawCdm = {
    format: 'KVN',
    startLine: first,
    endLine: last,
    header: section(first),
    relative: section(first),
    objects: [],
  };
  let current = raw.header;
  let stage: 'header' | 'relative' | 'object' = 'header';
  // Comments after the header's keywords open the relative section (e.g. "COMMENT Relative
  // Metadata/Data" before TCA), so while in the header they wait for the next keyword.
  let pending: CdmEntry[] = [];
  for (const { text, line } of chunk.lines) {
    if (text.trim() === '') continue;
    const c = COMMENT.exec(text);
    if (c) {
      const entry = { keyword: 'COMMENT', value: c[1] ?? '', line };
      if (stage === 'header') pending.push(entry);
      else {
        current.entries.push(entry);
        current.endLine = line;
      }
      continue;
    }
    const m = LINE.exec(text);
    if (!m) {
      throw new CdmFieldError(
        line,
        undefined,
        cdmIssue('notKeyValue', { line, text: text.trim().slice(0, 60) }),
      );
    }
    const keyword = m[1].toUpperCase();
    const u = UNIT.exec(m[2]);
    const entry: CdmEntry = u
      ? { keyword, value: u[1], unit: u[2].trim(), line }
      : { keyword, value: m[2], line };
    if (keyword === 'OBJECT') {
      current = section(line);
      raw.objects.push(current);
      stage = 'object';
    } else if (stage === 'header' && !HEADER_KEYWORDS.has(keyword)) {
      stage = 'relative';
      current = raw.relative;
      current.startLine = pending[0]?.line ?? line;
    }
    // One push per entry: spreading `pending` passes every comment as an argument, and a file of
    // a million COMMENT lines overflowed the call stack.
    for (const p of pending) current.entries.push(p);
    current.entries.push(entry);
    pending = [];
    current.endLine = line;
  }
  // A message that never leaves the header keeps its trailing comments there.
  for (const p of pending) raw.header.entries.push(p);
  return raw;
}

export function parseCdmKvn(text: string): CdmParseResult {
  const lines = text.split(/\r\n|\r|\n/);
  const chunks: Chunk[] = [];
  const errors: CdmError[] = [];
  let strayLine = 0;
  lines.forEach((t, i) => {
    const line = i + 1;
    if (/^\s*CCSDS_CDM_VERS\s*=/.test(t)) {
      chunks.push({ index: chunks.length + 1, lines: [] });
    } else if (chunks.length === 0) {
      if (t.trim() !== '' && strayLine === 0) strayLine = line;
      return;
    }
    chunks[chunks.length - 1].lines.push({ text: t, line });
  });
  if (strayLine) {
    errors.push(fileError(strayLine, cdmIssue('beforeFirstMessage'), 'CCSDS_CDM_VERS'));
  }
  const tooMany = inputRecordsIssue('cdm', chunks.length, 'messages');
  if (tooMany) return { messages: [], errors: [fileError(1, cdmLimitIssue(tooMany))] };
  const messages: CdmMessage[] = [];
  for (const chunk of chunks) {
    // Trailing blank lines belong to no one; a truncated message then ends at its last text line.
    while (chunk.lines.length > 1 && chunk.lines[chunk.lines.length - 1].text.trim() === '') {
      chunk.lines.pop();
    }
    try {
      messages.push(buildCdm(toRaw(chunk)));
    } catch (e) {
      errors.push(toCdmError(e, chunk.index));
    }
  }
  return { messages, errors };
}

export function toCdmError(e: unknown, message: number): CdmError {
  if (e instanceof CdmFieldError) {
    return e.keyword === undefined
      ? { message, line: e.line, reason: e.message, issue: e.issue }
      : { message, line: e.line, keyword: e.keyword, reason: e.message, issue: e.issue };
  }
  throw e;
}

/** A refusal outside any message (message 0): the file's, or content before the first. */
export function fileError(line: number, issue: CdmIssue, keyword?: string): CdmError {
  const error = { message: 0, line, reason: cdmIssueText(issue), issue };
  return keyword === undefined ? error : { ...error, keyword };
}
