// Offline and updates in headless Chromium: the second visit works with the
// network cut off, a new deployment is announced and applied only on tap
// with the answers kept, and the service worker caches exactly the build.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test, before, after, bounded, phone, appReady, answerAll, answerFirst, currentQuestion, foreign, redeployable, redeploy,
  installed as installedAt, start, setOffline,
} from './helpers.mjs';
import { HASHED } from '../scripts/hashed.mjs';
let browser, origin, site, close;

before(async () => {
  ({ site, origin, browser, close } = await redeployable());
});
after(async () => { await close?.(); });

const env = () => ({ browser, origin });
const installed = (page) => installedAt(page, origin);

test('the second visit works with no network, through to the result', async () => {
  const { page, ctx, requests, errors } = await phone(env());
  await installed(page);
  // A trainer opens their page once while online...
  await page.goto(origin + '/pelatih.html');
  await page.locator('main#main #screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  await page.goto(origin + '/');
  await appReady(page);
  await setOffline(ctx, true);
  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answerAll(page);
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();
  // ...and has it offline in the workshop room.
  await page.goto(origin + '/pelatih.html');
  await page.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests, origin), []);
  assert.deepEqual(await ctx.cookies(), [], 'no cookies');
  await ctx.close();
});

test('the service worker caches only files of this build: the owner page first, the trainer page on use', async () => {
  const { page, ctx } = await phone(env());
  await installed(page);
  const cached = () => bounded(page.evaluate(async () => {
    const keys = await caches.keys();
    const urls = [];
    for (const k of keys) for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname.slice(1));
    return { keys, urls };
  }), 'reading the caches');
  const built = readdirSync(site).filter((n) => !n.startsWith('.') && !/\.(br|gz)$/.test(n));
  const index = readFileSync(join(site, 'index.html'), 'utf8');
  const loads = built.filter((n) => !n.endsWith('.html') && index.includes(n) && !n.startsWith('apple-touch'));

  const first = await cached();
  assert.equal(first.keys.length, 1);
  for (const url of first.urls) assert.ok(url === '' || built.includes(url), `${url} is a file of this build`);
  for (const n of ['index.html', ...loads]) assert.ok(first.urls.includes(n), `${n} is precached`);
  assert.ok(!first.urls.some((u) => u.startsWith('pelatih') || u.startsWith('widget')), 'an owner downloads no trainer or widget code');

  await page.goto(origin + '/pelatih.html');
  await page.locator('main#main #screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  const second = await cached();
  for (const url of second.urls) assert.ok(url === '' || built.includes(url), `${url} is a file of this build`);
  assert.ok(second.urls.some((u) => /^pelatih-.*\.wasm$/.test(u)), 'the trainer page is cached once used');
  assert.ok(second.urls.includes('pelatih.html'));
  await ctx.close();
});

test('a new version is announced, applied only on tap, and keeps the answers in progress', async () => {
  const { page, ctx, errors } = await phone(env());
  await installed(page);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answerFirst(page, 3);
  const q = await currentQuestion(page);
  const [oldKey] = await page.evaluate(() => caches.keys());

  // Deploy build B: one page changed, so sw.js gets a new version.
  redeploy(site);
  await bounded(page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update()), 'the update check');

  const banner = page.locator('.notice.update');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Versi baru tersedia/);
  assert.equal(await currentQuestion(page), q, 'nothing changed under the user');
  await Promise.all([
    page.waitForEvent('load'),
    banner.getByRole('button', { name: 'Perbarui' }).click(),
  ]);
  await appReady(page);
  assert.equal(await currentQuestion(page), q, 'same question after the update');
  await page.getByRole('button', { name: 'Kembali' }).click();
  await page.locator('.position', { hasText: 'Pertanyaan 3 dari' }).waitFor();
  assert.equal(await page.locator('form.question input:checked').count(), 1, 'answers kept');
  const keys = await page.evaluate(() => caches.keys());
  assert.equal(keys.length, 1, 'the old cache is gone');
  assert.notEqual(keys[0], oldKey);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a first visit downloads each hashed file once: the service worker precaches it from the HTTP cache', async () => {
  // A server of its own, so its count holds only this visit.
  const own = await start();
  try {
    const { page, ctx } = await phone(own);
    await installedAt(page, own.origin);
    const hashed = own.server.sent.bodies.filter((p) => HASHED.test(p)).sort();
    // The page's wasm, glue, stylesheet and icon, each sent once, though the
    // page loaded them and the worker precached them (and installed() may
    // reload the page once).
    const index = readFileSync('dist/index.html', 'utf8');
    const expected = readdirSync('dist').filter((n) => HASHED.test(n) && index.includes(n)).map((n) => `/${n}`).sort();
    assert.equal(expected.length, 4, `hashed files named by index.html: ${expected}`);
    assert.deepEqual(hashed, expected);
    await ctx.close();
  } finally {
    await own.close();
  }
});
