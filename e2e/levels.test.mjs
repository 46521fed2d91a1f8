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

    // The link carries the answers: whoever opens it reads the same.
    const link = await page.locator('a[data-result-link]').getAttribute('href');
    const reader = await phone(env);
    await reader.page.goto(link);
    await reader.page.locator('#screen-heading', { hasText: 'Hasil yang dibagikan' }).waitFor();
    assert.deepEqual(await outcome(reader.page), { level: who.level, next: who.next });
    assert.deepEqual([...errors, ...reader.errors], []);
    await reader.ctx.close();
    await ctx.close();
  });
}
