import { useTranslation } from 'react-i18next';
import { removeStoredData } from '../services/safeMode';
import { useSafeModeStore } from '../state/safeModeStore';
import { formatCount } from './format';

/** Safe mode (?safe=1): says that stored data was not loaded, and offers to remove it. */
export function SafeModeNote() {
  const { t } = useTranslation();
  const count = (key: string, n: number) => t(key, { count: n, n: formatCount(n) });
  const { active, stored, outcome } = useSafeModeStore();
  if (!active) return null;
  const total = stored ? stored.notifications + stored.watchList + stored.setAside : 0;
  return (
    <div className="alert safe-mode" role="status">
      <span>
        {t('safeMode.note')}
        {stored &&
          t('safeMode.holds', {
            notifications: count('safeMode.notifications', stored.notifications),
            watchList: count('safeMode.watchList', stored.watchList),
            setAside: count('safeMode.setAside', stored.setAside),
          })}
        {outcome && ` ${outcome}.`}
      </span>
      {stored && total > 0 && (
        <button type="button" onClick={() => void removeStoredData()}>
          {t('safeMode.remove')}
        </button>
      )}
    </div>
  );
}
