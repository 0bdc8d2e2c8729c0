import { useSceneFaultStore } from '../state/sceneFaultStore';

/** What the globe could not draw and dropped; everything else kept drawing. */
export function SceneFaults() {
  const faults = useSceneFaultStore((s) => s.faults);
  const dismiss = useSceneFaultStore((s) => s.dismiss);
  if (!faults.length) return null;
  return (
    <div className="alert scene-faults" role="alert">
      <span>
        Not drawn on the globe, the rest is:{' '}
        {faults.map((f) => `${f.item} (${f.layer} layer): ${f.message}`).join(' · ')}
      </span>
      <button type="button" className="close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
