//! A trainer's workshop: adding codes (duplicates, before/after pairs), the dashboard's numbers against hand-computed fixtures, the table's sorting and shortlist, the CSV byte for byte, and JSON export, import and merge.
#![cfg(not(target_arch = "wasm32"))]

mod common;

/// These tests are about the mechanics, not the questions: they run on the
/// first released bank, frozen, so their hand-computed numbers stay true.
fn bank() -> &'static Bank {
    common::v1()
}

use cek_core::archive::{Library, Ref};
use cek_core::bank::{Bank, Kind, Lang};
use cek_core::code::{encode, CodeError};
use cek_core::cohort::{
    self, add, csv, export, import, load, merge, merge_all, rows, save, shortlist, sort, summary,
    Added, Entry, ImportError, MergeReport, Participant, Row, Scores, Shortlist, SortKey, Workshop,
};
use cek_core::flow::Answers;
use cek_core::plan::plan;
use cek_core::score::assess;
use common::walk_with;
use proptest::collection::vec;
use proptest::prelude::*;

/// An owner who answers every shown question with its strongest answer,
/// except the ones given, and makes handicrafts (so food permits, halal
/// and quality certificates are not asked). With no exceptions every area
/// scores 100: Siap Ekspor, no gate, and the next step is the last rule
/// ("Tanyakan rencana kiriman Anda ke Bea Cukai").
fn owner(except: &[(&str, &[&str])]) -> Answers {
    let answers = walk_with(bank(), |_, q| {
        let given = except.iter().find(|(id, _)| *id == q.id).map(|(_, c)| *c);
        let chosen: Vec<String> = match (given, q.id.as_str()) {
            (Some(c), _) => c.iter().map(|s| s.to_string()).collect(),
            (None, "jenis_produk") => vec!["kerajinan".to_string()],
            (None, _) => q.strongest(),
        };
        for c in &chosen {
            assert!(q.choice(c).is_some(), "{} has no option {c}", q.id);
        }
        chosen
    });
    for (id, _) in except {
        assert!(answers.contains_key(*id), "{id} is not asked of this owner");
    }
    answers
}

fn code(answers: &Answers, name: Option<&str>) -> String {
    encode(bank(), answers, name)
}

// ---- The fixture -----------------------------------------------------------
//
// Areas (weight): usaha 20, produk 30, digital 20, jalur 15, pola_pikir 15.
// Levels: dasar 0, madya 45, siap_ekspor 80. Rounding is half away from zero.
//
// 1. Ibu Siti: `owner(&[])`. Every area 100, overall 100, Siap Ekspor, no
//    gate, next step tanya_bea_cukai (rule 21).
//
// 2. Pak Yohanis, T0: no NIB (0), personal email (70).
//    usaha  = (omzet 1×100 + nib 3×0 + npwp 2×100 + lama 1×100) / 7
//           = 400/7 = 57.1 → 57
//    digital = (email 3×70 + konten 3×100 + 3 multi × 2×100) / 12
//           = 1110/12 = 92.5 → 93
//    overall = (20×57 + 30×100 + 20×93 + 15×100 + 15×100) / 100 = 9000/100 = 90
//    → Siap Ekspor by score, but gate tanpa_nib caps at Madya.
//    Next step urus_nib (rule 1).
//    T1 a month later: NIB and a business email, i.e. `owner(&[])`: all 100,
//    Siap Ekspor, next step tanya_bea_cukai. Change per area: +43, 0, +7, 0, 0;
//    overall +10.
//
// 3. Mama Maria: no email (0), never posts content (0), which hides
//    optimasi_konten (counted as its weakest answer, 0), seasonal supply (30).
//    produk  = (kapasitas 2×100 + kontinuitas 3×30 + kemasan 2×100 + kode_hs 2×100) / 9
//            = 690/9 = 76.7 → 77
//    digital = (email 3×0 + konten 3×0 + optimasi 2×0 + kanal 2×100 + keamanan 2×100) / 12
//            = 400/12 = 33.3 → 33
//    overall = (2000 + 30×77 + 20×33 + 1500 + 1500) / 100 = 7970/100 = 79.7 → 80
//    → Siap Ekspor by score; gates belum_3k (Madya), tanpa_email and
//    tanpa_konten (Dasar) → Dasar. Next step jaga_3k (rule 6).
//
// 4. No name: NIK not checked as NPWP (40), never exported (0), which hides
//    cara_kirim and dokumen_ekspor (each counted as its weakest answer, 0).
//    usaha = (100 + 3×100 + 2×40 + 100) / 7 = 580/7 = 82.9 → 83
//    jalur = (pengalaman 3×0 + cara 2×0 + dokumen 2×0 + pasar 2×100 + bantuan 1×100) / 10
//          = 300/10 = 30
//    overall = (20×83 + 3000 + 2000 + 15×30 + 1500) / 100 = 8610/100 = 86.1 → 86
//    → gate npwp_belum_valid caps at Madya. Next step validasi_npwp (rule 2).

