//! Every bank's pack, what the pages carry and fetch (`assessment::pack`), is
//! the pack of its JSON source. A stale pack is rewritten and the test fails
//! (as rust-analyzer's sourcegen tests do), so a changed `bank.json` cannot
//! ship with its old pack: run `cargo test` again and commit the new pack.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use cek_core::archive::RELEASED;
use cek_core::bank::Bank;
use cek_core::bank::Lang;
use cek_core::pack::{add_english, one_language, pack, titles_only, unpack, MAGIC};
use proptest::prelude::*;

mod common;

/// The repository, where `banks/` is.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// (JSON source, its pack), relative to the crate: the built-in bank and
/// every released one.
fn sources() -> Vec<(String, String)> {
    let mut all = vec![(
        "crates/core/src/engine/bank.json".to_string(),
        "crates/core/src/engine/bank.pack1".to_string(),
    )];
    for r in RELEASED {
        all.push((format!("banks/{}", r.file), format!("banks/{}", r.pack)));
    }
    all
}

fn bank(json: &str) -> Bank {
    let text = fs::read_to_string(format!("{ROOT}/{json}")).expect(json);
    Bank::from_json(&text).unwrap_or_else(|p| panic!("{json} does not validate: {p:?}"))
}

/// The trainer's page carries the built-in bank through `titles_only`.
const TITLES: &str = "crates/core/src/engine/bank.titles.pack1";
const BUILTIN_JSON: &str = "crates/core/src/engine/bank.json";
/// The owner's page and the widget carry the built-in bank in Indonesian and
/// fetch its English (`pack::ENGLISH_FILE`).
const INDONESIAN: &str = "crates/core/src/engine/bank.id.pack1";
const ENGLISH: &str = "crates/core/src/engine/bank.en.pack1";

#[test]
fn every_pack_is_the_pack_of_its_json() {
    let mut rewritten = Vec::new();
    let derived = [TITLES, INDONESIAN, ENGLISH].map(|p| (BUILTIN_JSON.to_string(), p.to_string()));
    for (json, packed) in sources().into_iter().chain(derived) {
        let whole = bank(&json);
        let want = pack(&match packed.as_str() {
            TITLES => titles_only(&whole),
            INDONESIAN => one_language(&whole, Lang::Id),
            ENGLISH => one_language(&whole, Lang::En),
            _ => whole,
        });
        let path = format!("{ROOT}/{packed}");
        if fs::read(&path).ok().as_deref() != Some(&want[..]) {
            fs::write(&path, &want).expect("write the pack");
            rewritten.push(packed);
        }
    }
    assert!(
        rewritten.is_empty(),
        "stale packs rewritten from their JSON: {rewritten:?}; run cargo test again and commit them"
    );
}

#[test]
fn every_pack_unpacks_to_its_bank() {
    for (json, _) in sources() {
        let bank = bank(&json);
        assert_eq!(unpack(&pack(&bank)).as_ref(), Some(&bank), "{json}");
    }
    assert_eq!(Bank::builtin(), &bank("crates/core/src/engine/bank.json"));
}

#[test]
fn released_packs_keep_their_fingerprints() {
    for r in RELEASED {
        let bytes = fs::read(format!("{ROOT}/banks/{}", r.pack)).expect(r.pack);
        let bank = unpack(&bytes).expect(r.pack);
        assert_eq!(
            (bank.version, bank.fingerprint()),
            (r.version, r.fingerprint),
            "{}",
            r.pack
        );
    }
}

#[test]
fn a_damaged_pack_is_refused_not_misread() {
    let whole = pack(Bank::builtin());
    // Cut short anywhere (every 61st length and the last 200, which covers
    // every field kind): nothing.
    let cuts = (0..whole.len())
        .step_by(61)
        .chain(whole.len() - 200..whole.len());
    for len in cuts {
        assert_eq!(unpack(&whole[..len]), None, "cut at {len}");
    }
    // One byte too many, another format, another magic: nothing.
    let mut longer = whole.clone();
    longer.push(0);
    assert_eq!(unpack(&longer), None);
    let mut other_format = whole.clone();
    other_format[3] = 2;
    assert_eq!(unpack(&other_format), None);
    assert_eq!(unpack(b"{\"version\": 2}"), None);
    // The control: the whole pack reads.
    assert!(unpack(&whole).is_some());
    assert_eq!(&whole[..4], &MAGIC);
}

#[test]
fn a_count_larger_than_the_pack_is_refused_before_allocating() {
    // MAGIC, version 1, then "2^28 areas" in five bytes and nothing else.
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&[1, 0x80, 0x80, 0x80, 0x80, 0x01]);
    assert_eq!(unpack(&bytes), None);
}

// ---- The trainer's bank: titles only ---------------------------------------

/// The committed titles pack, read once for all the tests (and the
/// property test's cases) that compare it with the whole bank.
fn titles() -> &'static Bank {
    static TITLES_BANK: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
    TITLES_BANK.get_or_init(|| {
        let bytes = fs::read(format!("{ROOT}/{TITLES}")).expect(TITLES);
        unpack(&bytes).expect("the titles pack unpacks")
    })
}

