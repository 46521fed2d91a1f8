// Writes dist/sw.js from assets/sw-template.js with the build's exact file
// list and a version that changes whenever any file does. Run after the
// pages are built (and before compress.mjs).
//
// Two lists, so an owner's costly connection fetches only the owner's page:
// PRECACHE is index.html and what it loads (plus the icons and manifest an
// installed app needs); the trainer page's files are cached the first time
// they are used. Nothing outside the build's list is ever cached.
//
//   node scripts/sw.mjs dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { HASHED } from './hashed.mjs';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir)
  .filter((n) => !n.startsWith('.') && !/\.(br|gz)$/.test(n) && n !== 'sw.js' && n !== 'embed.js')
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const index = readFileSync(join(dir, 'index.html'), 'utf8');
const manifest = readFileSync(join(dir, 'manifest.webmanifest'), 'utf8');
const owner = files.filter((n) => n === 'index.html' || n === 'manifest.webmanifest' ||
  (!n.endsWith('.html') && (index.includes(n) || manifest.includes(n))));
// "./" too, so the start URL works offline. Widget files are for hosts'
// iframes, which this worker doesn't serve: left out.
const all = ['./', ...files.filter((n) => !n.startsWith('widget'))];
const precache = ['./', ...owner];
const sw = readFileSync('assets/sw-template.js', 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache))
  .replace('__FILES__', JSON.stringify(all))
  .replace('__HASHED__', HASHED.toString());
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`sw.js: version ${version}, ${precache.length} precached of ${all.length} cacheable`);