fn siti() -> Answers {
    owner(&[])
}
fn yohanis_t0() -> Answers {
    owner(&[("nib", &["belum"]), ("email", &["email_pribadi"])])
}
fn maria() -> Answers {
    owner(&[
        ("email", &["belum"]),
        ("konten", &["tidak_pernah"]),
        ("kontinuitas", &["musiman"]),
    ])
}
fn unnamed() -> Answers {
    owner(&[
        ("npwp", &["belum_dicek"]),
        ("pengalaman_ekspor", &["belum"]),
    ])
}

const T0: &str = "2025-06-12";
const T1: &str = "2025-07-10";

fn workshop() -> Workshop {
    Workshop {
        id: "merauke-2025-06".into(),
        name: "Kelas Ekspor UMKM".into(),
        place: "Merauke".into(),
        date: T0.into(),
        participants: Vec::new(),
    }
}

/// The four participants at T0.
fn at_t0() -> Workshop {
    let bank = bank();
    let mut w = workshop();
    for (answers, name) in [
        (siti(), Some("Ibu Siti")),
        (yohanis_t0(), Some("Pak Yohanis")),
        (maria(), Some("Mama Maria")),
        (unnamed(), None),
    ] {
        assert_eq!(
            add(&Library::single(bank), &mut w, &code(&answers, name), T0),
            Ok(Added::New)
        );
    }
    w
}

/// As `at_t0`, and Pak Yohanis sends his result again after mentoring.
fn with_t1() -> Workshop {
    let mut w = at_t0();
    let link = format!(
        "https://ceksiapekspor.id/#hasil={}.",
        code(&siti(), Some("pak  YOHANIS"))
    );
    assert_eq!(
        add(&Library::single(bank()), &mut w, &link, T1),
        Ok(Added::FollowUp)
    );
    w
}

fn levels(bank: &Bank, ids: &[&str]) -> Vec<usize> {
    ids.iter().map(|id| bank.level_index(id).unwrap()).collect()
}

/// A rule of the current bank.
fn rule(id: &str) -> Ref {
    let index = bank().rules.iter().position(|r| r.id == id).unwrap();
    Ref { bank: 0, index }
}

/// A gate of the current bank.
fn gate(id: &str) -> Ref {
    let index = bank().gates.iter().position(|g| g.id == id).unwrap();
    Ref { bank: 0, index }
}

/// What a row shows: level, overall, areas, next step, gates.
type Shown = (usize, u8, Vec<u8>, Option<Ref>, Vec<Ref>);

#[test]
fn each_participant_matches_the_hand_computation() {
    let bank = bank();
    let rows = rows(&Library::single(bank), &with_t1());
    let got: Vec<Shown> = rows
        .iter()
        .map(|r| {
            (
                r.level,
                r.overall,
                r.areas.clone(),
                r.next_step,
                r.gates.clone(),
            )
        })
        .collect();
    let l = levels(bank, &["dasar", "madya", "siap_ekspor"]);
    assert_eq!(
        got,
        vec![
            (
                l[2],
                100,
                vec![100; 5],
                Some(rule("tanya_bea_cukai")),
                vec![]
            ),
            (
                l[2],
                100,
                vec![100; 5],
                Some(rule("tanya_bea_cukai")),
                vec![]
            ),
            (
                l[0],
                80,
                vec![100, 77, 33, 100, 100],
                Some(rule("jaga_3k")),
                vec![gate("belum_3k"), gate("tanpa_email"), gate("tanpa_konten")]
            ),
            (
                l[1],
                86,
                vec![83, 100, 100, 30, 100],
                Some(rule("validasi_npwp")),
                vec![gate("npwp_belum_valid")]
            ),
        ]
    );
    assert_eq!(
        rows[1].before,
        Some(Scores {
            bank: 0,
            level: l[1],
            overall: 90,
            areas: vec![57, 100, 93, 100, 100]
        })
    );
    let labels: Vec<String> = rows.iter().map(|r| r.label(Lang::Id)).collect();
    assert_eq!(
        labels,
        ["Ibu Siti", "Pak Yohanis", "Mama Maria", "Peserta 4"]
    );
    assert_eq!(rows[3].label(Lang::En), "Participant 4");
    assert_eq!(rows[1].added, T1);
}

