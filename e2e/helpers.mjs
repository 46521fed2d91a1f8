// Shared set-up for the end-to-end tests: serve the release build from dist/,
// drive Debian's Chromium through playwright-core at a phone's size, and
// record every request and console message so tests can assert on them.
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const PHONE = { width: 360, height: 740 };

// As root on a closed network: no sandbox, and no background traffic to hosts
// that can't be reached (see ../shared/TOOLCHAIN.md).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `dir` (the release build unless told), starts the browser; returns helpers and a `close()`. */
export async function start({ port = 0, dir = 'dist' } = {}) {
  const server = await serve(dir, port);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  return {
    origin,
    browser,
    async close() { await browser.close(); server.close(); },
  };
}

/**
 * A fresh phone-sized page that records requests and console errors.
 * `inject: true` lets a test add its own scripts (axe-core, jsQR), which the
 * app's CSP would rightly block; every other page runs under the real CSP.
 */
export async function phone(env, { context, inject = false } = {}) {
  const ctx = context ?? await env.browser.newContext({
    viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: inject,
  });
  const page = await ctx.newPage();
  // Every CSP violation the page reports, for tests to assert there are none.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { page, ctx, requests, errors };
}

/** Requests that went anywhere but the app's own origin. */
export function foreign(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
}

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
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result;
}

/** CSP violations the page reported so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__csp ?? []);
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
