// The owner's page on a cheap phone: bytes, Lighthouse, in-app timings and the
// offline second visit (issue 5). Serves the release build (dist/, `make
// build`) with brotli/gzip through scripts/serve.mjs on an ephemeral port and
// drives Debian's Chromium; nothing leaves localhost. A benchmark: it reports,
// it asserts nothing. Prints a readable table, then ONE JSON line (last line
// of stdout); progress goes to stderr.
//
//   node bench/bench.mjs [DIR]        (make bench-web; DIR defaults to dist)
//   BENCH_RUNS=3  runs of Lighthouse and of the Playwright visit (default 3)
//
// JSON keys (stable; times in ms, bytes in bytes, null when not measured):
//   v                      2, bumped if a key changes meaning (2: first_visit_bytes
//                          counted by the server; throttled, plain_host)
//   size.files[]           first-load files {file, raw, gzip, brotli} (scripts/size.mjs)
//   size.first_load        {raw, gzip, brotli} total of size.files
//   size.trainer_page      {raw, gzip, brotli} pelatih.html and what it loads
//   size.widget_page       {raw, gzip, brotli} embed.js, widget.html and what it loads
//   lighthouse.version     Lighthouse version; mobile preset, simulated throttling
//   lighthouse.runs        number of runs; every figure below is the median per metric
//   lighthouse.performance performance score 0-100
//   lighthouse.fcp_ms, lcp_ms, tbt_ms, tti_ms, cls, speed_index_ms
//   lighthouse.tti_reason  null, or why tti_ms is null
//   lighthouse.total_byte_weight  bytes transferred (the total-byte-weight audit)
//   lighthouse.samples     {performance: [...], lcp_ms: [...], ...} every run
//   lighthouse.warnings    Lighthouse's runWarnings and runtime errors, deduplicated
//   visit.runs, visit.cpu_slowdown (4), visit.viewport ("360x740")
//   visit.fcp_ms           the browser's own First Contentful Paint (a check on
//                          first_screen_ms)
//   visit.first_screen_ms  navigation start -> the first #screen-heading painted
//                          (static HTML in index.html, if any, counts)
//   visit.intro_ms         navigation start -> the app's own intro painted
//                          (#screen-heading rendered by the app, "Mulai" present)
//   visit.first_question_ms navigation start -> first question painted with an
//                          enabled input, "Mulai" tapped in-page the moment the
//                          app's intro was painted
//   visit.start_to_question_ms  that tap on "Mulai" -> first question painted
//   visit.app_fetch_ms     navigation start -> the loader starts fetching the
//                          app (its 'app-fetch' mark: after the first paint)
//   visit.app_started_ms   navigation start -> the app's wasm fetched, compiled
//                          and instantiated (the loader's 'app-started' mark;
//                          main() then renders in tasks of its own)
//   visit.next_question_median_ms, next_question_p90_ms
//                          tap on "Lanjut" (dispatched in the page) -> the next
//                          screen's heading text painted, over every question
//                          of every run, the last one (to the review screen)
//                          included; the answer is chosen, and rendered,
//                          before the timer starts
//   visit.next_question_count  how many transitions those figures cover
//   visit.questions        questions asked in one assessment
//   visit.result_screen_ms tap on "Lihat hasil" -> result screen (.level-name) painted
//   visit.first_visit_requests, first_visit_bytes
//                          responses and body bytes the server sent (as
//                          compressed on the wire, counted by scripts/serve.mjs)
//                          for the whole first visit, a service worker's
//                          precache included, until the worker is ready
//   plain_host             {runs, first_visit_requests, first_visit_bytes, problems}:
//                          the same from a server that sends no Cache-Control
//                          (a plain static host: serve.mjs `plain`)
//   throttled              {network, runs, first_screen_ms, intro_ms,
//                          first_question_ms, samples, problems}: the visit
//                          on a throttled connection (SLOW_NETWORK) besides
//                          the 4x CPU
//   visit.samples          {fcp_ms: [...], first_screen_ms, intro_ms, first_question_ms,
//                          start_to_question_ms, result_screen_ms} every run
//   visit.foreign_requests requests to anything but the local origin (should be [])
//   visit.problems         page errors, console errors and failed requests seen,
//                          each prefixed with its phase ("first visit: ",
//                          "offline visit: "), and any run's error
//   offline.first_screen_ms second visit (after the first completed the
//                          assessment) offline (scripts/offline.mjs: every
//                          request to the network refused too) and a reload:
//                          navigation start -> first #screen-heading painted
//   offline.app_screen_ms  same visit: the app's own screen painted
//   offline.service_worker true if a service worker was active before going offline
//   offline.reason         null, or why the figures are null (e.g. no service worker)
//   offline.samples        {first_screen_ms: [...], app_screen_ms: [...]}
//
//   machine                {cpus, loadavg_start, loadavg_end} (1-minute load
//                          average): on a shared 2-core machine, other work
//                          moves every time figure, Lighthouse's TBT most
//
// "Painted" = the DOM change, then requestAnimationFrame, then a task: the
// frame that shows it has been produced (the browser's FCP counts the frame
// being presented, a little later). All in-page times come from
// performance.now() inside the page, so CDP round trips are not counted.
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { serve } from '../scripts/serve.mjs';
import { setOffline } from '../scripts/offline.mjs';
import { sizeReport } from '../scripts/size.mjs';