#[test]
fn summary_at_t0_matches_the_hand_computation() {
    let bank = bank();
    let s = summary(&Library::single(bank), &at_t0());
    assert_eq!(s.count, 4);
    assert_eq!(s.unreadable, 0);
    // Dasar: Maria. Madya: Yohanis, no name. Siap Ekspor: Siti.
    assert_eq!(s.levels, [1, 2, 1]);
    // usaha (100+57+100+83)/4 = 85; produk (100+100+77+100)/4 = 94.25 → 94;
    // digital (100+93+33+100)/4 = 81.5 → 82; jalur (100+100+100+30)/4 = 82.5 → 83;
    // pola_pikir 100. Overall (100+90+80+86)/4 = 89.
    assert_eq!(s.areas, [85, 94, 82, 83, 100]);
    assert_eq!(s.overall, 89);
    // One each, in rule order.
    assert_eq!(
        s.next_steps,
        [
            (rule("urus_nib"), 1),
            (rule("validasi_npwp"), 1),
            (rule("jaga_3k"), 1),
            (rule("tanya_bea_cukai"), 1)
        ]
    );
    // Every gate but kirim_informal applies once; ties in bank order.
    assert_eq!(
        s.blockers,
        [
            (gate("tanpa_nib"), 1),
            (gate("npwp_belum_valid"), 1),
            (gate("belum_3k"), 1),
            (gate("tanpa_email"), 1),
            (gate("tanpa_konten"), 1),
            (gate("kirim_informal"), 0),
        ]
    );
    assert_eq!(s.pairs, []);
    assert_eq!(s.change, Vec::<i32>::new());
    assert_eq!(s.overall_change, 0);
    assert_eq!(
        bank.gates[gate("tanpa_nib").index].short.id,
        "Belum punya NIB"
    );
}

#[test]
fn summary_with_a_pair_matches_the_hand_computation() {
    let bank = bank();
    let w = with_t1();
    assert_eq!(w.participants.len(), 4, "T1 joins Pak Yohanis, no new row");
    let s = summary(&Library::single(bank), &w);
    assert_eq!(s.count, 4);
    // Yohanis now Siap Ekspor.
    assert_eq!(s.levels, [1, 1, 2]);
    // usaha (100+100+100+83)/4 = 95.75 → 96; produk 94.25 → 94;
    // digital (100+100+33+100)/4 = 83.25 → 83; jalur 82.5 → 83; pola_pikir 100.
    // Overall (100+100+80+86)/4 = 91.5 → 92.
    assert_eq!(s.areas, [96, 94, 83, 83, 100]);
    assert_eq!(s.overall, 92);
    assert_eq!(
        s.next_steps,
        [
            (rule("tanya_bea_cukai"), 2),
            (rule("validasi_npwp"), 1),
            (rule("jaga_3k"), 1)
        ]
    );
    assert_eq!(
        s.blockers,
        [
            (gate("npwp_belum_valid"), 1),
            (gate("belum_3k"), 1),
            (gate("tanpa_email"), 1),
            (gate("tanpa_konten"), 1),
            (gate("tanpa_nib"), 0),
            (gate("kirim_informal"), 0),
        ]
    );
    assert_eq!(s.pairs.len(), 1);
    let pair = &s.pairs[0];
    assert_eq!(pair.participant, 1);
    assert_eq!(pair.before.areas, [57, 100, 93, 100, 100]);
    assert_eq!(pair.after.areas, [100; 5]);
    assert_eq!(
        (pair.before.level, pair.after.level),
        (
            bank.level_index("madya").unwrap(),
            bank.level_index("siap_ekspor").unwrap()
        )
    );
    assert_eq!(pair.change, [43, 0, 7, 0, 0]);
    assert_eq!(s.change, [43, 0, 7, 0, 0]);
    assert_eq!(s.overall_change, 10);
}

#[test]
fn average_change_over_two_pairs_rounds_half_away_from_zero() {
    let bank = bank();
    let mut w = with_t1();
    // Maria, T1: an email of her own and steady supply; still no content.
    //   produk  = (200 + 3×100 + 200 + 200) / 9 = 100       (+23)
    //   digital = (3×70 + 0 + 0 + 200 + 200) / 12 = 610/12 = 50.8 → 51  (+18)
    // Pairs: Yohanis +43, 0, +7, 0, 0 and Maria 0, +23, +18, 0, 0.
    // Averages: 21.5 → 22, 11.5 → 12, 12.5 → 13, 0, 0.
    let t1 = owner(&[("email", &["email_pribadi"]), ("konten", &["tidak_pernah"])]);
    assert_eq!(
        add(
            &Library::single(bank),
            &mut w,
            &code(&t1, Some("Mama Maria")),
            T1
        ),
        Ok(Added::FollowUp)
    );
    let s = summary(&Library::single(bank), &w);
    assert_eq!(s.pairs.len(), 2);
    assert_eq!(s.pairs[1].change, [0, 23, 18, 0, 0]);
    assert_eq!(s.change, [22, 12, 13, 0, 0]);
    // Overall: Maria (2000 + 3000 + 20×51 + 1500 + 1500)/100 = 90.2 → 90,
    // from 80: +10; Yohanis +10.
    assert_eq!(s.overall_change, 10);
}

