// Readable for everyone, in headless Chromium: text at 200% and page zoom at
// 200% on a 360 px phone lose nothing on any screen, reduced motion is
// respected, and axe-core finds nothing on the screens the other files don't
// cover (trainer mode's states, the notices, the English intro).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  test, before, after, context, assertCspHolds, brokenWords, start, phone, open, answer, answerAll, next, currentQuestion, foreign, cspViolations, PHONE,
  KEYS, seedStorage, clipped, axeScreen,
} from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// 6. 200% text, 200% zoom ----------------------------------------------------

/** Buttons, links, fields and labels that stick out of the screen sideways. */
async function outside(page, width) {
  return page.evaluate((width) => {
    const out = [];
    for (const el of document.querySelectorAll('button, a, input, select, textarea, label')) {
      if (el.closest('.visually-hidden') || !el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // The participants table scrolls sideways inside its own region, by design.
      let up = el.parentElement;
      let scrolls = false;
      for (; up && up !== document.body; up = up.parentElement) {
        const o = getComputedStyle(up).overflowX;
        if ((o === 'auto' || o === 'scroll') && up.scrollWidth > up.clientWidth) { scrolls = true; break; }
      }
      if (scrolls) continue;
      if (r.left < -0.5 || r.right > width + 0.5) {
        const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
        out.push(`${name} "${(el.textContent || el.value || '').trim().slice(0, 40)}" spans x ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      }
    }
    return out;
  }, width);
}

/**
 * The elements that make the page wider than `width`: each sticks out past
 * the right edge while its parent does not (the outermost culprits).
 */
async function widest(page, width) {
  return page.evaluate((width) => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const right = el.getBoundingClientRect().right;
      const parent = el.parentElement.getBoundingClientRect().right;
      if (right > width + 0.5 && parent <= width + 0.5) {
        const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
        out.push(`${name} "${(el.textContent || '').trim().slice(0, 40)}" reaches x ${Math.round(right)}`);
      }
    }
    return out;
  }, width);
}

/**
 * Elements with their own text whose font-size does not follow the root
 * font-size: measured in the page at 100% and 200%, then put back to 200%.
 */
async function unscaled(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    // Elements with their own text, and form controls that show text inside.
    const texts = [...document.querySelectorAll('body *')].filter((el) => el.checkVisibility()
      && (el.matches('input:not([type=radio]):not([type=checkbox]), select, textarea')
      || [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())));
    root.style.fontSize = '100%';
    const small = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
    root.style.fontSize = '200%';
    return texts.flatMap((el, i) => {
      const ratio = parseFloat(getComputedStyle(el).fontSize) / small[i];
      const name = (el.closest('svg') ? '[svg] ' : '') + el.tagName.toLowerCase() + [...el.classList].map((c) => '.' + c).join('');
      const what = el.id ? `${name}#${el.id}` : name;
      return ratio < 1.9 ? [`${what} "${el.textContent.trim().slice(0, 30)}" x${ratio.toFixed(2)}`] : [];
    });
  });
}

/**
 * Walks every kind of screen in a fresh context and returns, per screen,
 * what is wrong: sideways scrolling, clipped text, controls off the screen.
 * `text200` sets the root font size to 200% before the app's own scripts run.
 */
async function walk({ viewport, deviceScaleFactor, text200 = false }) {
  const ctx = await context(env.browser, { viewport, deviceScaleFactor, isMobile: true, hasTouch: true });
  const p = await phone(env, { context: ctx });
  const { page } = p;
  if (text200) {
    await ctx.addInitScript(() => {
      const big = () => { document.documentElement.style.fontSize = '200%'; };
      if (document.documentElement) big();
      else new MutationObserver((_, o) => { if (document.documentElement) { big(); o.disconnect(); } }).observe(document, { childList: true });
    });
  }
  const problems = [];
  const notScaling = new Set();
  const sizes = {};
  const check = async (screen) => {
    const { scrollWidth, innerWidth, body, h1 } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      body: parseFloat(getComputedStyle(document.body).fontSize),
      h1: parseFloat(getComputedStyle(document.querySelector('h1')).fontSize),
    }));
    sizes[screen] = { body, h1, innerWidth };
    // A phone browser zooms out to fit content wider than the screen
    // (innerWidth grows): as bad as scrolling sideways, and it undoes the zoom.
    if (innerWidth > viewport.width) problems.push(`${screen}: the browser zoomed out to fit ${innerWidth}px of content on a ${viewport.width}px screen`);
    if (scrollWidth > innerWidth) problems.push(`${screen}: the page scrolls sideways (${scrollWidth}px wide on a ${innerWidth}px screen)`);
    if (innerWidth > viewport.width || scrollWidth > innerWidth) {
      for (const w of await widest(page, viewport.width)) problems.push(`${screen}: wider than the screen: ${w}`);
    }
    for (const c of await clipped(page)) problems.push(`${screen}: clipped: ${c}`);
    for (const b of await brokenWords(page)) problems.push(`${screen}: a word broken across lines: ${b}`);
    for (const o of await outside(page, viewport.width)) problems.push(`${screen}: off the screen: ${o}`);
    if (text200) for (const u of await unscaled(page)) notScaling.add(`${screen}: ${u}`);
  };

  // The owner's screens, starting with a notice above the intro.
  await seedStorage(page, { [KEYS.v1]: 'not json at all' });
  await open(page, env.origin);
  await page.locator('main .notice').waitFor();
  await check('intro with a notice');
  await page.getByRole('button', { name: 'Mulai' }).click();
  await check('single-choice question');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.locator('form.question [role=alert]').waitFor();
  await check('missing-answer hint');
  await answer(page, 'omzet', 'usaha kecil');
  await next(page);
  while (!(await page.locator('form.question input[type=checkbox]').count())) {
    await page.locator('label.option').first().click();
    await next(page);
  }
  await page.locator('label.option').nth(0).click();
  await page.locator('label.option').nth(1).click();
  await check(`multi-choice question (${await currentQuestion(page)})`);
  await next(page);
  await answerAll(page);
  await check('review');
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();
  const unnamed = await page.locator('a[data-result-link]').getAttribute('href');
  await page.fill('#share-name', 'Abon Ikan Mama Yuli, Merauke');
  await page.waitForFunction((b) => document.querySelector('a[data-result-link]').getAttribute('href') !== b, unnamed);
  const link = await page.locator('a[data-result-link]').getAttribute('href');
  await check('result with chart and share panel');
  await page.getByRole('button', { name: 'Mulai dari awal' }).click();
  await page.locator('[role=alertdialog]').waitFor();
  // The question replaces its button: focus goes to the safe answer, and
  // back to the button when the owner keeps the answers.
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
  await page.waitForFunction(() => document.activeElement?.id === 'restart-no', null, { timeout: 5000 });
  assert.equal(await focused(), 'Batal');
  await check('restart confirmation');
  await page.getByRole('button', { name: 'Batal' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'restart', null, { timeout: 5000 });
  assert.equal(await focused(), 'Mulai dari awal');
  await page.goto(link);
  await page.locator('#screen-heading', { hasText: 'Hasil yang dibagikan' }).waitFor();
  await check('shared result');
  // Under the real CSP: nothing on the owner's pages so far broke it, and it
  // is really on for the shared result (an injected inline script is blocked).
  await assertCspHolds(page, 'shared result (#hasil=…)');

  // The trainer's screens.
  await page.goto(env.origin + '/pelatih.html');
  await page.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  await check('trainer page, no workshop yet');
  await page.fill('#w-name', 'Pelatihan Ekspor Kabupaten Merauke');
  await page.fill('#w-place', 'Merauke, Papua Selatan');
  await page.getByRole('button', { name: 'Buat pelatihan' }).click();
  // Creating it opens it.
  await page.locator('#paste').waitFor();
  await check('workshop without participants');
  await page.getByRole('button', { name: 'Kembali ke daftar pelatihan' }).click();
  await page.getByRole('button', { name: /Buka/ }).waitFor();
  await check('trainer page with a workshop');
  await page.getByRole('button', { name: /Buka/ }).click();
  await page.locator('#paste').waitFor();
  await page.fill('#paste', 'halo, ini bukan kode');
  await page.getByRole('button', { name: 'Tambahkan' }).click();
  await page.locator('.status', { hasText: 'Tidak ada kode' }).waitFor();
  await check('workshop with a paste error');
  await page.fill('#paste', link);
  await page.getByRole('button', { name: 'Tambahkan' }).click();
  await page.locator('tbody tr').waitFor();
  await check('workshop dashboard with a participant');
  await assertCspHolds(page, 'trainer dashboard with a participant');
  await page.getByRole('button', { name: 'Hapus pelatihan' }).click();
  await page.locator('[role=alertdialog]').waitFor();
  await check('delete confirmation');

  assert.deepEqual(p.errors, []);
  assert.deepEqual(await cspViolations(page), [], 'no CSP violations on any page of the walk');
  assert.deepEqual(foreign(p.requests, env.origin), []);
  await ctx.close();
  return { problems, notScaling: [...notScaling], sizes };
}

