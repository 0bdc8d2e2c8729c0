/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

/** Relative URL of the catalog snapshot bundled at build time, or null when built without one. */
declare const __SNAPSHOT_URL__: string | null;
