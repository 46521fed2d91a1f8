// The origin and window checks of both sides of an embedded widget, each on
// its own, in headless Chromium with real servers on three origins: the
// widget (127.0.0.1:W), the host page (localhost:H) and a third site
// (127.0.0.1:T). Every test sends the forged message(s), waits until the
// receiving window has seen them, then sends a good message the same way
// and waits for its effect: only then is "the forged one changed nothing"
// asserted, so a check that stopped working fails here.
//
// The loader (assets/embed.js) takes a message only if (a) it comes from
// the widget's origin, (b) it is in the widget's format (source, v) for a
// widget it made, and (c) it comes from that widget's own iframe.
// The widget (src/ui/embed.rs) takes one only if it comes from the host's
// origin, from its parent window, in the host's format for this widget;
// and the host is the one the URL names only if the browser confirms it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { test, before, after, launch, context, recordMessages, sawMessage } from './helpers.mjs';

let browser, widget, host, third;
const servers = [];
const dirs = [];

/** Serves copies of `paths` (folders merged, single files beside them) on `hostname`; returns the origin. */
async function origin(hostname, paths, options) {
  const dir = mkdtempSync(join(tmpdir(), 'cek-origin-'));
  dirs.push(dir);
  for (const p of paths) cpSync(p, statSync(p).isDirectory() ? dir : join(dir, basename(p)), { recursive: true });
  const server = await serve(dir, 0, hostname, options);
  servers.push(server);
  return `http://${hostname}:${server.address().port}`;
}

