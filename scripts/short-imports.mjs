// Short names for what each wasm imports from its JS glue. wasm-bindgen names
// every import after the browser function it calls plus a 16-digit hash
// (`__wbg_setItem_0123456789abcdef`), and writes each name twice: in the
// wasm's import section and as a key of the glue's imports object. The
// hashes are random to a compressor, so the owner's page paid about 3.4 KB
// of brotli for about 130 of them (docs/bytes.md). This gives each import a
// name of one or two letters, in both files, and the module they come from
// (`./cek-siap-ekspor_bg.js`, written before every import) the name `g`;
// nothing else in either changes,
// so a file's hashed name still stands for one content (the same build
// gives the same bytes). Run by `make build` after every wasm is in DIR.
//
//   node scripts/short-imports.mjs dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HASH } from './hashed.mjs';

function leb(buf, at) {
  let value = 0; let shift = 0; let byte;
  do { byte = buf[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}
function unsigned(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const text = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([unsigned(b.length), b]); };

/** a, b, …, Z, aa, ab, …: the `i`-th short name. */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do { name = letters[i % 52] + name; i = Math.floor(i / 52) - 1; } while (i >= 0);
  return name;
}

// Only wasm-bindgen's own names are renamed, so a second run changes nothing.
const LONG = /^__wb(g|indgen)_\w+$/;
/** What the glue's module is called once renamed: a name, not a path, so a second run leaves it. */
const GLUE = 'g';

/**
 * Renames the imports `wasm` takes from its glue, and the glue's keys with
 * them. Throws, changing nothing, if a name is not exactly once in the glue
 * as a key (a glue of another shape than the one this was written for).
 */
export function shorten(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm file');
  const parts = [wasm.subarray(0, 8)];
  const names = new Map();
  let glueModule;
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) { parts.push(wasm.subarray(at, end)); at = end; continue; }
    let [count, p] = leb(wasm, body);
    const entries = [unsigned(count)];
    for (; count > 0; count--) {
      const [moduleLength, moduleStart] = leb(wasm, p);
      const module = wasm.toString('utf8', moduleStart, moduleStart + moduleLength);
      const [nameLength, nameStart] = leb(wasm, moduleStart + moduleLength);
      const name = wasm.toString('utf8', nameStart, nameStart + nameLength);
      p = nameStart + nameLength;
      const kindStart = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = leb(wasm, p); // function: type index
      else if (kind === 1 || kind === 2) { // table (element type first), memory: limits
        if (kind === 1) p++;
        const flags = wasm[p++];
        [, p] = leb(wasm, p);
        if (flags & 1) [, p] = leb(wasm, p);
      } else if (kind === 3) p += 2; // global: type, mutability
      else if (kind === 4) { p++; [, p] = leb(wasm, p); } // tag
      else throw new Error(`import kind ${kind} unknown`);
      let [into, renamed] = [module, name];
      if (module.endsWith('_bg.js')) {
        if (glueModule !== undefined && glueModule !== module) throw new Error(`imports from ${glueModule} and ${module}`);
        [glueModule, into] = [module, GLUE];
        if (LONG.test(name)) {
          if (!names.has(name)) names.set(name, shortName(names.size));
          renamed = names.get(name);
        }
      }
      entries.push(text(into), text(renamed), wasm.subarray(kindStart, p));
    }
    const section = Buffer.concat(entries);
    parts.push(Buffer.from([2]), unsigned(section.length), section);
    at = end;
  }
  let js = glue;
  if (glueModule !== undefined && glueModule !== GLUE) {
    names.set(glueModule, GLUE);
  }
  for (const [name, short] of names) {
    // The module is a quoted key ("./x_bg.js":), an import a bare one.
    const key = name === glueModule ? `"${name}":` : `${name}:`;
    const everywhere = js.split(name).length - 1;
    const asKey = js.split(key).length - 1;
    if (everywhere !== 1 || asKey !== 1) {
      throw new Error(`${name} is ${everywhere} times in the glue, ${asKey} as a key: expected once, as a key`);
    }
    js = js.replace(key, `${short}:`);
  }
  return { wasm: Buffer.concat(parts), glue: js, renamed: names.size - (names.has(glueModule) ? 1 : 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  const files = readdirSync(dir);
  const wasm = new RegExp(`-${HASH}_bg\\.wasm$`);
  const glue = new RegExp(`^-${HASH}\\.js$`);
  for (const bg of files.filter((f) => wasm.test(f))) {
    const stem = bg.replace(wasm, '');
    const glues = files.filter((f) => f.startsWith(`${stem}-`) && glue.test(f.slice(stem.length)));
    if (glues.length !== 1) throw new Error(`${bg}: ${glues.length} glue files (${glues.join(', ')})`);
    const out = shorten(readFileSync(join(dir, bg)), readFileSync(join(dir, glues[0]), 'utf8'));
    writeFileSync(join(dir, bg), out.wasm);
    writeFileSync(join(dir, glues[0]), out.glue);
    console.log(`${bg}, ${glues[0]}: ${out.renamed} imports renamed`);
  }
}
