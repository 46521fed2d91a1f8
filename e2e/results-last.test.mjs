// Results that last, in headless Chromium with the real CSP: every result
// code the first release wrote (tests/fixtures/codes-v1.json) opens on
// today's page with the level, next step and plan it showed then, fetching
// the frozen first bank only when a code needs it; offline before that bank
// was ever fetched, the owner is told so; a code from another
// organisation's own questions is named, never misread; and a trainer's
// workshop pairs a T0 on the first questions with a T1 on today's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  test, before, after, start, phone, open, installed, setOffline, answerAll, foreign, cspViolations, KEYS, seedStorage, axeScreen,
} from './helpers.mjs';

const golden = JSON.parse(readFileSync('crates/core/tests/fixtures/codes-v1.json', 'utf8'));
const other = JSON.parse(readFileSync('crates/core/tests/fixtures/code-other-organisation.json', 'utf8'));
// Today's bank: its version is what the page is built with.
const today = JSON.parse(readFileSync('crates/core/src/engine/bank.json', 'utf8'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A phone page under the real CSP (waits bounded by helpers.mjs). */
async function page() {
  return phone(env);
}

const bankRequests = (requests) => requests.filter((u) => /\/bank-v\d+\.pack\d+$/.test(new URL(u).pathname));

test('the build is a newer bank than the first release, so these tests cross a real update', () => {
  assert.equal(golden.bank_version, 1);
  assert.ok(today.version > 1, `bank.json is version ${today.version}`);
});

test('a first visit never downloads an old bank', async () => {
  const { page: p, ctx, requests } = await page();
  await open(p, env.origin);
  await p.getByRole('button', { name: 'Mulai' }).click();
  await p.locator('form.question').waitFor();
  assert.deepEqual(bankRequests(requests), []);
  await ctx.close();
});

test('every code of the first release opens as it was, with its version and day', async () => {
  const { page: p, ctx, requests, errors } = await page();
  for (const c of golden.codes) {
    // A new document for each code (a link opened from a chat), so each
    // fetches the first bank exactly once.
    await p.goto('about:blank');
    await p.goto(`${env.origin}/#hasil=${c.code}`);
    await p.locator('.level-name').waitFor();
    const level = await p.locator('.level-name').getAttribute('data-level');
    assert.equal(level, c.level, `${c.owner}: level`);
    assert.equal(await p.locator('.next-step').getAttribute('data-rule'), c.next_step, `${c.owner}: next step`);
    const rest = await p.locator('ol.plan li').evaluateAll((els) => els.map((e) => e.dataset.rule));
    assert.deepEqual(rest, c.plan.slice(1), `${c.owner}: plan`);
    assert.equal(
      (await p.locator('.older-questions').textContent()).trim(),
      'Hasil ini memakai pertanyaan versi 1, 28 November 2026.',
      `${c.owner}: says which questions`,
    );
    const title = (await p.locator('#screen-heading').textContent()).trim();
    assert.equal(title, c.name ? `Hasil yang dibagikan: ${c.name}` : 'Hasil yang dibagikan', `${c.owner}: title`);
  }
  assert.deepEqual(bankRequests(requests).map((u) => new URL(u).pathname), Array(golden.codes.length).fill('/bank-v1.pack1'),
    'the first bank is fetched for the old codes (once per page load)');
  assert.deepEqual(foreign(requests, env.origin), []);
  assert.deepEqual(await cspViolations(p), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('offline before the old bank was fetched: a plain message; once fetched, it opens offline too', async () => {
  const { page: p, ctx } = await page();
  await installed(p, env.origin);
  const code = golden.codes[0].code;
  await setOffline(ctx, true);
  await p.goto(`${env.origin}/#hasil=${code}`);
  await p.reload();
  await p.locator('.error[role=alert]').waitFor();
  assert.equal(
    (await p.locator('.error[role=alert]').textContent()).trim(),
    'Hasil ini memakai pertanyaan versi 1, yang perlu diunduh sekali. Sambungkan ke internet, lalu buka tautannya lagi.',
  );
  assert.equal(await p.locator('.level-name').count(), 0);
  // Back online, it opens; the service worker keeps the bank, so it opens
  // offline from then on.
  await setOffline(ctx, false);
  await p.reload();
  await p.locator('.level-name').waitFor();
  // Kept in a cache of its own, which a new version of the app leaves alone
  // (released banks never change), not in the version's cache.
  const kept = await p.evaluate(async () => {
    const keys = await (await caches.open('cek-bank-arsip')).keys();
    return keys.map((r) => new URL(r.url).pathname);
  });
  assert.deepEqual(kept, ['/bank-v1.pack1']);
  await setOffline(ctx, true);
  await p.reload();
  await p.locator('.level-name').waitFor();
  assert.equal(await p.locator('.level-name').getAttribute('data-level'), golden.codes[0].level);
  await ctx.close();
});

test("a code from another organisation's own questions is named, never read with ours", async () => {
  const { page: p, ctx, requests, errors } = await page();
  await p.goto(`${env.origin}/#hasil=${other.code}`);
  await p.locator('.error[role=alert]').waitFor();
  assert.equal(
    (await p.locator('.error[role=alert]').textContent()).trim(),
    `Hasil ini dibuat dengan pertanyaan milik ${other.organisation} (widget di situs mereka), bukan pertanyaan Cek Siap Ekspor di halaman ini. Buka hasil ini lewat situs ${other.organisation}.`,
  );
  assert.equal(await p.locator('.level-name').count(), 0, 'no answers read with the wrong questions');
  assert.deepEqual(bankRequests(requests), [], 'nothing to fetch for a bank we never released');
  assert.deepEqual(await cspViolations(p), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a trainer's workshop pairs a T0 on the first questions with a T1 on today's", async () => {
  const merauke = golden.codes.find((c) => c.owner === 'merauke coffee roaster');
  // The owner takes today's assessment again under the same name.
  const owner = await page();
  await open(owner.page, env.origin);
  await owner.page.getByRole('button', { name: 'Mulai' }).click();
  await answerAll(owner.page);
  await owner.page.getByRole('button', { name: 'Lihat hasil' }).click();
  await owner.page.locator('.level-name').waitFor();
  await owner.page.fill('#share-name', merauke.name);
  await owner.page.waitForFunction(() => document.querySelector('a[data-result-link]')?.getAttribute('href')?.length > 60);
  const link = await owner.page.locator('a[data-result-link]').getAttribute('href');
  const todayLevel = await owner.page.locator('.level-name').getAttribute('data-level');
  await owner.ctx.close();

  // The trainer kept the T0 from before the update.
  const trainer = await page();
  const stored = {
    format: 'cek-siap-ekspor/pelatihan', version: 1,
    workshops: [{ id: 'ws-merauke', name: 'Pelatihan Ekspor Merauke', place: 'Merauke', date: '2026-11-29',
      participants: [{ name: merauke.name, before: { code: merauke.code, added: '2026-11-29' } }] }],
  };
  await seedStorage(trainer.ctx, { [KEYS.workshops]: JSON.stringify(stored) });
  await trainer.page.goto(env.origin + '/pelatih.html');
  await trainer.page.getByRole('button', { name: /Buka/ }).click();
  await trainer.page.locator('tbody tr').waitFor();
  assert.equal(await trainer.page.locator('tbody tr td').last().textContent(), '1', 'T0 scored with version 1');
  await trainer.page.fill('#paste', link);
  await trainer.page.getByRole('button', { name: 'Tambahkan' }).click();
  await trainer.page.locator('.status', { hasText: '1 jadi data sesudah (T1)' }).waitFor();
  assert.equal(await trainer.page.locator('tbody tr').count(), 1);
  assert.equal(await trainer.page.locator('tbody tr td').last().textContent(), String(today.version));
  const titles = { dasar: 'Dasar', madya: 'Madya', siap_ekspor: 'Siap Ekspor' };
  const pair = trainer.page.locator('li', { hasText: `${merauke.name}:` });
  const text = (await pair.textContent()).trim();
  assert.ok(text.startsWith(`${merauke.name}: ${titles[merauke.level]} → ${titles[todayLevel]}. `), text);
  assert.ok(text.endsWith(`(T0 memakai pertanyaan versi 1, T1 versi ${today.version}: hanya skor area dan tingkat yang dibandingkan.)`), text);
  assert.deepEqual(await cspViolations(trainer.page), []);
  assert.deepEqual(trainer.errors, []);
  assert.deepEqual(foreign(trainer.requests, env.origin), []);
  await trainer.ctx.close();
});

test('the screens results that last add pass axe, in both languages', async () => {
  // axe-core is injected, so this page runs with the CSP bypassed: it
  // asserts accessibility only, never the CSP (the tests above do that).
  const { page: p, ctx } = await phone(env, { inject: true });
  await p.goto(`${env.origin}/#hasil=${golden.codes[4].code}`);
  await p.reload();
  await p.locator('.older-questions').waitFor();
  assert.deepEqual(await axeScreen(p, 'a first-release result on today\'s page'), []);
  await p.getByRole('button', { name: 'English' }).click();
  await p.locator('.older-questions', { hasText: 'This result uses the questions of version 1, 28 November 2026.' }).waitFor();
  assert.deepEqual(await axeScreen(p, 'a first-release result on today\'s page, in English'), []);
  await p.goto(`${env.origin}/#hasil=${other.code}`);
  await p.reload();
  await p.locator('.error[role=alert]').waitFor();
  assert.equal(
    (await p.locator('.error[role=alert]').textContent()).trim(),
    `This result was made with ${other.organisation}'s own questions (the widget on their site), not the Cek Siap Ekspor questions on this page. Open it from ${other.organisation}'s site.`,
  );
  assert.deepEqual(await axeScreen(p, "another organisation's result, in English"), []);
  await ctx.close();
});