let normal;
test('at normal text size on a 360 px phone, every screen fits (the baseline for 200%)', async () => {
  normal = await walk({ viewport: PHONE, deviceScaleFactor: 2 });
  assert.deepEqual(normal.problems, []);
});

test('with text at 200% on a 360 px phone, every screen keeps all its text and controls', async () => {
  const big = await walk({ viewport: PHONE, deviceScaleFactor: 2, text200: true });
  // The text really got bigger: twice the size of the baseline run.
  assert.ok(normal, 'the baseline ran first');
  for (const [screen, s] of Object.entries(big.sizes)) {
    assert.equal(s.body, normal.sizes[screen].body * 2, `${screen}: body text doubles`);
    assert.equal(s.h1, normal.sizes[screen].h1 * 2, `${screen}: the heading doubles`);
  }
  // SVG chart labels are sized in px inside a viewBox: they scale with the
  // chart's width, not with the text size (reported, not asserted).
  const html = big.notScaling.filter((u) => !u.includes(': [svg] '));
  const svg = new Set(big.notScaling.filter((x) => !html.includes(x)).map((u) => u.slice(u.indexOf(': [svg] ') + 8)));
  for (const u of svg) console.log(`note: chart text that does not follow the text size: ${u}`);
  assert.deepEqual(html, [], 'all HTML text follows the text size');
  assert.deepEqual(big.problems, []);
});

