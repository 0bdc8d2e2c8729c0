import { checkInputText } from '../limits';
import { parseCdmKvn } from './kvn';
import type { CdmParseResult } from './types';
import { parseCdmXml } from './xml';

/**
 * Parse a CDM file, KVN or XML (told apart by a leading '<'), one or many messages. A file over
 * the input limits for CDMs is refused whole, before parsing, as one error for message 0.
 */
export function parseCdm(text: string): CdmParseResult {
  const limitProblem = checkInputText('cdm', text);
  if (limitProblem)
    return { messages: [], errors: [{ message: 0, line: 1, reason: limitProblem }] };
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*</.test(body) ? parseCdmXml(body) : parseCdmKvn(body);
}
