import { existsSync, readFileSync, createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { securityHeaders } from './deploy/securityHeaders.ts';
import { securityHeadersPlugin } from './deploy/securityHeadersPlugin.ts';
import { onOrbitSnapshotCsv } from './src/testing/sharedData.ts';

const cesiumBuild = 'node_modules/cesium/Build/Cesium';

/**
 * The offline snapshot: a catalog file bundled at build time (never committed). Set
 * SSA_SNAPSHOT to a path, or to "none" to build without one (the app then starts on
 * CelesTrak's active group).
 */
function snapshotPlugin(): Plugin {
  const env = process.env.SSA_SNAPSHOT;
  const path = env === 'none' ? null : resolve(env ?? onOrbitSnapshotCsv);
  const present = path !== null && existsSync(path);
  const name = present ? basename(path) : null;
  const url = name ? `snapshot/${name}` : null;
  return {
    name: 'ssa-snapshot',
    config: () => ({ define: { __SNAPSHOT_URL__: JSON.stringify(url) } }),
    configureServer(server) {
      if (!present || !url) return;
      server.middlewares.use(`/${url}`, (_req, res) => {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      if (!present || !url) return;
      this.emitFile({ type: 'asset', fileName: url, source: readFileSync(path) });
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
