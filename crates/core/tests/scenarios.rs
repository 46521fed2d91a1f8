//! Owners as trainers meet them, answering today's questions: each is a ready exporter (the base profile) plus what differs, and gets the level (tingkat), the first step (langkah berikutnya) and the steps the domain brief says their plan must hold. The first release's advice is pinned in `scenarios_v1.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cek_core::bank::Lang;

use cek_core::archive::Library;
use cek_core::code::encode;
use cek_core::cohort::{add, rows, Workshop};
use cek_core::plan::{self, plan};
use cek_core::score::assess;
use common::{bank, report, Table};

/// A Makassar weaving business that is ready to export: legal, with a
/// business email, weekly and optimised content, secured accounts, regular
/// declared shipments with PEB and SKA to Australia, whose requirements it
/// meets, steady supply, and no worries. Every owner below is this owner
/// plus what differs.
const READY: Table = &[
    ("omzet", &["kecil"]),
    ("nib", &["sudah"]),
    ("npwp", &["nik_valid"]),
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
    ("kanal_jual", &["wa_medsos", "marketplace", "inaexport"]),
    (
        "keamanan_digital",
        &[
            "dua_langkah",
            "cek_rekening",
            "rahasia_otp",
            "sandi_berbeda",
        ],
    ),
    ("pengalaman_ekspor", &["rutin"]),
    ("cara_kirim", &["peb"]),
    ("dokumen_ekspor", &["invoice_packing_list", "peb_cn", "ska"]),
    ("berat_kiriman", &["lebih_30kg"]),
    ("negara_tujuan", &["australia"]),
    ("syarat_pasar", &["sudah"]),
    ("bantuan", &["pernah"]),
    ("kekhawatiran", &["tidak_ada"]),
    ("komitmen", &["lebih_5_jam"]),
    ("pendampingan", &["sudah_ikut"]),
];

/// One owner: who they are (in the test's name), what differs from READY,
/// and what the brief says they must get.
struct Owner<'a> {
    differs: Table<'a>,
    level: &'a str,
    first_step: &'a str,
    /// Steps the plan must hold besides the first.
    plan_holds: &'a [&'a str],
}

fn check(owner: Owner) {
    let bank = bank();
    let answers = common::answers_over(bank, READY, owner.differs);
    let outcome = assess(bank, &answers);
    let plan = plan(bank, &answers, &outcome);
    let level = bank.levels[outcome.level].id.as_str();
    let steps: Vec<&str> = (plan.steps.iter())
        .map(|&r| bank.rules[r].id.as_str())
        .collect();
    assert!(
        level == owner.level && steps.first() == Some(&owner.first_step),
        "expected level {}, first step {}; got {level}, {:?}\n{}",
        owner.level,
        owner.first_step,
        steps.first(),
        report(bank, &answers)
    );
    // The trainer's table, which reads the owner's result code and plans
    // only as far as the first step, shows the same first step.
    let library = Library::single(bank);
    let mut workshop = Workshop::default();
    add(
        &library,
        &mut workshop,
        &encode(bank, &answers, None),
        "2026-12-03",
    )
    .unwrap();
    let row = &rows(&library, &workshop)[0];
    assert_eq!(
        row.next_step.map(|r| bank.rules[r.index].id.as_str()),
        Some(owner.first_step),
        "the trainer's table\n{}",
        report(bank, &answers)
    );
    for step in owner.plan_holds {
        assert!(
            steps.contains(step),
            "the plan lacks {step}\n{}",
            report(bank, &answers)
        );
    }
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

/// The Makassar weavers themselves: everything in place and listed on
/// Inaexport. The next step is more markets, never "ask Bea Cukai".
#[test]
fn makassar_weavers_ready_to_export_grow_their_markets() {
    check(Owner {
        differs: &[],
        level: "siap_ekspor",
        first_step: "perluas_pasar",
        plan_holds: &[],
    });
}

/// The same weavers before they joined Inaexport: listing there comes first.
#[test]
fn ready_weavers_not_yet_on_inaexport_list_there_first() {
    check(Owner {
        differs: &[("kanal_jual", &["wa_medsos", "marketplace"])],
        level: "siap_ekspor",
        first_step: "daftar_inaexport",
        plan_holds: &["perluas_pasar"],
    });
}

/// Merauke (the seed's 2024 site): a micro roaster of ground coffee with a
/// P-IRT, halal in process, never shipped abroad, posting a few times a
/// month, but with no email address at all. The programme takes owners who
/// have email, so: Dasar, and email first.
#[test]
fn merauke_coffee_roaster_without_email_starts_with_email() {
    check(Owner {
        differs: &[
            ("omzet", &["mikro"]),
            ("jenis_produk", &["pangan_olahan"]),
            ("izin_edar", &["pirt"]),
            ("halal", &["sedang_diurus"]),
            ("sertifikat_mutu", &["belum_ada"]),
            ("email", &["belum"]),
            ("konten", &["sebulan"]),
            ("optimasi_konten", &["foto_jelas"]),
            ("kanal_jual", &["wa_medsos"]),
            ("keamanan_digital", &["rahasia_otp"]),
            ("pengalaman_ekspor", &["belum"]),
            ("berat_kiriman", &["sampai_30kg"]),
            ("negara_tujuan", &["belum_tahu"]),
            ("bantuan", &["belum_tahu"]),
            ("kekhawatiran", &["ribet", "biaya"]),
            ("kekuatan_khawatir", &["menunda"]),
            ("pendampingan", &["mau"]),
        ],
        level: "dasar",
        first_step: "email_usaha",
        plan_holds: &[],
    });
}

/// Masohi (the seed's 2024 site): a nutmeg and mace seller who sells abroad
/// now and then and carries the goods as luggage, otherwise strong. The
/// legal route comes first, with Bea Cukai's assistance beside it.
#[test]
fn masohi_nutmeg_seller_carrying_goods_as_luggage_gets_the_legal_route_first() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("pengalaman_ekspor", &["kadang"]),
            ("cara_kirim", &["bagasi"]),
            (
                "dokumen_ekspor",
                &["invoice_packing_list", "sertifikat_kesehatan"],
            ),
            ("berat_kiriman", &["sampai_30kg"]),
        ],
        level: "madya",
        first_step: "jalur_resmi",
        plan_holds: &["asistensi_bea_cukai"],
    });
}

