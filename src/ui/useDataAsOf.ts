import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { formatAge, formatUtc } from './format';
import { useWallNow } from './useTicker';

/** "Data as of" in words: the catalog's source and how old its elements are. */
export function useDataAsOf(): string | null {
  const source = useCatalogStore((s) => s.source);
  const medianEpochMs = useClockStore((s) => s.catalogEpochMs);
  const now = useWallNow();
  if (!source) return null;
  const parts = [source.label];
  if (source.kind !== 'snapshot' && source.fetchedAtMs !== undefined) {
    parts.push(
      `fetched ${formatUtc(source.fetchedAtMs).slice(0, 16)} UTC (${formatAge(now - source.fetchedAtMs)} ago)`,
    );
  }
  if (medianEpochMs !== null) {
    parts.push(
      `elements as of ${formatUtc(medianEpochMs).slice(0, 16)} UTC (median epoch, ${formatAge(now - medianEpochMs)} old)`,
    );
  }
  return parts.join(' · ');
}
