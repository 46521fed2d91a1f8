// The error screen after a panic. Only debug builds carry the trigger
// (#uji-panik), so this file serves the debug build in target/dist-debug
// (`make build-debug`) and checks that the release build in dist/ has none.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  test, before, after, start, phone, open, appReady, answer, next, currentQuestion, foreign, axeScreen, assertCspHolds,
} from './helpers.mjs';

const KEY = 'cek-siap-ekspor.progress.v2';
let debug;
before(async () => { debug = await start({ dir: 'target/dist-debug' }); });
after(async () => { await debug?.close(); });

/** Breaks the app the way a bug would: a panic inside a running callback. */
async function crash(page) {
  await page.evaluate(() => { location.hash = 'uji-panik'; });
  await page.locator('#crash').waitFor();
}

test('when the app breaks, the owner sees "Maaf, terjadi kesalahan" and "Muat ulang", and the saved answers survive', async () => {
  // Under the real CSP (no inject): the error screen must need nothing it forbids.
  const { page, ctx, requests, errors } = await phone(debug);
  await open(page, debug.origin);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answer(page, 'omzet', 'Rp2–15 miliar');
  await next(page);
  await answer(page, 'nib', 'Sudah');
  await next(page);
  const at = await currentQuestion(page);
  const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
  assert.match(saved, /"omzet":\["kecil"\]/);

  await crash(page);
  const screen = page.locator('#crash');
  const alert = screen.locator('[role=alert]');
  assert.equal(await alert.locator('h1').textContent(), 'Maaf, terjadi kesalahan');
  assert.match(await alert.locator('p').textContent(), /tetap aman/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Maaf, terjadi kesalahan',
    'focus is on the heading, so a screen reader starts there');
  assert.equal(await page.locator('main').count(), 1, 'nothing of the broken app is left on screen');
  // For developers: the panic's message and place, in the console.
  assert.ok(errors.some((e) => /Cek Siap Ekspor stopped: .*uji-panik: a deliberate panic/s.test(e)), errors.join('\n'));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), saved, 'saved answers untouched');

  // "Muat ulang" reloads the page (with the keyboard too), back at the same
  // question. The trigger is dropped from the address first, as a real
  // crash has none.
  await page.evaluate(() => { history.replaceState(null, '', location.pathname); });
  await page.getByRole('button', { name: 'Muat ulang' }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await appReady(page);
  assert.equal(await currentQuestion(page), at, 'back at the same question');
  await assertCspHolds(page, 'app, error screen and reload');
  assert.deepEqual(foreign(requests, debug.origin), []);
  assert.deepEqual(await ctx.cookies(), [], 'no cookies');
  await ctx.close();
});

test('axe-core finds no violations on the error screen', async () => {
  // Its own page: axe-core is injected, which needs the CSP bypassed.
  const { page, ctx } = await phone(debug, { inject: true });
  await open(page, debug.origin);
  await crash(page);
  assert.deepEqual(await axeScreen(page, 'error screen after a panic'), []);
  await ctx.close();
});

test('in English the error screen says "Sorry, something went wrong" and "Reload"', async () => {
  const { page, ctx } = await phone(debug);
  await open(page, debug.origin);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang=en]').waitFor();
  await crash(page);
  assert.equal(await page.locator('#crash h1').textContent(), 'Sorry, something went wrong');
  assert.equal(await page.locator('#crash button').textContent(), 'Reload');
  await ctx.close();
});

test('the release build carries no crash trigger', () => {
  const wasm = (dir) => readdirSync(dir).filter((n) => n.endsWith('.wasm') && !n.endsWith('.br'))
    .map((n) => readFileSync(`${dir}/${n}`));
  const has = (dir) => wasm(dir).some((bytes) => bytes.includes('uji-panik'));
  assert.ok(has('target/dist-debug'), 'control: the debug build has it');
  assert.ok(!has('dist'), 'no page of the release build has it');
});
