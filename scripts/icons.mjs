// Renders the app icons (PNG) from the SVGs in assets/ with headless
// Chromium, and writes each as an indexed PNG (a palette of at most 256
// colours): the icons are two colours and their anti-aliased edges, so a
// palette keeps every pixel the browser drew or one within a few steps of
// it, at a fifth of the bytes of a full-colour PNG. The install icons are
// precached by the service worker, so their bytes are part of every first
// visit (docs/bytes.md). Run by hand when an icon SVG changes; the PNGs are
// committed so building needs no browser.
//
//   node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const jobs = [
  ['assets/icon.svg', 192, 'assets/icon-192.png'],
  ['assets/icon.svg', 512, 'assets/icon-512.png'],
  ['assets/icon-maskable.svg', 512, 'assets/icon-maskable-512.png'],
  ['assets/icon-maskable.svg', 180, 'assets/apple-touch-icon.png'],
];

/** The pixels Chromium draws for `svg` at `size`, as RGBA bytes. */
async function render(page, svg, size) {
  const data = Buffer.from(readFileSync(svg)).toString('base64');
  const rgba = await page.evaluate(async ({ data, size }) => {
    const img = new Image(size, size);
    img.src = `data:image/svg+xml;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, size, size);
    return Array.from(ctx.getImageData(0, 0, size, size).data);
  }, { data, size });
  return Uint8Array.from(rgba);
}

/** An 8-bit indexed PNG of `rgba`: the 256 most frequent colours (every
 *  fully transparent pixel counted as one colour), each other pixel drawn in
 *  the nearest of them. Returns the file and the largest channel error. */
function indexedPng(width, height, rgba) {
  const key = (i) => (rgba[i + 3] === 0 ? 0 : (rgba[i] << 24 | rgba[i + 1] << 16 | rgba[i + 2] << 8 | rgba[i + 3]) >>> 0);
  const counts = new Map();
  for (let i = 0; i < rgba.length; i += 4) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map(([k]) => k);
  const channels = (k) => [k >>> 24, (k >>> 16) & 255, (k >>> 8) & 255, k & 255];
  const index = new Map(palette.map((k, i) => [k, i]));
  let worst = 0;
  const nearest = (k) => {
    const c = channels(k);
    let best = 0, bestDistance = Infinity;
    palette.forEach((p, i) => {
      const d = channels(p).reduce((sum, v, j) => sum + (v - c[j]) ** 2, 0);
      if (d < bestDistance) { best = i; bestDistance = d; }
    });
    worst = Math.max(worst, ...channels(palette[best]).map((v, j) => Math.abs(v - c[j])));
    index.set(k, best);
    return best;
  };
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none, the best for palette images
    for (let x = 0; x < width; x++) {
      const k = key((y * width + x) * 4);
      rows[y * (width + 1) + 1 + x] = index.get(k) ?? nearest(k);
    }
  }
  const plte = Buffer.from(palette.flatMap((k) => channels(k).slice(0, 3)));
  const alphas = palette.map((k) => channels(k)[3]);
  const opaque = alphas.every((a) => a === 255);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8 bits, indexed colour, deflate, filter 0, no interlace
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    ...(opaque ? [] : [chunk('tRNS', Buffer.from(alphas))]),
    chunk('IDAT', deflateSync(rows, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { file, worst, colours: counts.size };
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
for (const [svg, size, out] of jobs) {
  const { file, worst, colours } = indexedPng(size, size, await render(page, svg, size));
  writeFileSync(out, file);
  console.log(`${out}: ${file.length} bytes, ${colours} colours drawn, largest channel error ${worst}`);
}
await browser.close();
