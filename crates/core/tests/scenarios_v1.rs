//! The first release's advice, pinned: realistic UMKM owners answering the first question bank (version 1, frozen in `banks/bank-v1.json`) still get the level and the next step (langkah berikutnya) they got then, so a result shared before an update opens as it was. Today's owners are in `scenarios.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cek_core::bank::{Bank, Lang};
use cek_core::flow::{shown_ids, Answers};
use cek_core::plan::{self, plan};
use cek_core::score::assess;
use common::{answers_in, answers_over, report, Table, MERAUKE};

/// The first release's bank: these scenarios pin what it advised.
fn bank() -> &'static Bank {
    common::v1()
}

fn answers(table: Table) -> Answers {
    answers_in(bank(), table)
}

/// One owner, told by what they answer differently from Merauke's coffee
/// roaster (`common::MERAUKE`, the typical owner who has never shipped): every
/// question they are shown is answered, none they are not shown; then their
/// level and next step are as the brief implies.
fn check(differs: Table, level: &str, next_step: &str) {
    let bank = bank();
    let answers = answers_over(bank, MERAUKE, differs);
    let shown = shown_ids(bank, &answers);
    for q in answers.keys() {
        assert!(
            shown.contains(&q.as_str()),
            "scenario answers {q:?}, which this owner is never asked"
        );
    }
    let outcome = assess(bank, &answers);
    let plan = plan(bank, &answers, &outcome);
    let got_level = bank.levels[outcome.level].id.as_str();
    let got_next = plan.next_step().map(|r| bank.rules[r].id.as_str());
    assert!(
        got_level == level && got_next == Some(next_step),
        "expected level {level}, next step {next_step}; got level {got_level}, next step {got_next:?}\n{}",
        report(bank, &answers)
    );
    // Every step's "why" quotes an answer this owner gave.
    for &r in &plan.steps {
        for lang in Lang::ALL {
            let why = plan::step(bank, &answers, r, lang).why;
            assert!(
                !why.contains('{') && !why.contains("“”"),
                "{}: {why}",
                bank.rules[r].id
            );
        }
    }
}

/// Merauke: a micro roaster selling ground coffee, with NIB, P-IRT and halal
/// in process, who has never had an email address. The Komdigi-style
/// programme starts at "madya" only once there is an email, so: Dasar, and
/// the email is the next step.
#[test]
fn merauke_coffee_roaster_without_email() {
    check(&[], "dasar", "email_usaha");
}

/// Masohi: a pala and fuli (nutmeg and mace) seller who already sells to a
/// buyer abroad now and then, by ordinary parcel without export documents,
/// and fears the official route will slow them down. Decent scores, but
/// informal shipping caps the level at Madya and the legal route comes first.
#[test]
fn masohi_nutmeg_seller_shipping_informal_parcels() {
    check(
        &[
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("kemasan_label", &["sederhana"]),
            ("email", &["email_pribadi"]),
            ("konten", &["rutin"]),
            ("optimasi_konten", &["kata_kunci", "foto_jelas"]),
            ("pengalaman_ekspor", &["kadang"]),
            ("cara_kirim", &["paket_tanpa_dokumen"]),
            ("dokumen_ekspor", &["belum_ada"]),
            ("pasar_tujuan", &["tahu_negara"]),
            (
                "kekhawatiran",
                &["jalur_resmi_menghambat", "masalah_bea_cukai"],
            ),
            ("pendampingan", &["ragu"]),
        ],
        "madya",
        "jalur_resmi",
    );
}

