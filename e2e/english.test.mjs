// English on demand, in headless Chromium with the real CSP and service
// worker: the owner's page carries the questions in Indonesian only, so an
// owner who reads Indonesian never downloads the English; one who taps EN
// gets it once (the page says so while it loads, and in both languages when
// it cannot), and from then on in English offline too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  test, before, after, start, phone, installed, setOffline, appReady, answerFirst, until, foreign, cspViolations, seedStorage, KEYS, axeScreen,
} from './helpers.mjs';

const bank = JSON.parse(readFileSync('crates/core/src/engine/bank.json', 'utf8'));
const first = bank.questions.find((q) => !q.show_if);
const ENGLISH_FILE = '/bank.en.pack1';
const LOADING = ['Memuat bahasa Inggris…', 'Loading English…'];
const UNAVAILABLE = [
  'Bahasa Inggris belum bisa dimuat: sekali saja perlu koneksi internet. Sambungkan HP ke internet, lalu ketuk EN lagi.',
  'English could not be loaded: it needs an internet connection once. Connect to the internet, then tap EN again.',
];
// When the site already has a newer version of the app than the phone runs
// (its service worker has not updated yet), the English it serves is of
// other questions, and refused: the page says to update, not to connect.
const OTHER_VERSION = [
  'Bahasa Inggris belum bisa dimuat: situs ini sudah memakai versi aplikasi yang lebih baru. Ketuk “Perbarui” bila muncul, atau muat ulang halaman ini, lalu ketuk EN lagi.',
  'English could not be loaded: this site already has a newer version of the app. Tap “Update” when it appears, or reload this page, then tap EN again.',
];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const englishRequests = (requests) => requests.filter((u) => new URL(u).pathname === ENGLISH_FILE);
const heading = async (p) => (await p.locator('#screen-heading').textContent()).trim();
const pressed = (p, name) => p.getByRole('button', { name }).getAttribute('aria-pressed');

