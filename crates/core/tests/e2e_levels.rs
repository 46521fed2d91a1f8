//! The answer sets and expected outcomes the end-to-end tests drive through
//! the real pages (`e2e/levels.test.mjs`, and the other files that finish an
//! assessment) live in one table, `OWNERS` in `e2e/owners.mjs`, so they are
//! easy to update when the question bank changes. This test recomputes
//! every row with the core and fails if the table is stale, printing the
//! table as it should read, ready to paste.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cek_core::bank::{Bank, Lang};
use cek_core::flow::{first_unanswered, shown_ids, Answers};
use cek_core::plan::plan;
use cek_core::progress;
use cek_core::score::assess;
use common::{answers, bank, walk_with, Table};
use serde_json::{json, Value};

const E2E: &str = include_str!("../../../e2e/owners.mjs");
const BEGIN: &str = "// BEGIN OWNERS (checked by tests/e2e_levels.rs)\nconst OWNERS = ";
const END: &str = ";\n// END OWNERS";
const V1_RESULT: &str = include_str!("fixtures/progress-v1/v1-result.json");

/// Merauke in today's questions: a micro roaster of ground coffee with a
/// P-IRT, halal in process, who posts a few times a month and has never had
/// an email address or shipped abroad.
const MERAUKE: Table = &[
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
    ("komitmen", &["dua_lima_jam"]),
    ("pendampingan", &["mau"]),
];

/// The first release's saved result as today's app resumes it: the answers
/// still valid are kept, and the new questions are answered with their
/// first option, as answerAll() in e2e/helpers.mjs does.
fn v1_result_resumed(bank: &Bank) -> Answers {
    let kept = progress::decode(bank, V1_RESULT, Lang::Id)
        .expect("the fixture reads")
        .answers;
    walk_with(bank, |_, q| {
        kept.get(&q.id)
            .cloned()
            .unwrap_or_else(|| vec![q.options[0].id.clone()])
    })
}

/// The owners: who they are and their answers.
fn owners(bank: &Bank) -> Vec<(&'static str, &'static str, Answers)> {
    vec![
        (
            "weakest",
            "the weakest answer to every question shown",
            walk_with(bank, |_, q| q.weakest()),
        ),
        (
            "strongest",
            "the strongest answer to every question shown",
            walk_with(bank, |_, q| q.strongest()),
        ),
        (
            "merauke",
            "a Merauke coffee roaster with no email yet",
            answers(MERAUKE),
        ),
        (
            "first",
            "the first option of every question shown, as answerAll() in e2e/helpers.mjs answers",
            walk_with(bank, |_, q| vec![q.options[0].id.clone()]),
        ),
        (
            "v1-result",
            "the finished assessment the first release saved in crates/core/tests/fixtures/progress-v1/v1-result.json, resumed after the update: its new questions answered with their first option",
            v1_result_resumed(bank),
        ),
    ]
}

/// One row of the table, as JSON text: who, the level and the next step
/// (id and Indonesian title), then the answers in bank order.
fn row(bank: &Bank, name: &str, who: &str, answers: &Answers) -> String {
    assert_eq!(
        first_unanswered(bank, answers),
        None,
        "{name} is incomplete"
    );
    let shown = shown_ids(bank, answers);
    assert!(
        answers.keys().all(|q| shown.contains(&q.as_str())),
        "{name} answers a hidden question"
    );
    let outcome = assess(bank, answers);
    let next = plan(bank, answers, &outcome)
        .next_step()
        .expect("the last rule always applies");
    let level = &bank.levels[outcome.level];
    let rule = &bank.rules[next];
    let text = |v: &str| Value::from(v).to_string();
    let chosen: Vec<String> = bank
        .questions
        .iter()
        .filter_map(|q| Some(format!("{}: {}", text(&q.id), json!(answers.get(&q.id)?))))
        .collect();
    format!(
        "  {{\n    \"name\": {},\n    \"who\": {},\n    \"level\": {{ \"id\": {}, \"title\": {} }},\n    \"next\": {{ \"id\": {}, \"title\": {} }},\n    \"answers\": {{\n      {}\n    }}\n  }}",
        text(name),
        text(who),
        text(&level.id),
        text(level.title.get(Lang::Id)),
        text(&rule.id),
        text(rule.title.get(Lang::Id)),
        chosen.join(",\n      ")
    )
}

#[test]
fn the_e2e_level_table_matches_the_core() {
    let bank = bank();
    let rows: Vec<String> = owners(bank)
        .iter()
        .map(|(name, who, answers)| row(bank, name, who, answers))
        .collect();
    let pasteable = format!("{BEGIN}[\n{}\n]{END}", rows.join(",\n"));
    let expected: Value = serde_json::from_str(&format!("[{}]", rows.join(","))).unwrap();
    let table = E2E
        .split_once(BEGIN)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(table, _)| table)
        .unwrap_or_else(|| panic!("no table in e2e/owners.mjs; it should read:\n{pasteable}"));
    let found: Value = serde_json::from_str(table)
        .unwrap_or_else(|e| panic!("the table is not JSON ({e}); it should read:\n{pasteable}"));
    assert!(
        found == expected,
        "e2e/owners.mjs is stale; replace its table with:\n{pasteable}"
    );
    // The table covers every level, so no level is untested end to end.
    let levels: std::collections::BTreeSet<&str> = expected
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["level"]["id"].as_str())
        .collect();
    assert_eq!(
        levels.len(),
        bank.levels.len(),
        "levels covered: {levels:?}"
    );
}
