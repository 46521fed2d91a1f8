// The plan as a checklist and the owner's progress (issue 15), in headless
// Chromium with the real CSP and the page's clock set: the Merauke roaster
// ticks two steps on two days, updates her email answer from a ticked step
// and reads "Tingkat naik ke Madya", shares the plan with what is done,
// keeps it all through a reload and an app update, retakes the assessment
// weeks later and sees both results and the change. A corrupted saved
// checklist or history gives a notice and keeps the text in its backup key.
import assert from 'node:assert/strict';
import {
  test, before, after, context, bounded, phone, next, answerAll, foreign, cspViolations,
  PHONE, KEYS, seedStorage, axeScreen, redeployable, redeploy, installed, limitQuota,
} from './helpers.mjs';
import { owner, answerAs } from './owners.mjs';

const CHECKLIST = 'cek-siap-ekspor.langkah.v1';
const HISTORY = 'cek-siap-ekspor.riwayat.v1';
// The Merauke roaster's code once she has a business email (tests/history.rs).
const MERAUKE_WITH_EMAIL = 'K2GeYCXZNoFAAkxSCSUoiAgseASQAA6GgMdg';

let browser, origin, site, close;
before(async () => { ({ site, origin, browser, close } = await redeployable()); });
after(async () => { await close?.(); });

