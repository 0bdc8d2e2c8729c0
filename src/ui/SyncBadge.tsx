import { useSyncStore } from '../state/syncStore';

/** Shows who leads when this window follows another, and lets it take the lead. */
export function SyncBadge() {
  const { role, leaderLabel, hasFollowers, takeLead } = useSyncStore();
  if (role === 'solo' || (role === 'leader' && !hasFollowers)) return null;
  return (
    <div className={`sync-badge ${role}`} aria-live="polite">
      {role === 'leader' ? (
        <span>Leading synced displays</span>
      ) : (
        <>
          <span>Following {leaderLabel}</span>
          <button type="button" onClick={takeLead}>
            Take the lead
          </button>
        </>
      )}
    </div>
  );
}
