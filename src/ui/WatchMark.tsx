import { useTranslation } from 'react-i18next';
import { useWatchListStore } from '../state/watchListStore';

/** A marker beside a watched object's name in any list, with words for screen readers. */
export function WatchMark({ id }: { id: number | null | undefined }) {
  const { t } = useTranslation();
  const watched = useWatchListStore((s) => id != null && s.ids.has(id));
  if (!watched) return null;
  return (
    <span className="watch-mark" title={t('watch.onList')}>
      <span aria-hidden="true">◆</span>
      <span className="visually-hidden"> {t('watch.mark')}</span>
    </span>
  );
}
