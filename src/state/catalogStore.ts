import { create } from 'zustand';
import { addressIssueText, type AddressIssue } from '../domain/addressIssues';
import { catalogIssueText, type CatalogIssue } from '../domain/catalog/errors';
import { oemLoadText, type OemLoadNotice } from '../domain/oem/issues';
import type { CatalogFormat, CatalogObject, RejectedRecord } from '../domain/catalog/types';

export type CatalogSourceKind = 'snapshot' | 'celestrak' | 'url' | 'file';

export interface CatalogSource {
  kind: CatalogSourceKind;
  /** What a person reads: a group name, a file name, a URL. */
  label: string;
  /** For 'url' and 'snapshot': where it came from; for 'celestrak': the group. */
  ref?: string;
  /** When the data was fetched from its origin (cached CelesTrak data keeps its first fetch). */
  fetchedAtMs?: number;
  /** CelesTrak could not be reached: this is the browser's older copy of the group. */
  stale?: boolean;
}

export interface LoadReport {
  source: CatalogSource;
  /** 'OEM' when only ephemerides are loaded. */
  format: CatalogFormat | 'OEM';
  loaded: number;
  /** The first rejected records, in detail (a file of garbage has a million). */
  rejected: RejectedRecord[];
  /** All rejected records, listed or not. */
  rejectedCount: number;
  duplicatesDropped: number;
  /** Milliseconds from the data arriving to the catalog being ready to draw. */
  ingestMs: number;
  /** performance.now() when the data arrived, for measuring time to first draw. */
  arrivedAtWallMs: number;
}

/** One part of a failure notice, as data: the interface words it in the reader's language. */
export type NoticePart =
  | { kind: 'catalog'; issue: CatalogIssue }
  | { kind: 'address'; issue: AddressIssue }
  | { kind: 'ephemeris'; notice: OemLoadNotice }
  /** Not yet data: shown as it is, in English. */
  | { kind: 'text'; text: string };

export function noticePartText(part: NoticePart): string {
  if (part.kind === 'catalog') return catalogIssueText(part.issue);
  if (part.kind === 'address') return addressIssueText(part.issue);
  if (part.kind === 'ephemeris') return oemLoadText(part.notice);
  return part.text;
}

interface CatalogState {
  objects: CatalogObject[];
  /** Catalog number → index in `objects`. */
  indexById: Map<number, number>;
  source: CatalogSource | null;
  report: LoadReport | null;
  /** Set while a load is under way. */
  loading: string | null;
  /** The last load's failure, in words; the catalog on screen is untouched by it. */
  error: string | null;
  /** The same as codes and values, when known (else empty): the interface words them. */
  errorParts: NoticePart[];
  /** Bumps on every catalog replacement. */
  version: number;
  startLoading(label: string): void;
  /** `indexById` when the loader has built it already (in slices, off the publishing task). */
  loaded(objects: CatalogObject[], report: LoadReport, indexById?: Map<number, number>): void;
  failed(message: string, issue?: CatalogIssue): void;
  /** A failure told in parts; `error` is their English, joined with " · ". */
  failedWith(parts: NoticePart[]): void;
  dismissError(): void;
}

/** A loop, not new Map(objects.map(…)): no 340,000 pairs made to be thrown away. */
function indexByCatalogNumber(objects: readonly CatalogObject[]): Map<number, number> {
  const index = new Map<number, number>();
  for (let i = 0; i < objects.length; i++) index.set(objects[i].noradCatId, i);
  return index;
}

export const useCatalogStore = create<CatalogState>()((set) => ({
  objects: [],
  indexById: new Map(),
  source: null,
  report: null,
  loading: null,
  error: null,
  errorParts: [],
  version: 0,
  startLoading: (label) => set({ loading: label, error: null, errorParts: [] }),
  loaded: (objects, report, indexById) =>
    set((s) => ({
      objects,
      indexById: indexById ?? indexByCatalogNumber(objects),
      source: report.source,
      report,
      loading: null,
      error: null,
      errorParts: [],
      version: s.version + 1,
    })),
  failed: (message, issue) =>
    set({ loading: null, error: message, errorParts: issue ? [{ kind: 'catalog', issue }] : [] }),
  failedWith: (parts) =>
    set({ loading: null, error: parts.map(noticePartText).join(' · '), errorParts: parts }),
  dismissError: () => set({ error: null, errorParts: [] }),
}));
