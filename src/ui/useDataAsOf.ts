import { useTranslation } from 'react-i18next';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { formatAge, formatUtcMinutes } from './format';
import { useWallNow } from './useTicker';

/** "Data as of" in words: the catalog's source and how old its elements are. */
export function useDataAsOf(): string | null {
  const { t } = useTranslation();
  const source = useCatalogStore((s) => s.source);
  const medianEpochMs = useClockStore((s) => s.catalogEpochMs);
  const now = useWallNow();
  if (!source) return null;
  const parts = [source.kind === 'snapshot' ? t('dataAsOf.snapshot') : source.label];
  if (source.stale) parts.push(t('dataAsOf.stale'));
  if (source.kind !== 'snapshot' && source.fetchedAtMs !== undefined) {
    parts.push(
      t('dataAsOf.fetched', {
        time: formatUtcMinutes(source.fetchedAtMs),
        age: formatAge(now - source.fetchedAtMs),
      }),
    );
  }
  if (medianEpochMs !== null) {
    parts.push(
      t('dataAsOf.elements', {
        time: formatUtcMinutes(medianEpochMs),
        age: formatAge(now - medianEpochMs),
      }),
    );
  }
  return parts.join(' · ');
}