#[test]
fn an_empty_workshop_has_zeros_not_a_panic() {
    let s = summary(&Library::single(bank()), &workshop());
    assert_eq!(s.count, 0);
    assert_eq!(s.levels, [0, 0, 0]);
    assert_eq!(s.areas, [0; 5]);
    assert_eq!(s.overall, 0);
    assert!(s.next_steps.is_empty());
    assert!(s.blockers.iter().all(|b| b.1 == 0));
}

#[test]
fn unreadable_codes_are_counted_not_fatal() {
    let bank = bank();
    let mut w = at_t0();
    w.participants.push(Participant {
        name: Some("Kode rusak".into()),
        before: Entry {
            code: "K1tidakvalid".into(),
            added: T0.into(),
        },
        after: None,
    });
    let s = summary(&Library::single(bank), &w);
    assert_eq!((s.count, s.unreadable), (4, 1));
    assert_eq!(rows(&Library::single(bank), &w).len(), 4);
}

// ---- Adding: duplicates and pairs --------------------------------------------

#[test]
fn duplicates_are_detected() {
    let bank = bank();
    let mut w = at_t0();
    let siti = code(&siti(), Some("Ibu Siti"));
    // The same code, bare or as a link with WhatsApp's trailing comma.
    assert_eq!(
        add(&Library::single(bank), &mut w, &siti, T1),
        Ok(Added::Duplicate)
    );
    let link = format!("https://ceksiapekspor.id/#hasil={siti},");
    assert_eq!(
        add(&Library::single(bank), &mut w, &link, T1),
        Ok(Added::Duplicate)
    );
    // The same name in other case and spacing, the same answers: another
    // code, but nothing new.
    let again = code(&self::siti(), Some("IBU   siti"));
    assert_ne!(again, siti);
    assert_eq!(
        add(&Library::single(bank), &mut w, &again, T1),
        Ok(Added::Duplicate)
    );
    // Without a name only the identical code is a duplicate.
    let anon = code(&unnamed(), None);
    assert_eq!(
        add(&Library::single(bank), &mut w, &anon, T1),
        Ok(Added::Duplicate)
    );
    let other_anon = code(&maria(), None);
    assert_eq!(
        add(&Library::single(bank), &mut w, &other_anon, T1),
        Ok(Added::New)
    );
    assert_eq!(w.participants.len(), 5);
    assert!(w.participants.iter().all(|p| p.after.is_none()));
    // The stored code is the bare code.
    assert_eq!(w.participants[0].before.code, siti);
    assert_eq!(w.participants[0].before.added, T0);
}

#[test]
fn bad_codes_are_refused_with_their_error() {
    let mut w = at_t0();
    let before = w.clone();
    assert_eq!(
        add(&Library::single(bank()), &mut w, "", T1),
        Err(CodeError::Empty)
    );
    assert_eq!(
        add(&Library::single(bank()), &mut w, "halo pak", T1),
        Err(CodeError::NotACode)
    );
    let cut = code(&siti(), None);
    assert_eq!(
        add(&Library::single(bank()), &mut w, &cut[..cut.len() - 3], T1),
        Err(CodeError::Truncated)
    );
    assert_eq!(w, before);
}

#[test]
fn the_same_name_again_becomes_before_and_after() {
    let bank = bank();
    let mut w = with_t1();
    let p = &w.participants[1];
    assert_eq!(p.name.as_deref(), Some("Pak Yohanis"));
    assert_eq!(p.before.code, code(&yohanis_t0(), Some("Pak Yohanis")));
    assert_eq!(p.before.added, T0);
    let t1 = code(&siti(), Some("pak YOHANIS"));
    assert_eq!(p.after.as_ref().map(|e| e.code.as_str()), Some(t1.as_str()));

    // Sending T1 again changes nothing; so does T0 again.
    assert_eq!(
        add(&Library::single(bank), &mut w, &t1, "2025-07-11"),
        Ok(Added::Duplicate)
    );
    let t0_again = code(&yohanis_t0(), Some("Pak Yohanis"));
    assert_eq!(
        add(&Library::single(bank), &mut w, &t0_again, "2025-07-11"),
        Ok(Added::Duplicate)
    );

    // A third, different result replaces T1 and keeps T0.
    let t2 = code(&owner(&[("npwp", &["npwp_badan"])]), Some("Pak Yohanis"));
    assert_eq!(
        add(&Library::single(bank), &mut w, &t2, "2025-08-01"),
        Ok(Added::FollowUp)
    );
    let p = &w.participants[1];
    assert_eq!(p.before.added, T0);
    assert_eq!(
        p.after
            .as_ref()
            .map(|e| (e.code.as_str(), e.added.as_str())),
        Some((t2.as_str(), "2025-08-01"))
    );
    assert_eq!(w.participants.len(), 4);

    // A result dated between T0 and T1 is neither: nothing changes, and the
    // trainer isn't told a follow-up was added.
    let kept = w.clone();
    let middle = code(&owner(&[("npwp", &["belum"])]), Some("Pak Yohanis"));
    assert_eq!(
        add(&Library::single(bank), &mut w, &middle, "2025-07-20"),
        Ok(Added::Between)
    );
    assert_eq!(w, kept);
}