/// The same Masohi seller without an email yet: Dasar, so email comes
/// first, and the legal route and Bea Cukai's assistance still stay in the
/// plan.
#[test]
fn masohi_luggage_seller_without_email_keeps_the_legal_route_in_the_plan() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("email", &["belum"]),
            ("pengalaman_ekspor", &["kadang"]),
            ("cara_kirim", &["bagasi", "paket_tanpa_dokumen"]),
            ("dokumen_ekspor", &["belum_ada"]),
            ("berat_kiriman", &["sampai_30kg"]),
        ],
        level: "dasar",
        first_step: "email_usaha",
        plan_holds: &["jalur_resmi", "asistensi_bea_cukai"],
    });
}

/// Bone (the seed's 2023 site): an abon maker with a P-IRT but no halal
/// certificate, who wants to sell to the Middle East and meets only part
/// of its rules. The market's rules come first; halal is in the plan.
#[test]
fn bone_abon_maker_for_the_middle_east_without_halal() {
    check(Owner {
        differs: &[
            ("omzet", &["mikro"]),
            ("jenis_produk", &["pangan_olahan"]),
            ("izin_edar", &["pirt"]),
            ("halal", &["belum"]),
            ("sertifikat_mutu", &["belum_ada"]),
            ("pengalaman_ekspor", &["sampel"]),
            ("cara_kirim", &["cn"]),
            ("dokumen_ekspor", &["peb_cn"]),
            ("berat_kiriman", &["sampai_30kg"]),
            ("negara_tujuan", &["timur_tengah"]),
            ("syarat_pasar", &["sebagian"]),
        ],
        level: "madya",
        first_step: "aturan_negara_tujuan",
        plan_holds: &["halal_timur_tengah"],
    });
}

/// Manggarai Barat (the seed's 2024 site): a weaving group with everything
/// else in place that has never shipped abroad itself. A first sample
/// through the legal route is what it needs.
#[test]
fn manggarai_barat_weavers_who_never_shipped_send_a_first_sample() {
    check(Owner {
        differs: &[
            ("pengalaman_ekspor", &["belum"]),
            ("berat_kiriman", &["sampai_30kg"]),
        ],
        level: "madya",
        first_step: "kirim_resmi_pertama",
        plan_holds: &[],
    });
}

/// Jeneponto: a seaweed seller shipping to China who meets its rules, but
/// whose fear of not being paid keeps them from exporting. Coaching comes
/// first; the plan answers the fear itself, and quarantine papers are in it.
#[test]
fn jeneponto_seaweed_seller_held_back_by_fear_of_not_being_paid() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["perikanan"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["skp_haccp"]),
            ("negara_tujuan", &["tiongkok"]),
            ("kekhawatiran", &["tidak_dibayar"]),
            ("kekuatan_khawatir", &["menahan"]),
        ],
        level: "madya",
        first_step: "ikut_pendampingan",
        plan_holds: &["takut_tidak_dibayar", "karantina"],
    });
}

/// The same seaweed seller when the worry only slows them a little: fears
/// that do not dominate don't cap the level.
#[test]
fn seaweed_seller_whose_worry_does_not_hold_them_back_is_ready() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["perikanan"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["skp_haccp"]),
            ("dokumen_ekspor", &["peb_cn", "ska", "sertifikat_kesehatan"]),
            ("negara_tujuan", &["tiongkok"]),
            ("kekhawatiran", &["tidak_dibayar"]),
            ("kekuatan_khawatir", &["kecil"]),
        ],
        level: "siap_ekspor",
        first_step: "perluas_pasar",
        plan_holds: &["takut_tidak_dibayar"],
    });
}

/// Sinjai: a fish processor with lab tests but no SKP or HACCP, aiming at
/// the EU. HACCP and the EU's contaminant rules are in the plan.
#[test]
fn sinjai_fish_processor_aiming_at_the_eu_without_haccp() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["perikanan"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("negara_tujuan", &["eropa"]),
            ("syarat_pasar", &["sebagian"]),
        ],
        level: "madya",
        first_step: "aturan_negara_tujuan",
        plan_holds: &["skp_haccp", "eropa_kontaminan"],
    });
}

