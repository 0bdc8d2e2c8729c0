import { removeStoredData } from '../services/safeMode';
import { useSafeModeStore } from '../state/safeModeStore';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Safe mode (?safe=1): says that stored data was not loaded, and offers to remove it. */
export function SafeModeNote() {
  const { active, stored, outcome } = useSafeModeStore();
  if (!active) return null;
  const total = stored ? stored.notifications + stored.watchList + stored.setAside : 0;
  return (
    <div className="alert safe-mode" role="status">
      <span>
        Safe start (?safe=1): nothing stored in this browser was loaded, and nothing is saved.
        {stored &&
          ` It holds ${count(stored.notifications, 'notification', 'notifications')}, ${count(stored.watchList, 'watch-list entry', 'watch-list entries')} and ${count(stored.setAside, 'set-aside record', 'set-aside records')}.`}
        {outcome && ` ${outcome}.`}
      </span>
      {stored && total > 0 && (
        <button type="button" onClick={() => void removeStoredData()}>
          Remove stored data
        </button>
      )}
    </div>
  );
}