// ---- Table: sorting and shortlist ----------------------------------------------

fn order(rows: &[Row]) -> Vec<usize> {
    rows.iter().map(|r| r.participant).collect()
}

#[test]
fn sorting_the_table() {
    let bank = bank();
    let mut r = rows(&Library::single(bank), &with_t1());
    // Overall: Siti 100, Yohanis 100, Maria 80, no name 86.
    sort(&mut r, SortKey::Overall, true);
    assert_eq!(order(&r), [0, 1, 3, 2], "ties keep workshop order");
    sort(&mut r, SortKey::Overall, false);
    assert_eq!(order(&r), [2, 3, 0, 1]);
    sort(&mut r, SortKey::Level, true);
    assert_eq!(order(&r), [0, 1, 3, 2]);
    sort(&mut r, SortKey::Name, false);
    assert_eq!(order(&r), [0, 2, 1, 3], "Ibu, Mama, Pak, then Peserta 4");
    sort(&mut r, SortKey::Name, true);
    assert_eq!(order(&r), [3, 1, 2, 0]);
    // jalur: no name 30, the rest 100.
    sort(&mut r, SortKey::Area(3), false);
    assert_eq!(order(&r), [3, 0, 1, 2]);
    // digital descending: 100, 100, 100 (no name), 33.
    sort(&mut r, SortKey::Area(2), true);
    assert_eq!(order(&r), [0, 1, 3, 2]);
    // An area that doesn't exist sorts nothing and panics nowhere.
    sort(&mut r, SortKey::Area(99), true);
    assert_eq!(order(&r), [0, 1, 2, 3]);

    // Level within level by overall: Dasar 80 < Madya 86 < Siap Ekspor 100.
    let mut r = rows(&Library::single(bank), &at_t0());
    sort(&mut r, SortKey::Level, false);
    // Maria (Dasar, 80); Yohanis (Madya, 90) after no name (Madya, 86); Siti.
    assert_eq!(order(&r), [2, 3, 1, 0]);
}

#[test]
fn shortlist_madya_and_above_with_nib() {
    let bank = bank();
    let madya_with_nib = Shortlist {
        min_level: bank.level_index("madya").unwrap(),
        without_gates: vec!["tanpa_nib".into()],
    };
    // At T0 Yohanis is Madya without NIB: left out. Maria is Dasar.
    let r = rows(&Library::single(bank), &at_t0());
    let picked: Vec<usize> = shortlist(&Library::single(bank), &r, &madya_with_nib)
        .iter()
        .map(|r| r.participant)
        .collect();
    assert_eq!(picked, [0, 3]);
    // After mentoring he has an NIB.
    let r = rows(&Library::single(bank), &with_t1());
    let picked: Vec<usize> = shortlist(&Library::single(bank), &r, &madya_with_nib)
        .iter()
        .map(|r| r.participant)
        .collect();
    assert_eq!(picked, [0, 1, 3]);
    // Siap Ekspor only, and no NPWP problem either.
    let strict = Shortlist {
        min_level: bank.level_index("siap_ekspor").unwrap(),
        without_gates: vec![
            "tanpa_nib".into(),
            "npwp_belum_valid".into(),
            "tidak_ada".into(),
        ],
    };
    assert_eq!(shortlist(&Library::single(bank), &r, &strict).len(), 2);
    // Madya and above without an NPWP problem drops the unnamed participant.
    let no_npwp_problem = Shortlist {
        min_level: 1,
        without_gates: vec!["npwp_belum_valid".into()],
    };
    let picked: Vec<usize> = shortlist(&Library::single(bank), &r, &no_npwp_problem)
        .iter()
        .map(|r| r.participant)
        .collect();
    assert_eq!(picked, [0, 1]);
    assert_eq!(
        shortlist(&Library::single(bank), &r, &Shortlist::default()).len(),
        4
    );
}

// ---- CSV ---------------------------------------------------------------------

