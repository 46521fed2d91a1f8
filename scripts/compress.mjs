// Writes .br and .gz beside every text and wasm file in dist, so a static
// host (and scripts/serve.mjs) can send them precompressed. Run last.
//
//   node scripts/compress.mjs dist
import { readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
for (const n of readdirSync(dir).filter((n) => /\.(br|gz)$/.test(n))) unlinkSync(join(dir, n));
let count = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(html|js|css|wasm|svg|json|webmanifest|pack1)$/.test(name)) continue;
  const raw = readFileSync(join(dir, name));
  writeFileSync(join(dir, name + '.br'), brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(dir, name + '.gz'), gzipSync(raw, { level: 9 }));
  count++;
}
console.log(`compressed ${count} files (.br, .gz)`);
