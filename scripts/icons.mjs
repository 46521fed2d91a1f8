// Renders the app icons (PNG) from the SVGs in assets/ with headless
// Chromium. Run by hand when an icon SVG changes; the PNGs are committed so
// building needs no browser.
//
//   node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const jobs = [
  ['assets/icon.svg', 192, 'assets/icon-192.png'],
  ['assets/icon.svg', 512, 'assets/icon-512.png'],
  ['assets/icon-maskable.svg', 512, 'assets/icon-maskable-512.png'],
  ['assets/icon-maskable.svg', 180, 'assets/apple-touch-icon.png'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const [svg, size, out] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const data = Buffer.from(readFileSync(svg)).toString('base64');
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}"></body></html>`);
  await page.screenshot({ path: out, omitBackground: true });
  await page.close();
  console.log(out);
}
await browser.close();
