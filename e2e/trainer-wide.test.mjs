// Trainer mode as a trainer meets it in a workshop room: creating a workshop
// lands in its dashboard, and a filled workshop (30 participants with names as
// long as a code carries, e2e/fixtures/workshop-30.json, kept true by
// crates/core/tests/e2e_workshop.rs) uses a laptop's or projector's width with
// no sideways scroll at 1280x800, and still fits a 360 px phone.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test, before, after, start, phone, context, axeScreen, clipped, assertCspHolds } from './helpers.mjs';

const WORKSHOP = fileURLToPath(new URL('./fixtures/workshop-30.json', import.meta.url));
const LAPTOP = { width: 1280, height: 800 };
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** How far the page, and the participant table inside its frame, scroll sideways. */
async function sideways(page) {
  return page.evaluate(() => {
    const wrap = document.querySelector('.table-wrap');
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      table: wrap ? wrap.scrollWidth - wrap.clientWidth : null,
    };
  });
}

/** Imports the 30-participant workshop file and opens it; returns once its table is full. */
async function openFilledWorkshop(page) {
  await page.goto(env.origin + '/pelatih.html');
  await page.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  await page.setInputFiles('#w-import', WORKSHOP);
  await page.locator('.status', { hasText: 'File digabungkan: 30 peserta baru' }).waitFor();
  await page.getByRole('button', { name: /Buka: Pelatihan Ekspor Kerajinan/ }).click();
  await page.locator('#screen-heading', { hasText: 'Pelatihan Ekspor Kerajinan dan Pangan Olahan Nusa Tenggara Timur' }).waitFor();
  await page.locator('.total', { hasText: '30 peserta' }).first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 30);
}

test('a trainer who creates a workshop is in it, its dashboard shown and focused', async () => {
  const p = await phone(env);
  await p.page.goto(env.origin + '/pelatih.html');
  await p.page.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  await p.page.fill('#w-name', 'Klinik Ekspor Kopi Gayo');
  await p.page.fill('#w-place', 'Takengon');
  await p.page.keyboard.press('Enter');
  await p.page.locator('#screen-heading', { hasText: 'Klinik Ekspor Kopi Gayo' }).waitFor();
  assert.equal(await p.page.locator('.status').textContent(), 'Pelatihan dibuat: Klinik Ekspor Kopi Gayo');
  assert.equal(await p.page.locator('#paste').count(), 1, 'ready to add participants');
  assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'screen-heading');
  // It was saved: after a reload it is on the list, once.
  await p.page.reload();
  await p.page.getByRole('button', { name: 'Buka: Klinik Ekspor Kopi Gayo' }).waitFor();
  assert.equal(await p.page.getByRole('button', { name: 'Buka: Klinik Ekspor Kopi Gayo' }).count(), 1);
  await assertCspHolds(p.page, 'trainer page after creating a workshop');
  assert.deepEqual(p.errors, []);
  await p.ctx.close();
});

test('at 1280x800 a filled workshop has no sideways scroll; at 360 px only the table frame scrolls', async () => {
  const ctx = await context(env.browser, { viewport: LAPTOP, bypassCSP: true });
  const laptop = await phone(env, { context: ctx, inject: true });
  await openFilledWorkshop(laptop.page);
  assert.deepEqual(await sideways(laptop.page), { page: 0, table: 0 }, 'nothing scrolls sideways at 1280 px');
  // The summary and the table use the width: the two summary columns sit side by side.
  const columns = await laptop.page.evaluate(() => [...document.querySelectorAll('.dashboard > div')]
    .map((d) => Math.round(d.getBoundingClientRect().top)));
  assert.equal(columns.length, 2);
  assert.equal(columns[0], columns[1], 'the dashboard columns are side by side');
  const tableWidth = await laptop.page.evaluate(() => document.querySelector('.table-wrap').getBoundingClientRect().width);
  assert.ok(tableWidth > 1100, `the table uses the width (${tableWidth} px)`);
  assert.deepEqual(await clipped(laptop.page), []);
  assert.deepEqual(await axeScreen(laptop.page, 'trainer dashboard, 30 participants, 1280x800'), []);
  assert.deepEqual(laptop.errors, []);
  await ctx.close();

  const p = await phone(env, { inject: true });
  await openFilledWorkshop(p.page);
  const phoneScroll = await sideways(p.page);
  assert.equal(phoneScroll.page, 0, 'the page itself never scrolls sideways on a phone');
  assert.ok(phoneScroll.table > 0, 'on a phone the wide table scrolls inside its own focusable frame');
  const columns360 = await p.page.evaluate(() => [...document.querySelectorAll('.dashboard > div')]
    .map((d) => Math.round(d.getBoundingClientRect().left)));
  assert.equal(columns360[0], columns360[1], 'one column on a phone');
  assert.deepEqual(await clipped(p.page), []);
  assert.deepEqual(await axeScreen(p.page, 'trainer dashboard, 30 participants, 360 px'), []);
  assert.deepEqual(p.errors, []);
  await p.ctx.close();
});