before(async () => {
  // The widget's origin also serves an empty page, to send messages from a
  // window of that origin that is not the widget.
  widget = await origin('127.0.0.1', ['dist', 'e2e/fixtures/blank.html'], { frameAncestors: "'self' http://localhost:*" });
  host = await origin('localhost', ['e2e/fixtures', 'demo/host-log.js'], { replace: { __WIDGET__: widget } });
  third = await origin('127.0.0.1', ['e2e/fixtures/blank.html']);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The host page with two widgets (w1 in #one, w2 in #two), once both said `ready`. */
async function hostPage({ stall = null } = {}) {
  const ctx = await context(browser, { viewport: { width: 1280, height: 2000 }, reducedMotion: 'reduce' });
  // Requests that never get an answer, as on a stalled connection (a glob of URLs).
  if (stall) await ctx.route(stall, () => {});
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${host}/security-host.html`);
  await page.waitForFunction(() => (window.cekEvents ?? []).filter((e) => e.type === 'ready').length === 2);
  const frameOf = async (id) => (await page.locator(`#${id} iframe`).elementHandle()).contentFrame();
  return { ctx, page, errors, one: await frameOf('one'), two: await frameOf('two') };
}

/** Adds an iframe of `src` to the host page and returns its frame, loaded. */
async function addFrame(page, id, src) {
  await page.evaluate(([id, src]) => {
    const f = document.createElement('iframe');
    f.id = id;
    f.title = id;
    f.src = src;
    document.body.append(f);
  }, [id, src]);
  const f = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
  await f.waitForLoadState();
  return f;
}

// --- The loader, assets/embed.js ---------------------------------------------

/** A `completed` message in the widget's format, for w1; `level` tells the messages apart. */
const completed = (level, changes = {}) => ({ source: 'cek-siap-ekspor', v: 1, widget: 'w1', type: 'completed', level, overall: 0, areas: {}, ...changes });

/** `sender` (any frame) posts `message` to its parent, the host page. */
const postToHost = (sender, message) => sender.evaluate((m) => parent.postMessage(m, '*'), message);

/** The levels of the cek:completed events the host page got from w1. */
const completedLevels = (page) => page.evaluate(() => (window.cekEvents ?? [])
  .filter((e) => e.widget === 'one' && e.type === 'completed').map((e) => e.detail.level));

/** The control: the same message from w1's own iframe on the widget's origin becomes a cek:completed event. */
async function loaderTakes(page, one, level) {
  await postToHost(one, completed(level));
  await page.waitForFunction((l) => (window.cekEvents ?? []).some((e) => e.type === 'completed' && e.detail.level === l), level);
}

test('embed.js ignores a message from the widget\'s own iframe once it shows another origin (the origin check)', async () => {
  const { ctx, page, errors, one } = await hostPage();
  await recordMessages(page);
  // The widget's iframe navigated to a page of a third site: the message
  // comes from the right window (the iframe's), with the wrong origin.
  await one.goto(`${third}/blank.html`);
  await postToHost(one, completed('palsu-asal'));
  await sawMessage(page, 'palsu-asal');
  // Control: the same iframe back on the widget's origin, the same message.
  await one.goto(`${widget}/blank.html`);
  await loaderTakes(page, one, 'asli');
  assert.deepEqual(await completedLevels(page), ['asli']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('embed.js ignores a message from the widget\'s origin sent by another window (the window check)', async () => {
  const { ctx, page, errors, one, two } = await hostPage();
  await recordMessages(page);
  // The other widget's iframe says it is w1...
  await postToHost(two, completed('palsu-w2'));
  // ...and so does a page of the widget's origin in another iframe.
  const other = await addFrame(page, 'other', `${widget}/blank.html`);
  await postToHost(other, completed('palsu-lain'));
  await sawMessage(page, 'palsu-w2');
  await sawMessage(page, 'palsu-lain');
  await loaderTakes(page, one, 'asli');
  assert.deepEqual(await completedLevels(page), ['asli']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('embed.js ignores a message from the widget\'s own iframe that is not in the widget\'s format or names no widget of the page', async () => {
  const { ctx, page, errors, one } = await hostPage();
  await recordMessages(page);
  const forged = [
    completed('palsu-sumber', { source: 'cek-host' }),
    completed('palsu-versi', { v: 2 }),
    completed('palsu-versi-teks', { v: '1' }),
    completed('palsu-widget', { widget: 'w9' }),
    'palsu-teks',
  ];
  for (const m of forged) await postToHost(one, m);
  for (const n of ['palsu-sumber', 'palsu-versi', 'palsu-versi-teks', 'palsu-widget', 'palsu-teks']) await sawMessage(page, n);
  await loaderTakes(page, one, 'asli');
  assert.deepEqual(await completedLevels(page), ['asli']);
  assert.deepEqual(errors, [], 'an unknown widget id is ignored, not an error');
  await ctx.close();
});

// --- The widget, src/ui/embed.rs -----------------------------------------------

/** A language switch in the host's format for w1; `n` tells the messages apart. */
const switchLang = (n, changes = {}) => ({ source: 'cek-host', v: 1, widget: 'w1', type: 'lang', lang: 'en', n, ...changes });

/** The host page itself (w1's parent) posts `message` to w1, for the widget's origin. */
const fromHost = (page, message) => page.evaluate(([m, o]) => document.querySelector('#one iframe').contentWindow.postMessage(m, o), [message, widget]);

/**
 * The control: the host page itself (w1's parent, the host's origin) sends
 * w1 a configuration with an organisation name, which w1 then shows. Had a
 * forged language switch sent before it been taken, w1 would be in English
 * by now: messages and the app's updates are handled in order.
 */
async function widgetTakes(page, one, name) {
  await fromHost(page, { source: 'cek-host', v: 1, widget: 'w1', type: 'config', attributes: { 'org-name': name } });
  await one.locator('.brand .org', { hasText: name }).waitFor();
}

/** w1 still speaks Indonesian: the forged language switches changed nothing. */
async function stillIndonesian(one) {
  assert.equal(await one.locator('html').getAttribute('lang'), 'id');
  assert.match(await one.locator('#screen-heading').textContent(), /^Seberapa siap/);
}

test('the host\'s messages take effect in the order sent, while the widget reads a configuration file', async () => {
  const { ctx, page, errors, one } = await hostPage();
  // A file in English, then at once a switch to Indonesian: the reader is
  // still loading when the switch arrives, and the switch must still win.
  const file = (name) => JSON.stringify({ version: 1, organisation: { name }, language: 'en' });
  await fromHost(page, { source: 'cek-host', v: 1, widget: 'w1', type: 'config', json: file('Dinas Berkas') });
  await fromHost(page, switchLang('sesudah-berkas', { lang: 'id' }));
  await one.locator('.brand .org', { hasText: 'Dinas Berkas' }).waitFor();
  await stillIndonesian(one);
  // The control: a file alone does set the widget's language.
  await fromHost(page, { source: 'cek-host', v: 1, widget: 'w1', type: 'config', json: file('Dinas Kontrol') });
  await one.locator('.brand .org', { hasText: 'Dinas Kontrol' }).waitFor();
  await one.locator('html[lang="en"]').waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a configuration reader that never arrives holds the host\'s later messages for 20 s at most, then the widget says so', async () => {
  const { ctx, page, errors, one } = await hostPage({ stall: '**/widget-pembaca-*_bg.wasm' });
  const file = JSON.stringify({ version: 1, organisation: { name: 'Dinas Macet' } });
  const sent = Date.now();
  await fromHost(page, { source: 'cek-host', v: 1, widget: 'w1', type: 'config', json: file });
  await fromHost(page, switchLang('sesudah-macet', { lang: 'en' }));
  // The switch waits behind the file; once the read gives up, both apply.
  await one.locator('.config-error', {
    hasText: "The configuration file from this site could not be read: the widget's configuration reader did not load. Reload the page to try again.",
  }).waitFor({ timeout: 40000 });
  const waited = Date.now() - sent;
  console.log(`stalled reader: the widget gave up after ${waited} ms`);
  assert.ok(waited >= 19000, `not before the 20 s bound (${waited} ms)`);
  await one.locator('html[lang="en"]').waitFor();
  assert.equal(await one.locator('.brand .org').count(), 0, 'nothing of the unread file applied');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the widget ignores a message from the host\'s origin sent by a window that is not its parent (the parent check)', async () => {
  const { ctx, page, errors, one } = await hostPage();
  await recordMessages(one);
  // A sibling iframe and a popup, both on the host's origin.
  const sibling = await addFrame(page, 'sibling', `${host}/blank.html`);
  await sibling.evaluate(([m, o]) => parent.frames[0].postMessage(m, o), [switchLang('palsu-saudara'), widget]);
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((src) => { window.open(src); }, `${host}/blank.html`),
  ]);
  await popup.waitForLoadState();
  await popup.evaluate(([m, o]) => opener.frames[0].postMessage(m, o), [switchLang('palsu-popup'), widget]);
  await sawMessage(one, 'palsu-saudara');
  await sawMessage(one, 'palsu-popup');
  await widgetTakes(page, one, 'Kontrol Jendela');
  await stillIndonesian(one);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the widget ignores a message from its parent that is not in the host\'s format or is for another widget', async () => {
  const { ctx, page, errors, one } = await hostPage();
  await recordMessages(one);
  const forged = [
    switchLang('palsu-sumber', { source: 'cek-siap-ekspor' }),
    switchLang('palsu-versi', { v: 2 }),
    switchLang('palsu-widget', { widget: 'w2' }),
  ];
  for (const m of forged) await fromHost(page, m);
  for (const n of ['palsu-sumber', 'palsu-versi', 'palsu-widget']) await sawMessage(one, n);
  await widgetTakes(page, one, 'Kontrol Format');
  await stillIndonesian(one);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A message from the parent window always carries the parent's origin, and
// the widget confirmed its host as exactly that origin (ancestorOrigins), so
// inside an iframe "right window, wrong origin" can't happen: the parent
// can't change origin without unloading the widget with it. The origin
// check is exercised alone where the widget's "parent" is its own window:
// widget.html opened by a link, at the top level, where the host is
// confirmed by the referrer. The same three page-loads also exercise
// `confirm_host` alone (a claimed host the referrer does not confirm).

/**
 * Opens widget.html?embed=w1&host=CLAIMED from a link on `from`'s page (the
 * referrer), then the widget's own window posts it a language switch.
 */
async function openedByLink(from, claimed, n) {
  const ctx = await context(browser, { viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${from}/blank.html`);
  const href = `${widget}/widget.html?embed=w1&host=${encodeURIComponent(claimed)}&lang=id`;
  await Promise.all([
    page.waitForURL(/widget\.html/),
    page.evaluate((href) => { const a = document.createElement('a'); a.href = href; a.textContent = 'Cek'; document.body.append(a); a.click(); }, href),
  ]);
  await page.getByRole('button', { name: 'Mulai' }).waitFor();
  await recordMessages(page);
  await page.evaluate((m) => window.postMessage(m, '*'), switchLang(n));
  await sawMessage(page, n);
  return { ctx, page, errors };
}

test('control: a widget whose confirmed host is its own origin takes a message from its own window (so the two tests below can fail)', async () => {
  const { ctx, page, errors } = await openedByLink(widget, widget, 'echt');
  await page.locator('html[lang=en]').waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

for (const [name, from, claimed] of [
  ['a message whose origin is not the confirmed host, from the widget\'s "parent" (its own window at the top level) (the origin check)', () => host, () => host],
  ['a message when the host the URL names is not the one the referrer confirms (confirm_host)', () => third, () => widget],
]) {
  test(`the widget ignores ${name}`, async () => {
    const { ctx, page, errors } = await openedByLink(from(), claimed(), 'palsu');
    // What must come after it: the app's next update, from a click.
    await page.getByRole('button', { name: 'Mulai' }).click();
    await page.locator('form.question').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    assert.match(await page.locator('.position').textContent(), /^Pertanyaan 1 dari \d+$/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}