test('at 200% page zoom on a 360 px phone (180 CSS px at 4x), every screen keeps all its text and controls', async () => {
  const zoom = await walk({ viewport: { width: PHONE.width / 2, height: PHONE.height / 2 }, deviceScaleFactor: 4 });
  assert.ok(normal, 'the baseline ran first');
  for (const [screen, s] of Object.entries(zoom.sizes)) {
    // Same CSS px on half the CSS width: twice as big on the glass.
    assert.equal(s.body, normal.sizes[screen].body, `${screen}: body text keeps its CSS size`);
  }
  assert.deepEqual(zoom.problems, []);
});

// 7. Reduced motion -----------------------------------------------------------

/** Every element (and ::before/::after) whose transition or animation takes time. */
async function moving(page) {
  return page.evaluate(() => {
    const secs = (list) => Math.max(...list.split(',').map((v) => {
      v = v.trim();
      if (v === 'auto') return 0;
      return v.endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v);
    }));
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(el, pseudo);
        const t = secs(s.transitionDuration);
        const a = secs(s.animationDuration);
        if (t > 0.00001 || a > 0.00001) out.push(`${el.tagName.toLowerCase()}${pseudo ?? ''}.${[...el.classList].join('.')} transition ${s.transitionDuration} animation ${s.animationDuration}`);
      }
    }
    return out;
  });
}

