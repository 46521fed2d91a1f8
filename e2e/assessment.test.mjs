// The whole assessment in headless Chromium at 360x740, as an owner on a
// phone would do it: in Bahasa Indonesia, with a reload mid-way, a language
// switch, the keyboard only, and axe-core on every kind of screen.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import {
  test, before, after, context, start, phone, open, appReady, next, answerFirst, currentQuestion, seeLevel, foreign, axeScreen,
  assertCspHolds, PHONE,
} from './helpers.mjs';
import { owner, answerAs } from './owners.mjs';

let env;
before(async () => { env = await start(); mkdirSync('test-results', { recursive: true }); });
after(async () => { await env?.close(); });

async function noHorizontalScroll(page) {
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(width <= PHONE.width, `page is ${width}px wide on a ${PHONE.width}px screen`);
}

test('a new owner (Merauke) completes the assessment in Bahasa Indonesia and sees their level and next step', async () => {
  const { page, ctx, requests, errors } = await phone(env);
  await open(page, env.origin);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.match(await page.locator('#screen-heading').textContent(), /Seberapa siap usaha Anda/);
  await noHorizontalScroll(page);
  await page.screenshot({ path: 'test-results/intro.png', fullPage: true });

  await page.getByRole('button', { name: 'Mulai' }).click();
  assert.match(await page.locator('.position').textContent(), /^Pertanyaan 1 dari \d+$/);
  await page.screenshot({ path: 'test-results/question.png', fullPage: true });
  // Every question the table answers is asked, and no other (answerAs checks).
  const who = owner('merauke');
  await answerAs(page, who, next);
  assert.equal(await page.locator('#screen-heading').textContent(), 'Periksa jawaban Anda');
  await noHorizontalScroll(page);
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();

  assert.equal(await seeLevel(page), who.level.title);
  // Dated by the phone's clock, in words, so a printed result shows its day.
  const today = await page.evaluate(() => {
    const d = new Date();
    const bulan = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    return `${d.getDate()} ${bulan[d.getMonth()]} ${d.getFullYear()}`;
  });
  assert.equal(await page.locator('.dated').textContent(), `Tanggal penilaian: ${today}`);
  const step = page.locator('.next-step');
  assert.equal((await step.locator('h2').textContent()).trim(), 'Langkah berikutnya');
  assert.equal((await step.locator('h3').textContent()).trim(), who.next.title);
  assert.match(await step.locator('a').getAttribute('href'), /^https:\/\//);
  assert.equal(await page.locator('svg[role=img] rect').count() > 0, true);
  await noHorizontalScroll(page);
  await page.screenshot({ path: 'test-results/result.png', fullPage: true });

  // The strict CSP holds: no inline code or eval, and nothing was blocked.
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  await assertCspHolds(page, 'owner page, intro to result');
  assert.deepEqual(errors, []);
  assert.deepEqual(await ctx.cookies(), [], 'no cookies');
  assert.deepEqual(foreign(requests, env.origin), []);
  await ctx.close();
});

test('a reload mid-way resumes at the same question with the answers kept', async () => {
  const { page, ctx, errors } = await phone(env);
  await open(page, env.origin);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answerFirst(page, 3);
  const q = await currentQuestion(page);
  const position = await page.locator('.position').textContent();
  assert.match(position, /^Pertanyaan 4 dari/);

  await page.reload();
  await appReady(page);
  assert.equal(await currentQuestion(page), q);
  assert.equal(await page.locator('.position').textContent(), position);
  await page.getByRole('button', { name: 'Kembali' }).click();
  await page.locator('.position', { hasText: 'Pertanyaan 3 dari' }).waitFor();
  assert.equal(await page.locator('form.question input:checked').count(), 1, 'the earlier answer is still chosen');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('switching to English translates the current screen at once', async () => {
  const { page, ctx, errors } = await phone(env);
  await open(page, env.origin);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await page.locator('label.option').first().click();
  await next(page);
  const idText = await page.locator('legend h1').textContent();
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.position', { hasText: 'Question 2 of' }).waitFor();
  assert.notEqual(await page.locator('legend h1').textContent(), idText);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('button[type=submit]').textContent(), 'Next');
  await page.reload();
  await page.locator('.position', { hasText: 'Question 2 of' }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the keyboard alone completes the assessment, with focus always visible', async () => {
  const { page, ctx, errors } = await phone(env);
  await open(page, env.origin);
  await page.keyboard.press('Tab'); // skip "ID"/"EN" and reach Mulai
  while (!(await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Mulai'))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  let answered = 0;
  for (;;) {
    const q = await currentQuestion(page);
    if (!q) break;
    // Focus starts on the heading; Tab reaches the first choice.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-heading');
    await page.keyboard.press('Tab');
    const type = await page.evaluate(() => document.activeElement.type);
    assert.ok(type === 'radio' || type === 'checkbox', `focus is on a ${type}`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused choice shows a focus ring');
    if (type === 'radio') await page.keyboard.press('ArrowDown'); // arrows choose within the group
    else await page.keyboard.press('Space');
    const before = await page.locator('#screen-heading').textContent();
    await page.keyboard.press('Enter'); // submits the question's form
    await page.waitForFunction((b) => document.querySelector('#screen-heading')?.textContent !== b, before);
    answered++;
  }
  assert.ok(answered >= 20);
  assert.equal(await page.locator('#screen-heading').textContent(), 'Periksa jawaban Anda');
  while (!(await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Lihat hasil'))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.locator('.level-name').waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('axe-core finds no WCAG 2.1 AA violations on any kind of screen', async () => {
  const { page, ctx } = await phone(env, { inject: true });
  const checked = {};
  const check = async (name) => {
    checked[name] = await axeScreen(page, name);
  };
  // A notice first: unreadable saved progress (written once the app has
  // saved its own, so it isn't overwritten).
  await open(page, env.origin);
  await page.evaluate(() => localStorage.setItem('cek-siap-ekspor.progress.v2', 'not json'));
  await page.reload();
  await appReady(page);
  await page.locator('[role=status]').waitFor();
  await check('intro with notice');
  await page.getByRole('button', { name: 'Mulai' }).click();
  await check('single-choice question');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.locator('[role=alert]').waitFor();
  await check('question with missing-answer hint');
  // The hint stays with the question it was asked on: the next one (the
  // same screen, updated in place) starts without it.
  await page.locator('label.option').first().click();
  await next(page);
  assert.equal(await page.locator('form.question [role=alert]').count(), 0, 'no hint on the next question');
  let sawMulti = false;
  for (let guard = 0; guard < 60 && (await currentQuestion(page)); guard++) {
    if (!sawMulti && (await page.locator('input[type=checkbox]').count())) {
      await check('multi-choice question');
      sawMulti = true;
    }
    await page.locator('label.option').first().click();
    await next(page);
  }
  assert.ok(sawMulti);
  await check('review');
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();
  await check('result');
  await page.getByRole('button', { name: 'Mulai dari awal' }).click();
  await check('restart confirmation');
  await page.getByRole('button', { name: 'English' }).click();
  await check('result in English');
  for (const [screen, violations] of Object.entries(checked)) {
    assert.deepEqual(violations, [], `${screen}: ${JSON.stringify(violations)}`);
  }
  console.log(`axe-core: ${Object.keys(checked).length} screens checked, 0 violations`);
  await ctx.close();
});
