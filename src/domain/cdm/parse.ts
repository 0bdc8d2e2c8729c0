import { parseCdmKvn } from './kvn';
import type { CdmParseResult } from './types';
import { parseCdmXml } from './xml';

/** Parse a CDM file, KVN or XML (told apart by a leading '<'), one or many messages. */
export function parseCdm(text: string): CdmParseResult {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*</.test(body) ? parseCdmXml(body) : parseCdmKvn(body);
}
