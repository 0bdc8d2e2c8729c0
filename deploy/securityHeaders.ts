/**
 * The page's security policy, in one place: the build writes it into index.html as a
 * `<meta http-equiv="Content-Security-Policy">`, `vite preview` sends it as response headers,
 * and the README's "Security headers" section prints the same lines (`npx tsx
 * deploy/securityHeaders.ts`) for static hosts.
 */

type Directives = Record<string, readonly string[]>;

const directives: Directives = {
  'default-src': ["'self'"],
  // No inline script and no string evaluation. WebAssembly (satellite.js's batch SGP4 in the
  // screening workers, Cesium's mesh decoders) is compiled from bytes, which needs this keyword.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Cesium's workers and the app's own are same-origin module scripts.
  'worker-src': ["'self'"],
  // Styles come from the stylesheet; React sets style properties (CSSOM), which CSP allows.
  // Cesium 1.145 writes three inline styles, allowed by their hashes alone ('unsafe-hashes'
  // lets a hash match a style attribute; no other inline style is accepted). e2e/csp.spec.ts
  // fails when an upgrade changes them.
  'style-src': [
    "'self'",
    "'unsafe-hashes'",
    // CreditDisplay's <style> element for the credit lightbox.
    "'sha256-gM2CWYHXIHTu7Ts6ncwv0GMWZ9LXGrz2qqqjyuDojl8='",
    // The Cesium logo credit's style="vertical-align: -7px".
    "'sha256-GU5zilGWFiRrmr4xJeDjQZKuKRcLO8ZT+o0Avfni8Sw='",
    // FeatureDetection's probe style="image-rendering: -moz-crisp-edges;image-rendering: pixelated;".
    "'sha256-BVJq0J0CcoIBO7ikkmisQ5kYoOnqxRUC37ihQ3YWZQQ='",
  ],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  // CelesTrak (directly, the relay being same-origin) and any https catalog URL the operator
  // types or links (?catalog=https://…); public mode itself accepts only its own origin.
  'connect-src': ["'self'", 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/**
 * A public demo may be embedded by its own site only; a host that wants it in another site's
 * page lists that origin here. Headers only: browsers ignore frame-ancestors in a meta tag.
 */
const headerOnlyDirectives: Directives = { 'frame-ancestors': ["'self'"] };

function serialize(policy: Directives): string {
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy as index.html's meta tag carries it. */
export const metaContentSecurityPolicy = serialize(directives);

/** Every response header a host should send with the built files. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': serialize({ ...directives, ...headerOnlyDirectives }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'SAMEORIGIN',
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, value] of Object.entries(securityHeaders)) console.log(`${name}: ${value}`);
}
