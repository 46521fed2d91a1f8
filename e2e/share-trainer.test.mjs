// Sharing and trainer mode in headless Chromium: three owners finish on their
// own phones and share links; a trainer pastes them, reads the dashboard and
// downloads the CSV. The QR on a result screen decodes back to its link, the
// printout is one A4 page, and nothing leaves the origin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, before, after, bounded, start, phone, open, answerAll, foreign, axeScreen, assertCspHolds } from './helpers.mjs';

const require = createRequire(import.meta.url);
let env;
const requests = [];
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** One owner's whole assessment; returns what their result screen says. */
async function finish(name, choices) {
  const p = await phone(env, { inject: true });
  await open(p.page, env.origin);
  await p.page.getByRole('button', { name: 'Mulai' }).click();
  await answerAll(p.page, choices);
  await p.page.getByRole('button', { name: 'Lihat hasil' }).click();
  await p.page.locator('.level-name').waitFor();
  await p.page.fill('#share-name', name);
  const link = await p.page.locator('a[data-result-link]').getAttribute('href');
  const level = (await p.page.locator('.level-name').textContent()).trim();
  const desc = await p.page.locator('.chart svg desc').textContent();
  const areas = [...desc.matchAll(/(\d+)(?:,|$)/g)].map((m) => Number(m[1]));
  requests.push(...p.requests);
  assert.deepEqual(p.errors, []);
  return { ...p, name, link, level, areas };
}

const owners = [
  ['Ibu Siti Abon', { omzet: 'Sampai Rp2 miliar', nib: 'Sudah punya' }],
  ['Pak Yohanis Kopi', { omzet: 'Rp2–15 miliar', nib: 'Belum' }],
  ['Mama Maria Tenun', { omzet: 'Sampai Rp2 miliar' }],
];

