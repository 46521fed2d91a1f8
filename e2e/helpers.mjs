// Shared set-up for the end-to-end tests: serve the release build from dist/,
// drive Debian's Chromium through playwright-core at a phone's size, and
// record every request, console message and CSP violation so tests can
// assert on them.
//
// Every wait is bounded, structurally: tests and hooks come from here with a
// timeout, every browser context is made by `context()` with a short default
// timeout for actions, waits and navigations, and promises of our own go
// through `bounded()`/`until()`. A broken page fails in seconds, not when CI
// gives up. e2e/bounded.test.mjs checks that no file goes around this.
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export const PHONE = { width: 360, height: 740 };

/** How long any one action, wait or navigation may take. */
export const WAIT = 10_000;
/** How long one test may take at most: the longest takes about 15 s here, so a hung one fails in a minute and a half, not never. */
export const TEST_TIMEOUT = 90_000;

/** node:test's `test`, with a timeout unless the test gives its own. */
export function test(name, options, fn) {
  if (typeof options === 'function') [fn, options] = [options, {}];
  return nodeTest.test(name, { timeout: TEST_TIMEOUT, ...options }, fn);
}
/** node:test's `before`/`after` hooks, bounded the same way. */
export const before = (fn, options = {}) => nodeTest.before(fn, { timeout: 60_000, ...options });
export const after = (fn, options = {}) => nodeTest.after(fn, { timeout: 60_000, ...options });

/** Rejects if `promise` has not settled within `ms`: for waits playwright does not bound itself (evaluate, events of our own). */
export async function bounded(promise, what, ms = WAIT) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); });
  try { return await Promise.race([promise, late]); } finally { clearTimeout(timer); }
}

/** Polls a condition on the Node side until it holds, for at most `ms`. */
export async function until(condition, what, ms = WAIT) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// As root on a closed network: no sandbox, and no background traffic to hosts
// that can't be reached (see ../shared/TOOLCHAIN.md).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium, headless, through playwright-core. */
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, timeout: 30_000 });
}

/** Contexts made here, with whether they bypass the pages' CSP. */
const BYPASS = new WeakMap();

/**
 * The one way tests open a browser context: every action, wait and
 * navigation in it times out after `WAIT` unless a call says otherwise.
 */
export async function context(browser, options = {}) {
  const ctx = await browser.newContext(options);
  ctx.setDefaultTimeout(WAIT);
  ctx.setDefaultNavigationTimeout(WAIT);
  BYPASS.set(ctx, !!options.bypassCSP);
  return ctx;
}

/** Serves `dir` (the release build unless told), starts the browser; returns helpers and a `close()`. */
export async function start({ port = 0, dir = 'dist' } = {}) {
  const server = await serve(dir, port);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  return {
    origin,
    browser,
    server,
    async close() { await browser.close(); server.close(); },
  };
}

/**
 * A fresh phone-sized page that records requests, console errors and CSP
 * violations. `inject: true` lets a test add its own scripts (axe-core,
 * jsQR), which the app's CSP would rightly block; such a page can't say
 * anything about the CSP, so `cspViolations` refuses it. Every other page
 * runs under the real CSP. `serviceWorkers: 'block'` for a test that holds
 * a fetch with a page route, which a service worker's own fetches bypass.
 */
export async function phone(env, { context: given, inject = false, serviceWorkers = 'allow' } = {}) {
  const ctx = given ?? await context(env.browser, {
    viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: inject, serviceWorkers,
  });
  const page = await ctx.newPage();
  await recordCsp(page);
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !isCspControl(m.text())) errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { page, ctx, requests, errors };
}

// --- CSP ---------------------------------------------------------------------

/** The inline script `assertCspHolds` injects to see the CSP block it. */
const CONTROL_SCRIPT = 'window.__cekInlineRan = true;';
const CONTROL_HASH = createHash('sha256').update(CONTROL_SCRIPT).digest('base64');

/** Whether a console message is Chromium's report of that control being blocked (expected, not an error of the page). */
export function isCspControl(text) {
  return text.includes(`'sha256-${CONTROL_HASH}'`);
}

/** Per page: the CSP violations of every document and frame it has shown. */
const CSP = new WeakMap();

/**
 * Records every CSP violation the page reports, in any of its documents (a
 * navigation loses none) and frames, on the Node side. The page's context
 * must come from `context()`, so whether it bypasses CSP is known.
 */