const require = createRequire(import.meta.url);
// chrome-launcher as Lighthouse itself resolves it (its dependency, not ours).
const chromeLauncher = await import(pathToFileURL(
  createRequire(require.resolve('lighthouse/package.json')).resolve('chrome-launcher')).href);
const DIR = process.argv[2] ?? 'dist';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 360, height: 740 };
const CPU_SLOWDOWN = 4;
// As root on a closed network (see ../shared/TOOLCHAIN.md and e2e/helpers.mjs).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STEP_TIMEOUT = 30_000;
// The throttled visit: a slow mobile connection (Lighthouse's own simulated
// "slow 4G" is 1.6 Mbps down, 750 kbps up, 150 ms RTT).
const SLOW_NETWORK = { label: '1.6 Mbps, 150 ms RTT', down_kbps: 1600, up_kbps: 750, rtt_ms: 150 }; // a screen that never comes is an error, not a figure

const log = (...a) => console.error('bench:', ...a);

function median(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
function percentile(xs, p) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: no answer after ${ms} ms`)), ms); }),
  ]);
}

// ---------------------------------------------------------------- sizes
function sizes() {
  const r = sizeReport(DIR);
  return {
    files: r.files.filter((f) => f.first_load).map(({ file, raw, gzip, brotli }) => ({ file, raw, gzip, brotli })),
    first_load: r.first_load,
    trainer_page: r.trainer_page,
    widget_page: r.widget_page,
  };
}

// ---------------------------------------------------------------- server
/** Serves DIR like a static host and compresses every file once up front, so
 *  the first measured request doesn't pay for brotli quality 11. */
async function startServer(options = {}) {
  const server = await serve(DIR, 0, '127.0.0.1', options);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(br|gz)$/.test(name)) files.push(relative(DIR, p));
    }
  })(DIR);
  for (const f of files) {
    for (const enc of ['br', 'gzip']) {
      const res = await fetch(`${origin}/${f.split('/').map(encodeURIComponent).join('/')}`, { headers: { 'accept-encoding': enc } });
      await res.arrayBuffer();
    }
  }
  return { server, origin };
}

// ---------------------------------------------------------------- Lighthouse
async function lighthouseRuns(origin) {
  const version = require('lighthouse/package.json').version;
  const flags = ['--headless', ...ARGS];
  const runs = [];
  const warnings = new Set();
  for (let i = 0; i < RUNS; i++) {
    log(`lighthouse run ${i + 1}/${RUNS}`);
    const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: flags });
    try {
      // No config: Lighthouse's default, the mobile preset (Moto G Power
      // screen, simulated slow 4G and 4x CPU).
      const result = await lighthouse(`${origin}/`, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
      });
      const lhr = result.lhr;
      for (const w of lhr.runWarnings ?? []) warnings.add(String(w));
      if (lhr.runtimeError) warnings.add(`runtimeError ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const num = (id) => {
        const a = lhr.audits[id];
        if (a?.errorMessage) warnings.add(`${id}: ${a.errorMessage}`);
        return typeof a?.numericValue === 'number' ? a.numericValue : null;
      };
      const score = lhr.categories.performance?.score;
      runs.push({
        performance: typeof score === 'number' ? Math.round(score * 100) : null,
        fcp_ms: num('first-contentful-paint'),
        lcp_ms: num('largest-contentful-paint'),
        tbt_ms: num('total-blocking-time'),
        tti_ms: num('interactive'),
        cls: num('cumulative-layout-shift'),
        speed_index_ms: num('speed-index'),
        total_byte_weight: num('total-byte-weight'),
        has_tti_audit: 'interactive' in lhr.audits,
      });
    } finally {
      await chrome.kill();
    }
  }
  const keys = ['performance', 'fcp_ms', 'lcp_ms', 'tbt_ms', 'tti_ms', 'cls', 'speed_index_ms', 'total_byte_weight'];
  const out = { version, runs: runs.length };
  for (const k of keys) out[k] = k === 'cls' ? round(median(runs.map((r) => r[k])), 4) : round(median(runs.map((r) => r[k])), 0);
  out.tti_reason = out.tti_ms != null ? null
    : runs.some((r) => r.has_tti_audit)
      ? 'the interactive audit returned no value (see warnings)'
      : `Lighthouse ${version} has no "interactive" (TTI) audit`;
  out.samples = Object.fromEntries(keys.map((k) => [k, runs.map((r) => (k === 'cls' ? round(r[k], 4) : round(r[k], 0)))]));
  out.warnings = [...warnings];
  return out;
}

