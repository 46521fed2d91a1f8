// Embedding on a ministry site, in headless Chromium, with the host page and
// the widget on different origins (localhost vs 127.0.0.1): auto-height, the
// event API, origin checks both ways, two widgets side by side, the CSPs, and
// no request beyond the two origins.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import {
  test, before, after, launch, context, bounded, foreign, recordCsp, assertCspHolds, isCspControl, recordMessages, sawMessage,
} from './helpers.mjs';
import { owner } from './owners.mjs';

const require = createRequire(import.meta.url);
let browser, widgetServer, hostServer, thirdServer, configServer, widget, host, third, configHost;

before(async () => {
  widgetServer = await serve('dist', 0, '127.0.0.1', { frameAncestors: "'self' http://localhost:*" });
  widget = `http://127.0.0.1:${widgetServer.address().port}`;
  hostServer = await serve('demo', 0, 'localhost', { replace: { __WIDGET__: widget } });
  host = `http://localhost:${hostServer.address().port}`;
  // A third origin that tries to talk to both sides.
  thirdServer = await serve('e2e/fixtures', 0, '127.0.0.1');
  third = `http://127.0.0.1:${thirdServer.address().port}`;
  // A host with broken and custom configurations; the custom bank is the
  // built-in one with its first question reworded.
  const dir = mkdtempSync(join(tmpdir(), 'cek-host-'));
  cpSync('e2e/fixtures', dir, { recursive: true });
  cpSync('demo/host-log.js', join(dir, 'host-log.js'));
  const bank = JSON.parse(readFileSync('crates/core/src/engine/bank.json', 'utf8'));
  bank.questions[0].text = { id: 'Berapa omzet usaha Anda (bank khusus dinas)?', en: 'What are your sales (agency bank)?' };
  writeFileSync(join(dir, 'custom-config.json'), JSON.stringify({ version: 1, organisation: { name: 'Dinas Khusus' }, bank }));
  configServer = await serve(dir, 0, 'localhost', { replace: { __WIDGET__: widget } });
  configHost = `http://localhost:${configServer.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [widgetServer, hostServer, thirdServer, configServer]) s?.close();
});

async function hostPage(width, { inject = false, url = host + '/host.html', widgets = 2, height = 800, block = null } = {}) {
  // Reduced motion: the loader then scrolls the host instantly, so a click
  // never lands mid-animation (the smooth path differs only in `behavior`).
  const ctx = await context(browser, { viewport: { width, height }, bypassCSP: inject, reducedMotion: 'reduce' });
  // Requests that fail as on a broken connection (a glob of URLs).
  if (block) await ctx.route(block, (r) => r.abort('connectionfailed'));
  const page = await ctx.newPage();
  await recordCsp(page);
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' && !isCspControl(m.text())) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction((n) => (window.cekEvents ?? []).filter((e) => e.type === 'ready').length === n, widgets);
  return { ctx, page, requests, errors };
}

const events = (page, widgetId, type) =>
  page.evaluate(([w, t]) => (window.cekEvents ?? []).filter((e) => e.widget === w && e.type === t), [widgetId, type]);
const frameOf = (page, id) => page.frameLocator(`#${id} iframe`);
const frame = async (page, id) => (await page.locator(`#${id} iframe`).elementHandle()).contentFrame();

/**
 * Waits until the loader has sized the iframe to its content, then returns
 * that height. No sleeping: the host page is polled for the size the frame
 * reports, and checked again from inside the frame.
 */
async function settle(page, id) {
  const f = await frame(page, id);
  for (let tries = 0; tries < 50; tries++) {
    const inner = await f.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await page.waitForFunction(([sel, h]) => Math.abs(document.querySelector(sel).getBoundingClientRect().height - h) <= 1,
      [`#${id} iframe`, inner]);
    const again = await f.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    if (again === inner) {
      const scrolls = await f.evaluate(() => document.scrollingElement.scrollHeight > window.innerHeight + 1);
      assert.equal(scrolls, false, 'no inner scrollbar');
      return inner;
    }
  }
  throw new Error(`#${id} never settled at one height`);
}

/** Clicks, then waits for the widget's next `step` event and returns it. */
async function stepAfter(page, id, click) {
  const count = (await events(page, id, 'step')).length;
  await click();
  await page.waitForFunction(([w, n]) => (window.cekEvents ?? []).filter((e) => e.widget === w && e.type === 'step').length > n, [id, count]);
  return (await events(page, id, 'step')).at(-1).detail;
}

for (const width of [360, 1280]) {
  test(`at ${width}px the iframe grows and shrinks with its content and reports every step`, async () => {
    const { ctx, page, requests, errors } = await hostPage(width);
    const w = frameOf(page, 'widget-id');
    const heights = [await settle(page, 'widget-id')];
    let step = await stepAfter(page, 'widget-id', () => w.getByRole('button', { name: 'Mulai' }).dispatchEvent('click'));
    for (let n = 1; step.screen === 'question'; n++) {
      assert.equal(step.index, n);
      // Each new screen brings the top of the widget into view on the host.
      await page.waitForFunction(() => document.querySelector('#widget-id').getBoundingClientRect().top >= -1);
      heights.push(await settle(page, 'widget-id'));
      // DOM clicks, not pointer clicks at coordinates: the host page scrolls
      // and the iframe resizes between screens, and a pointer can land on
      // the wrong spot mid-change. What is tested is the widget's reaction.
      await w.locator('label.option').first().dispatchEvent('click');
      await w.locator('form.question input:checked').first().waitFor({ state: 'attached' });
      step = await stepAfter(page, 'widget-id', () => w.locator('form.question button[type=submit]').dispatchEvent('click'));
    }
    assert.equal(step.screen, 'review');
    const steps = await events(page, 'widget-id', 'step');
    const questionSteps = steps.filter((s) => s.detail.screen === 'question');
    assert.ok(questionSteps.length >= 20);
    assert.ok(questionSteps.every((s) => s.detail.total >= s.detail.index));
    await w.getByRole('button', { name: 'Lihat hasil' }).dispatchEvent('click');
    await page.waitForFunction(() => (window.cekEvents ?? []).some((e) => e.widget === 'widget-id' && e.type === 'completed'));
    const tall = await settle(page, 'widget-id');
    const [completed] = await events(page, 'widget-id', 'completed');
    assert.deepEqual(Object.keys(completed.detail).sort(), ['areas', 'level', 'overall']);
    // The first option everywhere: the owner "first" of e2e/owners.mjs.
    assert.equal(completed.detail.level, owner('first').level.id);
    assert.deepEqual(Object.keys(completed.detail.areas).sort(), ['digital', 'jalur', 'pola_pikir', 'produk', 'usaha']);
    // Back to the short intro: the iframe shrinks too.
    await w.getByRole('button', { name: 'Mulai dari awal' }).first().dispatchEvent('click');
    await w.getByRole('button', { name: 'Ya, hapus dan mulai lagi' }).dispatchEvent('click');
    await w.locator('#screen-heading', { hasText: 'Seberapa siap' }).waitFor();
    const short = await settle(page, 'widget-id');
    assert.ok(short < tall, `shrank from ${tall}px to ${short}px`);
    assert.ok(new Set(heights).size > 2, `heights changed across steps: ${heights.join(', ')}`);

    // The English widget was left alone.
    assert.equal((await events(page, 'widget-en', 'completed')).length, 0);
    assert.ok((await events(page, 'widget-en', 'step')).every((s) => s.detail.screen === 'intro'));
    await frameOf(page, 'widget-en').locator('#screen-heading', { hasText: 'How ready is your business' }).waitFor();

    // The host page's CSP and each widget's, all of their documents.
    await assertCspHolds(page, 'host page');
    for (const id of ['widget-id', 'widget-en']) await assertCspHolds(page, id, await frame(page, id));
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests, host).filter((u) => !u.startsWith(widget + '/')), []);
    assert.deepEqual(await ctx.cookies(), [], 'no cookies on either origin');
    await page.screenshot({ path: `test-results/embed-${width}.png`, fullPage: true });
    await ctx.close();
  });
}

