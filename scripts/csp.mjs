// Puts a strict Content-Security-Policy <meta> into each built page: no
// 'unsafe-inline' and no 'unsafe-eval'; 'wasm-unsafe-eval' for WebAssembly,
// and the sha256 of the one inline loader script trunk writes. Run after
// `trunk build`; the static server adds frame-ancestors as a header (a
// <meta> CSP can't carry it).
//
//   node scripts/csp.mjs dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function policy(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const dir = process.argv[2] ?? 'dist';
for (const name of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
  const path = join(dir, name);
  let html = readFileSync(path, 'utf8').replace(/<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>/i, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(html)}">`;
  // Right after <meta charset>, before anything it governs.
  html = html.replace(/<meta charset=[^>]*>/i, (m) => m + meta);
  if (!html.includes(meta)) throw new Error(`${name}: no <meta charset> to put the CSP after`);
  writeFileSync(path, html);
  console.log(`csp: ${name}`);
}
