import {
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { securityHeaders } from './securityHeaders.ts';

/** What is worth compressing: text, WebAssembly and the packed snapshot (JSON inside). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|xml|wasm|owcat|webmanifest)$/;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Brotli and gzip copies of every compressible file of the build beside it (`x.js.br`,
 * `x.js.gz`), for hosts that serve pre-compressed files (nginx `brotli_static on; gzip_static
 * on;`, most CDNs): brotli at its best quality is too slow to run per request, and it sends the
 * snapshot in 0.9 MB against 1.1 MB gzip and the main bundle in 1.2 MB against 1.5 MB. Run
 * after every other plugin has written its files, Cesium's copied ones included (a compression
 * plugin that compresses only the bundle and public/ would miss those).
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'ssa-precompress',
    apply: 'build',
    configResolved(config) {
      // An absolute --outDir stands as given.
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const file of filesUnder(outDir)) {
          if (!COMPRESSIBLE.test(file)) continue;
          const bytes = readFileSync(file);
          if (bytes.length < 1024) continue;
          const brotli = brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          });
          writeFileSync(`${file}.br`, brotli);
          writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        }
      },
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/**
 * `vite preview` answers with the pre-compressed copy the browser accepts (brotli first), as a
 * production host would; it otherwise gzips on the fly at a lower level.
 */
export function precompressedPreviewPlugin(): Plugin {
  return {
    name: 'ssa-precompressed-preview',
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const accepts = String(req.headers['accept-encoding'] ?? '');
        const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
        if (req.method !== 'GET' || path.includes('..')) return next();
        const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
        const encoding = (['br', 'gzip'] as const).find(
          (e) => accepts.includes(e) && existsSync(`${file}.${e === 'br' ? 'br' : 'gz'}`),
        );
        if (!encoding) return next();
        const compressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        const { size, mtimeMs } = statSync(compressed);
        const etag = `W/"${encoding}-${size}-${Math.round(mtimeMs)}"`;
        for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
        res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('ETag', etag);
        if (req.headers['if-none-match'] === etag) {
          res.statusCode = 304;
          return res.end();
        }
        res.setHeader('Content-Length', size);
        createReadStream(compressed).pipe(res);
      });
    },
  };
}
