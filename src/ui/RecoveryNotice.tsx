import { useRecoveryStore, type RecoveryEvent } from '../state/recoveryStore';

function describe(event: RecoveryEvent): string {
  switch (event.kind) {
    case 'context-lost':
      return 'The 3D view lost its graphics context (WebGL). It comes back when the browser restores it; the catalog, selection and clock are kept.';
    case 'context-restored':
      return 'The 3D view is back after losing its graphics context; the catalog, selection and clock are as they were.';
    case 'worker-died': {
      const what = event.pool === 'propagation' ? 'Propagation' : 'Screening';
      const then =
        event.pool === 'propagation'
          ? 'it was replaced and its share of the catalog prepared again'
          : 'it was replaced and its part of the screening runs again';
      return event.replaced
        ? `${what} worker ${event.workerName} stopped (${event.reason}); ${then}.`
        : `${what} worker ${event.workerName} stopped again (${event.reason}) and was not restarted.`;
    }
  }
}

/** What the page recovered from: a lost WebGL context, a worker that died. */
export function RecoveryNotice() {
  const event = useRecoveryStore((s) => s.event);
  const seq = useRecoveryStore((s) => s.seq);
  const dismiss = useRecoveryStore((s) => s.dismiss);
  if (!event) return null;
  // Keyed by the event's number: a repeat is a new alert, announced again.
  return (
    <div
      key={seq}
      className="alert recovery-notice"
      role="alert"
      aria-live="assertive"
      aria-label="Recovery"
    >
      <span>{describe(event)}</span>
      <button type="button" className="close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