#[test]
fn the_trainers_bank_is_the_same_bank_to_every_result_code() {
    let (whole, titles) = (Bank::builtin(), titles());
    assert_eq!(
        (titles.version, titles.fingerprint()),
        (whole.version, whole.fingerprint())
    );
    // And it is smaller, or there would be no reason for it.
    let (a, b) = (pack(whole).len(), pack(titles).len());
    assert!(b * 2 < a, "titles pack {b} bytes, whole {a}");
}

#[test]
fn the_trainers_bank_keeps_every_title_the_dashboard_shows() {
    let (whole, titles) = (Bank::builtin(), titles());
    let shown = |b: &Bank| {
        let mut all = Vec::new();
        all.extend(b.areas.iter().map(|a| a.title.clone()));
        all.extend(b.levels.iter().map(|l| l.title.clone()));
        all.extend(b.rules.iter().map(|r| r.title.clone()));
        all.extend(b.gates.iter().map(|g| g.short.clone()));
        all.extend(b.questions.iter().map(|q| q.short.clone()));
        all
    };
    let kept = shown(titles);
    assert_eq!(kept, shown(whole));
    assert!(kept.iter().all(|t| !t.id.is_empty() && !t.en.is_empty()));
    // What it leaves out: the texts an owner reads.
    assert!(titles
        .questions
        .iter()
        .all(|q| q.text.id.is_empty() && q.help.is_none()));
    assert!(titles
        .rules
        .iter()
        .all(|r| r.action.id.is_empty() && r.why.en.is_empty()));
}

#[test]
fn the_trainers_bank_scores_the_e2e_owners_as_the_whole_bank() {
    let (whole, titles) = (Bank::builtin(), titles());
    for name in ["weakest", "strongest", "merauke", "first"] {
        let answers = common::e2e_owner(name);
        let (a, b) = (
            cek_core::score::assess(whole, &answers),
            cek_core::score::assess(titles, &answers),
        );
        assert_eq!(a, b, "{name}");
        assert_eq!(
            cek_core::plan::plan(whole, &answers, &a),
            cek_core::plan::plan(titles, &answers, &b),
            "{name}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_trainers_bank_scores_any_answers_as_the_whole_bank(seeds in common::seeds()) {
        let (whole, titles) = (Bank::builtin(), titles());
        let answers = common::complete(whole, &seeds);
        let (a, b) = (
            cek_core::score::assess(whole, &answers),
            cek_core::score::assess(titles, &answers),
        );
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(
            cek_core::plan::plan(whole, &answers, &a),
            cek_core::plan::plan(titles, &answers, &b)
        );
    }
}

// ---- The owner's page: Indonesian built in, English fetched ----------------

fn committed(path: &str) -> Bank {
    unpack(&fs::read(format!("{ROOT}/{path}")).expect(path)).expect(path)
}

#[test]
fn the_indonesian_bank_with_the_fetched_english_is_the_whole_bank() {
    let (indonesian, english) = (committed(INDONESIAN), committed(ENGLISH));
    let mut whole = indonesian.clone();
    assert!(add_english(&mut whole, english.clone()));
    assert_eq!(&whole, Bank::builtin());
    // Each half alone has no text of the other language, or there would be
    // no reason for the split.
    let first = &indonesian.questions[0];
    assert_eq!(
        (first.text.en.as_str(), first.options[0].text.en.as_str()),
        ("", "")
    );
    assert_eq!(english.rules[0].action.id, "");
    let (a, b) = (pack(&indonesian).len(), pack(Bank::builtin()).len());
    assert!(a * 3 < b * 2, "Indonesian pack {a} bytes, whole {b}");
}

#[test]
fn english_of_another_bank_or_a_damaged_one_is_refused() {
    let indonesian = committed(INDONESIAN);
    let english = committed(ENGLISH);
    // A bool, not `assert_eq!` on banks: a failure would print two whole
    // banks. What is refused leaves the bank as it was.
    let fits = |en: &Bank| {
        let mut whole = indonesian.clone();
        let fits = add_english(&mut whole, en.clone());
        assert!(
            fits || whole == indonesian,
            "a refused English changed the bank"
        );
        fits
    };
    // The first release's questions: another fingerprint, other helps.
    assert!(!fits(&one_language(
        &committed("banks/bank-v1.pack1"),
        Lang::En
    )));
    // Another build's English whose questions weigh differently: the same
    // texts in the same places, another fingerprint.
    let mut reweighed = english.clone();
    reweighed.questions[0].weight += 1;
    assert_ne!(reweighed.fingerprint(), english.fingerprint());
    assert!(!fits(&reweighed));
    // Help moved from one question to another: the same fingerprint, and the
    // same number of texts, but not the same places.
    let mut moved = english.clone();
    let with_help = moved
        .questions
        .iter()
        .position(|q| q.help.is_some())
        .unwrap();
    let without = moved
        .questions
        .iter()
        .position(|q| q.help.is_none())
        .unwrap();
    moved.questions[without].help = moved.questions[with_help].help.take();
    assert_eq!(moved.fingerprint(), english.fingerprint());
    assert!(!fits(&moved));
    // A text with no English (the Indonesian pack offered as English).
    assert!(!fits(&indonesian));
    let mut one_missing = english.clone();
    one_missing.rules[3].why.en.clear();
    assert!(!fits(&one_missing));
    // The control: the file as committed fits.
    assert!(fits(&english));
}