/** What moves on the page, and how the reduced-motion setting looks from inside it. */
async function lookAt(page) {
  return {
    moving: await moving(page),
    ...(await page.evaluate(() => ({
      matches: matchMedia('(prefers-reduced-motion: reduce)').matches,
      scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior,
      bodyTransition: getComputedStyle(document.body).transitionProperty,
    }))),
  };
}

/** The intro, a question and the result with `reducedMotion` emulated. */
async function motionOn(reducedMotion) {
  const ctx = await context(env.browser, { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, reducedMotion });
  const p = await phone(env, { context: ctx });
  const seen = {};
  await open(p.page, env.origin);
  seen.intro = await lookAt(p.page);
  await p.page.getByRole('button', { name: 'Mulai' }).click();
  await p.page.locator('form.question').waitFor();
  seen.question = await lookAt(p.page);
  // The result, reached in a second tab (the first tab's own progress is
  // removed first, or it would win).
  const r = await phone(env, { context: ctx });
  await seedStorage(r.page, { [KEYS.v2]: null });
  await open(r.page, env.origin);
  await r.page.getByRole('button', { name: 'Mulai' }).click();
  await answerAll(r.page);
  await r.page.getByRole('button', { name: 'Lihat hasil' }).click();
  await r.page.locator('.level-name').waitFor();
  seen.result = await lookAt(r.page);
  assert.deepEqual([...p.errors, ...r.errors], []);
  await ctx.close();
  return seen;
}

test('with reduced motion asked for, nothing on the intro, a question or the result moves or scrolls smoothly', async () => {
  const seen = await motionOn('reduce');
  for (const [screen, s] of Object.entries(seen)) {
    assert.equal(s.matches, true, `${screen}: the emulation is on`);
    assert.deepEqual(s.moving, [], `${screen}: nothing has a transition or animation`);
    assert.notEqual(s.scrollBehavior, 'smooth', `${screen}: scrolling is instant`);
    // The stylesheet's reduced-motion rule is what applies (transition: none).
    assert.equal(s.bodyTransition, 'none', `${screen}: the reduced-motion rule applies`);
  }
});