export async function recordCsp(page) {
  if (!BYPASS.has(page.context())) throw new Error('make the context with context(), so its CSP setting is known');
  const list = [];
  CSP.set(page, { list, bypassed: BYPASS.get(page.context()) });
  await page.exposeBinding('__cekCsp', ({ frame }, v) => { list.push(`${frame.url()}: ${v}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__cekCsp(`${e.violatedDirective}: ${e.blockedURI}`));
  });
}

/** CSP violations reported so far by any document or frame of the page. */
export async function cspViolations(page) {
  const record = CSP.get(page);
  if (!record) throw new Error('this page does not record CSP violations: open it with phone() or recordCsp()');
  if (record.bypassed) throw new Error('this page bypasses the CSP (inject: true): "no CSP violations" there cannot fail; assert it on a page opened without inject');
  return [...record.list];
}

/**
 * The CSP holds on the page: no document or frame it showed reported a
 * violation, and (the control that the policy is really on) an inline
 * script injected now into `where` (the page or one of its frames) does not
 * run and is reported. The control's own report is then dropped.
 */
export async function assertCspHolds(page, what, where = page) {
  assert.deepEqual(await cspViolations(page), [], `${what}: no CSP violations`);
  const record = CSP.get(page);
  const ran = await where.evaluate((code) => {
    const s = document.createElement('script');
    s.textContent = code;
    document.head.append(s);
    s.remove();
    return window.__cekInlineRan === true;
  }, CONTROL_SCRIPT);
  assert.equal(ran, false, `${what}: an injected inline script ran, so no CSP is enforced here`);
  await until(() => record.list.length > 0, `${what}: the blocked inline script is reported`);
  const control = record.list.splice(0);
  assert.equal(control.length, 1, `${what}: one report, the control's: ${control.join('; ')}`);
  assert.match(control[0], /script-src(-elem)?: inline$/, `${what}: the control was blocked by script-src`);
}

// --- Messages between windows --------------------------------------------------

/**
 * Records the data of every message event the page's or frame's window
 * receives, from now on. Listeners run in the order they were added, so once
 * this recorder has seen a message, the app's own listener (added at start)
 * has already handled it: `sawMessage` is the point after which a message
 * that was ignored can be asserted to have had no effect.
 */
export async function recordMessages(where) {
  await where.evaluate(() => {
    window.__cekSeen = [];
    addEventListener('message', (e) => {
      let text;
      try { text = JSON.stringify(e.data); } catch { text = String(e.data); }
      window.__cekSeen.push(`${e.origin} ${text}`);
    });
  });
}

/** Waits until the recorder of `recordMessages` has seen a message containing `nonce`. */
export async function sawMessage(where, nonce) {
  await where.waitForFunction((n) => (window.__cekSeen ?? []).some((m) => m.includes(n)), nonce);
}

/** Requests that went anywhere but the app's own origin. */
export function foreign(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
}

// --- Updates: a site folder the tests redeploy into, as a static host would be.

/** Serves a copy of dist/ from a temporary folder and starts the browser; `redeploy(site)` then ships "build B". */
export async function redeployable() {
  const site = mkdtempSync(join(tmpdir(), 'cek-site-'));
  cpSync('dist', site, { recursive: true });
  const server = await serve(site, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  return { site, origin, browser, close: async () => { await browser.close(); server.close(); } };
}

/** Deploys build B into `site`: one page changed, so sw.js gets a new version. */
export function redeploy(site) {
  const index = join(site, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<!-- build B --></body>'));
  execFileSync('node', ['scripts/sw.mjs', site]);
  execFileSync('node', ['scripts/compress.mjs', site]);
}

/** Opens the app and waits until the service worker controls the page. */
export async function installed(page, origin) {
  await page.goto(origin + '/');
  await appReady(page);
  await bounded(page.evaluate(async () => { await navigator.serviceWorker.ready; }), 'the service worker is ready');
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await appReady(page);
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the service worker');
}

/** Takes the phone offline, or back online: the network refuses too. */
export { setOffline } from '../scripts/offline.mjs';

/** Opens the app and waits until it has replaced the static intro. */
export async function open(page, origin) {
  await page.goto(origin + '/');
  await appReady(page);
}

export async function appReady(page) {
  await page.locator('main#main:not([data-static]) #screen-heading').waitFor();
}

/** The id of the question on screen (the name of its inputs), or null. */
export async function currentQuestion(page) {
  const input = page.locator('form.question input').first();
  if (!(await input.count())) return null;
  return input.getAttribute('name');
}

/** Chooses the option whose label contains `text` on question `id`. */
export async function answer(page, id, text) {
  const q = await currentQuestion(page);
  if (q !== id) throw new Error(`expected question "${id}" on screen, found "${q}"`);
  await page.locator('label.option', { hasText: text }).first().click();
}

/** Clicks "Lanjut"/"Next" and waits for the next screen's heading. */
export async function next(page) {
  const before = await page.locator('#screen-heading').textContent();
  await page.locator('form.question button[type=submit]').click();
  await page.waitForFunction((b) => document.querySelector('#screen-heading')?.textContent !== b, before);
}

/** Answers the next `count` questions with their first option. */
export async function answerFirst(page, count) {
  for (let i = 0; i < count; i++) {
    await page.locator('label.option').first().click();
    await next(page);
  }
}

/**
 * Answers every question until the review screen: `choices` maps a question
 * id to the label text to choose (or an array of texts, for multi choice);
 * any other question gets its first option.
 */
export async function answerAll(page, choices = {}) {
  const seen = [];
  for (let guard = 0; guard < 60; guard++) {
    const q = await currentQuestion(page);
    if (!q) return seen;
    seen.push(q);
    const want = choices[q];
    const texts = want === undefined ? [] : Array.isArray(want) ? want : [want];
    if (texts.length === 0) {
      const first = page.locator('form.question input').first();
      if (!(await first.isChecked())) await page.locator('label.option').first().click();
    }
    for (const t of texts) await answer(page, q, t);
    await next(page);
  }
  throw new Error('the questions never ended');
}

export async function seeLevel(page) {
  return (await page.locator('.level-name').textContent()).trim();
}

/** Runs axe-core on the page; returns the violations (ids and targets). */
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await bounded(page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }), 'axe-core', 30_000);
  return result;
}

// --- Storage set-ups and layout checks shared by resilience.test.mjs and
// accessibility.test.mjs. ---

/** The keys the app keeps in localStorage (progress: v2 today, v1 from the first release). */
export const KEYS = {
  v1: 'cek-siap-ekspor.progress.v1',
  v2: 'cek-siap-ekspor.progress.v2',
  backup: 'cek-siap-ekspor.progress.unreadable',
  lang: 'cek-siap-ekspor.bahasa',
  workshops: 'cek-siap-ekspor.pelatihan.v1',
  workshopsBackup: 'cek-siap-ekspor.pelatihan.unreadable',
};

/**
 * Puts `entries` into localStorage before the page's own scripts run, once per
 * tab (a sessionStorage flag): a reload then shows what the app made of them
 * instead of seeding again. `target` is a page or a browser context; a null
 * value removes the key.
 */
export async function seedStorage(target, entries) {
  await target.addInitScript((seed) => {
    if (!location.protocol.startsWith('http') || sessionStorage.getItem('__seeded')) return;
    sessionStorage.setItem('__seeded', '1');
    for (const [key, value] of Object.entries(seed)) {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    }
  }, entries);
}

/** localStorage refuses every access, as with storage blocked or some private modes. */
export async function blockStorage(target) {
  await target.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError'); },
    });
  });
}

