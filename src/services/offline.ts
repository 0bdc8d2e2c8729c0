import { registerSW } from 'virtual:pwa-register';
import { useUpdateStore } from '../state/updateStore';

/** Same-origin files the runtime caches keep (vite.config.ts's runtimeCaching). */
const RUNTIME_CACHED = /\/(cesium|snapshot)\//;

/**
 * Files the page loaded before the service worker controlled it (a first visit): the
 * snapshot, Cesium's assets. The service worker's router caches them on request
 * (Workbox's CACHE_URLS message), mostly from the HTTP cache, so the next visit works offline.
 */
function loadedBeforeControl(): string[] {
  const origin = window.location.origin;
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(origin) && RUNTIME_CACHED.test(new URL(url).pathname));
  return [...new Set(urls)];
}

/**
 * Register the service worker (production builds only). A new version is announced in the
 * page and applied when the reader reloads through the note, never in the middle of a session.
 */
export function startOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Room for every file of a first visit (the default buffer keeps 250).
  performance.setResourceTimingBufferSize(2000);
  const controlledAtStart = navigator.serviceWorker.controller !== null;
  if (!controlledAtStart) {
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () =>
        navigator.serviceWorker.controller?.postMessage({
          type: 'CACHE_URLS',
          payload: { urlsToCache: loadedBeforeControl() },
        }),
      { once: true },
    );
  }
  const update = registerSW({
    onNeedRefresh: () => useUpdateStore.getState().announce(applyAndReload),
  });
  /**
   * The plugin reloads by itself only when the page was controlled at registration; a first
   * visit's page (taken over by clientsClaim later) reloads here once the new version controls.
   */
  function applyAndReload(): void {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    void update();
  }
}
