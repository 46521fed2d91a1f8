//! Results that last: every released question bank is frozen and pinned by
//! its fingerprint, every code a released app wrote still opens with the
//! answers, scores, level and next step it showed then, and a code is never
//! read against a bank that did not make it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use cek_core::archive::{self, locate, Found, Library, RELEASED};
use cek_core::bank::Bank;
use cek_core::code::{self, CodeError};
use cek_core::cohort::{self, Added, Workshop};
use cek_core::flow::Answers;
use cek_core::plan::plan;
use cek_core::score::assess;
use cek_core::validate;
use common::{answers_in, bank, walk_with, MERAUKE};
use serde::Deserialize;

/// A released bank as shipped, from `banks/`: its frozen JSON, which must be
/// the bank `RELEASED` records, and the pack the pages fetch, which must read
/// as that very bank.
fn released_bank(version: u32) -> Bank {
    let entry = archive::released(version).expect("a released version");
    let path = format!("{}/../../banks/{}", env!("CARGO_MANIFEST_DIR"), entry.file);
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let bank: Bank = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(
        (bank.version, bank.fingerprint()),
        (entry.version, entry.fingerprint),
        "{path} is not the bank RELEASED records"
    );
    let pack = format!("{}/../../banks/{}", env!("CARGO_MANIFEST_DIR"), entry.pack);
    let pack = std::fs::read(&pack).unwrap_or_else(|e| panic!("{pack}: {e}"));
    assert_eq!(
        archive::parse_released(entry, &pack).as_ref(),
        Some(&bank),
        "{}",
        entry.pack
    );
    bank
}

#[test]
fn every_released_bank_is_frozen_valid_and_pinned() {
    let mut last = 0;
    for entry in RELEASED {
        assert!(entry.version > last, "RELEASED is in version order");
        last = entry.version;
        assert!(
            entry.day().is_some(),
            "v{}: a real release day",
            entry.version
        );
        let bank = released_bank(entry.version);
        assert_eq!(
            validate::check(&bank),
            vec![],
            "v{} passes validation",
            entry.version
        );
        // A trainer compares area scores and levels across versions, so
        // every version keeps the same areas and levels (ids and order).
        let ids = |b: &Bank| {
            let areas: Vec<String> = b.areas.iter().map(|a| a.id.clone()).collect();
            let levels: Vec<String> = b.levels.iter().map(|l| l.id.clone()).collect();
            (areas, levels)
        };
        assert_eq!(
            ids(&bank),
            ids(current()),
            "v{}: areas and levels",
            entry.version
        );
    }
}

/// The built-in bank: today's questions.
fn current() -> &'static Bank {
    bank()
}

#[test]
fn the_built_in_bank_is_the_last_released_one() {
    let current = current();
    let last = RELEASED.last().unwrap();
    assert_eq!(
        (current.version, format!("{:#010x}", current.fingerprint())),
        (last.version, format!("{:#010x}", last.fingerprint)),
        "crates/core/src/engine/bank.json changed its questions, options, order, weights or rules \
         without a new version: results already shared would be misread. Release a new \
         version instead (README, \"Releasing a new version of the questions\"): bump \
         \"version\", copy the file to banks/bank-vN.json, add its pack to tests/pages.rs \
         and a line (with pack: \"bank-vN.pack1\") to archive::RELEASED."
    );
}

