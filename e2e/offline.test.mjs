// Offline and updates in headless Chromium: the second visit works with the
// network cut off, a new deployment is announced and applied only on tap
// with the answers kept, and the service worker caches exactly the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { phone, appReady, answerAll, currentQuestion, next, foreign } from './helpers.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let browser, server, origin, site;

before(async () => {
  // A site folder we can redeploy into, as a static host would be.
  site = mkdtempSync(join(tmpdir(), 'cek-site-'));
  cpSync('dist', site, { recursive: true });
  server = await serve(site, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
after(async () => { await browser?.close(); server?.close(); });

const env = () => ({ browser, origin });

/** Opens the app and waits until the service worker controls the page. */
async function installed(page) {
  await page.goto(origin + '/');
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await appReady(page);
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the service worker');
}

test('the second visit works with no network, through to the result', async () => {
  const { page, ctx, requests, errors } = await phone(env());
  await installed(page);
  await ctx.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answerAll(page);
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();
  // The trainer page too.
  await page.goto(origin + '/pelatih.html');
  await page.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests, origin), []);
  await ctx.close();
});

test('the service worker caches exactly the files of this build', async () => {
  const { page, ctx } = await phone(env());
  await installed(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const urls = [];
    for (const k of keys) for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname);
    return { keys, urls };
  });
  assert.equal(cached.keys.length, 1);
  const built = readdirSync(site).filter((n) => !n.startsWith('.') && !/\.(br|gz)$/.test(n) && n !== 'sw.js' && n !== 'embed.js');
  assert.deepEqual([...cached.urls].sort(), ['/', ...built.map((n) => '/' + n)].sort());
  await ctx.close();
});

test('a new version is announced, applied only on tap, and keeps the answers in progress', async () => {
  const { page, ctx, errors } = await phone(env());
  await installed(page);
  await page.getByRole('button', { name: 'Mulai' }).click();
  for (let i = 0; i < 3; i++) {
    await page.locator('label.option').first().click();
    await next(page);
  }
  const q = await currentQuestion(page);
  const [oldKey] = await page.evaluate(() => caches.keys());

  // Deploy build B: one page changed, so sw.js gets a new version.
  const index = join(site, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<!-- build B --></body>'));
  execFileSync('node', ['scripts/sw.mjs', site]);
  execFileSync('node', ['scripts/compress.mjs', site]);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

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
