// Where a wasm file's bytes go: code bytes per crate and per module of ours,
// read from the function names a build keeps (the name section). A release
// build's wasm-opt strips names, so this reads a build made for measuring:
//
//   make wasm-sizes        (builds the three pages' wasm as the release does,
//                           but keeping names, and prints the tables)
//   node scripts/wasm-sizes.mjs FILE.wasm [TOP]
//
// Each function is counted under the first path in its name: `serde_json::de::…`
// is serde_json's; `<cek_core::bank::Bank as serde::Deserialize>::deserialize`
// is ours (derived code for our type, which our choices put there); generic
// std code instantiated for our types is std's, except the render code yew
// makes for each of our components (`CompStateInner<cek_siap_ekspor::ui::App>`,
// named so by v0 mangling), which is that component's module's. Bytes are
// before compression, so read the shares, not the totals (the size table of
// scripts/size.mjs has the shipped bytes).
import { readFileSync, readdirSync } from 'node:fs';
import { brotliSize } from './size.mjs';
import { pathToFileURL } from 'node:url';

function leb(buf, at) {
  let value = 0; let shift = 0; let byte;
  do { byte = buf[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}
function name(buf, at) {
  const [len, start] = leb(buf, at);
  return [buf.toString('utf8', start, start + len), start + len];
}

/** `{ functions: [{name, bytes, body}], data, dataRange, total, sections: {name: bytes}, names }`:
 * `body` is where a function's code starts in the file, `dataRange` and
 * `names` the ranges of the data and name sections, if any. */
export function readWasm(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm file');
  let at = 8; let imported = 0; const bodies = []; const names = new Map();
  let data = 0; let dataRange = null; const sections = {}; let nameSection = null;
  const sectionNames = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
  while (at < buf.length) {
    const id = buf[at];
    const [size, body] = leb(buf, at + 1);
    const end = body + size;
    let label = sectionNames[id] ?? `section ${id}`;
    if (id === 0) {
      const [custom, p] = name(buf, body);
      label = `custom "${custom}"`;
      if (custom === 'name') {
        nameSection = [at, end];
        let q = p;
        while (q < end) {
          const kind = buf[q];
          const [len, s] = leb(buf, q + 1);
          if (kind === 1) {
            let [count, r] = leb(buf, s);
            for (; count > 0; count--) {
              const [idx, r2] = leb(buf, r);
              const [fname, r3] = name(buf, r2);
              names.set(idx, fname);
              r = r3;
            }
          }
          q = s + len;
        }
      }
    } else if (id === 2) {
      let [count, p] = leb(buf, body);
      for (; count > 0; count--) {
        [, p] = name(buf, p);
        [, p] = name(buf, p);
        const kind = buf[p++];
        if (kind === 0) { imported++; [, p] = leb(buf, p); }
        else if (kind === 1) { p++; const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 2) { const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; [, p] = leb(buf, p); }
      }
    } else if (id === 10) {
      let [count, p] = leb(buf, body);
      for (; count > 0; count--) {
        const [len, s] = leb(buf, p);
        bodies.push([s + len - p, p]);
        p = s + len;
      }
    } else if (id === 11) {
      data = size;
      dataRange = [body, end];
    }
    sections[label] = (sections[label] ?? 0) + (end - at);
    at = end;
  }
  const functions = bodies.map(([bytes, body], i) => ({ name: names.get(imported + i) ?? `func[${imported + i}]`, bytes, body }));
  return { functions, data, dataRange, total: buf.length, sections, names: nameSection };
}

/** Rust's legacy symbol mangling (`_ZN…E`) undone: `_ZN3foo3barE` is `foo::bar`. */
export function demangle(sym) {
  // Already demangled (wasm-bindgen does it): drop the hash and crate disambiguators.
  if (!sym.startsWith('_ZN')) return sym.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{1,16}\](?=::)/g, '');
  const parts = [];
  let at = 3;
  while (at < sym.length && sym[at] !== 'E') {
    const m = /^\d+/.exec(sym.slice(at));
    if (!m) break;
    at += m[0].length;
    parts.push(sym.slice(at, at + Number(m[0])));
    at += Number(m[0]);
  }
  // Drop the trailing hash segment (`h0123…`).
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const codes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts.join('::')
    .replace(/\$([A-Z]{1,2})\$/g, (all, c) => codes[c] ?? all)
    .replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/\.\./g, '::')
    .replace(/^_(?=[<$])/, '');
}

