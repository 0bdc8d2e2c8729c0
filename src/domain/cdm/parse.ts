import { inputTextIssue } from '../limits';
import { cdmLimitIssue } from './issues';
import { fileError } from './kvn';
import { parseCdmKvn } from './kvn';
import type { CdmParseResult } from './types';
import { parseCdmXml } from './xml';

/**
 * Parse a CDM file, KVN or XML (told apart by a leading '<'), one or many messages. A file over
 * the input limits for CDMs is refused whole, before parsing, as one error for message 0.
 */
export function parseCdm(text: string): CdmParseResult {
  const limit = inputTextIssue('cdm', text);
  if (limit) return { messages: [], errors: [fileError(1, cdmLimitIssue(limit))] };
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*</.test(body) ? parseCdmXml(body) : parseCdmKvn(body);
}