/** A phone in Jakarta's time zone, its clock at `when`. */
async function jakartaPhone(when, { inject = false } = {}) {
  const ctx = await context(browser, {
    viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, timezoneId: 'Asia/Jakarta', bypassCSP: inject,
  });
  await ctx.clock.setFixedTime(new Date(when));
  return phone({ browser, origin }, { context: ctx, inject });
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const tick = (page, step) => page.locator(`.tick[data-step="${step}"]`);
const text = async (locator) => (await locator.innerText()).trim();

/** The text of the WhatsApp message the share button opens. */
async function whatsapp(page) {
  const href = await page.locator('.share-actions a[href^="https://wa.me/"]').getAttribute('href');
  return new URL(href).searchParams.get('text');
}

test('an owner works through her plan over visits, updates an answer from a done step, and retakes later', async () => {
  const { page, ctx, requests, errors } = await jakartaPhone('2026-12-02T10:00:00+07:00');
  await installed(page, origin);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answerAs(page, owner('merauke'), next);
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();
  assert.equal(await page.locator('.level-name').getAttribute('data-level'), 'dasar');
  assert.equal(await page.locator('.next-step').getAttribute('data-rule'), 'email_usaha');
  // No earlier result yet: no progress section.
  assert.equal(await page.locator('.progress').count(), 0);

  // Visit 1 (2 December): she makes a business email and ticks the step.
  await tick(page, 'email_usaha').getByLabel('Sudah saya lakukan').check();
  assert.equal(await text(tick(page, 'email_usaha').locator('.done-on')), '✓ Sudah, 2 Desember 2026');
  assert.equal(await stored(page, CHECKLIST), 'langkah-selesai 1\nbank 2\nemail_usaha 2026-12-02\n');

  // Visit 2 (3 December): the tick is still there; she ticks a second step.
  await page.clock.setFixedTime(new Date('2026-12-03T09:00:00+07:00'));
  await page.reload();
  await page.locator('.level-name').waitFor();
  assert.ok(await tick(page, 'email_usaha').getByLabel('Sudah saya lakukan').isChecked());
  await tick(page, 'kirim_resmi_pertama').getByLabel('Sudah saya lakukan').check();
  assert.equal(await text(tick(page, 'kirim_resmi_pertama').locator('.done-on')), '✓ Sudah, 3 Desember 2026');
  assert.equal(await stored(page, CHECKLIST),
    'langkah-selesai 1\nbank 2\nemail_usaha 2026-12-02\nkirim_resmi_pertama 2026-12-03\n');

  // Ticking the email step offers her email answer: she updates it inline.
  await tick(page, 'email_usaha').getByRole('button', { name: 'Perbarui jawaban: Email' }).click();
  const panel = page.locator('.update-answer');
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'update-heading', 'focus moves to the panel');
  assert.equal(await text(panel.locator('legend')), 'Apakah Anda punya email untuk usaha?');
  const group = panel.getByRole('group');
  assert.ok(await group.getByRole('radio', { name: 'Belum punya email' }).isChecked(), 'her answer as it was');
  await group.getByRole('radio', { name: 'Ya, email khusus usaha' }).check();
  assert.equal(await text(panel.locator('.changed')), 'Tingkat naik ke Madya');
  assert.equal(await page.locator('.level-name').getAttribute('data-level'), 'madya');
  assert.equal(await page.locator('.next-step').getAttribute('data-rule'), 'kirim_resmi_pertama');
  await panel.getByRole('button', { name: 'Selesai' }).click();
  assert.equal(await panel.count(), 0);

  // The WhatsApp message and the printed page carry the plan with what is done.
  const message = await whatsapp(page);
  assert.ok(message.endsWith([
    '', '', 'Rencana saya:',
    '✓ Kirim sampel pertama lewat jalur resmi (sudah, 3 Desember 2026)',
    '☐ Pelajari aturan negara tujuan',
    '☐ Lihat betapa pendek jalan ekspor resmi',
    '☐ Pakai fasilitas yang meringankan biaya',
    '☐ Optimalkan konten agar ditemukan pembeli',
  ].join('\n')), message);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await text(page.locator('.next-step .done-on')), '✓ Sudah, 3 Desember 2026');
  assert.equal(await page.locator('.next-step .tick-box').isVisible(), false, 'no checkbox on paper');
  assert.match(await text(page.locator('.next-step')), /Kirim sampel pertama lewat jalur resmi[\s\S]*✓ Sudah, 3 Desember 2026/);
  await page.emulateMedia({ media: 'screen' });

  // An app update: announced, applied on tap, everything kept.
  redeploy(site);
  await bounded(page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update()), 'the update check');
  const banner = page.locator('.notice.update');
  await banner.waitFor();
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Perbarui' }).click()]);
  await page.locator('.level-name').waitFor();
  assert.equal(await page.locator('.level-name').getAttribute('data-level'), 'madya');
  assert.equal(await text(tick(page, 'kirim_resmi_pertama').locator('.done-on')), '✓ Sudah, 3 Desember 2026');

  // Weeks later (20 December) she takes the assessment again.
  await page.clock.setFixedTime(new Date('2026-12-20T08:00:00+07:00'));
  await page.getByRole('button', { name: 'Ulangi penilaian' }).click();
  await page.getByRole('button', { name: 'Mulai' }).waitFor();
  assert.equal(await stored(page, HISTORY), `riwayat 1\n2026-12-02 ${MERAUKE_WITH_EMAIL}\n`);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await answerAll(page);
  await page.getByRole('button', { name: 'Lihat hasil' }).click();
  await page.locator('.level-name').waitFor();

  const seeBoth = async () => {
    assert.equal(await text(page.locator('.dated')), 'Tanggal penilaian: 20 Desember 2026');
    const progress = page.locator('section.progress');
    assert.equal(await text(progress.locator('h2')), 'Kemajuan saya');
    assert.equal(await text(progress.locator('.since h3')), 'Dibanding hasil 2 Desember 2026');
    assert.equal(await text(progress.locator('.since-level')), 'Tingkat kesiapan: Madya → Madya');
    assert.equal(await text(progress.locator('.since-score')), 'Skor keseluruhan: 56 → 77 (+21)');
    assert.equal(await progress.locator('.since svg desc').textContent(),
      'Usaha & omzet: sebelumnya 87, sekarang 81, Produk: sebelumnya 59, sekarang 94, Literasi digital: sebelumnya 54, sekarang 65, '
      + 'Jalur & pengalaman ekspor: sebelumnya 0, sekarang 30, Pola pikir & kekhawatiran: sebelumnya 64, sekarang 98');
    const earlier = progress.locator('li.earlier');
    assert.equal(await earlier.count(), 1);
    assert.equal(await text(earlier.locator('h4')), '2 Desember 2026');
    assert.equal(await text(earlier.locator('.earlier-level')), 'Madya · 56 dari 100');
    assert.equal(await text(earlier.locator('.earlier-areas')),
      'Usaha & omzet 87 · Produk 59 · Literasi digital 54 · Jalur & pengalaman ekspor 0 · Pola pikir & kekhawatiran 64');
    // The step done on 3 December is still done in the new plan.
    assert.equal(await text(tick(page, 'kirim_resmi_pertama').locator('.done-on')), '✓ Sudah, 3 Desember 2026');
  };
  await seeBoth();
  await page.reload();
  await page.locator('.level-name').waitFor();
  await seeBoth();

  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests, origin), [], 'nothing leaves the phone');
  assert.deepEqual(await cspViolations(page), []);
  await ctx.close();
});

