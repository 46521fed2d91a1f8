// Writes dist/sw.js from assets/sw-template.js with the build's exact file
// list and a version that changes whenever any file does. Run after the
// pages are built (and before compress.mjs).
//
//   node scripts/sw.mjs dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir)
  .filter((n) => !n.startsWith('.') && !/\.(br|gz)$/.test(n) && n !== 'sw.js' && n !== 'embed.js')
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
// "./" too, so the start URL works offline.
const list = ['./', ...files];
const sw = readFileSync('assets/sw-template.js', 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(list));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`sw.js: version ${version}, ${list.length} entries`);
