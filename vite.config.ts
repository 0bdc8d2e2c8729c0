import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { minimal2023Preset } from '@vite-pwa/assets-generator/config';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressedPreviewPlugin, precompressPlugin } from './deploy/precompressed.ts';
import { securityHeaders } from './deploy/securityHeaders.ts';
import { securityHeadersPlugin } from './deploy/securityHeadersPlugin.ts';
import { loadCatalog } from './src/domain/catalog/load.ts';
import { encodePackedCatalog } from './src/domain/catalog/packedFile.ts';
import { onOrbitSnapshotCsv } from './src/testing/sharedData.ts';

const cesiumBuild = 'node_modules/cesium/Build/Cesium';
const cesiumVersion = (
  JSON.parse(readFileSync('node_modules/cesium/package.json', 'utf8')) as { version: string }
).version;

/**
 * The offline snapshot: a catalog file (the source of truth, never committed) parsed at build
 * time and bundled packed (src/domain/catalog/packedFile.ts), so the page unpacks columns instead
 * of parsing text. Set SSA_SNAPSHOT to a path, or to "none" to build without one (the app then
 * starts on CelesTrak's active group).
 */
function snapshotPlugin(): Plugin {
  const env = process.env.SSA_SNAPSHOT;
  const path = env === 'none' ? null : resolve(env ?? onOrbitSnapshotCsv);
  const present = path !== null && existsSync(path);
  const url = present ? `snapshot/${basename(path)}.owcat` : null;
  let packed: Uint8Array | null = null;
  // A file that does not parse stops the build with the parser's message.
  const bytes = () =>
    (packed ??= encodePackedCatalog(
      loadCatalog(readFileSync(path!, 'utf8'), { fileName: path!, initCheck: () => null }),
    ));
  return {
    name: 'ssa-snapshot',
    config: () => ({ define: { __SNAPSHOT_URL__: JSON.stringify(url) } }),
    // The download starts with the page's own, not once the 5 MB bundle has run (about a
    // second later on a phone); the loader's fetch takes the preloaded response.
    transformIndexHtml: () =>
      url
        ? [
            {
              tag: 'link',
              attrs: { rel: 'preload', href: url, as: 'fetch', crossorigin: 'anonymous' },
              injectTo: 'head',
            },
          ]
        : [],
    configureServer(server) {
      if (!url) return;
      server.middlewares.use(`/${url}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(bytes());
      });
    },
    generateBundle() {
      if (!url) return;
      this.emitFile({ type: 'asset', fileName: url, source: bytes() });
    },
  };
}

/** A relay to CelesTrak for browsers that cannot fetch it cross-origin (dev and preview). */
const celestrakRelay = {
  '/relay/celestrak': {
    target: 'https://celestrak.org',
    changeOrigin: true,
    rewrite: (p: string) => p.replace(/^\/relay\/celestrak/, ''),
  },
};

/**
 * Installable and offline after one visit: a generated service worker (Workbox) precaches the
 * app shell, its JS/CSS/WASM, Cesium's workers and the Natural Earth imagery; the rest of
 * Cesium's static files and the bundled snapshot are cached as they are used (src/services/
 * offline.ts hands the service worker what the first visit loaded before it took control). A
 * new version waits until the page applies it on reload (registerType 'prompt').
 */
function offlinePlugin() {
  return VitePWA({
    registerType: 'prompt',
    // Registered from src/services/offline.ts: the CSP allows no inline script.
    injectRegister: false,
    // The icons are in globPatterns already.
    includeManifestIcons: false,
    // PNG icons made from public/icon.svg at build time (home screens and iOS want PNG):
    // 64/192/512 px, a 512 px maskable one and a 180 px apple-touch-icon on the icon's own dark
    // background, and favicon.ico; they replace the manifest's icons and are linked from the page.
    pwaAssets: {
      image: 'public/icon.svg',
      preset: {
        ...minimal2023Preset,
        maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: '#111722' } },
        apple: { sizes: [180], padding: 0.3, resizeOptions: { background: '#111722' } },
      },
      overrideManifestIcons: true,
      injectThemeColor: false,
    },
    manifest: {
      name: 'Orbital Watch — space situational awareness',
      short_name: 'Orbital Watch',
      description: 'Satellites and close approaches on a globe, from a public catalog.',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#111722',
      background_color: '#000000',
    },
    workbox: {
      globPatterns: [
        '*.{html,svg,png,ico}',
        'assets/**/*.{js,css,wasm}',
        'cesium/Workers/*.js',
        'cesium/Assets/approximateTerrainHeights.json',
        'cesium/Assets/Textures/NaturalEarthII/**/*',
      ],
      // The pre-compressed copies (deploy/precompressed.ts) are the same files on the wire.
      globIgnores: ['**/*.br', '**/*.gz'],
      // Vite's hashed names and Cesium's worker chunks carry their version in the name: the
      // install may take them from the HTTP cache rather than download them a second time.
      dontCacheBustURLsMatching: /-[\w-]{8}\.(js|css|wasm)$/,
      // The main bundle (Cesium's engine) is over 4 MB.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      // Only on the first install, when no page is controlled yet; an update still waits.
      clientsClaim: true,
      navigateFallbackDenylist: [/\/relay\//, /\/snapshot\//, /\/cesium\//],
      runtimeCaching: [
        {
          // Unchanging within a Cesium version: the cache's name carries it.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/cesium/'),
          handler: 'CacheFirst',
          options: { cacheName: `cesium-${cesiumVersion}` },
        },
        {
          // The snapshot opens at once from the cache and is checked against the server behind
          // it (a conditional request when the server sends an ETag).
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/snapshot/'),
          handler: 'StaleWhileRevalidate',
          options: { cacheName: 'snapshot', expiration: { maxEntries: 2 } },
        },
      ],
    },
  });
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    viteStaticCopy({
      targets: ['Workers', 'Assets', 'ThirdParty', 'Widgets'].map((dir) => ({
        src: `${cesiumBuild}/${dir}`,
        dest: 'cesium',
      })),
    }),
    snapshotPlugin(),
    securityHeadersPlugin(),
    offlinePlugin(),
    precompressPlugin(),
    precompressedPreviewPlugin(),
  ],
  resolve: {
    // The app uses only Cesium's engine (CesiumWidget). The 'cesium' package also bundles its
    // widgets and their knockout, which evaluates a string at start ((0,eval)('this')) and so
    // would need 'unsafe-eval' in the CSP (deploy/securityHeaders.ts). Sub-paths
    // (cesium/Build/…) still resolve to the full package.
    alias: [{ find: /^cesium$/, replacement: '@cesium/engine' }],
  },
  worker: { format: 'es' },
  server: { proxy: celestrakRelay },
  preview: { proxy: celestrakRelay, headers: securityHeaders },
  build: { chunkSizeWarningLimit: 6000 },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'deploy/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
