//! Helpers the native test files share: the built-in bank, a ministry's configuration with every field set, answer sets walked through the bank in order (random complete ones from seeds, or chosen per question), answers from scenario tables, the Merauke owner, and answers built from arbitrary indices.
//!
//! Every test binary that says `mod common;` compiles all of this but uses
//! only part of it, so items that some binary leaves unused carry
//! `#[allow(dead_code)]`.

use cek_core::bank::{Bank, Kind, Question};
use cek_core::flow::{first_unanswered, Answers};
use cek_core::score::visibility;
use proptest::collection::vec;
use proptest::prelude::*;

/// Today's built-in bank.
pub fn bank() -> &'static Bank {
    Bank::builtin()
}

/// The first released bank, frozen in `banks/bank-v1.json`: the tests of
/// mechanics that don't depend on today's questions (result codes, cohorts,
/// saved progress, the compiled engine) keep running on it, with their
/// hand-computed numbers, whatever the questions become.
#[allow(dead_code)]
pub fn v1() -> &'static Bank {
    static V1: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
    V1.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../banks/bank-v1.json");
        let json = std::fs::read_to_string(path).expect("banks/bank-v1.json");
        Bank::from_json(&json).expect("the first released bank validates")
    })
}

// ---- Answer sets walked through the bank ----------------------------------

/// Walks the bank in order and answers every question shown under the
/// answers so far with `choose(index, question)`.
#[allow(dead_code)]
pub fn walk_with(bank: &Bank, mut choose: impl FnMut(usize, &Question) -> Vec<String>) -> Answers {
    let mut answers = Answers::new();
    for (i, q) in bank.questions.iter().enumerate() {
        if visibility(bank, &answers)[i] {
            answers.insert(q.id.clone(), choose(i, q));
        }
    }
    answers
}

/// Random numbers that drive one walk through the bank (two per question).
#[allow(dead_code)]
pub fn seeds() -> impl Strategy<Value = Vec<u32>> {
    vec(any::<u32>(), bank().questions.len() * 2)
}

/// A complete, valid answer set: every question shown under the answers so
/// far is answered, with a choice drawn from the seeds.
#[allow(dead_code)]
pub fn complete(bank: &Bank, seeds: &[u32]) -> Answers {
    walk_with(bank, |i, q| pick(q, seeds[2 * i], seeds[2 * i + 1]))
}

/// A valid answer to one question. Single: one option. Multi: a non-empty
/// subset in bank order, where an exclusive option ("Belum ada", "Tidak
/// tahu") stands alone.
fn pick(q: &Question, a: u32, b: u32) -> Vec<String> {
    match q.kind {
        Kind::Single => vec![q.options[a as usize % q.options.len()].id.clone()],
        Kind::Multi => {
            let exclusive: Vec<&str> = q
                .options
                .iter()
                .filter(|c| c.exclusive)
                .map(|c| c.id.as_str())
                .collect();
            let plain: Vec<&str> = q
                .options
                .iter()
                .filter(|c| !c.exclusive)
                .map(|c| c.id.as_str())
                .collect();
            if plain.is_empty() || (!exclusive.is_empty() && a.is_multiple_of(4)) {
                return vec![exclusive[b as usize % exclusive.len()].to_string()];
            }
            let mut chosen: Vec<String> = plain
                .iter()
                .enumerate()
                .filter(|(k, _)| (b >> k) & 1 == 1)
                .map(|(_, id)| id.to_string())
                .collect();
            if chosen.is_empty() {
                chosen.push(plain[a as usize % plain.len()].to_string());
            }
            chosen
        }
    }
}

/// Anything at all from arbitrary indices: a question index past the bank
/// gives an unknown question id, an option index past the question's options
/// an unknown option id; hidden questions and empty answers stay as drawn.
#[allow(dead_code)]
pub fn nonsense(bank: &Bank, raw: Vec<(usize, Vec<usize>)>) -> Answers {
    let mut answers = Answers::new();
    for (qi, options) in raw {
        let Some(q) = bank.questions.get(qi) else {
            answers.insert(format!("tidak_ada_{qi}"), vec!["x".into()]);
            continue;
        };
        let chosen = options
            .iter()
            .map(|&o| {
                q.options
                    .get(o)
                    .map_or_else(|| format!("ngawur_{o}"), |c| c.id.clone())
            })
            .collect();
        answers.insert(q.id.clone(), chosen);
    }
    answers
}

// ---- Scenario tables -------------------------------------------------------

/// Everything about an outcome (scores, level, gates, the plan with each
/// "why"), so a failing scenario can be read without a debugger.
#[allow(dead_code)]
pub fn report(bank: &Bank, answers: &Answers) -> String {
    let outcome = cek_core::score::assess(bank, answers);
    let plan = cek_core::plan::plan(bank, answers, &outcome);
    let areas: Vec<String> = bank
        .areas
        .iter()
        .zip(&outcome.areas)
        .map(|(a, r)| format!("{} {}", a.id, r.score))
        .collect();
    let gates: Vec<&str> = outcome
        .gates
        .iter()
        .map(|&g| bank.gates[g].id.as_str())
        .collect();
    let steps: Vec<String> = plan
        .steps
        .iter()
        .map(|&r| {
            let step = cek_core::plan::step(bank, answers, r, cek_core::bank::Lang::Id);
            format!("  - {}: {}", bank.rules[r].id, step.why)
        })
        .collect();
    format!(
        "overall {} (score level {}, level {})\nareas: {}\ngates: {:?}\nplan:\n{}",
        outcome.overall,
        bank.levels[outcome.score_level].id,
        bank.levels[outcome.level].id,
        areas.join(", "),
        gates,
        steps.join("\n")
    )
}

