// Owners with known answers and the level (tingkat) and next step
// (langkah berikutnya) the core gives them: the one table the end-to-end
// tests take exact expectations from. When the question bank changes, run
// `cargo test --test e2e_levels`: it recomputes every row and, if this table
// is stale, prints it as it should read (paste it between the markers).
//
// Answers are option ids per question id, in the order the questions are
// asked; `level` and `next` are what the result screen must show in Bahasa
// Indonesia (`.level-name`, and the title of the first step under
// "Langkah berikutnya").

// BEGIN OWNERS (checked by tests/e2e_levels.rs)
const OWNERS = [
  {
    "name": "weakest",
    "who": "the weakest answer to every question shown",
    "level": { "id": "dasar", "title": "Dasar" },
    "next": { "id": "urus_nib", "title": "Buat NIB di OSS" },
    "answers": {
      "omzet": ["belum_ada"],
      "modal_usaha": ["mikro"],
      "nib": ["belum"],
      "npwp": ["belum"],
      "lama_usaha": ["kurang_1_tahun"],
      "jenis_produk": ["pangan_olahan"],
      "izin_edar": ["belum"],
      "halal": ["belum"],
      "sertifikat_mutu": ["belum_ada"],
      "kapasitas": ["tidak"],
      "kontinuitas": ["berubah"],
      "kemasan_label": ["belum"],
      "kode_hs": ["belum_tahu"],
      "email": ["belum"],
      "konten": ["tidak_pernah"],
      "kanal_jual": ["belum_ada"],
      "keamanan_digital": ["belum_ada"],
      "pengalaman_ekspor": ["belum"],
      "berat_kiriman": ["sampai_30kg"],
      "negara_tujuan": ["asean"],
      "syarat_pasar": ["belum_tahu"],
      "bantuan": ["belum_tahu"],
      "kekhawatiran": ["ribet","biaya","tidak_dibayar","tidak_sanggup","cari_pembeli","bahasa","pasar_asing","jalur_resmi_menghambat","masalah_bea_cukai"],
      "kekuatan_khawatir": ["menahan"],
      "komitmen": ["belum_ada"],
      "pendampingan": ["tidak"]
    }
  },
  {
    "name": "strongest",
    "who": "the strongest answer to every question shown",
    "level": { "id": "siap_ekspor", "title": "Siap Ekspor" },
    "next": { "id": "perluas_pasar", "title": "Perluas pasar: temui pembeli baru" },
    "answers": {
      "omzet": ["besar"],
      "nib": ["sudah"],
      "npwp": ["nik_valid"],
      "lama_usaha": ["lebih_3_tahun"],
      "jenis_produk": ["pangan_olahan"],
      "izin_edar": ["bpom_md"],
      "halal": ["sudah"],
      "sertifikat_mutu": ["skp_haccp","uji_lab","sni","organik"],
      "kapasitas": ["sendiri"],
      "kontinuitas": ["ya_tertulis"],
      "kemasan_label": ["lengkap_ekspor"],
      "kode_hs": ["tahu"],
      "email": ["email_usaha"],
      "konten": ["rutin"],
      "optimasi_konten": ["lihat_statistik","kata_kunci","foto_jelas","bahasa_inggris","jam_unggah"],
      "kanal_jual": ["wa_medsos","marketplace","lintas_negara","situs_sendiri","inaexport"],
      "keamanan_digital": ["dua_langkah","cek_rekening","rahasia_otp","sandi_berbeda","cadangan"],
      "pengalaman_ekspor": ["rutin"],
      "cara_kirim": ["peb"],
      "dokumen_ekspor": ["invoice_packing_list","peb_cn","ska","sertifikat_kesehatan"],
      "berat_kiriman": ["sampai_30kg"],
      "negara_tujuan": ["asean"],
      "syarat_pasar": ["sudah"],
      "bantuan": ["pernah"],
      "kekhawatiran": ["tidak_ada"],
      "komitmen": ["lebih_5_jam"],
      "pendampingan": ["sudah_ikut"]
    }
  },
  {
    "name": "merauke",
    "who": "a Merauke coffee roaster with no email yet",
    "level": { "id": "dasar", "title": "Dasar" },
    "next": { "id": "email_usaha", "title": "Buat email untuk usaha" },
    "answers": {
      "omzet": ["mikro"],
      "nib": ["sudah"],
      "npwp": ["nik_valid"],
      "lama_usaha": ["satu_tiga_tahun"],
      "jenis_produk": ["pangan_olahan"],
      "izin_edar": ["pirt"],
      "halal": ["sedang_diurus"],
      "sertifikat_mutu": ["belum_ada"],
      "kapasitas": ["bersama"],
      "kontinuitas": ["ya"],
      "kemasan_label": ["lengkap"],
      "kode_hs": ["kira_kira"],
      "email": ["belum"],
      "konten": ["sebulan"],
      "optimasi_konten": ["foto_jelas"],
      "kanal_jual": ["wa_medsos"],
      "keamanan_digital": ["rahasia_otp"],
      "pengalaman_ekspor": ["belum"],
      "berat_kiriman": ["sampai_30kg"],
      "negara_tujuan": ["belum_tahu"],
      "bantuan": ["belum_tahu"],
      "kekhawatiran": ["ribet","biaya"],
      "kekuatan_khawatir": ["menunda"],
      "komitmen": ["dua_lima_jam"],
      "pendampingan": ["mau"]
    }
  },
  {
    "name": "first",
    "who": "the first option of every question shown, as answerAll() in e2e/helpers.mjs answers",
    "level": { "id": "madya", "title": "Madya" },
    "next": { "id": "kirim_resmi_pertama", "title": "Kirim sampel pertama lewat jalur resmi" },
    "answers": {
      "omzet": ["mikro"],
      "nib": ["sudah"],
      "npwp": ["nik_valid"],
      "lama_usaha": ["kurang_1_tahun"],
      "jenis_produk": ["pangan_olahan"],
      "izin_edar": ["bpom_md"],
      "halal": ["sudah"],
      "sertifikat_mutu": ["skp_haccp"],
      "kapasitas": ["sendiri"],
      "kontinuitas": ["ya_tertulis"],
      "kemasan_label": ["lengkap_ekspor"],
      "kode_hs": ["tahu"],
      "email": ["email_usaha"],
      "konten": ["rutin"],
      "optimasi_konten": ["lihat_statistik"],
      "kanal_jual": ["wa_medsos"],
      "keamanan_digital": ["dua_langkah"],
      "pengalaman_ekspor": ["belum"],
      "berat_kiriman": ["sampai_30kg"],
      "negara_tujuan": ["asean"],
      "syarat_pasar": ["sudah"],
      "bantuan": ["pernah"],
      "kekhawatiran": ["ribet"],
      "kekuatan_khawatir": ["kecil"],
      "komitmen": ["lebih_5_jam"],
      "pendampingan": ["sudah_ikut"]
    }
  },
  {
    "name": "v1-result",
    "who": "the finished assessment the first release saved in crates/core/tests/fixtures/progress-v1/v1-result.json, resumed after the update: its new questions answered with their first option",
    "level": { "id": "madya", "title": "Madya" },
    "next": { "id": "kirim_resmi_pertama", "title": "Kirim sampel pertama lewat jalur resmi" },
    "answers": {
      "omzet": ["kecil"],
      "nib": ["sudah"],
      "npwp": ["nik_valid"],
      "lama_usaha": ["lebih_3_tahun"],
      "jenis_produk": ["pangan_olahan"],
      "izin_edar": ["pirt"],
      "halal": ["sedang_diurus"],
      "sertifikat_mutu": ["skp_haccp"],
      "kapasitas": ["sendiri"],
      "kontinuitas": ["ya_tertulis"],
      "kemasan_label": ["lengkap_ekspor"],
      "kode_hs": ["tahu"],
      "email": ["email_usaha"],
      "konten": ["rutin"],
      "optimasi_konten": ["lihat_statistik"],
      "kanal_jual": ["wa_medsos"],
      "keamanan_digital": ["dua_langkah"],
      "pengalaman_ekspor": ["belum"],
      "berat_kiriman": ["sampai_30kg"],
      "negara_tujuan": ["asean"],
      "syarat_pasar": ["sudah"],
      "bantuan": ["pernah"],
      "kekhawatiran": ["ribet"],
      "kekuatan_khawatir": ["kecil"],
      "komitmen": ["lebih_5_jam"],
      "pendampingan": ["sudah_ikut"]
    }
  }
];
// END OWNERS