// ---------------------------------------------------------------- in the page
// Installed before any of the page's scripts on every navigation. Records, with
// performance.now() (0 = navigation start):
//   screen: the first #screen-heading painted (static HTML or the app);
//   app:    the app's own first screen painted: a #screen-heading node that
//           was not in the parsed HTML (the app renders its own; its first
//           render may come a task or two after TrunkApplicationStarted);
//   question (autoStart only): taps "Mulai" the moment the app's intro is
//           painted, then the first question painted with an enabled input.
function recorder(autoStart) {
  const b = (window.__bench = { screen: null, app: null, appText: null, tapped: null, question: null, error: null });
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  // Read late: a later init script may set __benchOffline (the offline visit
  // only records its first screens; it taps nothing).
  const auto = () => autoStart && !window.__benchOffline;
  let parsed = false; // DOMContentLoaded seen
  let staticNode = null; // the heading in the parsed HTML, if any
  let appSeen = false;
  let clicked = false;
  let screenPending = false;
  let questionPending = false;
  let resolve;
  b.done = new Promise((r) => { resolve = r; });
  const finish = () => { mo.disconnect(); resolve(); };

  function check() {
    const h = document.getElementById('screen-heading');
    if (h && !screenPending) {
      screenPending = true;
      afterPaint((t) => { b.screen = t; });
    }
    if (h && !appSeen && parsed && h !== staticNode) {
      appSeen = true;
      afterPaint((t) => {
        b.app = t;
        b.appText = document.getElementById('screen-heading')?.textContent ?? null;
        if (!auto()) { finish(); return; }
        const mulai = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Mulai');
        if (!mulai) { b.error = `no "Mulai" button on the app's first screen ("${b.appText}")`; finish(); return; }
        clicked = true;
        b.tapped = performance.now();
        mulai.click();
        check();
      });
    }
    if (clicked && !questionPending) {
      const input = document.querySelector('form.question input');
      if (input && !input.disabled) {
        questionPending = true;
        afterPaint((t) => { b.question = t; finish(); });
      }
    }
  }
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    staticNode = document.getElementById('screen-heading');
    parsed = true;
    check();
  });
}

