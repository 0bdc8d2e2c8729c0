import { useTranslation } from 'react-i18next';
import { useSceneFaultStore } from '../state/sceneFaultStore';

/** What the globe could not draw and dropped; everything else kept drawing. */
export function SceneFaults() {
  const { t } = useTranslation();
  const faults = useSceneFaultStore((s) => s.faults);
  const dismiss = useSceneFaultStore((s) => s.dismiss);
  if (!faults.length) return null;
  return (
    <div className="alert scene-faults" role="alert">
      <span>
        {t('sceneFaults.notDrawn', {
          list: faults.map((f) => t('sceneFaults.fault', { ...f })).join(' · '),
        })}
      </span>
      <button type="button" className="close" aria-label={t('app.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