test('the iframe is titled, lazy, sandboxed, and messages from a third origin are ignored by both sides', async () => {
  const { ctx, page } = await hostPage(1280, { inject: true });
  const attrs = await page.locator('#widget-id iframe').evaluate((f) => ({ title: f.title, loading: f.loading, sandbox: f.getAttribute('sandbox'), allow: f.getAttribute('allow') }));
  assert.match(attrs.title, /Cek Siap Ekspor/);
  assert.equal(attrs.loading, 'lazy');
  assert.deepEqual(attrs.sandbox.split(' ').sort(), ['allow-forms', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts', 'allow-storage-access-by-user-activation']);
  assert.equal(attrs.allow, null, 'no camera unless asked for');

  // The host may switch a widget's language: the listener works...
  const w = frameOf(page, 'widget-id');
  await page.evaluate((origin) => {
    document.querySelector('#widget-en iframe').contentWindow.postMessage({ source: 'cek-host', v: 1, widget: 'w2', type: 'lang', lang: 'id' }, origin);
  }, widget);
  await frameOf(page, 'widget-en').locator('#screen-heading', { hasText: 'Seberapa siap' }).waitFor();

  // ...but a page on a third origin, framed by the host, is ignored by both.
  const widgetFrame = await frame(page, 'widget-id');
  await recordMessages(widgetFrame);
  const before = await page.evaluate(() => window.cekEvents.length);
  await page.evaluate(() => window.addEventListener('message', (e) => { if (e.data === 'third-sent') window.__thirdSent = true; }));
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'third';
    f.title = 'Third origin';
    f.src = src;
    document.body.appendChild(f);
  }, `${third}/third.html`);
  // The third page reports back once it has sent its forged messages: the
  // loader (whose listener came first) has handled the forged event by then,
  // and the widget has once its own recorder saw the forged switch.
  await page.waitForFunction(() => window.__thirdSent === true);
  await sawMessage(widgetFrame, `${third} `);
  // Controls, sent after: the host's own configuration reaches the widget,
  // and the widget's own event reaches the loader. Only then can "the forged
  // ones changed nothing" be told from "not handled yet".
  await page.evaluate(([m, o]) => document.querySelector('#widget-id iframe').contentWindow.postMessage(m, o),
    [{ source: 'cek-host', v: 1, widget: 'w1', type: 'config', attributes: { 'org-name': 'Kontrol' } }, widget]);
  await w.locator('.brand .org', { hasText: 'Kontrol' }).waitFor();
  await widgetFrame.evaluate(() => parent.postMessage({ source: 'cek-siap-ekspor', v: 1, widget: 'w1', type: 'completed', level: 'kontrol', overall: 0, areas: {} }, '*'));
  await page.waitForFunction(() => window.cekEvents.some((e) => e.detail?.level === 'kontrol'));
  assert.equal(await w.locator('html').getAttribute('lang'), 'id', 'the widget ignored the language switch');
  const after = await page.evaluate(() => window.cekEvents.slice(0));
  assert.deepEqual(after.slice(before).map((e) => `${e.widget} ${e.type} ${e.detail.level}`), ['widget-id completed kontrol'],
    'the loader ignored the forged event; only the control came through');

  assert.deepEqual(await axeWithFrames(page, ['widget-id', 'widget-en'], 'host page with two widgets'), []);
  await ctx.close();
});

