import { useTranslation } from 'react-i18next';
import { useCameraStore, type CameraCommand } from '../state/cameraStore';

/** Labels under globeButtons.<command> in the reader's language. */
const BUTTONS: readonly { command: CameraCommand; text: string; keys: string }[] = [
  { command: 'zoomIn', text: '+', keys: '+' },
  { command: 'zoomOut', text: '−', keys: '-' },
  { command: 'turnLeft', text: '←', keys: 'ArrowLeft' },
  { command: 'turnRight', text: '→', keys: 'ArrowRight' },
  { command: 'reset', text: '⌂', keys: 'Home' },
];

/**
 * The globe's view by buttons, for those who cannot drag, pinch or use its keys (the same steps:
 * a focused globe takes +/−, the arrows and Home).
 */
export function GlobeButtons() {
  const { t } = useTranslation();
  const command = useCameraStore((s) => s.command);
  return (
    <div className="globe-buttons" role="group" aria-label={t('globeButtons.label')}>
      {BUTTONS.map((b) => (
        <button
          key={b.command}
          type="button"
          aria-label={t(`globeButtons.${b.command}`)}
          aria-keyshortcuts={b.keys}
          title={t(`globeButtons.${b.command}`)}
          onClick={() => command(b.command)}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