/// Masohi again, but otherwise excellent: even with top scores everywhere
/// else, sending goods as an undocumented parcel never reaches Siap Ekspor.
#[test]
fn masohi_strong_seller_still_shipping_informally_is_capped() {
    check(
        &[
            ("omzet", &["kecil"]),
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab", "organik"]),
            ("kapasitas", &["sendiri"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &["lihat_statistik", "kata_kunci", "bahasa_inggris"],
            ),
            ("kanal_jual", &["wa_medsos", "lintas_negara"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "rahasia_otp"],
            ),
            ("pengalaman_ekspor", &["rutin"]),
            ("cara_kirim", &["cn", "paket_tanpa_dokumen"]),
            ("dokumen_ekspor", &["invoice_packing_list", "peb_cn"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["tidak_ada"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "madya",
        "jalur_resmi",
    );
}

/// Manggarai Barat: a tenun ikat weavers' cooperative with NIB and a company
/// NPWP, posting regularly, that knows its HS code but has never sent
/// anything abroad. No food questions apply. Madya; next: a first sample by
/// post with a CN.
#[test]
fn manggarai_barat_weaving_cooperative() {
    check(
        &[
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["kerajinan"]),
            ("kemasan_label", &["sederhana"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_pribadi"]),
            ("konten", &["rutin"]),
            ("optimasi_konten", &["lihat_statistik", "foto_jelas"]),
            ("kanal_jual", &["wa_medsos", "marketplace"]),
            ("keamanan_digital", &["rahasia_otp", "sandi_berbeda"]),
            ("pasar_tujuan", &["tahu_negara"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["bahasa", "cari_pembeli"]),
        ],
        "madya",
        "kirim_sampel_cn",
    );
}

/// Bone: an abon (meat floss) maker with NIB and P-IRT but no halal
/// certificate yet. Food for Muslim-majority buyers: halal (free SEHATI
/// route for micro businesses) is the next step.
#[test]
fn bone_abon_maker_with_pirt_without_halal() {
    check(
        &[
            ("lama_usaha", &["lebih_3_tahun"]),
            ("halal", &["belum"]),
            ("kode_hs", &["belum_tahu"]),
            ("email", &["email_pribadi"]),
            ("kanal_jual", &["wa_medsos", "marketplace"]),
            ("pasar_tujuan", &["tahu_negara"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["biaya", "cari_pembeli"]),
        ],
        "madya",
        "sertifikat_halal",
    );
}

/// Bone again: a snack maker whose relatives carry the goods to Malaysia as
/// their own luggage. Otherwise well prepared; the luggage route caps the
/// level and the legal CN/PEB route is the next step.
#[test]
fn bone_snack_maker_sending_goods_as_luggage() {
    check(
        &[
            ("lama_usaha", &["lebih_3_tahun"]),
            ("halal", &["sudah"]),
            ("kapasitas", &["sendiri"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &["lihat_statistik", "kata_kunci", "foto_jelas"],
            ),
            ("kanal_jual", &["wa_medsos", "marketplace"]),
            ("keamanan_digital", &["dua_langkah", "rahasia_otp"]),
            ("pengalaman_ekspor", &["kadang"]),
            ("cara_kirim", &["bagasi"]),
            ("dokumen_ekspor", &["belum_ada"]),
            ("pasar_tujuan", &["tahu_negara"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["masalah_bea_cukai"]),
            ("komitmen", &["lebih_5_jam"]),
        ],
        "madya",
        "jalur_resmi",
    );
}

/// Manggarai Barat (Labuan Bajo): dried fish and seaweed, halal in process,
/// but no SKP or HACCP, which EU, US and Japanese buyers require.
#[test]
fn fishery_umkm_without_skp_or_haccp() {
    check(
        &[
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["perikanan"]),
            ("kapasitas", &["sebagian"]),
            ("kemasan_label", &["sederhana"]),
            ("email", &["email_pribadi"]),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_negara"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["biaya", "tidak_sanggup"]),
        ],
        "madya",
        "skp_haccp",
    );
}

/// Papua (Wamena): a small-band (Rp2–15 miliar) arabica business that exports
/// regularly with a PEB and gets an SKA each time, with written quality
/// standards and good digital habits, not yet on Inaexport. Siap Ekspor; the
/// next step is to be found by buyers on Inaexport.
#[test]
fn small_coffee_exporter_with_peb_and_ska() {
    check(
        &[
            ("omzet", &["kecil"]),
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab", "organik"]),
            ("kapasitas", &["sendiri"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &[
                    "lihat_statistik",
                    "kata_kunci",
                    "foto_jelas",
                    "bahasa_inggris",
                ],
            ),
            ("kanal_jual", &["wa_medsos", "situs_sendiri"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "rahasia_otp"],
            ),
            ("pengalaman_ekspor", &["rutin"]),
            ("cara_kirim", &["peb"]),
            (
                "dokumen_ekspor",
                &[
                    "invoice_packing_list",
                    "peb_cn",
                    "ska",
                    "sertifikat_kesehatan",
                ],
            ),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["tidak_dibayar"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "siap_ekspor",
        "daftar_inaexport",
    );
}

/// Ambon: a pala cooperative exporting to the Netherlands with a PEB through
/// a PPJK, but never asked for a certificate of origin. Siap Ekspor; the SKA
/// (free, through e-SKA) comes before anything else.
#[test]
fn ambon_nutmeg_exporter_without_ska() {
    check(
        &[
            ("omzet", &["kecil"]),
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &["lihat_statistik", "kata_kunci", "foto_jelas"],
            ),
            ("kanal_jual", &["wa_medsos", "inaexport"]),
            ("keamanan_digital", &["dua_langkah", "cek_rekening"]),
            ("pengalaman_ekspor", &["rutin"]),
            ("cara_kirim", &["peb"]),
            (
                "dokumen_ekspor",
                &["invoice_packing_list", "peb_cn", "sertifikat_kesehatan"],
            ),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["bahasa"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "siap_ekspor",
        "minta_ska",
    );
}

/// Sinjai: a clove grower with excellent product and digital scores who has
/// sent samples by Pos with a CN as a private person, but has no NIB. The
/// score alone would be Siap Ekspor; without an NIB it stays Madya and the
/// NIB is the next step.
#[test]
fn great_scores_without_nib_are_capped() {
    check(
        &[
            ("omzet", &["kecil"]),
            ("nib", &["belum"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab", "sni"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &[
                    "lihat_statistik",
                    "kata_kunci",
                    "foto_jelas",
                    "bahasa_inggris",
                ],
            ),
            ("kanal_jual", &["wa_medsos", "marketplace", "lintas_negara"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "rahasia_otp"],
            ),
            ("pengalaman_ekspor", &["sampel"]),
            ("cara_kirim", &["cn"]),
            ("dokumen_ekspor", &["invoice_packing_list", "peb_cn"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["tidak_ada"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "madya",
        "urus_nib",
    );
}

/// Manggarai Barat: a Flores coffee roaster with NIB and an NPWP it has never
/// checked against the NIK rules. Capped at Madya; checking the NIK/NPWP is
/// the next step.
#[test]
fn flores_roaster_with_unchecked_npwp() {
    check(
        &[
            ("npwp", &["belum_dicek"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("kapasitas", &["sendiri"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &["lihat_statistik", "kata_kunci", "foto_jelas"],
            ),
            ("kanal_jual", &["wa_medsos", "marketplace"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "rahasia_otp"],
            ),
            ("pengalaman_ekspor", &["sampel"]),
            ("cara_kirim", &["cn"]),
            ("dokumen_ekspor", &["invoice_packing_list", "peb_cn"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["tidak_dibayar"]),
            ("komitmen", &["lebih_5_jam"]),
        ],
        "madya",
        "validasi_npwp",
    );
}

/// Masohi: someone just starting sago snacks: no sales yet, no NIB, no
/// email. Dasar; the NIB (free, through OSS) is the first step.
#[test]
fn masohi_beginner_without_nib_or_email() {
    check(
        &[
            ("omzet", &["belum_ada"]),
            ("nib", &["belum"]),
            ("npwp", &["tidak_tahu"]),
            ("lama_usaha", &["kurang_1_tahun"]),
            ("izin_edar", &["belum"]),
            ("halal", &["belum"]),
            ("sertifikat_mutu", &["tidak_tahu"]),
            ("kapasitas", &["tidak_tahu"]),
            ("kontinuitas", &["tidak_tahu"]),
            ("kemasan_label", &["belum"]),
            ("kode_hs", &["belum_tahu"]),
            ("konten", &["tidak_pernah"]),
            ("kanal_jual", &["belum_ada"]),
            ("keamanan_digital", &["belum_ada"]),
            ("berat_kiriman", &["belum_tahu"]),
            ("kekhawatiran", &["ribet", "biaya", "bahasa"]),
            ("komitmen", &["kurang_2_jam"]),
            ("pendampingan", &["ragu"]),
        ],
        "dasar",
        "urus_nib",
    );
}

/// Merauke: a cocoa farmers' group with NIB and NPWP whose beans are only
/// available in the harvest season. The "3K" cap applies (Madya); steadier
/// supply through a cooperative is the next step.
#[test]
fn seasonal_cocoa_group_hits_the_3k() {
    check(
        &[
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["organik"]),
            ("kontinuitas", &["musiman"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &[
                    "lihat_statistik",
                    "kata_kunci",
                    "foto_jelas",
                    "bahasa_inggris",
                ],
            ),
            ("kanal_jual", &["wa_medsos", "marketplace"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "rahasia_otp"],
            ),
            ("pengalaman_ekspor", &["sampel"]),
            ("cara_kirim", &["cn"]),
            (
                "dokumen_ekspor",
                &["invoice_packing_list", "peb_cn", "sertifikat_kesehatan"],
            ),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["tidak_sanggup"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "madya",
        "jaga_3k",
    );
}

/// Bone: a clove trader who so far sold through a cooperative and now plans
/// bigger shipments of its own (over 30 kg). Madya; the next step is a PEB
/// through a customs broker, with consolidation.
#[test]
fn bone_clove_trader_planning_first_large_shipment() {
    check(
        &[
            ("omzet", &["kecil"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["hasil_bumi"]),
            ("kapasitas", &["sendiri"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_pribadi"]),
            ("konten", &["rutin"]),
            ("optimasi_konten", &["foto_jelas", "kata_kunci"]),
            ("keamanan_digital", &["rahasia_otp", "cek_rekening"]),
            ("pengalaman_ekspor", &["lewat_pihak_lain"]),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_negara"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["tidak_dibayar", "bahasa"]),
        ],
        "madya",
        "kirim_pertama_peb",
    );
}

/// Masohi: a cajeput-oil (minyak kayu putih) maker with email but who has
/// never posted about the product. Without content the level stays Dasar
/// (the programme's madya entry point), and content is the next step.
#[test]
fn cajeput_oil_maker_who_never_posts() {
    check(
        &[
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["lainnya"]),
            ("email", &["email_pribadi"]),
            ("konten", &["tidak_pernah"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["cari_pembeli"]),
        ],
        "dasar",
        "buat_konten",
    );
}

/// Bone: an abon maker who already sent samples through Pos with a CN and
/// posts every week, but never looks at statistics or keywords. Madya; the
/// programme's next lesson, content optimisation, is the next step.
#[test]
fn bone_abon_maker_ready_for_content_optimisation() {
    check(
        &[
            ("lama_usaha", &["lebih_3_tahun"]),
            ("halal", &["sudah"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_pribadi"]),
            ("konten", &["rutin"]),
            ("kanal_jual", &["wa_medsos", "marketplace"]),
            ("pengalaman_ekspor", &["sampel"]),
            ("cara_kirim", &["cn"]),
            ("dokumen_ekspor", &["invoice_packing_list", "peb_cn"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["tahu"]),
            ("kekhawatiran", &["biaya"]),
        ],
        "madya",
        "optimasi_konten",
    );
}

/// Jeneponto: a seaweed processor with SKP/HACCP and halal, exporting with
/// PEB and SKA, listed on Inaexport, worried only about buyers not paying.
/// Siap Ekspor; safer payment terms and LPEI's help are the next step.
#[test]
fn jeneponto_seaweed_exporter_worried_about_payment() {
    check(
        &[
            ("omzet", &["menengah"]),
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["perikanan"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["skp_haccp", "uji_lab"]),
            ("kapasitas", &["sendiri"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &["lihat_statistik", "kata_kunci", "bahasa_inggris"],
            ),
            ("kanal_jual", &["inaexport", "situs_sendiri"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "sandi_berbeda", "cadangan"],
            ),
            ("pengalaman_ekspor", &["rutin"]),
            ("cara_kirim", &["peb"]),
            (
                "dokumen_ekspor",
                &[
                    "invoice_packing_list",
                    "peb_cn",
                    "ska",
                    "sertifikat_kesehatan",
                ],
            ),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["tidak_dibayar"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "siap_ekspor",
        "takut_tidak_dibayar",
    );
}

/// An exporter with nothing left on the list still gets a next step: check
/// the next shipment with Bea Cukai (the always-true last rule).
#[test]
fn exporter_with_everything_done_gets_the_fallback() {
    check(
        &[
            ("omzet", &["menengah"]),
            ("npwp", &["npwp_badan"]),
            ("lama_usaha", &["lebih_3_tahun"]),
            ("jenis_produk", &["kerajinan"]),
            ("kapasitas", &["sendiri"]),
            ("kontinuitas", &["ya_tertulis"]),
            ("kemasan_label", &["lengkap_ekspor"]),
            ("kode_hs", &["tahu"]),
            ("email", &["email_usaha"]),
            ("konten", &["rutin"]),
            (
                "optimasi_konten",
                &[
                    "lihat_statistik",
                    "kata_kunci",
                    "foto_jelas",
                    "bahasa_inggris",
                ],
            ),
            ("kanal_jual", &["inaexport", "lintas_negara"]),
            (
                "keamanan_digital",
                &["dua_langkah", "cek_rekening", "rahasia_otp"],
            ),
            ("pengalaman_ekspor", &["rutin"]),
            ("cara_kirim", &["peb", "cn"]),
            ("dokumen_ekspor", &["invoice_packing_list", "peb_cn", "ska"]),
            ("berat_kiriman", &["lebih_30kg"]),
            ("pasar_tujuan", &["tahu_aturan"]),
            ("bantuan", &["pernah"]),
            ("kekhawatiran", &["tidak_ada"]),
            ("komitmen", &["lebih_5_jam"]),
            ("pendampingan", &["sudah_ikut"]),
        ],
        "siap_ekspor",
        "tanya_bea_cukai",
    );
}

/// The "why" quotes the owner's own answer, in mid-sentence form, without
/// breaking names such as P-IRT or WhatsApp.
#[test]
fn why_quotes_the_answer_given() {
    let bank = bank();
    let answers = answers(&[
        ("nib", &["belum"]),
        ("kanal_jual", &["wa_medsos", "marketplace"]),
    ]);
    let rule = |id: &str| bank.rules.iter().position(|r| r.id == id).unwrap();
    let why = plan::step(bank, &answers, rule("urus_nib"), Lang::Id).why;
    assert!(
        why.contains("Tentang NIB, Anda menjawab “belum punya NIB”"),
        "{why}"
    );
    let why = plan::step(bank, &answers, rule("urus_nib"), Lang::En).why;
    assert!(
        why.contains("About the NIB you answered “no NIB yet”"),
        "{why}"
    );
    let why = plan::step(bank, &answers, rule("daftar_inaexport"), Lang::Id).why;
    assert!(
        why.contains("“WhatsApp Business atau media sosial, marketplace dalam negeri”"),
        "{why}"
    );
}
