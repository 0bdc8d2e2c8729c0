// CelesTrak / Space-Track OMM JSON: an array of flat keyword objects, or a single object.
import { recordIssue, rejectedRecord } from './recordIssues';
import { catalogError, checkCatalogRecords } from './errors';
import { collectOmmResults, readOmmRecord, type OmmRecordResult } from './omm';
import type { ParsedCatalog } from './types';

export function parseOmmJson(text: string): ParsedCatalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw catalogError('malformedJson', { detail: (e as Error).message });
  }
  if (data === null || typeof data !== 'object') {
    throw catalogError('notOmmJson');
  }
  const items: unknown[] = Array.isArray(data) ? data : [data];
  checkCatalogRecords(items.length);
  const results = items.map((item, i): OmmRecordResult => {
    const record = i + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return {
        rejected: rejectedRecord(record, undefined, 'record', recordIssue('notJsonObject')),
      };
    }
    const fields = item as Record<string, unknown>;
    return readOmmRecord((keyword) => fields[keyword], record);
  });
  return collectOmmResults('OMM-JSON', results);
}
