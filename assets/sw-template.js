/* Cek Siap Ekspor service worker. scripts/sw.mjs writes the real sw.js from
 * this file at build time, filling in the build's version and its exact list
 * of files: nothing else is ever cached. The owner's page is precached; the
 * trainer page is cached on first use. Cache-first, so the app works with no
 * signal after the first visit. A new version waits until the app says the
 * user tapped "Perbarui" (never in the middle of anything). */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const FILES = __FILES__;
const PREFIX = 'cek-siap-ekspor-';
const CACHE = PREFIX + VERSION;
// Released question banks never change (banks/bank-vN.json), so one fetched
// for an old result is kept across app updates, in a cache of its own.
const BANKS = 'cek-bank-arsip';
const BANK_FILE = /^bank-v\d+\.pack\d+$/;

// Files whose names carry a hash of their content (trunk's -0123…cdef.wasm):
// whatever copy the HTTP cache holds is the right one, even on a host that
// sends no caching headers, so the precache takes it from there instead of
// downloading what the page has just downloaded. Other files are
// revalidated (a 304 costs no body).
const HASHED = __HASHED__; // scripts/hashed.mjs

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // index.html is the same file as './': stored once fetched, not fetched twice.
    await cache.addAll(PRECACHE.filter((f) => f !== 'index.html')
      .map((f) => new Request(f, { cache: HASHED.test(f) ? 'force-cache' : 'no-cache' })));
    const start = await cache.match('./');
    if (PRECACHE.includes('index.html') && start) await cache.put('index.html', start);
  })());
});

self.addEventListener('activate', (event) => {
  // Old versions' caches go once this one is in charge.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cek:update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const file = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (BANK_FILE.test(file) && FILES.includes(file)) {
    event.respondWith((async () => {
      const banks = await caches.open(BANKS);
      const hit = await banks.match(file);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) await banks.put(file, response.clone());
      return response;
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages are cached by path: "?embed=…" and "#hasil=…" don't make new copies.
    let hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (!hit && request.mode === 'navigate' && url.pathname.endsWith('/')) hit = await cache.match('index.html');
    if (hit) return hit;
    const response = await fetch(request);
    // A file of this build fetched for the first time (the trainer page):
    // keep it for offline use. Pages by path, without "?…".
    const path = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    if (response.ok && FILES.includes(path)) {
      await cache.put(request.mode === 'navigate' ? path : request, response.clone());
    }
    return response;
  })());
});
