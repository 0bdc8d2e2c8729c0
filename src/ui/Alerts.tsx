import { useCatalogStore } from '../state/catalogStore';

/** Load failures: what was wrong and where; the catalog on screen stays as it was. */
export function Alerts() {
  const error = useCatalogStore((s) => s.error);
  const dismiss = useCatalogStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      <span>{error}</span>
      <button type="button" className="close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