/** Saved progress of a finished result, as format 2 writes it. */
function finished(who, day) {
  return JSON.stringify({ format: 2, bank: 2, screen: 'result', from_review: false, answers: owner(who).answers, name: '', finished_on: day });
}

test('earlier results are deleted one by one or all at once, each after a confirmation that can be cancelled', async () => {
  const { page, ctx } = await jakartaPhone('2026-12-20T08:00:00+07:00');
  await seedStorage(page, {
    [KEYS.v2]: finished('first', '2026-12-20'),
    [HISTORY]: `riwayat 1\n2026-11-29 K1Eu0BriYwpJ-CCX_9IAAmtp13\n2026-12-02 ${MERAUKE_WITH_EMAIL}\n`,
  });
  await page.goto(origin + '/');
  const earlier = page.locator('li.earlier');
  await earlier.nth(1).locator('.earlier-level').waitFor();
  // Newest first; the first-release result is read with its own bank.
  assert.deepEqual(await earlier.locator('h4').allInnerTexts(), ['2 Desember 2026', '29 November 2026']);
  assert.equal(await text(earlier.nth(1).locator('.earlier-level')), 'Dasar · 1 dari 100');

  await earlier.nth(0).getByRole('button', { name: 'Hapus 2 Desember 2026' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Batal' }).click();
  assert.equal(await earlier.count(), 2, 'cancel keeps it');
  await earlier.nth(0).getByRole('button', { name: 'Hapus 2 Desember 2026' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, hapus' }).click();
  assert.deepEqual(await earlier.locator('h4').allInnerTexts(), ['29 November 2026']);
  assert.equal(await stored(page, HISTORY), 'riwayat 1\n2026-11-29 K1Eu0BriYwpJ-CCX_9IAAmtp13\n');

  await page.getByRole('button', { name: 'Hapus semua hasil sebelumnya' }).click();
  assert.equal(await text(page.getByRole('alertdialog').locator('p')),
    'Hapus semua hasil sebelumnya dari HP ini? Ini tidak bisa dibatalkan.');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Batal' }).click();
  assert.equal(await earlier.count(), 1);
  await page.getByRole('button', { name: 'Hapus semua hasil sebelumnya' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, hapus' }).click();
  assert.equal(await page.locator('section.progress').count(), 0);
  assert.equal(await stored(page, HISTORY), null);
  await ctx.close();
});

test('axe-core finds no WCAG 2.1 AA violations on the checklist, the update and my progress, in Indonesian and English', async () => {
  const { page, ctx } = await jakartaPhone('2026-12-20T08:00:00+07:00', { inject: true });
  await seedStorage(page, {
    [KEYS.v2]: finished('merauke', '2026-12-20'),
    [CHECKLIST]: 'langkah-selesai 1\nbank 2\nemail_usaha 2026-12-02\n',
    [HISTORY]: 'riwayat 1\n2026-11-29 K1Eu0BriYwpJ-CCX_9IAAmtp13\n',
  });
  await page.goto(origin + '/');
  await page.locator('li.earlier .earlier-level').waitFor();
  await tick(page, 'email_usaha').getByRole('button', { name: 'Perbarui jawaban: Email' }).click();
  await page.locator('.update-answer').waitFor();
  assert.deepEqual(await axeScreen(page, 'checklist, update and progress (id)'), []);
  await page.getByRole('button', { name: /^EN/ }).click();
  await page.locator('.update-answer h2', { hasText: 'Update my answer' }).waitFor();
  assert.equal(await text(tick(page, 'email_usaha').locator('.done-on')), '✓ Done, 2 December 2026');
  assert.equal(await text(page.locator('section.progress h2')), 'My progress');
  assert.deepEqual(await axeScreen(page, 'checklist, update and progress (en)'), []);
  await ctx.close();
});

for (const [what, key, bad, notice] of [
  ['checklist', CHECKLIST, 'langkah-selesai 1\nbank 2\nurus nib kemarin\n',
    'Daftar langkah yang sudah Anda lakukan tidak bisa dibaca, jadi dimulai kosong. Catatan lama disimpan terpisah di HP ini.'],
  ['earlier results', HISTORY, 'riwayat 1\n2026-02-30 K2GeYCXZ\n',
    'Hasil Anda sebelumnya tidak bisa dibaca, jadi daftarnya dimulai kosong. Catatan lama disimpan terpisah di HP ini.'],
]) {
  test(`a corrupted saved ${what} gives a notice and is kept in its backup key`, async () => {
    const { page, ctx, errors } = await jakartaPhone('2026-12-20T08:00:00+07:00');
    await seedStorage(page, { [KEYS.v2]: finished('merauke', '2026-12-20'), [key]: bad });
    await page.goto(origin + '/');
    await page.locator('.level-name').waitFor();
    const shown = page.locator('.notice[role=status] p').first();
    await shown.waitFor();
    assert.equal(await text(shown), notice);
    assert.equal(await stored(page, `${key}.unreadable`), bad, 'the raw text is kept');
    assert.equal(await stored(page, key), null);
    // The answers are untouched and the page still works.
    assert.equal(await page.locator('.level-name').getAttribute('data-level'), 'dasar');
    await tick(page, 'email_usaha').getByLabel('Sudah saya lakukan').check();
    assert.equal(await text(tick(page, 'email_usaha').locator('.done-on')), '✓ Sudah, 20 Desember 2026');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('when the browser stops saving, ticking and retaking say so with the storage notice, and nothing is cleared', async () => {
  const { page, ctx, errors } = await jakartaPhone('2026-12-20T08:00:00+07:00');
  await limitQuota(page);
  await seedStorage(page, { [KEYS.v2]: finished('merauke', '2026-12-20') });
  await page.goto(origin + '/');
  await page.locator('.level-name').waitFor();
  await page.evaluate(() => { window.__quotaFull = true; });
  const notice = page.locator('.notice[role=status] p').first();
  await tick(page, 'email_usaha').getByLabel('Sudah saya lakukan').check();
  assert.equal(await text(notice),
    'Browser ini tidak mengizinkan penyimpanan. Anda tetap bisa mengisi, tetapi jawaban hilang jika halaman ditutup.');
  assert.equal(await stored(page, CHECKLIST), null);
  await page.getByRole('button', { name: 'Tutup' }).click();
  await page.getByRole('button', { name: 'Ulangi penilaian' }).click();
  await notice.waitFor();
  assert.equal(await stored(page, HISTORY), null);
  assert.equal(await page.locator('.level-name').getAttribute('data-level'), 'dasar', 'still on her result: nothing cleared');
  assert.deepEqual(errors, []);
  await ctx.close();
});