/** Our crates: the core, the web app, and the app's binaries. */
const OURS = ['cek_siap_ekspor', 'cek_core', 'pelatih', 'widget'];

/** The crate a function's code belongs to, and for ours the module. */
export function owner(mangled) {
  // v0 mangling (`_R…`, std's own crates): the first crate named in it.
  const v0 = /^_R.*?C[sa-zA-Z0-9]*?_(\d+)([a-z_][a-z0-9_]*)/.exec(mangled);
  const fname = v0 ? `${v0[2].slice(0, Number(v0[1]))}::?` : demangle(mangled);
  // A component's render code is yew's generic code made for one of our
  // components: v0 mangling (make wasm-sizes) names which, and it counts
  // under that component's module.
  const component = new RegExp(`CompStateInner<((?:${OURS.join('|')})::[A-Za-z0-9_:]+)>`).exec(fname);
  if (component) {
    return { krate: 'ours', module: component[1].split('::').slice(0, -1).join('::') };
  }
  let s = fname.replace(/^(<)+/, '').replace(/^(&|mut |dyn |\*const |\*mut |\[)+/, '');
  const path = s.split(/ as |[<>, ()]/)[0];
  const parts = path.split('::');
  const krate = parts[0] || '?';
  if (OURS.includes(krate)) {
    const modules = parts.slice(1).filter((p) => /^[a-z_][a-z0-9_]*$/.test(p));
    // The module that holds the item: drop the function's own name (v0
    // names a method as `<cek_core::engine::score::Engine>::outcome`, so
    // the path here may end at the type instead).
    const named = parts.filter((p) => !p.startsWith('{')); // closures: {closure#0}
    const endsAtFunction = /^[a-z_][a-z0-9_]*$/.test(named[named.length - 1]);
    const module = endsAtFunction && modules.length > 1 ? modules.slice(0, -1).join('::') : modules.join('::');
    return { krate: 'ours', module: `${krate}::${module}`.replace(/::$/, '') };
  }
  return { krate: /^[a-z_][a-z0-9_]*$/.test(krate) ? krate : '(unnamed or std shims)', module: null };
}

/** Brotli bytes of the file as it would ship (no name section), and of the
 * same with the code of the functions `drop` picks zeroed: what the rest
 * would weigh if that code weighed (almost) nothing. */
export function brotliWithout(buf, w, drop, ranges = []) {
  const cut = (b) => (w.names ? Buffer.concat([b.subarray(0, w.names[0]), b.subarray(w.names[1])]) : b);
  const zeroed = Buffer.from(buf);
  let bytes = 0;
  for (const f of w.functions.filter(drop)) { zeroed.fill(0, f.body, f.body + f.bytes); bytes += f.bytes; }
  for (const [a, b] of ranges) { zeroed.fill(0, a, b); bytes += b - a; }
  return { shipped: brotliSize(cut(buf)), without: brotliSize(cut(zeroed)), bytes };
}

/** The data section's bytes by kind, as ranges of the file:
 * - the built-in bank's pack (`packs`: the files it may be, found by their bytes);
 * - texts: runs of at least 4 printable characters (UTF-8);
 * - random-looking blocks: 16 bytes with 13 or more distinct values, 3 or
 *   more above 0x7f. Rust's `TypeId` is 16 such bytes in the data section,
 *   one for each type yew tells apart at run time (each component, its
 *   scope and props wrapper, each hook's state), so in a page with yew
 *   most are those; tables of random-looking numbers count too (the QR
 *   encoder's, serde_json's for floats in the reader). A heuristic: read
 *   it as about how many;
 * - the rest: vtables, tables, numbers. */
export function dataKinds(buf, w, packs) {
  const kinds = { "the built-in bank's pack": [], texts: [], 'random-looking blocks': [], 'the rest': [] };
  if (!w.dataRange) return kinds;
  const [start, end] = w.dataRange;
  const pack = packs.map((p) => [buf.indexOf(p, start), p.length]).find(([at]) => at >= start && at < end);
  const inPack = (i) => pack && i >= pack[0] && i < pack[0] + pack[1];
  if (pack) kinds["the built-in bank's pack"].push([pack[0], pack[0] + pack[1]]);
  // A printable character's length in bytes at `i`, or 0.
  const char = (i) => {
    const c = buf[i];
    if (c === 10 || (c >= 0x20 && c < 0x7f)) return 1;
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    for (let k = 1; k < n; k++) if (i + k >= end || (buf[i + k] & 0xc0) !== 0x80) return 0;
    return n;
  };
  const looksRandom = (i) => {
    if (i + 16 > end) return false;
    const win = buf.subarray(i, i + 16);
    return new Set(win).size >= 13 && win.filter((c) => c > 0x7f).length >= 3;
  };
  let rest = start;
  const push = (kind, a, b) => {
    if (rest < a) kinds['the rest'].push([rest, a]);
    kinds[kind].push([a, b]);
    rest = b;
  };
  for (let i = start; i < end;) {
    if (inPack(i)) {
      if (rest < i) kinds['the rest'].push([rest, i]);
      i = rest = pack[0] + pack[1];
      continue;
    }
    let j = i; let chars = 0;
    for (let n; j < end && !inPack(j) && (n = char(j)); j += n) chars++;
    if (chars >= 4) { push('texts', i, j); i = j; continue; }
    if (looksRandom(i)) { push('random-looking blocks', i, i + 16); i += 16; continue; }
    i++;
  }
  if (rest < end) kinds['the rest'].push([rest, end]);
  return kinds;
}

/** Every function in exactly one part: the page's shell by module (its
 * components' render code and the hooks made for its types included), our
 * core, then each other crate. `make wasm-sizes` weighs each part by what
 * the compressed wasm loses without it. */
export function parts(functions) {
  const shell = new RegExp(`(${OURS.filter((k) => k !== 'cek_core').join('|')})\\[[0-9a-f]+\\]::`);
  const map = new Map();
  for (const f of functions) {
    let part;
    if (shell.test(f.name)) {
      // The component a generic function was made for, else the module.
      const named = demangle(f.name).replace(/\[[0-9a-f]+\]/g, '');
      const m = /(?:cek_siap_ekspor|pelatih|widget)::((?:[a-z_][a-z0-9_]*::)*)/.exec(named);
      const [top, sub] = m ? m[1].split('::') : [];
      part = top === 'ui' && UI_MODULES.has(sub) ? `shell: ui::${sub}` : 'shell: the App and the entry points';
    } else if (/cek_core\[[0-9a-f]+\]::/.test(f.name)) {
      part = 'our core (crates/core)';
    } else {
      const k = owner(f.name).krate;
      part = ['core', 'alloc', 'std', 'char', 'str'].includes(k) ? "Rust's core, alloc, std" : k;
    }
    if (!map.has(part)) map.set(part, []);
    map.get(part).push(f);
  }
  // Parts under 3,000 bytes of code weighed together: each weighing is a
  // brotli of the whole file.
  const small = [...map].filter(([, fns]) => fns.reduce((a, f) => a + f.bytes, 0) < 3000);
  for (const [part] of small) map.delete(part);
  if (small.length) map.set(`${small.length} parts of under 3,000 B each`, small.flatMap(([, fns]) => fns));
  return map;
}

/** The shell's modules (src/ui/*.rs), each a part of its own. */
const UI_MODULES = new Set(
  readdirSync(new URL('../src/ui/', import.meta.url)).filter((f) => f.endsWith('.rs')).map((f) => f.slice(0, -3)),
);

export function groups(functions) {
  const byCrate = new Map(); const byModule = new Map();
  for (const f of functions) {
    if (f.name.startsWith('__wbindgen_describe')) continue; // removed by wasm-bindgen
    const o = owner(f.name);
    byCrate.set(o.krate, (byCrate.get(o.krate) ?? 0) + f.bytes);
    if (o.module) byModule.set(o.module, (byModule.get(o.module) ?? 0) + f.bytes);
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { byCrate: sorted(byCrate), byModule: sorted(byModule) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top = '15'] = process.argv.slice(2);
  const w = readWasm(readFileSync(file));
  const code = w.functions.reduce((a, f) => a + f.bytes, 0);
  const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`.padStart(6);
  const row = (label, n, of) => console.log(`  ${label.padEnd(48)}${String(n).padStart(9)} ${pct(n, of)}`);
  console.log(`${file}: ${w.total} bytes; code ${code}, data ${w.data}, ${w.functions.length} functions`);
  const { byCrate, byModule } = groups(w.functions);
  console.log('code by crate:');
  for (const [k, n] of byCrate.slice(0, Number(top))) row(k, n, code);
  console.log('code of ours by module:');
  for (const [k, n] of byModule.slice(0, Number(top))) row(k, n, code);
  console.log(`largest functions:`);
  // A component's render function by the component's name (the rest of
  // yew's long name says nothing).
  const short = (n) => demangle(n).replace(/^<yew::html::component::lifecycle::CompStateInner<(.*)> as yew::html::component::lifecycle::Stateful>::(\w+)$/, '$1 ($2)');
  for (const f of [...w.functions].sort((a, b) => b.bytes - a.bytes).slice(0, Number(top))) row(short(f.name).slice(-48), f.bytes, code);
  // How far a page's budget is from its shell: the page's own code (our
  // crates but the core, with what yew and std made for its types, e.g.
  // each component's render code) zeroed, everything else kept.
  // (v0 names each crate with its disambiguator: `widget[0123…]::`.)
  const shell = new RegExp(`(${OURS.filter((k) => k !== 'cek_core').join('|')})\\[[0-9a-f]+\\]::`);
  const b = brotliWithout(readFileSync(file), w, (f) => shell.test(f.name));
  console.log(`brotli without names: ${b.shipped}; with the shell's ${b.bytes} bytes of code zeroed: ${b.without} (the shell weighs ${b.shipped - b.without})`);
  // What each part weighs where it counts, compressed: what the wasm loses
  // without it (its bytes zeroed, all else kept). Brotli shares context
  // between parts, so these do not add up to the total.
  console.log('compressed weight by part (brotli bytes the wasm loses without it; raw bytes before compression):');
  const weighed = [...parts(w.functions)].map(([part, fns]) => {
    const set = new Set(fns);
    const r = brotliWithout(readFileSync(file), w, (f) => set.has(f));
    return [part, r.shipped - r.without, r.bytes];
  });
  const buf = readFileSync(file);
  const d = brotliWithout(buf, w, () => false, [w.dataRange ?? [0, 0]]);
  weighed.push(['the data section (texts, the bank, tables)', d.shipped - d.without, d.bytes]);
  weighed.sort((a, b) => b[1] - a[1]);
  const line = (label, saved, raw) => console.log(`  ${label.padEnd(48)}${String(saved).padStart(9)} ${String(raw).padStart(9)}`);
  for (const [part, saved, raw] of weighed) line(part, saved, raw);
  console.log('the data section by kind, weighed the same way:');
  const packs = ['bank.id.pack1', 'bank.titles.pack1', 'bank.pack1']
    .map((f) => readFileSync(new URL(`../crates/core/src/engine/${f}`, import.meta.url)));
  for (const [kind, ranges] of Object.entries(dataKinds(buf, w, packs))) {
    const r = brotliWithout(buf, w, () => false, ranges);
    line(kind === 'random-looking blocks' ? `${kind} (${ranges.length} of 16 B)` : kind, r.shipped - r.without, r.bytes);
  }
}
