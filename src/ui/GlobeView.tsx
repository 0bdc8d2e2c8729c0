import { useEffect, useRef } from 'react';
import { SceneController } from '../scene/SceneController';
import type { RenderProfile } from '../scene/renderProfile';
import { propagationPool } from '../services/engine';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';

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
  useEffect(() => {
    const scene = new SceneController(container.current!, profile, propagationPool());
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
  }, [profile]);
  return <div ref={container} className="globe" data-render-profile={profile} />;
}
