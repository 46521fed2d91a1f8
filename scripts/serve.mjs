// A static file server for the built app, the way a plain static host or CDN
// serves it: correct MIME types (application/wasm, so wasm streams), and
// brotli or gzip when the browser accepts it. No dependencies.
//
//   node scripts/serve.mjs DIR PORT [HOST]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { HASHED } from './hashed.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pack1': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on `host:port`. Options:
 * - `frameAncestors`: who may frame the pages, sent as a CSP header (a
 *   <meta> CSP can't say it), e.g. "'self' https://*.go.id";
 * - `replace`: text substitutions in served files (the demo host page uses
 *   `__WIDGET__` for the widget's origin);
 * - `plain`: behave as a plain static host does: no Cache-Control at all
 *   (not even for hashed files), only ETag and Last-Modified, so the
 *   browser's own heuristics decide (bench/bench.mjs measures both).
 *
 * The server counts what it sends: `server.sent` is `{responses, bytes,
 * bodies}`, bytes being response bodies as sent (compressed), headers not
 * counted, and bodies the path of each response that had one;
 * `server.sent = {responses: 0, bytes: 0, bodies: []}` starts a new count.
 */
export function serve(dir, port, host = '127.0.0.1', { frameAncestors, replace = {}, plain = false } = {}) {
  const root = resolve(dir);
  const cache = new Map(); // path -> { raw, br, gz, mtime }

  async function load(path) {
    const info = await stat(path);
    const hit = cache.get(path);
    if (hit && hit.mtime === info.mtimeMs) return hit;
    let raw = await readFile(path);
    const substitute = Object.keys(replace).length && /\.(html|js|json|css)$/.test(path);
    if (substitute) {
      let text = raw.toString('utf8');
      for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
      raw = Buffer.from(text);
    }
    // Precompressed files beside the original (scripts/compress.mjs) are
    // sent as they are, as a static host or CDN would.
    const beside = async (ext) => (substitute ? null : readFile(path + ext).catch(() => null));
    const entry = {
      raw,
      mtime: info.mtimeMs,
      br: (await beside('.br')) ?? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gz: (await beside('.gz')) ?? gzipSync(raw, { level: 9 }),
    };
    cache.set(path, entry);
    return entry;
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const path = join(root, rel);
      if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
      let file;
      try { file = await load(path); } catch { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const accept = String(req.headers['accept-encoding'] ?? '');
      // Hashed file names never change content: cache them for a year. Pages,
      // sw.js and the manifest are revalidated (ETag), so updates arrive.
      const immutable = !plain && HASHED.test(path);
      const etag = `"${file.mtime.toString(36)}-${file.raw.length.toString(36)}"`;
      const caching = plain
        ? { 'last-modified': new Date(file.mtime).toUTCString() }
        : { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
      if (!immutable && req.headers['if-none-match'] === etag) {
        server.sent.responses += 1;
        res.writeHead(304, { etag, ...caching }).end();
        return;
      }
      const headers = {
        'content-type': type, vary: 'accept-encoding', etag, ...caching,
        'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin',
      };
      if (frameAncestors && type.startsWith('text/html')) {
        headers['content-security-policy'] = `frame-ancestors ${frameAncestors}`;
      }
      let body = file.raw;
      if (/\bbr\b/.test(accept)) { body = file.br; headers['content-encoding'] = 'br'; }
      else if (/\bgzip\b/.test(accept)) { body = file.gz; headers['content-encoding'] = 'gzip'; }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      server.sent.responses += 1;
      if (req.method !== 'HEAD') {
        server.sent.bytes += body.length;
        server.sent.bodies.push(url.pathname);
      }
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.sent = { responses: 0, bytes: 0, bodies: [] };
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

/** Who may frame the widget when FRAME_ANCESTORS is not set. */
export const DEFAULT_FRAME_ANCESTORS = "'self' https://*.go.id http://localhost:8081";

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const frameAncestors = process.env.FRAME_ANCESTORS ?? DEFAULT_FRAME_ANCESTORS;
  await serve(dir, Number(port), host, { frameAncestors });
  const widget = `http://${host}:${port}`;
  // The demo host page, on another origin, as a ministry site would be.
  await serve('demo', Number(port) + 1, 'localhost', { replace: { __WIDGET__: widget } });
  console.log(`Cek Siap Ekspor: ${widget}/  (serving ${dir}; Ctrl+C to stop)`);
  console.log(`Trainer mode:    ${widget}/pelatih.html`);
  console.log(`Demo host page:  http://localhost:${Number(port) + 1}/host.html  (embeds the widget)`);
  console.log(`Frame ancestors: ${frameAncestors}  (set FRAME_ANCESTORS to change)`);
}
