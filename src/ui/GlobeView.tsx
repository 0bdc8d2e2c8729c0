import { useEffect, useRef, useState } from 'react';
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
    };
  }
}

export function GlobeView({ profile }: { profile: RenderProfile }) {
  const container = useRef<HTMLDivElement>(null);
  // Bumped when a lost WebGL context is restored: the scene is built again from the stores.
  const [build, setBuild] = useState(0);
  useEffect(() => {
    const report = useRecoveryStore.getState().report;
    const scene = new SceneController(container.current!, profile, propagationPool(), {
      lost: () => report({ kind: 'context-lost' }),
      restored: () => {
        report({ kind: 'context-restored' });
        setBuild((n) => n + 1);
      },
    });
    window.orbitalWatch = {
      scene,
      seek: (timeMs) => useClockStore.getState().setTime(timeMs),
      startMs: () => useClockStore.getState().startMs,
      ingestMs: () => useCatalogStore.getState().report?.ingestMs ?? NaN,
    };
    return () => {
      scene.destroy();
      delete window.orbitalWatch;
    };
  }, [profile, build]);
  return <div ref={container} className="globe" data-render-profile={profile} />;
}