/** axe-core on a host page and the widgets inside it, as one run. */
async function axeWithFrames(page, ids, screen) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  for (const id of ids) await (await frame(page, id)).addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await bounded(page.evaluate(async () => (await axe.run(document, { iframes: true, runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations.map((v) => v.id)), 'axe-core', 30_000);
  console.log(`axe: ${screen}: ${violations.length} violations`);
  return violations;
}

test('a configuration brands the widget: organisation, theme colour, and "Hubungi kami" on the result', async () => {
  const { ctx, page, errors } = await hostPage(360);
  const w = frameOf(page, 'widget-id');
  await w.locator('.brand .org', { hasText: 'Dinas Perindag Provinsi (contoh)' }).waitFor();
  assert.equal(await w.locator('header.top').evaluate((h) => getComputedStyle(h).backgroundColor), 'rgb(122, 31, 31)');
  const en = frameOf(page, 'widget-en');
  await en.locator('.brand .org', { hasText: 'Provincial Trade Office' }).waitFor();
  // Straight to the result: answer everything with the first option.
  await w.getByRole('button', { name: 'Mulai' }).dispatchEvent('click');
  while (await w.locator('form.question').count()) {
    const heading = await w.locator('#screen-heading').textContent();
    await w.locator('label.option').first().dispatchEvent('click');
    await w.locator('form.question input:checked').first().waitFor({ state: 'attached' });
    await w.locator('form.question button[type=submit]').dispatchEvent('click');
    await w.locator('#screen-heading').filter({ hasNotText: heading }).waitFor();
  }
  await w.getByRole('button', { name: 'Lihat hasil' }).dispatchEvent('click');
  const contact = w.locator('.contact');
  await contact.locator('h2', { hasText: 'Hubungi kami' }).waitFor();
  assert.equal(await contact.getByRole('link', { name: /WhatsApp/ }).getAttribute('href'), 'https://wa.me/6281234567890');
  assert.equal(await contact.getByRole('link', { name: /Email/ }).getAttribute('href'), 'mailto:ekspor@contoh.go.id');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an invalid configuration says what is wrong, and the built-in bank still works; a custom bank is used', async () => {
  // Tall enough that no lazy iframe waits for a scroll.
  const { ctx, page, errors } = await hostPage(360, { url: configHost + '/host-config.html', widgets: 3, height: 4000, inject: true });
  const bad = frameOf(page, 'bad-file');
  const alert = bad.locator('.config-error');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /tidak valid/);
  assert.match(text, /theme_color: .*#ffcc00.*4,5/);
  assert.match(text, /contact\.whatsapp/);
  assert.match(text, /warna/);
  await bad.locator('.brand .org', { hasText: 'Dinas Contoh' }).waitFor(); // the valid part is kept
  await bad.getByRole('button', { name: 'Mulai' }).dispatchEvent('click');
  await bad.locator('.position', { hasText: /^Pertanyaan 1 dari \d+$/ }).waitFor();
  assert.match(await bad.locator('legend h1').textContent(), /Berapa hasil penjualan \(omzet\)/);

  const attr = frameOf(page, 'bad-attr');
  await attr.locator('.config-error', { hasText: /data-theme: .*#ffffff/ }).waitFor();

  const custom = frameOf(page, 'custom');
  await custom.locator('.brand .org', { hasText: 'Dinas Khusus' }).waitFor();
  await custom.getByRole('button', { name: 'Mulai' }).dispatchEvent('click');
  await custom.locator('legend h1', { hasText: 'bank khusus dinas' }).waitFor();
  assert.equal(await custom.locator('.config-error').count(), 0);
  assert.deepEqual(await axeWithFrames(page, ['bad-file', 'bad-attr', 'custom'], 'widgets with configuration errors'), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('when the configuration reader does not load, the widget says so and keeps the built-in questions; data-attributes need no reader', async () => {
  const { ctx, page, requests, errors } = await hostPage(360, { url: configHost + '/host-config.html', widgets: 3, height: 4000, block: '**/widget-pembaca-*_bg.wasm' });
  const unread = /Berkas konfigurasi dari situs ini belum bisa dibaca: pembaca konfigurasi widget tidak termuat\. Muat ulang halaman untuk mencoba lagi\./;
  for (const id of ['bad-file', 'custom']) {
    const w = frameOf(page, id);
    await w.locator('.config-error', { hasText: unread }).waitFor();
    assert.equal(await w.locator('.config-error li').count(), 0, id);
  }
  const custom = frameOf(page, 'custom');
  assert.equal(await custom.locator('.brand .org').count(), 0);
  await custom.getByRole('button', { name: 'Mulai' }).dispatchEvent('click');
  assert.match(await custom.locator('legend h1').textContent(), /Berapa hasil penjualan \(omzet\)/);
  // The widget with data-attributes read them itself, and asked for no reader.
  const attr = frameOf(page, 'bad-attr');
  await attr.locator('.config-error', { hasText: /data-theme: .*#ffffff/ }).waitFor();
  assert.equal(await attr.locator('.config-error', { hasText: unread }).count(), 0);
  assert.equal(requests.filter((u) => /\/widget-pembaca-[0-9a-f]{16}_bg\.wasm$/.test(u)).length, 2, 'one reader request per JSON file');
  // The only console errors are the two blocked downloads.
  assert.deepEqual(errors.filter((e) => !/net::ERR_CONNECTION_FAILED|Failed to load resource/.test(e)), []);
  await ctx.close();
});

test("a result from a widget with the host's own bank names the host on the owner's page, never read with our questions", async () => {
  const { ctx, page, errors } = await hostPage(360, { url: configHost + '/host-config.html', widgets: 3, height: 4000 });
  const custom = frameOf(page, 'custom');
  await custom.locator('.brand .org', { hasText: 'Dinas Khusus' }).waitFor();
  // Straight to the result: the first option everywhere (DOM clicks, as above).
  await custom.getByRole('button', { name: 'Mulai' }).dispatchEvent('click');
  while (await custom.locator('form.question').count()) {
    const heading = await custom.locator('#screen-heading').textContent();
    await custom.locator('label.option').first().dispatchEvent('click');
    await custom.locator('form.question input:checked').first().waitFor({ state: 'attached' });
    await custom.locator('form.question button[type=submit]').dispatchEvent('click');
    await custom.locator('#screen-heading').filter({ hasNotText: heading }).waitFor();
  }
  await custom.getByRole('button', { name: 'Lihat hasil' }).dispatchEvent('click');
  const link = await custom.locator('a[data-result-link]').getAttribute('href');
  assert.match(link, /#hasil=K2[0-9A-Za-z_-]+$/);
  // The host's bank is ours reworded (same structure): still refused.
  const owner = await ctx.newPage();
  await owner.goto(link);
  await owner.locator('.error[role=alert]').waitFor();
  assert.equal(
    (await owner.locator('.error[role=alert]').textContent()).trim(),
    'Hasil ini dibuat dengan pertanyaan milik Dinas Khusus (widget di situs mereka), bukan pertanyaan Cek Siap Ekspor di halaman ini. Buka hasil ini lewat situs Dinas Khusus.',
  );
  assert.equal(await owner.locator('.level-name').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a site not in frame-ancestors cannot frame the widget', async () => {
  // The same widget, served with an allow-list that names only go.id sites.
  const strict = await serve('dist', 0, '127.0.0.1', { frameAncestors: "'self' https://*.go.id" });
  const strictOrigin = `http://127.0.0.1:${strict.address().port}`;
  const hostStrict = await serve('demo', 0, 'localhost', { replace: { __WIDGET__: strictOrigin } });
  const ctx = await context(browser, { viewport: { width: 1280, height: 2000 } });
  const page = await ctx.newPage();
  const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await page.goto(`http://localhost:${hostStrict.address().port}/host.html`);
  assert.match((await refused).text(), /has been blocked|Refused to frame/);
  assert.equal(await page.evaluate(() => (window.cekEvents ?? []).length), 0, 'no widget spoke');
  await ctx.close();
  strict.close();
  hostStrict.close();
});