#[test]
fn csv_opens_in_indonesian_excel() {
    let bank = bank();
    let mut w = with_t1();
    // Names as a trainer's list may hold them (from a merged file): a
    // formula, separators and quotes, a line break.
    let named = |name: &str, answers: &Answers| Participant {
        name: Some(name.into()),
        before: Entry {
            code: code(answers, Some(name)),
            added: T1.into(),
        },
        after: None,
    };
    w.participants
        .push(named("=HYPERLINK(\"http://x\")", &siti()));
    w.participants.push(named("Toko \"Sagu\"; Masohi", &siti()));
    w.participants.push(Participant {
        name: Some("Ibu\r\nAna".into()),
        before: Entry {
            code: "K1rusak".into(),
            added: T1.into(),
        },
        after: None,
    });
    w.participants.push(named("-Kopi @Manggarai", &siti()));

    let got = csv(&Library::single(bank), &w, Lang::Id);
    let expected = "\u{FEFF}\
Nama;Tingkat;Skor;Usaha & omzet;Produk;Literasi digital;Jalur & pengalaman ekspor;Pola pikir & kekhawatiran;Langkah berikutnya;Hambatan;Tanggal;Tingkat sebelum;Skor sebelum;Tanggal sebelum;Versi pertanyaan\r\n\
Ibu Siti;Siap Ekspor;100;100;100;100;100;100;Tanyakan rencana kiriman Anda ke Bea Cukai;;2025-06-12;;;;1\r\n\
Pak Yohanis;Siap Ekspor;100;100;100;100;100;100;Tanyakan rencana kiriman Anda ke Bea Cukai;;2025-07-10;Madya;90;2025-06-12;1\r\n\
Mama Maria;Dasar;80;100;77;33;100;100;Jaga mutu, jumlah, dan pasokan (3K);Pasokan belum tetap (3K), Belum punya email, Belum ada foto atau video produk;2025-06-12;;;;1\r\n\
Peserta 4;Madya;86;83;100;100;30;100;Pastikan NIK Anda valid sebagai NPWP;NIK/NPWP belum valid;2025-06-12;;;;1\r\n\
\"'=HYPERLINK(\"\"http://x\"\")\";Siap Ekspor;100;100;100;100;100;100;Tanyakan rencana kiriman Anda ke Bea Cukai;;2025-07-10;;;;1\r\n\
\"Toko \"\"Sagu\"\"; Masohi\";Siap Ekspor;100;100;100;100;100;100;Tanyakan rencana kiriman Anda ke Bea Cukai;;2025-07-10;;;;1\r\n\
\"Ibu\r\nAna\";;;;;;;;;;2025-07-10;;;;\r\n\
'-Kopi @Manggarai;Siap Ekspor;100;100;100;100;100;100;Tanyakan rencana kiriman Anda ke Bea Cukai;;2025-07-10;;;;1\r\n";
    assert_eq!(got, expected);
    // Every record has the header's 15 fields: 14 separators outside quotes,
    // and records end with CRLF outside quotes.
    let mut records = vec![0];
    let mut inside = false;
    let mut chars = got.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => inside = !inside,
            ';' if !inside => *records.last_mut().unwrap() += 1,
            '\r' if !inside => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR");
                records.push(0);
            }
            '\n' => assert!(inside, "a bare LF"),
            _ => {}
        }
    }
    assert_eq!(records.pop(), Some(0), "ends with CRLF");
    assert_eq!(records, vec![14; 1 + w.participants.len()]);
}

#[test]
fn csv_in_english() {
    let bank = bank();
    let got = csv(&Library::single(bank), &at_t0(), Lang::En);
    let mut lines = got.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("\u{FEFF}Name;Level;Score;Business & sales;Product;Digital skills;Export route & experience;Mindset & concerns;Next step;Blockers;Date;Level before;Score before;Date before;Questions version")
    );
    assert_eq!(
        lines.nth(1),
        Some("Pak Yohanis;Intermediate;90;57;100;93;100;100;Get an NIB through OSS;No NIB yet;2025-06-12;;;;1")
    );
    assert_eq!(
        lines.nth(1),
        Some("Participant 4;Intermediate;86;83;100;100;30;100;Make sure your NIK is valid as your tax number;NIK/NPWP not valid yet;2025-06-12;;;;1")
    );
    assert_eq!(
        csv(&Library::single(bank), &workshop(), Lang::En)
            .matches("\r\n")
            .count(),
        1
    );
}

// ---- Export, import, merge, storage ------------------------------------------

#[test]
fn export_then_import_gives_the_same_workshops() {
    let bank = bank();
    let mut second = workshop();
    second.id = "masohi-2025-07".into();
    second.place = "Masohi".into();
    add(
        &Library::single(bank),
        &mut second,
        &code(&maria(), Some("Ibu Nona")),
        T1,
    )
    .unwrap();
    let workshops = vec![with_t1(), second];
    let text = export(&workshops);
    assert!(
        text.starts_with("{\"format\":\"cek-siap-ekspor/pelatihan\",\"version\":1,"),
        "{text}"
    );
    let imported = import(&Library::single(bank), &text).unwrap();
    assert_eq!(imported.workshops, workshops);
    assert_eq!((imported.skipped_codes, imported.skipped_workshops), (0, 0));
    // Storage uses the same format and keeps everything as it is.
    assert_eq!(load(&save(&workshops)).map(|l| l.workshops), Ok(workshops));
}