#[test]
fn wording_is_not_part_of_the_fingerprint_but_structure_is() {
    let base = current().clone();
    let print = base.fingerprint();
    let mut worded = base.clone();
    worded.questions[0].text.id.push_str(" (diperbaiki)");
    worded.rules[0].action.en = "Reworded.".into();
    assert_eq!(worded.fingerprint(), print);
    type Change = (&'static str, fn(&mut Bank));
    let changes: [Change; 6] = [
        ("a weight", |b| b.questions[1].weight += 1),
        ("an option's score", |b| {
            b.questions[0].options[0].score -= 1
        }),
        ("question order", |b| b.questions.swap(1, 2)),
        ("an option id", |b| b.questions[0].options[0].id.push('x')),
        ("a level threshold", |b| b.levels[1].min_score += 1),
        ("a rule's condition", |b| b.rules.swap(0, 1)),
    ];
    for (what, change) in changes {
        let mut b = base.clone();
        change(&mut b);
        assert_ne!(b.fingerprint(), print, "{what} changes the fingerprint");
    }
}

/// One golden vector: a code the released app wrote, and what it showed.
#[derive(Deserialize)]
struct Golden {
    owner: String,
    code: String,
    name: Option<String>,
    answers: Answers,
    overall: u8,
    areas: BTreeMap<String, u8>,
    level: String,
    next_step: Option<String>,
    plan: Vec<String>,
}

#[derive(Deserialize)]
struct Goldens {
    bank_version: u32,
    codes: Vec<Golden>,
}

fn goldens(file: &str) -> Goldens {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn codes_of_the_first_release_open_forever_as_they_were() {
    let g = goldens("codes-v1.json");
    assert_eq!(g.codes.len(), 7);
    let v1 = released_bank(g.bank_version);
    let current = current();
    for c in &g.codes {
        let owner = &c.owner;
        let header = code::header(&c.code).unwrap();
        assert_eq!((header.format, header.bank_version), (1, 1), "{owner}");
        // Whatever the app's own bank is today, the code finds version 1.
        match locate(&header, &[current]) {
            Found::Here(0) => assert_eq!(current.fingerprint(), v1.fingerprint(), "{owner}"),
            Found::Fetch(entry) => assert_eq!(entry.version, 1, "{owner}"),
            other => panic!("{owner}: {other:?}"),
        }
        let shared = code::decode(&v1, &c.code).unwrap_or_else(|e| panic!("{owner}: {e:?}"));
        assert_eq!(shared.answers, c.answers, "{owner}: answers");
        assert_eq!(shared.name, c.name, "{owner}: name");
        let o = assess(&v1, &shared.answers);
        let areas: BTreeMap<String, u8> = v1
            .areas
            .iter()
            .zip(&o.areas)
            .map(|(a, r)| (a.id.clone(), r.score))
            .collect();
        assert_eq!(o.overall, c.overall, "{owner}: overall");
        assert_eq!(areas, c.areas, "{owner}: areas");
        assert_eq!(v1.levels[o.level].id, c.level, "{owner}: level");
        let p = plan(&v1, &shared.answers, &o);
        let steps: Vec<String> = p.steps.iter().map(|&r| v1.rules[r].id.clone()).collect();
        assert_eq!(steps.first(), c.next_step.as_ref(), "{owner}: next step");
        assert_eq!(steps, c.plan, "{owner}: plan");
    }
}

/// The golden vectors cover the owners the issue names, so a gap shows.
#[test]
fn golden_vectors_cover_weakest_strongest_mixed_named_and_unnamed() {
    let g = goldens("codes-v1.json");
    let levels: Vec<&str> = g.codes.iter().map(|c| c.level.as_str()).collect();
    for level in ["dasar", "madya", "siap_ekspor"] {
        assert!(levels.contains(&level), "a code at {level}");
    }
    assert!(g.codes.iter().any(|c| c.name.is_some()));
    assert!(g.codes.iter().any(|c| c.name.is_none()));
}

/// A widget of the "Dinas Koperasi Maluku" with its own bank: the first
/// release's with one question's options swapped, so it carries version 1
/// like ours did.
fn dinas_bank() -> Bank {
    let mut b = common::v1().clone();
    b.questions[0].options.swap(0, 1);
    b.version = 1;
    b
}

#[test]
fn a_code_from_another_organisations_bank_is_never_read_with_ours() {
    let dinas = dinas_bank();
    let merauke = answers_in(common::v1(), MERAUKE);
    let code = code::encode_for(
        &dinas,
        &merauke,
        Some("Mama Yosefina"),
        Some("Dinas Koperasi Maluku"),
    );
    let header = code::header(&code).unwrap();
    assert_eq!(
        header.organisation.as_deref(),
        Some("Dinas Koperasi Maluku")
    );
    let other = CodeError::OtherOrganisation("Dinas Koperasi Maluku".into());
    assert_eq!(code::decode(current(), &code), Err(other.clone()));
    assert_eq!(locate(&header, &[current()]), Found::Missing(other.clone()));
    assert!(other
        .message(cek_core::Lang::Id)
        .contains("Dinas Koperasi Maluku"));
    // Its own page reads it.
    assert_eq!(
        code::decode(&dinas, &code).map(|s| s.answers),
        Ok(merauke.clone())
    );
    // Without an organisation's name it is still refused, by fingerprint.
    let anonymous = code::encode(&dinas, &merauke, None);
    assert_eq!(
        code::decode(current(), &anonymous),
        Err(CodeError::UnknownBank(1))
    );
    // A trainer's workshop skips it rather than misreading it.
    let mut w = Workshop::default();
    let library = Library::single(current());
    assert_eq!(
        cohort::add(&library, &mut w, &code, "2026-12-01"),
        Err(other)
    );
}

/// The next version of the questions as a test makes it: one weight more.
fn next_version() -> Bank {
    let mut b = current().clone();
    b.version += 1;
    b.questions[1].weight += 5;
    b
}

#[test]
fn a_workshop_pairs_a_before_on_old_questions_with_an_after_on_new_ones() {
    let old = current();
    let new = next_version();
    let weakest = walk_with(old, |_, q| q.weakest());
    let strongest = walk_with(&new, |_, q| q.strongest());
    let t0 = code::encode(old, &weakest, Some("Bapak Yohanis"));
    let t1 = code::encode(&new, &strongest, Some("Bapak Yohanis"));
    let library = Library::new(&new, &[old]);
    let mut w = Workshop::default();
    assert_eq!(
        cohort::add(&library, &mut w, &t0, "2026-11-29"),
        Ok(Added::New)
    );
    assert_eq!(
        cohort::add(&library, &mut w, &t1, "2026-12-20"),
        Ok(Added::FollowUp)
    );
    let rows = cohort::rows(&library, &w);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].bank, rows[0].before.as_ref().map(|b| b.bank)),
        (0, Some(1))
    );
    let s = cohort::summary(&library, &w);
    assert_eq!(
        (s.pairs.len(), s.pairs_across_versions, s.unreadable),
        (1, 1, 0)
    );
    assert_eq!(new.levels[s.pairs[0].before.level].id, "dasar");
    assert_eq!(new.levels[s.pairs[0].after.level].id, "siap_ekspor");
    // Without the old bank (not fetched yet), the old code is unreadable,
    // and kept: nothing is dropped from the workshop.
    let only_new = Library::single(&new);
    assert_eq!(cohort::rows(&only_new, &w)[0].before, None);
    assert_eq!(
        cohort::add(&only_new, &mut w.clone(), &t0, "2026-12-21"),
        Err(CodeError::BankUnavailable(old.version))
    );
    let csv = cohort::csv(&library, &w, cek_core::Lang::Id);
    let v = |b: &Bank| b.version.to_string();
    assert!(
        csv.contains(&format!(";{} → {}\r\n", v(old), v(&new))),
        "{csv}"
    );
}