test('three owners share, a trainer pastes their links and sees the right dashboard and CSV', async () => {
  const done = [];
  for (const [name, choices] of owners) done.push(await finish(name, choices));
  for (const d of done) assert.match(d.link, new RegExp(`^${env.origin}/#hasil=`));
  assert.ok(done.every((d) => d.link.length < env.origin.length + 140), 'links are short');

  // The QR on the first result screen decodes back to the same link.
  const first = done[0].page;
  assert.deepEqual(await axeScreen(first, 'result with sharing'), []);
  await first.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  const decoded = await bounded(first.evaluate(async () => {
    const svg = document.querySelector('svg.qr-code');
    const xml = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(xml)));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, 400, 400);
    const data = ctx.getImageData(0, 0, 400, 400);
    // eslint-disable-next-line no-undef
    return jsQR(data.data, 400, 400)?.data ?? null;
  }), 'decoding the QR code');
  assert.equal(decoded, done[0].link);

  // WhatsApp gets a short Indonesian summary with the link.
  const wa = new URL(await first.getByRole('link', { name: /Bagikan ke WhatsApp/ }).getAttribute('href'));
  assert.equal(wa.host, 'wa.me');
  const text = wa.searchParams.get('text');
  assert.match(text, new RegExp(`tingkat ${done[0].level}`));
  assert.match(text, /Langkah berikutnya: /);
  assert.ok(text.endsWith(done[0].link));

  // Printed or saved as PDF, the result fits one A4 page.
  await first.emulateMedia({ media: 'print' });
  const pdf = await bounded(first.pdf({ format: 'A4', printBackground: true }), 'printing to PDF');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `the printout has ${pages} pages`);
  for (const d of done) await d.ctx.close();

  // The trainer creates a workshop and pastes a WhatsApp chat with the links.
  const t = await phone(env, { inject: true });
  const trainer = t.page;
  await trainer.goto(env.origin + '/pelatih.html');
  await trainer.locator('#screen-heading', { hasText: 'Mode pelatih' }).waitFor();
  await trainer.fill('#w-name', 'Pelatihan Ekspor Merauke');
  await trainer.fill('#w-place', 'Merauke');
  await trainer.getByRole('button', { name: 'Buat pelatihan' }).click();
  // Creating it opens it: no "Buka" to find.
  await trainer.locator('#screen-heading', { hasText: 'Pelatihan Ekspor Merauke' }).waitFor();
  const chat = done.map((d, i) => `[10.0${i}] ${d.name}: ini hasil saya ${d.link} terima kasih`).join('\n');
  await trainer.fill('#paste', chat);
  await trainer.getByRole('button', { name: 'Tambahkan' }).click();
  await trainer.locator('.status', { hasText: '3 peserta ditambahkan' }).waitFor();

  // The same dashboard under the real CSP (the page above bypasses it for
  // axe-core and jsQR): filled, it breaks nothing, and the CSP is on.
  const c = await phone(env);
  await c.page.goto(env.origin + '/pelatih.html');
  await c.page.fill('#w-name', 'Pelatihan Ekspor Merauke');
  await c.page.getByRole('button', { name: 'Buat pelatihan' }).click();
  await c.page.locator('#screen-heading', { hasText: 'Pelatihan Ekspor Merauke' }).waitFor();
  await c.page.fill('#paste', chat);
  await c.page.getByRole('button', { name: 'Tambahkan' }).click();
  await c.page.locator('.status', { hasText: '3 peserta ditambahkan' }).waitFor();
  assert.equal(await c.page.locator('tbody tr').count(), 3);
  await assertCspHolds(c.page, 'trainer dashboard with three participants');
  assert.deepEqual(c.errors, []);
  await c.ctx.close();

  // Participants per level match what each owner saw.
  for (const level of ['Dasar', 'Madya', 'Siap Ekspor']) {
    const expected = done.filter((d) => d.level === level).length;
    const shown = await trainer.locator('.counts li', { hasText: level }).locator('.n').textContent();
    assert.equal(Number(shown), expected, `${level} count`);
  }
  // Averages per area match the owners' own area scores.
  const avgDesc = await trainer.locator('.chart svg desc').textContent();
  const averages = [...avgDesc.matchAll(/(\d+)(?:,|$)/g)].map((m) => Number(m[1]));
  const expectedAvg = done[0].areas.map((_, i) => Math.round(done.reduce((s, d) => s + d.areas[i], 0) / done.length));
  assert.deepEqual(averages, expectedAvg);
  // Pak Yohanis has no NIB: the blocker list says so.
  await trainer.locator('li', { hasText: /1 dari 3: Belum punya NIB/ }).waitFor();
  assert.equal(await trainer.locator('tbody tr').count(), 3);

  // Sorting by score puts the highest first; the shortlist filter narrows.
  assert.deepEqual(await axeScreen(trainer, 'trainer dashboard with three owners'), []);
  await trainer.getByRole('button', { name: 'Skor', exact: true }).click();
  const scores = async () => (await trainer.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
  const sorted = await scores();
  const direction = await trainer.locator('th[aria-sort]:not([aria-sort=none])').getAttribute('aria-sort');
  const expectedOrder = [...sorted].sort((a, b) => (direction === 'descending' ? b - a : a - b));
  assert.deepEqual(sorted, expectedOrder, `scores ${direction}`);
  await trainer.getByText('Belum punya NIB', { exact: true }).click();
  await trainer.locator('.total[role=status]', { hasText: 'Ditampilkan: 2 dari 3' }).waitFor();
  assert.equal(await trainer.locator('tbody tr').count(), 2);
  assert.equal(await trainer.locator('tbody tr', { hasText: 'Pak Yohanis Kopi' }).count(), 0);
  await trainer.getByText('Belum punya NIB', { exact: true }).click();

  // Without a camera API, scanning says so and offers the alternatives.
  const canScan = await trainer.evaluate(() => 'BarcodeDetector' in window);
  if (!canScan) {
    await trainer.getByRole('button', { name: /Pindai QR/ }).click();
    await trainer.locator('.scanner [role=status]', { hasText: 'belum bisa memindai QR' }).waitFor();
  }

  // The same link again is recognised as a duplicate.
  await trainer.fill('#paste', done[1].link);
  await trainer.getByRole('button', { name: 'Tambahkan' }).click();
  await trainer.locator('.status', { hasText: '1 sudah ada' }).waitFor();
  assert.equal(await trainer.locator('tbody tr').count(), 3);

  // The CSV opens in Excel (Indonesian locale) and Google Sheets.
  const [download] = await Promise.all([
    trainer.waitForEvent('download'),
    trainer.getByRole('button', { name: /Unduh CSV/ }).click(),
  ]);
  const csv = readFileSync(await bounded(download.path(), 'the CSV download'), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 BOM');
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 4, 'a header and one row per participant');
  assert.match(lines[0], /^Nama;Tingkat;Skor;/);
  for (const d of done) {
    const row = lines.find((l) => l.startsWith(d.name + ';'));
    assert.ok(row, `a row for ${d.name}`);
    assert.equal(row.split(';')[1], d.level);
  }

  // Ibu Siti takes it again after mentoring: her new result becomes T1.
  const later = await finish('Ibu Siti Abon', { omzet: 'Rp2–15 miliar', nib: 'Sudah punya' });
  await later.ctx.close();
  await trainer.fill('#paste', later.link);
  await trainer.getByRole('button', { name: 'Tambahkan' }).click();
  await trainer.locator('.status', { hasText: '1 jadi data sesudah (T1)' }).waitFor();
  await trainer.locator('h3', { hasText: 'Sebelum dan sesudah' }).waitFor();
  await trainer.locator('li', { hasText: 'Ibu Siti Abon' }).first().waitFor();
  assert.equal(await trainer.locator('tbody tr').count(), 3);

  // The workshop survives a reload, and deleting it asks first.
  await trainer.reload();
  await trainer.getByRole('button', { name: /Buka/ }).click();
  await trainer.getByRole('button', { name: 'Hapus pelatihan' }).click();
  await trainer.locator('[role=alertdialog]', { hasText: 'Hapus pelatihan ini' }).waitFor();
  await trainer.getByRole('button', { name: 'Ya, hapus' }).click();
  await trainer.locator('.status', { hasText: 'Dihapus' }).waitFor();
  assert.equal(await trainer.getByRole('button', { name: /Buka/ }).count(), 0);

  requests.push(...t.requests);
  assert.deepEqual(t.errors, []);
  assert.deepEqual(foreign(requests, env.origin), []);
  assert.deepEqual(await t.ctx.cookies(), [], 'no cookies in trainer mode');
  await t.ctx.close();
});

