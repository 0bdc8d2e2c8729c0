import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SceneController } from '../scene/SceneController';
import type { RenderProfile } from '../scene/renderProfile';
import { propagationPool } from '../services/engine';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useRecoveryStore } from '../state/recoveryStore';

declare global {
  interface Window {
    /** Diagnostics for benchmarks and support: frame costs, seek latencies, a seek handle. */
    orbitalWatch?: {
      scene: SceneController;
      seek(timeMs: number): void;
      startMs(): number;
      ingestMs(): number;
      /** Objects in the catalog on screen. */
      catalogSize(): number;
      /** The last catalog load's failure in words, or null. */
      catalogError(): string | null;
    };
  }
}

export function GlobeView({ profile }: { profile: RenderProfile }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const scene = useRef<SceneController | null>(null);
  // Bumped when a lost WebGL context is restored: the scene is built again from the stores.
  const [build, setBuild] = useState(0);
  useEffect(() => {
    const report = useRecoveryStore.getState().report;
    const controller = new SceneController(container.current!, profile, propagationPool(), {
      lost: () => report({ kind: 'context-lost' }),
      restored: () => {
        report({ kind: 'context-restored' });
        setBuild((n) => n + 1);
      },
    });
    scene.current = controller;
    window.orbitalWatch = {
      scene: controller,
      seek: (timeMs) => useClockStore.getState().setTime(timeMs),
      startMs: () => useClockStore.getState().startMs,
      ingestMs: () => useCatalogStore.getState().report?.ingestMs ?? NaN,
      catalogSize: () => useCatalogStore.getState().objects.length,
      catalogError: () => useCatalogStore.getState().error,
    };
    return () => {
      controller.destroy();
      scene.current = null;
      delete window.orbitalWatch;
    };
  }, [profile, build]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (!scene.current?.cameraKey(e.key)) return;
    // The briefing tour steps on arrows at the window: a focused globe keeps them.
    e.preventDefault();
    e.stopPropagation();
  };
  // Focusable, so the keyboard can turn and zoom it; the object panel and the event list are
  // the text way to the same facts.
  return (
    <div
      ref={container}
      id="globe"
      className="globe"
      data-render-profile={profile}
      tabIndex={0}
      role="application"
      aria-roledescription={t('globe.roleDescription')}
      aria-label={t('globe.label')}
      aria-describedby="globe-keys"
      onKeyDown={onKeyDown}
    >
      <p id="globe-keys" className="visually-hidden">
        {t('globe.keys')}
      </p>
    </div>
  );
}
