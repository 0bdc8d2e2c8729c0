import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './securityHeaders.ts';

/**
 * The built index.html carries the policy as its first element (before anything it governs);
 * `vite preview` sends the full headers. The dev server gets neither: Vite's dev client and
 * React Refresh inject inline scripts.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'ssa-security-headers',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}