#[test]
fn a_bank_whose_longest_code_would_not_decode_is_refused() {
    // Add options to a multi-choice question until the answers alone need
    // more bits than a code can hold.
    let mut big = current().clone();
    let multi = big
        .questions
        .iter()
        .position(|q| q.kind == cek_core::Kind::Multi)
        .unwrap();
    let mut n = 0;
    while code::longest_answer_bits(&big) <= code::MAX_ANSWER_BITS {
        // More questions like it, each with its own id.
        let mut q = big.questions[multi].clone();
        q.id = format!("tambahan_{n}");
        q.show_if = None;
        big.questions.push(q);
        n += 1;
    }
    let problems = validate::check(&big);
    assert!(
        problems.iter().any(|p| matches!(
            p,
            validate::Problem::At {
                what: validate::What::TooLongForCode { .. },
                ..
            }
        )),
        "{problems:?}"
    );
    // One question fewer fits, and its longest code decodes.
    big.questions.pop();
    assert_eq!(validate::check(&big), vec![]);
    let all = walk_with(&big, |_, q| q.strongest());
    let name = "N".repeat(code::NAME_MAX);
    let org = "O".repeat(code::ORG_MAX);
    let longest = code::encode_for(&big, &all, Some(&name), Some(&org));
    assert_eq!(code::decode(&big, &longest).map(|s| s.answers), Ok(all));
}

/// The pinned code of another organisation's widget (tests/fixtures/
/// code-other-organisation.json) is what the e2e test opens on our page: it
/// reads with that organisation's bank, and names the organisation on ours.
#[test]
fn the_other_organisations_pinned_code_reads_only_with_its_own_bank() {
    #[derive(Deserialize)]
    struct Pinned {
        code: String,
        organisation: String,
        name: String,
        answers: Answers,
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/code-other-organisation.json"
    );
    let p: Pinned = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let shared = code::decode(&dinas_bank(), &p.code).expect("its own bank reads it");
    assert_eq!((shared.answers, shared.name), (p.answers, Some(p.name)));
    for ours in [current(), common::v1()] {
        assert_eq!(
            code::decode(ours, &p.code),
            Err(CodeError::OtherOrganisation(p.organisation.clone()))
        );
    }
    let header = code::header(&p.code).unwrap();
    assert_eq!(
        locate(&header, &[current()]),
        Found::Missing(CodeError::OtherOrganisation(p.organisation))
    );
}

/// A host that kept our very questions and only reworded them (the same
/// fingerprint) may have changed what they mean: its codes name it, and our
/// pages still never read them with our questions.
#[test]
fn a_reworded_copy_of_our_bank_is_still_another_organisations() {
    let mut reworded = current().clone();
    reworded.questions[1].text.id = "Apakah produk Anda sudah bersertifikat halal?".into();
    assert_eq!(reworded.fingerprint(), current().fingerprint());
    let answers = walk_with(&reworded, |_, q| q.strongest());
    let code = code::encode_for(&reworded, &answers, None, Some("Dinas Khusus"));
    let header = code::header(&code).unwrap();
    let other = CodeError::OtherOrganisation("Dinas Khusus".into());
    assert_eq!(locate(&header, &[current()]), Found::Missing(other.clone()));
    let mut w = Workshop::default();
    assert_eq!(
        cohort::add(&Library::single(current()), &mut w, &code, "2026-12-02"),
        Err(other)
    );
}