test('the motion the stylesheet declares is only what reduced motion switches off (control)', async () => {
  // Without reduce: the rule does not apply (transition-property is back to
  // its initial "all"), so the check above is not passing by accident.
  const seen = await motionOn('no-preference');
  for (const [screen, s] of Object.entries(seen)) {
    assert.equal(s.matches, false, `${screen}: the emulation is off`);
    assert.equal(s.bodyTransition, 'all', `${screen}: the reduced-motion rule does not apply`);
    // The app declares no transition or animation at all today (see the
    // stylesheet check below); when one is added, this list becomes its
    // positive control and the reduce test above its guard.
    assert.deepEqual(s.moving, [], `${screen}: motion found without reduce: update this control`);
  }

  const p = await phone(env);
  await open(p.page, env.origin);
  const css = await p.page.evaluate(() => {
    const found = [];
    const visit = (rules, media) => {
      for (const rule of rules) {
        // Style rules have cssRules too (nesting), so look at their style first.
        for (const prop of rule.style ?? []) {
          if (/^(transition|animation)/.test(prop) || prop === 'scroll-behavior') {
            found.push({ media, selector: rule.selectorText, prop, value: rule.style.getPropertyValue(prop), important: rule.style.getPropertyPriority(prop) });
          }
        }
        if (rule.cssRules) visit(rule.cssRules, rule.media ? rule.media.mediaText : media);
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules, '');
    return found;
  });
  const reduce = css.filter((d) => /prefers-reduced-motion:\s*reduce/.test(d.media));
  const elsewhere = css.filter((d) => !reduce.includes(d));
  assert.deepEqual(elsewhere.filter((d) => !(d.prop === 'scroll-behavior' && d.value !== 'smooth')), [],
    'no transition, animation or smooth scrolling is declared outside the reduced-motion rule');
  const declared = (prop) => reduce.find((d) => d.selector === '*' && d.prop === prop);
  assert.equal(declared('transition-duration')?.important, 'important');
  assert.equal(declared('animation-name')?.value, 'none');
  assert.equal(declared('transition-property')?.value, 'none');
  assert.equal(declared('scroll-behavior')?.value, 'auto');
  await p.ctx.close();
});

// 8. axe-core on the screens the other files don't cover ------------------------

test('axe-core finds no WCAG 2.1 AA violations in trainer mode\'s states, on the notices and on the English intro', async () => {
  const checked = {};
  const check = async (page, screen) => { checked[screen] = await axeScreen(page, screen); };

  const t = await phone(env, { inject: true });
  const trainer = t.page;
  await trainer.goto(env.origin + '/pelatih.html');
  await trainer.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  await check(trainer, 'trainer page, no workshop yet');
  for (const [name, place] of [['Pelatihan Ekspor Merauke', 'Merauke'], ['Klinik Ekspor Kupang', 'Kupang']]) {
    await trainer.fill('#w-name', name);
    await trainer.fill('#w-place', place);
    await trainer.getByRole('button', { name: 'Buat pelatihan' }).click();
    await trainer.locator('.status', { hasText: name }).waitFor();
    // Creating it opened it; back to the list for the next one.
    await trainer.getByRole('button', { name: 'Kembali ke daftar pelatihan' }).click();
  }
  assert.equal(await trainer.getByRole('button', { name: /Buka/ }).count(), 2);
  await check(trainer, 'trainer page with two workshops');
  await trainer.setInputFiles('#w-import', { name: 'pelatihan-rusak.json', mimeType: 'application/json', buffer: Buffer.from('{"format":1,"workshops":[') });
  await trainer.locator('.status', { hasText: 'Berkas' }).waitFor();
  await check(trainer, 'trainer page with an import error');
  await trainer.getByRole('button', { name: /Buka/ }).first().click();
  await trainer.fill('#paste', 'halo, ini bukan kode');
  await trainer.getByRole('button', { name: 'Tambahkan' }).click();
  await trainer.locator('.status', { hasText: 'Tidak ada kode' }).waitFor();
  await check(trainer, 'workshop with a paste error');
  await trainer.getByRole('button', { name: 'Kembali ke daftar pelatihan' }).click();
  await trainer.getByRole('button', { name: 'English' }).click();
  await trainer.locator('#screen-heading', { hasText: 'Trainer mode' }).waitFor();
  await check(trainer, 'trainer page in English with two workshops');
  await t.ctx.close();

  const u = await phone(env, { inject: true });
  await seedStorage(u.page, { [KEYS.workshops]: '{"format":1,"workshops":' });
  await u.page.goto(env.origin + '/pelatih.html');
  await u.page.locator('main [role=alert]').waitFor();
  await check(u.page, 'trainer page with the unreadable-workshops notice');
  await u.ctx.close();

  const o = await phone(env, { inject: true });
  await seedStorage(o.page, { [KEYS.v1]: 'not json at all ☕' });
  await open(o.page, env.origin);
  await o.page.locator('main .notice', { hasText: 'tidak bisa dibaca' }).waitFor();
  await check(o.page, 'intro with the could-not-read-progress notice');
  await o.ctx.close();

  // (The storage-unavailable notice is checked in resilience.test.mjs.)
  const e = await phone(env, { inject: true });
  await open(e.page, env.origin);
  await e.page.getByRole('button', { name: 'English' }).click();
  await e.page.locator('#screen-heading', { hasText: 'How ready is your business' }).waitFor();
  await check(e.page, 'intro in English');
  await e.ctx.close();

  for (const [screen, violations] of Object.entries(checked)) {
    assert.deepEqual(violations, [], `${screen}: ${JSON.stringify(violations)}`);
  }
});
