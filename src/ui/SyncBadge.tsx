import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../state/syncStore';

/** Shows who leads when this window follows another, and lets it take the lead. */
export function SyncBadge() {
  const { t } = useTranslation();
  const { role, leaderLabel, hasFollowers, takeLead } = useSyncStore();
  if (role === 'solo' || (role === 'leader' && !hasFollowers)) return null;
  return (
    <div className={`sync-badge ${role}`} aria-live="polite">
      {role === 'leader' ? (
        <span>{t('sync.leading')}</span>
      ) : (
        <>
          <span>{t('sync.following', { leader: leaderLabel })}</span>
          <button type="button" onClick={takeLead}>
            {t('sync.takeLead')}
          </button>
        </>
      )}
    </div>
  );
}