/** In the page: chooses an answer if none, lets it render, then taps "Lanjut"
 *  and times until the heading's text changed and was painted. */
function stepInPage(timeout) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r(performance.now());
    ch.port2.postMessage(0);
  }));
  const until = (cond) => new Promise((ok, fail) => {
    if (cond()) { ok(); return; }
    const mo = new MutationObserver(() => { if (cond()) { mo.disconnect(); clearTimeout(timer); ok(); } });
    const timer = setTimeout(() => { mo.disconnect(); fail(new Error('the next screen never came')); }, timeout);
    mo.observe(document, { childList: true, subtree: true, characterData: true });
  });
  return (async () => {
    const form = document.querySelector('form.question');
    if (!form) return { done: true, heading: document.getElementById('screen-heading')?.textContent ?? null };
    const id = form.querySelector('input')?.name ?? null;
    if (!form.querySelector('input:checked')) {
      form.querySelector('label.option').click();
      await frame();
    }
    const before = document.getElementById('screen-heading')?.textContent;
    const submit = form.querySelector('button[type=submit]');
    const t0 = performance.now();
    submit.click();
    await until(() => document.getElementById('screen-heading')?.textContent !== before);
    const t1 = await frame();
    return { done: false, id, ms: t1 - t0 };
  })();
}

/** In the page: on the review screen, taps "Lihat hasil" and times the result screen. */
function resultInPage(timeout) {
  return new Promise((ok, fail) => {
    const button = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Lihat hasil');
    if (!button) { fail(new Error(`no "Lihat hasil" button on "${document.getElementById('screen-heading')?.textContent}"`)); return; }
    const painted = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok(performance.now() - t0);
      ch.port2.postMessage(0);
    });
    const t0 = performance.now();
    button.click();
    if (document.querySelector('.level-name')) { painted(); return; }
    const timer = setTimeout(() => { mo.disconnect(); fail(new Error('the result screen never came')); }, timeout);
    const mo = new MutationObserver(() => {
      if (document.querySelector('.level-name')) { mo.disconnect(); clearTimeout(timer); painted(); }
    });
    mo.observe(document, { childList: true, subtree: true });
  });
}

/** One whole visit on a new phone (empty caches). `server` counts what it
 *  sends; `network`, if given, throttles the connection (CDP). */
