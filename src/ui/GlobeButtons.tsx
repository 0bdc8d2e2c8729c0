import { useCameraStore, type CameraCommand } from '../state/cameraStore';

const BUTTONS: readonly { command: CameraCommand; label: string; text: string; keys: string }[] = [
  { command: 'zoomIn', label: 'Zoom in', text: '+', keys: '+' },
  { command: 'zoomOut', label: 'Zoom out', text: '−', keys: '-' },
  { command: 'turnLeft', label: 'Turn left', text: '←', keys: 'ArrowLeft' },
  { command: 'turnRight', label: 'Turn right', text: '→', keys: 'ArrowRight' },
  { command: 'reset', label: 'Reset the view', text: '⌂', keys: 'Home' },
];

/**
 * The globe's view by buttons, for those who cannot drag, pinch or use its keys (the same steps:
 * a focused globe takes +/−, the arrows and Home).
 */
export function GlobeButtons() {
  const command = useCameraStore((s) => s.command);
  return (
    <div className="globe-buttons" role="group" aria-label="Globe view">
      {BUTTONS.map((b) => (
        <button
          key={b.command}
          type="button"
          aria-label={b.label}
          aria-keyshortcuts={b.keys}
          title={b.label}
          onClick={() => command(b.command)}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