test('an owner who reads Indonesian answers without ever downloading the English', async () => {
  const { page: p, ctx, requests, errors } = await phone(env);
  await installed(p, env.origin);
  await p.getByRole('button', { name: 'Mulai' }).click();
  await answerFirst(p, 3);
  assert.deepEqual(englishRequests(requests), []);
  assert.equal(await p.locator('html').getAttribute('lang'), 'id');
  // Nor does the service worker fetch it ahead.
  const cached = await p.evaluate(async () => {
    const urls = [];
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  assert.ok(!cached.includes(ENGLISH_FILE), `cached: ${cached}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('offline before English was ever fetched: a message in both languages, the page stays in Indonesian; online, EN again works, and offline after', async () => {
  const { page: p, ctx, requests, errors } = await phone(env);
  await installed(p, env.origin);
  await setOffline(ctx, true);
  await p.getByRole('button', { name: 'English' }).click();
  const status = p.locator('.notice[data-kind=english]');
  await status.locator('p', { hasText: UNAVAILABLE[0] }).waitFor();
  assert.deepEqual((await status.locator('p').allTextContents()).map((s) => s.trim()), UNAVAILABLE);
  assert.equal(await status.locator('p').nth(1).getAttribute('lang'), 'en');
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await heading(p), 'Seberapa siap usaha Anda untuk ekspor?');
  assert.equal(await p.locator('html').getAttribute('lang'), 'id');
  assert.equal(await pressed(p, 'ID'), 'true');

  // Back online, a second tap on EN fetches it: the screen turns English.
  await setOffline(ctx, false);
  await p.getByRole('button', { name: 'English' }).click();
  await p.locator('#screen-heading', { hasText: 'How ready is your business to export?' }).waitFor();
  assert.equal(await status.count(), 0);
  assert.equal(await p.locator('html').getAttribute('lang'), 'en');
  assert.equal(await pressed(p, 'EN'), 'true');
  await p.getByRole('button', { name: 'Start' }).click();
  await p.locator('#screen-heading', { hasText: first.text.en }).waitFor();
  // The heading after its hidden "Question 1 of N. " (that count is the
  // interface's words, not the bank's).
  assert.equal(await p.locator('#screen-heading').evaluate((h) => h.lastChild.textContent), first.text.en);
  assert.equal(await p.locator('label.option').first().textContent(), first.options[0].text.en);

  // Offline again, a reload shows English at once from what the service
  // worker kept: no message.
  await setOffline(ctx, true);
  await p.reload();
  await appReady(p);
  await p.locator('#screen-heading', { hasText: first.text.en }).waitFor();
  assert.equal(await status.count(), 0);
  assert.deepEqual(foreign(requests, env.origin), []);
  assert.deepEqual(await cspViolations(p), []);
  // Chromium's report of the one fetch the test made fail, and nothing else.
  assert.deepEqual(errors, ['error: Failed to load resource: net::ERR_FAILED']);
  await ctx.close();
});

test('an owner who chose English before gets the app in English at once: no Indonesian screen, no loading notice', async () => {
  const { page: p, ctx, requests, errors } = await phone(env);
  await seedStorage(ctx, { [KEYS.lang]: 'en' });
  // Every heading the app shows, and whether the loading notice ever
  // appears, recorded in the page as the DOM changes.
  await ctx.addInitScript(() => {
    window.__seen = { headings: [], notice: false };
    new MutationObserver(() => {
      const main = document.querySelector('main#main:not([data-static])');
      const h = main?.querySelector('#screen-heading')?.textContent;
      const seen = window.__seen;
      if (h && seen.headings[seen.headings.length - 1] !== h) seen.headings.push(h);
      if (document.querySelector('.notice[data-kind=english]')) seen.notice = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await p.goto(env.origin + '/');
  await appReady(p);
  await p.locator('#screen-heading', { hasText: 'How ready is your business to export?' }).waitFor();
  assert.deepEqual(await p.evaluate(() => window.__seen), {
    headings: ['How ready is your business to export?'], notice: false,
  });
  assert.equal(await p.locator('html').getAttribute('lang'), 'en');
  assert.equal(englishRequests(requests).length, 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('when the English is slow, the page starts in Indonesian within 2 s, says it is loading, then turns English', async () => {
  const { page: p, ctx, requests, errors } = await phone(env, { serviceWorkers: 'block' });
  await seedStorage(ctx, { [KEYS.lang]: 'en' });
  // The fetch held back until the test lets it go (no service worker, whose
  // own fetches the route would not see).
  let held = null;
  await p.route(`**${ENGLISH_FILE}`, (route) => { held = route; });
  await p.goto(env.origin + '/');
  await until(() => held !== null, 'the page asks for the English');
  await appReady(p);
  const status = p.locator('.notice[data-kind=english]');
  await status.waitFor();
  assert.deepEqual((await status.locator('p').allTextContents()).map((s) => s.trim()), LOADING);
  assert.equal(await heading(p), 'Seberapa siap usaha Anda untuk ekspor?');
  assert.equal(await p.locator('html').getAttribute('lang'), 'id');
  await held.continue();
  await p.locator('#screen-heading', { hasText: 'How ready is your business to export?' }).waitFor();
  assert.equal(await status.count(), 0);
  assert.equal(await p.locator('html').getAttribute('lang'), 'en');
  // One fetch, though both the start and the App asked for it.
  assert.equal(englishRequests(requests).length, 1);
  // Playwright's note on the worker it blocked, and nothing else.
  assert.deepEqual(errors, ['warning: Service Worker registration blocked by Playwright']);
  await ctx.close();
});

test('axe-core finds no WCAG 2.1 AA violations on the English notices, and the keyboard reaches EN again', async () => {
  // axe-core is injected, so this page runs without the CSP (phone() says
  // so); no service worker, whose own fetches the held route would not see.
  const { page: p, ctx } = await phone(env, { inject: true, serviceWorkers: 'block' });
  let held = null;
  await p.route(`**${ENGLISH_FILE}`, (route) => { held = route; });
  await p.goto(env.origin + '/');
  await appReady(p);
  await p.getByRole('button', { name: 'English' }).click();
  await until(() => held !== null, 'the page asks for the English');
  await p.locator('.notice[data-kind=english] p', { hasText: LOADING[0] }).waitFor();
  assert.deepEqual(await axeScreen(p, 'English loading'), []);
  await held.abort('internetdisconnected');
  await p.locator('.notice[data-kind=english] p', { hasText: UNAVAILABLE[0] }).waitFor();
  assert.deepEqual(await axeScreen(p, 'English unavailable'), []);
  // What the message says to do, by keyboard: EN is reachable and tries again.
  await p.unroute(`**${ENGLISH_FILE}`);
  await p.getByRole('button', { name: 'English' }).focus();
  await p.keyboard.press('Enter');
  await p.locator('#screen-heading', { hasText: 'How ready is your business to export?' }).waitFor();
  await ctx.close();
});

test('English of other questions (a newer version on the site) is refused, and the page says to update, not to connect', async () => {
  // No service worker, whose own fetches the route would not see.
  const { page: p, ctx, requests, errors } = await phone(env, { serviceWorkers: 'block' });
  // What the site sends instead of this version's English: a whole bank of
  // other questions (the first release's), as a later deployment's would be.
  await p.route(`**${ENGLISH_FILE}`, (route) => route.fulfill({ body: readFileSync('dist/bank-v1.pack1') }));
  await p.goto(env.origin + '/');
  await appReady(p);
  await p.getByRole('button', { name: 'English' }).click();
  const status = p.locator('.notice[data-kind=english]');
  await status.locator('p', { hasText: OTHER_VERSION[0] }).waitFor();
  assert.deepEqual((await status.locator('p').allTextContents()).map((s) => s.trim()), OTHER_VERSION);
  assert.equal(await heading(p), 'Seberapa siap usaha Anda untuk ekspor?');
  assert.equal(await p.locator('html').getAttribute('lang'), 'id');
  assert.equal(await pressed(p, 'ID'), 'true');
  // Once the site sends this version's English, EN again works.
  await p.unroute(`**${ENGLISH_FILE}`);
  await p.getByRole('button', { name: 'English' }).click();
  await p.locator('#screen-heading', { hasText: 'How ready is your business to export?' }).waitFor();
  assert.equal(await status.count(), 0);
  assert.equal(englishRequests(requests).length, 2);
  assert.deepEqual(errors, ['warning: Service Worker registration blocked by Playwright']);
  await ctx.close();
});