/**
 * localStorage.setItem throws QuotaExceededError while `window.__quotaFull` is
 * true (from the start when `full`); a test flips it to make the quota run out
 * mid-way. Reading keeps working, as in a full browser.
 */
export async function limitQuota(target, { full = false } = {}) {
  await target.addInitScript((startFull) => {
    window.__quotaFull = startFull;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__quotaFull && this === window.localStorage) {
        throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  }, full);
}

/** The saved progress: `{key, text, json}` of the v2 key if present, else v1, else null. */
export async function savedProgress(page) {
  const found = await page.evaluate((keys) => {
    for (const key of keys) {
      const text = localStorage.getItem(key);
      if (text !== null) return { key, text };
    }
    return null;
  }, [KEYS.v2, KEYS.v1]);
  if (!found) return null;
  let json = null;
  try { json = JSON.parse(found.text); } catch { /* left null: the caller asserts */ }
  return { ...found, json };
}

/** Runs axe-core and logs one line per screen, so a run lists what was checked. */
export async function axeScreen(page, screen) {
  const violations = await axe(page);
  console.log(`axe: ${screen}: ${violations.length} violations`);
  return violations;
}

/**
 * Buttons whose label breaks inside a word ("Uba" over "h"): the page lets
 * long words wrap anywhere (`overflow-wrap: anywhere` on body, for names
 * and addresses on a narrow screen), which a button squeezed by the text
 * beside it must not inherit. Each word of each visible button's label is a
 * range; a word on more than one line has more than one box.
 */
export async function brokenWords(page) {
  return page.evaluate(() => {
    const out = [];
    for (const button of document.querySelectorAll('button')) {
      if (!button.getClientRects().length) continue;
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = [...range.getClientRects()].filter((r) => r.width > 0).length;
          if (lines > 1) out.push(`"${m[0]}" on ${lines} lines in the button "${button.textContent.trim()}"`);
        }
      }
    }
    return out;
  });
}

/**
 * Elements whose content is cut off: overflow hidden or clip, and content
 * larger than the box. Form controls (their text scrolls inside by design)
 * and visually-hidden text (clipped on purpose) are left out.
 */
export async function clipped(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.visually-hidden') || el.matches('input, textarea, select, option, svg *')) continue;
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const hides = [s.overflowX, s.overflowY].some((o) => o === 'hidden' || o === 'clip');
      if (!hides) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
        out.push(`${name} "${(el.textContent ?? '').trim().slice(0, 40)}" content ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
      }
    }
    return out;
  });
}