#[test]
fn import_skips_bad_codes_and_reports_them() {
    let bank = bank();
    let mut w = with_t1();
    // A damaged code, and a code from another version of the questions.
    w.participants[0].before.code.push('A');
    let mut other = bank.clone();
    other.version = 9;
    w.participants.push(Participant {
        name: Some("Versi lama".into()),
        before: Entry {
            code: encode(&other, &siti(), Some("Versi lama")),
            added: T0.into(),
        },
        after: None,
    });
    let text = export(&[w]);
    let imported = import(&Library::single(bank), &text).unwrap();
    assert_eq!(imported.skipped_codes, 2);
    let names: Vec<Option<&str>> = imported.workshops[0]
        .participants
        .iter()
        .map(|p| p.name.as_deref())
        .collect();
    assert_eq!(names, [Some("Pak Yohanis"), Some("Mama Maria"), None]);
    assert!(imported.workshops[0].participants[0].after.is_some());
}

#[test]
fn import_errors_are_distinct_and_bilingual() {
    let bank = bank();
    let cases: [(&str, ImportError); 8] = [
        ("", ImportError::Empty),
        ("  \u{FEFF} ", ImportError::Empty),
        ("Nama;Tingkat;Skor", ImportError::NotAWorkshopFile),
        ("{}", ImportError::NotAWorkshopFile),
        (
            "{\"format\":\"lain\",\"version\":1,\"workshops\":[]}",
            ImportError::NotAWorkshopFile,
        ),
        (
            "{\"format\":\"cek-siap-ekspor/pelatihan\",\"version\":2,\"workshops\":[]}",
            ImportError::UnknownVersion(2),
        ),
        (
            "{\"format\":\"cek-siap-ekspor/pelatihan\",\"version\":1}",
            ImportError::Damaged,
        ),
        (
            "{\"format\":\"cek-siap-ekspor/pelatihan\",\"version\":1,\"workshops\":[1,{\"id\":3}]}",
            ImportError::Damaged,
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            import(&Library::single(bank), text),
            Err(expected),
            "{text:?}"
        );
        assert_eq!(load(text).map(|l| l.workshops), Err(expected), "{text:?}");
    }
    let messages: Vec<String> = [
        ImportError::Empty,
        ImportError::NotAWorkshopFile,
        ImportError::UnknownVersion(2),
        ImportError::Damaged,
    ]
    .iter()
    .flat_map(|e| [e.message(Lang::Id), e.message(Lang::En)])
    .collect();
    for (i, m) in messages.iter().enumerate() {
        assert!(!m.is_empty());
        assert!(!messages[..i].contains(m), "{m} twice");
    }
    // An empty list is fine; one unreadable workshop among good ones is
    // skipped and counted.
    let empty = "{\"format\":\"cek-siap-ekspor/pelatihan\",\"version\":1,\"workshops\":[]}";
    assert_eq!(
        import(&Library::single(bank), empty).map(|i| i.workshops.len()),
        Ok(0)
    );
    let text = export(&[at_t0()]).replace("\"workshops\":[", "\"workshops\":[{\"name\":5},");
    let imported = import(&Library::single(bank), &text).unwrap();
    assert_eq!(
        (imported.workshops.len(), imported.skipped_workshops),
        (1, 1)
    );
    assert_eq!(load(&text).map(|l| l.dropped), Ok(1));
}

#[test]
fn storage_keeps_codes_this_bank_cannot_read() {
    let mut w = at_t0();
    w.participants[2].before.code = "K1rusak".into();
    // Missing optional fields are filled in.
    let text = save(&[w.clone()]).replace(",\"place\":\"Merauke\"", "");
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.dropped, 0);
    assert_eq!(loaded.workshops[0].participants, w.participants);
    assert_eq!(loaded.workshops[0].place, "");
    assert_eq!(cohort::STORE_KEY, "cek-siap-ekspor.pelatihan.v1");
}