/// Wamena: an arabica coffee group selling green beans to Europe, who
/// meets part of its rules. Coffee falls under the EU deforestation rules.
#[test]
fn wamena_coffee_group_for_europe_prepares_for_eudr() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["organik"]),
            ("negara_tujuan", &["eropa"]),
            ("syarat_pasar", &["sebagian"]),
            ("komoditas_eudr", &["ya"]),
        ],
        level: "madya",
        first_step: "aturan_negara_tujuan",
        plan_holds: &["eudr_eropa"],
    });
}

/// Makassar: a snack maker with a BPOM MD and halal who wants the United
/// States but doesn't know its rules: FDA registration is in the plan.
#[test]
fn makassar_snack_maker_for_the_united_states_learns_about_the_fda() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["pangan_olahan"]),
            ("izin_edar", &["bpom_md"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("negara_tujuan", &["amerika"]),
            ("syarat_pasar", &["belum_tahu"]),
        ],
        level: "madya",
        first_step: "aturan_negara_tujuan",
        plan_holds: &["fda_amerika"],
    });
}

/// Flores: a strong exporter who has an NPWP but never checked it: Madya,
/// not Dasar as with no NPWP at all, and checking it comes first.
#[test]
fn flores_exporter_with_an_unchecked_npwp_is_madya() {
    check(Owner {
        differs: &[("npwp", &["belum_dicek"])],
        level: "madya",
        first_step: "validasi_npwp",
        plan_holds: &[],
    });
}

/// The same exporter with no NPWP at all: a legal basic is missing.
#[test]
fn exporter_without_any_npwp_is_dasar() {
    check(Owner {
        differs: &[("npwp", &["belum"])],
        level: "dasar",
        first_step: "validasi_npwp",
        plan_holds: &[],
    });
}

/// A new business with no sales yet, a small capital and no NIB: asked its
/// capital as PP 7/2021 allows; the NIB comes first.
#[test]
fn new_business_without_sales_or_nib_starts_with_the_nib() {
    check(Owner {
        differs: &[
            ("omzet", &["belum_ada"]),
            ("modal_usaha", &["mikro"]),
            ("lama_usaha", &["kurang_1_tahun"]),
            ("nib", &["belum"]),
            ("pengalaman_ekspor", &["belum"]),
            ("berat_kiriman", &["belum_tahu"]),
            ("negara_tujuan", &["belum_tahu"]),
        ],
        level: "dasar",
        first_step: "urus_nib",
        plan_holds: &["kirim_resmi_pertama"],
    });
}

/// A seller whose content is fine but whose email has no two-step
/// verification: Madya until the accounts are secured, with Komdigi's
/// digital mentoring in the plan.
#[test]
fn seller_without_two_step_verification_secures_accounts_first() {
    check(Owner {
        differs: &[("keamanan_digital", &["rahasia_otp", "sandi_berbeda"])],
        level: "madya",
        first_step: "amankan_akun",
        plan_holds: &["pelatihan_digital"],
    });
}

/// Bone: an abon maker who posts every week but does nothing so buyers find
/// the posts: the seed's "kelas madya", next taught content optimisation.
#[test]
fn bone_weekly_poster_who_never_optimises_learns_optimisation() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["pangan_olahan"]),
            ("izin_edar", &["pirt"]),
            ("halal", &["sudah"]),
            ("sertifikat_mutu", &["belum_ada"]),
            ("optimasi_konten", &["foto_jelas"]),
        ],
        level: "madya",
        first_step: "optimasi_konten",
        plan_holds: &["pelatihan_digital"],
    });
}

/// Seram: a cajeput-oil maker who rarely posts anything: not yet the
/// programme's class; regular content first.
#[test]
fn cajeput_oil_maker_who_rarely_posts_starts_with_content() {
    check(Owner {
        differs: &[("jenis_produk", &["lainnya"]), ("konten", &["jarang"])],
        level: "dasar",
        first_step: "buat_konten",
        plan_holds: &[],
    });
}

/// Sigi: a cocoa group whose supply changes with the season: Madya, and the
/// 3K come first.
#[test]
fn sigi_cocoa_group_with_seasonal_supply_works_on_the_3k() {
    check(Owner {
        differs: &[
            ("jenis_produk", &["hasil_bumi"]),
            ("sertifikat_mutu", &["uji_lab"]),
            ("dokumen_ekspor", &["peb_cn", "ska", "sertifikat_kesehatan"]),
            ("kontinuitas", &["musiman"]),
        ],
        level: "madya",
        first_step: "jaga_3k",
        plan_holds: &[],
    });
}

/// An NIB still in process is not the same as none: Madya, NIB first.
#[test]
fn exporter_whose_nib_is_in_process_is_madya() {
    check(Owner {
        differs: &[("nib", &["sedang_diurus"])],
        level: "madya",
        first_step: "urus_nib",
        plan_holds: &[],
    });
}
