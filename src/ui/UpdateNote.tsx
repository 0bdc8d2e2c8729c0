import { useUpdateStore } from '../state/updateStore';

/** A new version waits: said in the page, applied only when the reader reloads. */
export function UpdateNote() {
  const { ready, apply } = useUpdateStore();
  if (!ready || !apply) return null;
  return (
    <div className="alert update-note" role="status">
      <span>A new version is ready — it applies when you reload.</span>
      <button type="button" onClick={apply}>
        Reload
      </button>
    </div>
  );
}