#[test]
fn merging_two_trainers_lists() {
    let bank = bank();
    // Trainer A met everyone at T0. Trainer B met Ibu Siti too, took Pak
    // Yohanis's T1 after mentoring and met someone new.
    let mut a = at_t0();
    let mut b = workshop();
    b.id = "merauke-b".into();
    add(
        &Library::single(bank),
        &mut b,
        &code(&siti(), Some("Ibu Siti")),
        T0,
    )
    .unwrap();
    add(
        &Library::single(bank),
        &mut b,
        &code(&siti(), Some("Pak Yohanis")),
        T1,
    )
    .unwrap();
    let ana = owner(&[("omzet", &["mikro"])]);
    add(
        &Library::single(bank),
        &mut b,
        &code(&ana, Some("Ibu Ana")),
        T1,
    )
    .unwrap();

    let report = merge(&Library::single(bank), &mut a, &b);
    assert_eq!(
        report,
        MergeReport {
            new: 1,
            duplicates: 1,
            follow_ups: 1,
            between: 0,
            skipped: 0
        }
    );
    assert_eq!(a, {
        let mut expected = with_t1();
        // The T1 was sent as "Pak Yohanis" here.
        expected.participants[1].after = Some(Entry {
            code: code(&siti(), Some("Pak Yohanis")),
            added: T1.into(),
        });
        add(
            &Library::single(bank),
            &mut expected,
            &code(&ana, Some("Ibu Ana")),
            T1,
        )
        .unwrap();
        expected
    });
    // Merging again adds nothing.
    let again = merge(&Library::single(bank), &mut a, &b);
    assert_eq!((again.new, again.follow_ups, again.duplicates), (0, 0, 3));

    // The other way round: B gets A's older T0 for Pak Yohanis, which
    // becomes his "before" because it is older.
    let mut b2 = b.clone();
    let report = merge(&Library::single(bank), &mut b2, &at_t0());
    assert_eq!(
        (report.new, report.duplicates, report.follow_ups),
        (2, 1, 1)
    );
    let yohanis = &b2.participants[1];
    assert_eq!(yohanis.before.added, T0);
    assert_eq!(
        yohanis.before.code,
        code(&yohanis_t0(), Some("Pak Yohanis"))
    );
    assert_eq!(yohanis.after.as_ref().map(|e| e.added.as_str()), Some(T1));
}

#[test]
fn merge_keeps_an_unnamed_pair_together() {
    let bank = bank();
    let mut other = workshop();
    other.participants.push(Participant {
        name: None,
        before: Entry {
            code: code(&unnamed(), None),
            added: T0.into(),
        },
        after: Some(Entry {
            code: code(&siti(), None),
            added: T1.into(),
        }),
    });
    let mut into = workshop();
    let report = merge(&Library::single(bank), &mut into, &other);
    assert_eq!((report.new, report.follow_ups), (1, 1));
    assert_eq!(into, other);
}

#[test]
fn merge_all_matches_workshops_by_id() {
    let bank = bank();
    let mut mine = vec![at_t0()];
    let mut theirs = with_t1();
    theirs.participants.truncate(2);
    let mut elsewhere = workshop();
    elsewhere.id = "manggarai-barat".into();
    add(
        &Library::single(bank),
        &mut elsewhere,
        &code(&maria(), None),
        T0,
    )
    .unwrap();
    let report = merge_all(
        &Library::single(bank),
        &mut mine,
        vec![theirs, elsewhere.clone()],
    );
    assert_eq!(
        (report.new, report.duplicates, report.follow_ups),
        (1, 2, 1)
    );
    assert_eq!(mine, vec![with_t1(), elsewhere]);
}

// ---- Consistency with the single-owner result ----------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A row shows exactly what the owner's own result screen shows.
    #[test]
    fn rows_agree_with_the_owners_result(seeds in vec(any::<u32>(), 8 * 60)) {
        let bank = bank();
        let mut w = workshop();
        let mut all = Vec::new();
        for (k, chunk) in seeds.chunks(60).enumerate() {
            let answers = walk_with(bank, |i, q| {
                let a = chunk[2 * i] as usize;
                match q.kind {
                    Kind::Single => vec![q.options[a % q.options.len()].id.clone()],
                    Kind::Multi => {
                        let c = &q.options[a % q.options.len()];
                        vec![c.id.clone()]
                    }
                }
            });
            add(&Library::single(bank), &mut w, &code(&answers, Some(&format!("Peserta uji {k}"))), T0).unwrap();
            all.push(answers);
        }
        let r = rows(&Library::single(bank), &w);
        prop_assert_eq!(r.len(), all.len());
        for (row, answers) in r.iter().zip(&all) {
            let o = assess(bank, answers);
            prop_assert_eq!(row.level, o.level);
            prop_assert_eq!(row.overall, o.overall);
            prop_assert_eq!(&row.areas, &o.areas.iter().map(|a| a.score).collect::<Vec<_>>());
            let current = |index: usize| Ref { bank: 0, index };
            prop_assert_eq!(&row.gates, &o.gates.iter().map(|&g| current(g)).collect::<Vec<_>>());
            prop_assert_eq!(row.next_step, plan(bank, answers, &o).next_step().map(current));
        }
        let s = summary(&Library::single(bank), &w);
        prop_assert_eq!(s.levels.iter().sum::<usize>(), all.len());
    }
}
