// `make build` gives each wasm's imports names of one or two letters, in the
// wasm and in its glue (scripts/short-imports.mjs). What shipped is exactly
// that step applied to what trunk wrote (the trainer's page, whose trunk
// output stays in target/dist-pelatih), and every page's wasm and glue name
// the same imports. That the pages still start and work is every other e2e
// test, which run this build.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './helpers.mjs';
import { shorten, shortName } from '../scripts/short-imports.mjs';
import { HASH, HASHED } from '../scripts/hashed.mjs';

const one = (dir, pattern) => {
  const found = readdirSync(dir).filter((f) => pattern.test(f));
  assert.equal(found.length, 1, `${dir}: ${found.join(', ')}`);
  return join(dir, found[0]);
};
const PAGES = ['cek-siap-ekspor', 'pelatih', 'widget'];
const wasmOf = (dir, page) => one(dir, new RegExp(`^${page}-${HASH}_bg\\.wasm$`));
const glueOf = (dir, page) => one(dir, new RegExp(`^${page}-${HASH}\\.js$`));

/** What a wasm imports (WebAssembly.Module reads it): `{module, name, kind}`. */
const importsOf = (file) => WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(file)));

test('what shipped is trunk\'s output with its imports renamed, nothing else', () => {
  const trunk = shorten(readFileSync(wasmOf('target/dist-pelatih', 'pelatih')),
    readFileSync(glueOf('target/dist-pelatih', 'pelatih'), 'utf8'));
  assert.ok(trunk.renamed > 100, `${trunk.renamed} renamed`);
  assert.deepEqual(trunk.wasm, readFileSync(wasmOf('dist', 'pelatih')));
  assert.equal(trunk.glue, readFileSync(glueOf('dist', 'pelatih'), 'utf8'));
});

test('every page\'s wasm imports short names only, each a key of its glue', () => {
  for (const page of PAGES) {
    const imports = importsOf(wasmOf('dist', page));
    assert.deepEqual([...new Set(imports.map((i) => i.module))], ['g'], `${page}'s modules`);
    const names = imports.map((i) => i.name);
    assert.ok(names.length > 100, `${page}: ${names.length} imports`);
    const glue = readFileSync(glueOf('dist', page), 'utf8');
    assert.ok(glue.includes('{__proto__:null,g:{'), `${page}'s glue names its module g`);
    for (const name of names) {
      assert.match(name, /^[a-zA-Z]{1,2}$/, `${page} imports ${name}`);
      assert.ok(glue.includes(`${name}:function`), `${page}'s glue has no import ${name}`);
    }
    assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, `${page}'s glue keeps a long name`);
  }
});

test('a second run changes nothing; a glue of another shape is refused', () => {
  const wasm = readFileSync(wasmOf('dist', 'cek-siap-ekspor'));
  const glue = readFileSync(glueOf('dist', 'cek-siap-ekspor'), 'utf8');
  const again = shorten(wasm, glue);
  assert.equal(again.renamed, 0);
  assert.deepEqual(again.wasm, wasm);
  const trunkWasm = readFileSync(wasmOf('target/dist-pelatih', 'pelatih'));
  const trunkGlue = readFileSync(glueOf('target/dist-pelatih', 'pelatih'), 'utf8');
  const name = importsOf(wasmOf('target/dist-pelatih', 'pelatih')).map((i) => i.name).find((n) => n.startsWith('__wbg_'));
  assert.throws(() => shorten(trunkWasm, trunkGlue.replace(`${name}:`, `${name}:${name},x:`)), /expected once, as a key/);
  assert.throws(() => shorten(trunkWasm, trunkGlue.replace(`${name}:`, 'y:')), /0 times in the glue/);
});

test('short names: a to Z, then two letters', () => {
  assert.deepEqual([0, 25, 26, 51, 52, 53, 103, 104].map(shortName), ['a', 'z', 'A', 'Z', 'aa', 'ab', 'aZ', 'ba']);
});

test('a hash trunk wrote without its leading zeros is still a hash; a word of hex letters is not', () => {
  // Trunk writes `{hash:x}`: one build in 16 has a 15-digit hash, and the
  // build's renaming, the service worker's list and the server's caching
  // must all still see it as one.
  for (const hashed of ['cek-siap-ekspor-591a42e9e3f75ff.js', 'cek-siap-ekspor-6e0669396e43638f_bg.wasm',
    'app-b825977e30d1378b.css', 'icon-6b8538b2d9216051.svg']) assert.match(hashed, HASHED, hashed);
  for (const plain of ['widget-baca.js', 'perlu-browser.js', 'embed.js', 'sw.js']) assert.doesNotMatch(plain, HASHED, plain);
});
