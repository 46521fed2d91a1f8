// The exact level (tingkat) and next step (langkah berikutnya) of the owners
// with known answers, on the owner's page and on the shared result the link
// opens: the weakest and the strongest owner, two mixed ones, and the
// finished assessment the first release saved. Expectations come from the
// one table in e2e/owners.mjs, which tests/e2e_levels.rs keeps equal to what
// the core computes.
import assert from 'node:assert/strict';
import { test, before, after, start, phone, open, next } from './helpers.mjs';
import { OWNERS, answerAs } from './owners.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** What the result screen says: level (title and id) and next step (title and rule id). */
async function outcome(page) {
  await page.locator('.level-name').waitFor();
  const step = page.locator('.next-step');
  return {
    level: { id: await page.locator('.level-name').getAttribute('data-level'), title: (await page.locator('.level-name').textContent()).trim() },
    next: { id: await step.getAttribute('data-rule'), title: (await step.locator('h3').first().textContent()).trim() },
  };
}

// Each level's box and each bar of the chart take their colours from the
// level's and the band's data attributes (styles/app.css): a box or bar
// without its colour would read as another level or band.
const LEVEL_COLOURS = { dasar: 'rgb(138, 63, 0)', madya: 'rgb(11, 79, 138)', siap_ekspor: 'rgb(27, 110, 42)' };
const BAND_COLOURS = { low: 'rgb(179, 38, 30)', mid: 'rgb(154, 87, 0)', high: 'rgb(27, 110, 42)' };

async function assertColours(page, level) {
  const box = await page.locator('div.level').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(box, LEVEL_COLOURS[level], `the ${level} box's colour`);
  const bars = await page.locator('.chart rect.bar[data-band]').evaluateAll((rs) => rs.map((r) => [r.dataset.band, getComputedStyle(r).fill]));
  assert.ok(bars.length >= 4, `one bar per area, found ${bars.length}`);
  for (const [band, fill] of bars) assert.equal(fill, BAND_COLOURS[band], `a ${band} bar's colour`);
}

test('the table covers every level', () => {
  assert.deepEqual([...new Set(OWNERS.map((o) => o.level.title))].sort(), ['Dasar', 'Madya', 'Siap Ekspor']);
});

for (const who of OWNERS) {
  test(`${who.name} (${who.who}): tingkat ${who.level.title}, langkah berikutnya "${who.next.title}", also on the shared result`, async () => {
    const { page, ctx, errors } = await phone(env);
    await open(page, env.origin);
    await page.getByRole('button', { name: 'Mulai' }).click();
    await answerAs(page, who, next);
    await page.getByRole('button', { name: 'Lihat hasil' }).click();
    assert.deepEqual(await outcome(page), { level: who.level, next: who.next });
    await assertColours(page, who.level.id);

    // The link carries the answers: whoever opens it reads the same.
    const link = await page.locator('a[data-result-link]').getAttribute('href');
    const reader = await phone(env);
    await reader.page.goto(link);
    await reader.page.locator('#screen-heading', { hasText: 'Hasil yang dibagikan' }).waitFor();
    assert.deepEqual(await outcome(reader.page), { level: who.level, next: who.next });
    await assertColours(reader.page, who.level.id);
    assert.deepEqual([...errors, ...reader.errors], []);
    await reader.ctx.close();
    await ctx.close();
  });
}