async function visit(browser, server, origin, run, network = null) {
  log(`visit run ${run + 1}/${RUNS}${network ? ` (${network.label})` : ''}`);
  const ctx = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const requests = [];
  const problems = [];
  // What the server sends for the whole first visit, the service worker's
  // precache included: counted by the server itself (a response the browser
  // takes from its HTTP cache costs nothing and is not counted).
  server.sent = { responses: 0, bytes: 0, bodies: [] };
  ctx.on('request', (r) => requests.push(r.url()));
  let phase = 'first visit';
  page.on('pageerror', (e) => problems.push(`${phase}: pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${phase}: console: ${m.text()}`); });
  ctx.on('requestfailed', (r) => problems.push(`${phase}: request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`.trim()));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: network.rtt_ms,
      downloadThroughput: (network.down_kbps * 1000) / 8, uploadThroughput: (network.up_kbps * 1000) / 8,
    });
  }
  const out = { problems };
  try {
    // First visit: intro, then "Mulai" tapped in the page as soon as it's painted.
    await page.addInitScript(recorder, true);
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await withTimeout(page.evaluate(() => window.__bench.done), STEP_TIMEOUT, 'first question');
    const first = await page.evaluate(() => ({
      ...window.__bench, done: undefined,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      fetch: performance.getEntriesByName('app-fetch')[0]?.startTime ?? null,
      started: performance.getEntriesByName('app-started')[0]?.startTime ?? null,
    }));
    if (first.error) throw new Error(first.error);
    Object.assign(out, {
      fcp_ms: first.fcp, first_screen_ms: first.screen, intro_ms: first.app, first_question_ms: first.question,
      start_to_question_ms: first.question - first.tapped,
      app_fetch_ms: first.fetch, app_started_ms: first.started,
    });

    // The whole assessment, one question at a time.
    out.steps = [];
    for (let guard = 0; guard < 100; guard++) {
      const s = await page.evaluate(stepInPage, STEP_TIMEOUT);
      if (s.done) {
        if (s.heading?.trim() !== 'Periksa jawaban Anda') throw new Error(`questions ended on "${s.heading}", not the review screen`);
        break;
      }
      out.steps.push(s);
    }
    // The last step lands on the review screen; it is a transition like the others.
    out.result_screen_ms = await page.evaluate(resultInPage, STEP_TIMEOUT);
  } catch (e) {
    out.error = e.message;
  }

  // Second visit, offline. Works only if something (a service worker) serves
  // the page without the network; otherwise null with the reason.
  out.offline = { first_screen_ms: null, app_screen_ms: null, service_worker: false, reason: null };
  try {
    const sw = await page.evaluate(async (timeout) => {
      if (!('serviceWorker' in navigator)) return { registered: 0, active: false };
      const regs = await navigator.serviceWorker.getRegistrations();
      if (!regs.length) return { registered: 0, active: false };
      const ready = await Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), timeout))]);
      return { registered: regs.length, active: ready };
    }, STEP_TIMEOUT);
    out.offline.service_worker = sw.active;
    out.first_visit_requests = server.sent.responses;
    out.first_visit_bytes = server.sent.bytes;
    await page.addInitScript(() => { window.__benchOffline = true; });
    await setOffline(ctx, true);
    phase = 'offline visit';
    try {
      await page.reload({ waitUntil: 'commit', timeout: STEP_TIMEOUT });
      await withTimeout(page.evaluate(() => window.__bench.done), STEP_TIMEOUT, 'offline first screen');
      const second = await page.evaluate(() => ({ screen: window.__bench.screen, app: window.__bench.app }));
      out.offline.first_screen_ms = second.screen;
      out.offline.app_screen_ms = second.app;
    } catch (e) {
      const why = sw.registered === 0 ? 'no service worker is registered' : sw.active ? 'a service worker is active' : 'a service worker is registered but never became active';
      out.offline.reason = `offline reload failed (${why}): ${e.message.split('\n')[0]}`;
    }
  } catch (e) {
    out.offline.reason = `offline visit not run: ${e.message.split('\n')[0]}`;
  }
  out.foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob|chrome-error|about):/.test(u));
  await ctx.close();
  return out;
}

