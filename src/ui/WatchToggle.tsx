import { useTranslation } from 'react-i18next';
import { toggleWatched } from '../services/watchList';
import { canEdit, useModeStore } from '../state/modeStore';
import { useWatchListStore } from '../state/watchListStore';

/** "Watch" on the selected object's panel: adds it to the watch list or takes it off. */
export function WatchToggle({ id }: { id: number }) {
  const { t } = useTranslation();
  const editable = useModeStore((s) => canEdit(s.mode));
  const watched = useWatchListStore((s) => s.ids.has(id));
  if (!editable) return null;
  return (
    <button
      type="button"
      className={`watch-toggle${watched ? ' on' : ''}`}
      aria-pressed={watched}
      title={watched ? t('watch.onListTitle') : t('watch.addTitle')}
      onClick={() => void toggleWatched(id)}
    >
      {watched ? `◆ ${t('watch.watched')}` : `◇ ${t('watch.watch')}`}
    </button>
  );
}