/// An owner's answers as written in a scenario: question id, options chosen.
#[allow(dead_code)]
pub type Table<'a> = &'a [(&'a str, &'a [&'a str])];

/// The answers of a scenario table; every question and option must exist
/// in the built-in bank and no question may be answered twice.
#[allow(dead_code)]
pub fn answers(table: Table) -> Answers {
    answers_in(bank(), table)
}

/// As `answers`, for a given bank.
#[allow(dead_code)]
pub fn answers_in(bank: &Bank, table: Table) -> Answers {
    let mut answers = Answers::new();
    for (q, chosen) in table {
        let question = bank
            .question(q)
            .unwrap_or_else(|| panic!("scenario answers unknown question {q:?}"));
        for c in *chosen {
            assert!(question.choice(c).is_some(), "{q:?} has no option {c:?}");
        }
        let previous = answers.insert(
            q.to_string(),
            chosen.iter().map(|c| c.to_string()).collect(),
        );
        assert!(previous.is_none(), "{q:?} answered twice");
    }
    answers
}

/// A base profile with `differs` applied: what one owner differs in from a
/// typical one. Answers to questions this owner is no longer shown are
/// dropped, and every question shown must be answered.
#[allow(dead_code)]
pub fn answers_over(bank: &Bank, base: Table, differs: Table) -> Answers {
    // Each override is checked as any scenario table is (known question and
    // options, none answered twice), then replaces the base's answer.
    let mut answers = answers_in(bank, base);
    answers.extend(answers_in(bank, differs));
    loop {
        let shown = visibility(bank, &answers);
        let hidden: Vec<String> = (bank.questions.iter().zip(&shown))
            .filter(|(q, on)| !**on && answers.contains_key(&q.id))
            .map(|(q, _)| q.id.clone())
            .collect();
        if hidden.is_empty() {
            break;
        }
        for q in hidden {
            assert!(
                !differs.iter().any(|(d, _)| *d == q),
                "the scenario answers {q:?}, which this owner is never asked"
            );
            answers.remove(&q);
        }
    }
    if let Some(q) = first_unanswered(bank, &answers) {
        panic!("the scenario leaves {q:?} unanswered");
    }
    answers
}

/// Merauke, in the first release's questions (`v1()`): a micro roaster selling ground coffee, with NIB, P-IRT and halal
/// in process, who has never had an email address: a typical owner who has
/// never shipped abroad.
#[allow(dead_code)]
pub const MERAUKE: Table = &[
    ("omzet", &["mikro"]),
    ("nib", &["sudah"]),
    ("npwp", &["nik_valid"]),
    ("lama_usaha", &["satu_tiga_tahun"]),
    ("jenis_produk", &["pangan_olahan"]),
    ("izin_edar", &["pirt"]),
    ("halal", &["sedang_diurus"]),
    ("sertifikat_mutu", &["belum_ada"]),
    ("kapasitas", &["bersama"]),
    ("kontinuitas", &["ya"]),
    ("kemasan_label", &["lengkap"]),
    ("kode_hs", &["kira_kira"]),
    ("email", &["belum"]),
    ("konten", &["kadang"]),
    ("optimasi_konten", &["foto_jelas"]),
    ("kanal_jual", &["wa_medsos"]),
    ("keamanan_digital", &["rahasia_otp"]),
    ("pengalaman_ekspor", &["belum"]),
    ("berat_kiriman", &["sampai_30kg"]),
    ("pasar_tujuan", &["belum_tahu"]),
    ("bantuan", &["belum_tahu"]),
    ("kekhawatiran", &["ribet", "biaya"]),
    ("komitmen", &["dua_lima_jam"]),
    ("pendampingan", &["mau"]),
];

/// The answers of an owner of `e2e/owners.mjs` (the one table of known
/// owners, kept true by `tests/e2e_levels.rs`), by name.
#[allow(dead_code)]
pub fn e2e_owner(name: &str) -> Answers {
    let file = include_str!("../../../../e2e/owners.mjs");
    let table = file
        .split_once("const OWNERS = ")
        .and_then(|(_, rest)| rest.split_once(";\n// END OWNERS"))
        .expect("e2e/owners.mjs has its table")
        .0;
    let owners: Vec<serde_json::Value> = serde_json::from_str(table).expect("the table is JSON");
    let found = owners
        .into_iter()
        .find(|o| o["name"] == name)
        .unwrap_or_else(|| panic!("no owner {name:?} in e2e/owners.mjs"));
    serde_json::from_value(found["answers"].clone()).expect("answers are option ids")
}

/// A ministry's widget configuration with every field set (no bank).
#[allow(dead_code)]
pub fn full_config() -> serde_json::Value {
    serde_json::json!({
        "version": 1,
        "organisation": { "name": "Dinas Perindag Provinsi Maluku", "logo": "/assets/logo-dinas.png" },
        "contact": {
            "whatsapp": "+62 812-3456-7890",
            "email": "ekspor@disperindag.malukuprov.go.id",
            "address": { "id": "Jl. Pattimura No. 1, Ambon", "en": "Jl. Pattimura No. 1, Ambon, Indonesia" }
        },
        "theme_color": "#0b5d5a",
        "language": "en"
    })
}