/** The owner called `name` in the table. */
export function owner(name) {
  const found = OWNERS.find((o) => o.name === name);
  if (!found) throw new Error(`no owner "${name}" in e2e/owners.mjs`);
  return found;
}

export { OWNERS };

/**
 * Answers every question from the one on screen to the review as `who`
 * answers it, clicking the labels of the options by their ids; fails if a
 * question the table does not answer is asked, or one it answers is not.
 * `next` is helpers.mjs's "Lanjut" click (passed in to keep this file free of
 * page helpers).
 */
export async function answerAs(page, who, next) {
  const asked = [];
  for (let guard = 0; guard < 80; guard++) {
    const input = page.locator('form.question input').first();
    if (!(await input.count())) break;
    const q = await input.getAttribute('name');
    asked.push(q);
    const chosen = who.answers[q];
    if (!chosen) throw new Error(`${who.name}: the table has no answer to "${q}"`);
    for (const id of chosen) {
      const box = page.locator(`form.question input[value="${id}"]`);
      if (!(await box.isChecked())) await page.locator(`label.option[for="${await box.getAttribute('id')}"]`).click();
    }
    await next(page);
  }
  const expected = Object.keys(who.answers);
  const already = expected.slice(0, expected.length - asked.length);
  if (JSON.stringify([...already, ...asked]) !== JSON.stringify(expected)) {
    throw new Error(`${who.name}: asked ${asked.join(', ')}; the table answers ${expected.join(', ')}`);
  }
}