async function visits(server, origin, plain) {
  const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
  const runs = [];
  const slow = [];
  const plainRuns = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, server, origin, i));
    for (let i = 0; i < RUNS; i++) slow.push(await visit(browser, server, origin, i, SLOW_NETWORK));
    for (let i = 0; i < RUNS; i++) plainRuns.push(await visit(browser, plain.server, plain.origin, i));
  } finally {
    await browser.close();
  }
  const slowOk = slow.filter((r) => !r.error);
  const throttled = {
    network: SLOW_NETWORK,
    runs: slow.length,
    first_screen_ms: round(median(slowOk.map((r) => r.first_screen_ms))),
    intro_ms: round(median(slowOk.map((r) => r.intro_ms))),
    first_question_ms: round(median(slowOk.map((r) => r.first_question_ms))),
    samples: { first_screen_ms: slow.map((r) => round(r.first_screen_ms)), first_question_ms: slow.map((r) => round(r.first_question_ms)) },
    problems: [...new Set(slow.flatMap((r) => [...(r.error ? [`error: ${r.error}`] : []), ...r.problems]))],
  };
  const plainHost = {
    runs: plainRuns.length,
    first_visit_requests: median(plainRuns.map((r) => r.first_visit_requests)),
    first_visit_bytes: median(plainRuns.map((r) => r.first_visit_bytes)),
    problems: [...new Set(plainRuns.flatMap((r) => [...(r.error ? [`error: ${r.error}`] : []), ...r.problems]))],
  };
  const ok = runs.filter((r) => !r.error);
  const steps = ok.flatMap((r) => r.steps.map((s) => s.ms));
  const col = (k) => runs.map((r) => round(r[k]));
  const problems = [...new Set(runs.flatMap((r) => [...(r.error ? [`error: ${r.error}`] : []), ...r.problems]))];
  const visitOut = {
    runs: runs.length,
    cpu_slowdown: CPU_SLOWDOWN,
    viewport: `${PHONE.width}x${PHONE.height}`,
    fcp_ms: round(median(ok.map((r) => r.fcp_ms))),
    first_screen_ms: round(median(ok.map((r) => r.first_screen_ms))),
    intro_ms: round(median(ok.map((r) => r.intro_ms))),
    first_question_ms: round(median(ok.map((r) => r.first_question_ms))),
    start_to_question_ms: round(median(ok.map((r) => r.start_to_question_ms))),
    app_fetch_ms: round(median(ok.map((r) => r.app_fetch_ms))),
    app_started_ms: round(median(ok.map((r) => r.app_started_ms))),
    next_question_median_ms: round(median(steps)),
    next_question_p90_ms: round(percentile(steps, 90)),
    next_question_count: steps.length,
    questions: ok.length ? median(ok.map((r) => r.steps.length)) : null,
    result_screen_ms: round(median(ok.map((r) => r.result_screen_ms))),
    first_visit_requests: median(runs.map((r) => r.first_visit_requests)),
    first_visit_bytes: median(runs.map((r) => r.first_visit_bytes)),
    samples: {
      fcp_ms: col('fcp_ms'), first_screen_ms: col('first_screen_ms'), intro_ms: col('intro_ms'),
      first_question_ms: col('first_question_ms'), start_to_question_ms: col('start_to_question_ms'),
      app_fetch_ms: col('app_fetch_ms'), app_started_ms: col('app_started_ms'),
      result_screen_ms: col('result_screen_ms'),
    },
    foreign_requests: [...new Set(runs.flatMap((r) => r.foreign))],
    problems,
  };
  const off = runs.map((r) => r.offline);
  const offFirst = off.map((o) => round(o.first_screen_ms));
  const offApp = off.map((o) => round(o.app_screen_ms));
  const offline = {
    first_screen_ms: round(median(offFirst)),
    app_screen_ms: round(median(offApp)),
    service_worker: off.some((o) => o.service_worker),
    reason: off.every((o) => o.first_screen_ms != null) ? null
      : [...new Set(off.map((o) => o.reason).filter(Boolean))].join('; ') || 'no first screen offline',
    samples: { first_screen_ms: offFirst, app_screen_ms: offApp },
  };
  return { visit: visitOut, offline, throttled, plainHost };
}