test('a shared link opens read-only; a broken one says what is wrong', async () => {
  const d = await finish('Bapak Anton', {});
  await d.ctx.close();
  const p = await phone(env, { inject: true });
  await p.page.goto(d.link);
  await p.page.locator('#screen-heading', { hasText: 'Hasil yang dibagikan: Bapak Anton' }).waitFor();
  assert.equal((await p.page.locator('.level-name').textContent()).trim(), d.level);
  assert.equal(await p.page.locator('#share-name').count(), 0, 'read-only: no share form');
  assert.deepEqual(await axeScreen(p.page, 'shared result'), []);
  await p.page.getByRole('button', { name: 'Mulai penilaian sendiri' }).click();
  await p.page.locator('#screen-heading', { hasText: 'Seberapa siap' }).waitFor();

  const broken = d.link.slice(0, -5);
  await p.page.goto(broken);
  await p.page.reload();
  await p.page.locator('#screen-heading', { hasText: 'Tautan hasil tidak bisa dibuka' }).waitFor();
  assert.match(await p.page.locator('[role=alert]').textContent(), /kode/i);
  assert.deepEqual(await axeScreen(p.page, 'broken result link'), []);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(foreign(p.requests, env.origin), []);
  assert.deepEqual(await p.ctx.cookies(), [], 'no cookies for a shared result');
  await p.ctx.close();
});
