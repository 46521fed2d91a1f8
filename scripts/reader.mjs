// Puts the widget's configuration reader (crates/reader, built by `make
// build` into DIR) into the build: its glue and wasm under names carrying
// their content's hash, cached for a year like trunk's own files, and
// widget-baca.js, which loads them, from assets/widget-baca-template.js.
// The files start with "widget", so the owner's service worker leaves them
// out; widget.html names only widget-baca.js, so the reader counts in no
// page's first load (scripts/size.mjs reports it beside the widget).
//
//   node scripts/reader.mjs dist target/reader
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [dist = 'dist', built = 'target/reader'] = process.argv.slice(2);
const glue = readFileSync(join(built, 'cek_reader.js'));
const wasm = readFileSync(join(built, 'cek_reader_bg.wasm'));
const hash = createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
for (const old of readdirSync(dist).filter((n) => n.startsWith('widget-pembaca-'))) rmSync(join(dist, old));
const js = `widget-pembaca-${hash}.js`;
const bg = `widget-pembaca-${hash}_bg.wasm`;
writeFileSync(join(dist, js), glue);
writeFileSync(join(dist, bg), wasm);
const loader = readFileSync('assets/widget-baca-template.js', 'utf8');
if (!loader.includes('__READER_JS__') || !loader.includes('__READER_WASM__')) {
  throw new Error('assets/widget-baca-template.js lacks a file-name mark');
}
writeFileSync(join(dist, 'widget-baca.js'), loader.replace('__READER_JS__', js).replace('__READER_WASM__', bg));
console.log(`reader: ${js}, ${bg} (${wasm.length} B), widget-baca.js`);