// ---------------------------------------------------------------- report
function table(r) {
  const rows = [];
  const kb = (b) => (b == null ? '-' : `${(b / 1024).toFixed(1)} KB`);
  const ms = (x) => (x == null ? '-' : `${Math.round(x)} ms`);
  rows.push(['first load (brotli)', kb(r.size.first_load.brotli), '<= 120 KB']);
  rows.push(['first load (gzip / raw)', `${kb(r.size.first_load.gzip)} / ${kb(r.size.first_load.raw)}`, '']);
  rows.push([`Lighthouse performance (median of ${r.lighthouse.runs})`, String(r.lighthouse.performance ?? '-'), '100']);
  rows.push(['Lighthouse FCP', ms(r.lighthouse.fcp_ms), '']);
  rows.push(['Lighthouse LCP', ms(r.lighthouse.lcp_ms), '<= 1500 ms']);
  rows.push(['Lighthouse TBT', ms(r.lighthouse.tbt_ms), '<= 50 ms']);
  rows.push(['Lighthouse TTI', ms(r.lighthouse.tti_ms), '']);
  rows.push(['Lighthouse total byte weight', kb(r.lighthouse.total_byte_weight), '']);
  rows.push([`first contentful paint (${r.visit.cpu_slowdown}x CPU)`, ms(r.visit.fcp_ms), '']);
  rows.push(['first screen painted', ms(r.visit.first_screen_ms), '']);
  rows.push(['  the loader starts fetching the app', ms(r.visit.app_fetch_ms), '']);
  rows.push(['  the app started (fetched, compiled, instantiated)', ms(r.visit.app_started_ms), '']);
  rows.push(['app intro painted', ms(r.visit.intro_ms), '']);
  rows.push(['first question visible', ms(r.visit.first_question_ms), '<= 1000 ms']);
  rows.push(['  of which "Mulai" -> first question', ms(r.visit.start_to_question_ms), '']);
  rows.push([`next question, median (n=${r.visit.next_question_count})`, ms(r.visit.next_question_median_ms), '<= 40 ms']);
  rows.push(['next question, p90', ms(r.visit.next_question_p90_ms), '']);
  rows.push(['"Lihat hasil" -> result screen', ms(r.visit.result_screen_ms), '']);
  rows.push([`first visit, bytes the server sent (${r.visit.first_visit_requests ?? '-'} responses)`, kb(r.visit.first_visit_bytes),
    `<= ${kb(1.15 * r.size.first_load.brotli)} (1.15x first load)`]);
  rows.push([`  the same from a plain static host (${r.plain_host.first_visit_requests ?? '-'} responses)`, kb(r.plain_host.first_visit_bytes), '']);
  rows.push([`throttled ${r.throttled.network.label}: first screen`, ms(r.throttled.first_screen_ms), '']);
  rows.push(['  app intro painted', ms(r.throttled.intro_ms), '']);
  rows.push(['  first question visible', ms(r.throttled.first_question_ms), '']);
  rows.push(['offline second visit, first screen', r.offline.first_screen_ms == null ? 'null' : ms(r.offline.first_screen_ms), '<= 500 ms']);
  const w = Math.max(...rows.map((x) => x[0].length)) + 2;
  console.log('first-load files'.padEnd(44) + 'raw'.padStart(10) + 'gzip'.padStart(10) + 'brotli'.padStart(10));
  for (const f of r.size.files) console.log(f.file.padEnd(44) + String(f.raw).padStart(10) + String(f.gzip).padStart(10) + String(f.brotli).padStart(10));
  console.log('');
  console.log('figure'.padEnd(w) + 'measured'.padStart(18) + '   target');
  for (const [a, b, c] of rows) console.log(a.padEnd(w) + b.padStart(18) + (c ? `   ${c}` : ''));
  console.log(`machine: ${r.machine.cpus} CPUs, 1-minute load average ${r.machine.loadavg_start} at start, ${r.machine.loadavg_end} at end`);
  if (r.lighthouse.tti_reason) console.log(`TTI: ${r.lighthouse.tti_reason}`);
  if (r.offline.reason) console.log(`offline: ${r.offline.reason}`);
  for (const w2 of r.lighthouse.warnings) console.log(`Lighthouse warning: ${w2}`);
  for (const p of r.visit.problems) console.log(`visit: ${p}`);
  for (const p of r.throttled.problems) console.log(`throttled visit: ${p}`);
  for (const p of r.plain_host.problems) console.log(`plain-host visit: ${p}`);
  if (r.visit.foreign_requests.length) console.log(`requests beyond localhost: ${r.visit.foreign_requests.join(' ')}`);
  console.log('');
}

process.env.CHROME_PATH = CHROME; // chrome-launcher reads it too
const loadStart = round(loadavg()[0], 2);
const size = sizes();
const { server, origin } = await startServer();
const plain = await startServer({ plain: true });
let report;
try {
  const lh = await lighthouseRuns(origin);
  const { visit: v, offline, throttled, plainHost } = await visits(server, origin, plain);
  const machine = { cpus: cpus().length, loadavg_start: loadStart, loadavg_end: round(loadavg()[0], 2) };
  report = { v: 2, size, lighthouse: lh, visit: v, offline, throttled, plain_host: plainHost, machine };
} finally {
  server.close();
  plain.server.close();
}
table(report);
console.log(JSON.stringify(report));
