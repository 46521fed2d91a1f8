//! The built-in question bank is valid and faithful to the domain brief, and `Bank::from_json` rejects broken banks with the right problem, path and bilingual message.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::bank::placeholders;
use cek_core::bank::{Bank, Kind, Lang, Text};
use cek_core::cond::Cond;
use cek_core::validate::{self, Problem, What};
use serde_json::{json, Value};

const BANK_JSON: &str = include_str!("../src/engine/bank.json");

/// Official hosts the plan may link to. Each one appears in the domain brief
/// (`/work/shared/domain/export-readiness-indonesia.md`, §4 and sources).
const OFFICIAL_HOSTS: &[&str] = &[
    "oss.go.id",                    // NIB, SPP-IRT, SKP/HACCP (§2.1, §4)
    "djponline.pajak.go.id",        // NIK as NPWP (§2.2)
    "insw.go.id",                   // HS code and lartas lookup (§2.3, §2.7)
    "www.beacukai.go.id",           // CN/PEB, asistensi ekspor (§4)
    "e-ska.kemendag.go.id",         // certificate of origin (§2.6)
    "inaexport.id",                 // Kemendag B2B directory (§4)
    "indonesiaeximbank.go.id",      // LPEI: Desa Devisa, CPNE, insurance (§4)
    "istanaumkm.pom.go.id",         // BPOM Istana UMKM (§3.2)
    "ptsp.halal.go.id",             // BPJPH SIHALAL (§3.1)
    "ptk.karantinaindonesia.go.id", // Barantin PTK Online (§3.6)
    // Komdigi's digital-skills programmes (§4.1–4.3). The brief could not
    // confirm komdigi.go.id, so the steps link the ministry's legacy domain,
    // which the brief names (§4 table), and never write either in text.
    "www.kominfo.go.id",
    // US food facility registration (§3.7): no Indonesian page exists for it.
    "www.fda.gov",
];

fn bank() -> &'static Bank {
    Bank::builtin()
}

/// Every user-visible text in the bank with its path.
fn all_texts(bank: &Bank) -> Vec<(String, &Text)> {
    let mut out = Vec::new();
    for (i, a) in bank.areas.iter().enumerate() {
        out.push((format!("areas[{i}].title"), &a.title));
    }
    for (i, l) in bank.levels.iter().enumerate() {
        out.push((format!("levels[{i}].title"), &l.title));
        out.push((format!("levels[{i}].summary"), &l.summary));
    }
    for (i, g) in bank.gates.iter().enumerate() {
        out.push((format!("gates[{i}].short"), &g.short));
        out.push((format!("gates[{i}].reason"), &g.reason));
    }
    for (i, q) in bank.questions.iter().enumerate() {
        out.push((format!("questions[{i}].text"), &q.text));
        out.push((format!("questions[{i}].short"), &q.short));
        if let Some(help) = &q.help {
            out.push((format!("questions[{i}].help"), help));
        }
        for (j, c) in q.options.iter().enumerate() {
            out.push((format!("questions[{i}].options[{j}].text"), &c.text));
        }
    }
    for (i, r) in bank.rules.iter().enumerate() {
        out.push((format!("rules[{i}].title"), &r.title));
        out.push((format!("rules[{i}].why"), &r.why));
        out.push((format!("rules[{i}].action"), &r.action));
        out.push((format!("rules[{i}].link_label"), &r.link_label));
    }
    out
}

/// Every `is` condition in gates, rules and skip logic, with where it sits.
fn all_conds(bank: &Bank) -> Vec<(String, &Cond)> {
    let mut roots: Vec<(String, &Cond)> = Vec::new();
    for (i, q) in bank.questions.iter().enumerate() {
        if let Some(c) = &q.show_if {
            roots.push((format!("questions[{i}].show_if"), c));
        }
    }
    for (i, g) in bank.gates.iter().enumerate() {
        roots.push((format!("gates[{i}].when"), &g.when));
    }
    for (i, r) in bank.rules.iter().enumerate() {
        roots.push((format!("rules[{i}].when"), &r.when));
    }
    let mut out = Vec::new();
    for (path, root) in roots {
        let mut all = Vec::new();
        root.walk(&mut all);
        out.extend(all.into_iter().map(|c| (path.clone(), c)));
    }
    out
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !id.contains("__")
        && !id.ends_with('_')
}

#[test]
fn builtin_bank_parses_and_validates() {
    if let Err(problems) = Bank::from_json(BANK_JSON) {
        let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        panic!("built-in bank is invalid:\n{}", messages.join("\n"));
    }
    assert_eq!(validate::check(bank()), Vec::<Problem>::new());
    assert!(bank().version >= 1);
}

#[test]
fn every_text_has_both_languages() {
    let texts = all_texts(bank());
    assert!(
        texts.len() > 200,
        "expected the whole bank, got {}",
        texts.len()
    );
    for (path, t) in &texts {
        assert!(!t.id.trim().is_empty(), "{path}.id is empty");
        assert!(!t.en.trim().is_empty(), "{path}.en is empty");
        // Sentences must really be translated, not copied (names such as
        // "LPEI (Indonesia Eximbank)" in link labels may stay the same).
        if !path.ends_with("link_label") && t.id.chars().count() > 30 {
            assert_ne!(t.id, t.en, "{path}: English is a copy of the Indonesian");
        }
        for s in [&t.id, &t.en] {
            assert_eq!(s.trim(), s.as_str(), "{path}: stray spaces in {s:?}");
            assert!(!s.contains("  "), "{path}: double space in {s:?}");
        }
    }
}

#[test]
fn texts_fit_a_phone_screen() {
    for (i, q) in bank().questions.iter().enumerate() {
        for lang in Lang::ALL {
            let text = q.text.get(lang).chars().count();
            assert!(
                text <= 100,
                "questions[{i}].text.{}: {text} characters",
                lang.code()
            );
            let short = q.short.get(lang).chars().count();
            assert!(
                short <= 30,
                "questions[{i}].short.{}: {short} characters",
                lang.code()
            );
            for (j, c) in q.options.iter().enumerate() {
                let n = c.text.get(lang).chars().count();
                assert!(
                    n <= 80,
                    "questions[{i}].options[{j}].text.{}: {n} characters",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn areas_and_levels_are_the_agreed_ones() {
    let areas: Vec<(&str, u32)> = bank()
        .areas
        .iter()
        .map(|a| (a.id.as_str(), a.weight))
        .collect();
    assert_eq!(
        areas,
        [
            ("usaha", 20),
            ("produk", 30),
            ("digital", 20),
            ("jalur", 15),
            ("pola_pikir", 15)
        ]
    );
    let levels: Vec<&str> = bank().levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["dasar", "madya", "siap_ekspor"]);
}

#[test]
fn thresholds_are_ordered() {
    let levels = &bank().levels;
    assert_eq!(levels[0].min_score, 0);
    for pair in levels.windows(2) {
        assert!(
            pair[0].min_score < pair[1].min_score,
            "{} ({}) must be below {} ({})",
            pair[0].id,
            pair[0].min_score,
            pair[1].id,
            pair[1].min_score
        );
    }
    assert!(levels.last().is_some_and(|l| l.min_score <= 100));
}

#[test]
fn question_count_and_areas_covered() {
    let bank = bank();
    let n = bank.questions.len();
    assert!((20..=30).contains(&n), "{n} questions, expected 20–30");
    for area in &bank.areas {
        let scored = bank
            .questions
            .iter()
            .filter(|q| q.area == area.id && q.weight > 0)
            .count();
        assert!(scored > 0, "area {} has no scored question", area.id);
    }
    for q in &bank.questions {
        assert!(
            bank.area(&q.area).is_some(),
            "{}: unknown area {}",
            q.id,
            q.area
        );
    }
}

#[test]
fn ids_are_lowercase_snake_case() {
    let bank = bank();
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(bank.areas.iter().map(|a| a.id.as_str()));
    ids.extend(bank.levels.iter().map(|l| l.id.as_str()));
    ids.extend(bank.gates.iter().map(|g| g.id.as_str()));
    ids.extend(bank.rules.iter().map(|r| r.id.as_str()));
    for q in &bank.questions {
        ids.push(&q.id);
        ids.extend(q.options.iter().map(|c| c.id.as_str()));
    }
    for id in ids {
        assert!(is_snake_case(id), "id {id:?} is not lowercase snake_case");
    }
}

#[test]
fn conditions_refer_to_real_questions_and_options() {
    let bank = bank();
    for (path, cond) in all_conds(bank) {
        match cond {
            Cond::Is { q, any_of } => {
                let question = bank
                    .question(q)
                    .unwrap_or_else(|| panic!("{path}: no question {q:?}"));
                assert!(!any_of.is_empty(), "{path}: empty any_of for {q:?}");
                for option in any_of {
                    assert!(
                        question.choice(option).is_some(),
                        "{path}: question {q:?} has no option {option:?}"
                    );
                }
            }
            Cond::AreaBelow { area, .. } => {
                assert!(
                    !path.contains("show_if"),
                    "{path}: area_below in skip logic"
                );
                assert!(bank.area(area).is_some(), "{path}: no area {area:?}");
            }
            Cond::LevelIn(levels) => {
                assert!(path.starts_with("rules"), "{path}: level_in outside a rule");
                for l in levels {
                    assert!(bank.level_index(l).is_some(), "{path}: no level {l:?}");
                }
            }
            Cond::All(_) | Cond::Any(_) | Cond::Not(_) => {}
        }
    }
}

#[test]
fn skip_logic_looks_only_backwards() {
    let bank = bank();
    for (i, q) in bank.questions.iter().enumerate() {
        let Some(cond) = &q.show_if else { continue };
        let mut all = Vec::new();
        cond.walk(&mut all);
        for c in all {
            if let Cond::Is { q: other, .. } = c {
                let j = bank.question_index(other).expect("known question");
                assert!(
                    j < i,
                    "{} (#{i}) looks at later question {other} (#{j})",
                    q.id
                );
            }
        }
    }
}

#[test]
fn gates_cap_or_require_known_things() {
    let bank = bank();
    for g in &bank.gates {
        assert!(
            g.max_level.is_some() || g.require_rule.is_some(),
            "{} does nothing",
            g.id
        );
        if let Some(l) = &g.max_level {
            assert!(bank.level_index(l).is_some(), "{}: no level {l}", g.id);
        }
        if let Some(r) = &g.require_rule {
            assert!(bank.rule(r).is_some(), "{}: no rule {r}", g.id);
        }
    }
    // The brief's hard limits (see the design): each present, with its cap.
    let cap = |id: &str| {
        bank.gates
            .iter()
            .find(|g| g.id == id)
            .unwrap_or_else(|| panic!("no gate {id}"))
            .max_level
            .clone()
    };
    // Dasar: the basics are missing (legality, email, regular content).
    for id in [
        "tanpa_nib",
        "tanpa_npwp",
        "tanpa_email",
        "konten_belum_rutin",
    ] {
        assert_eq!(cap(id).as_deref(), Some("dasar"), "{id}");
    }
    // Siap Ekspor needs all that programmes screen for; each missing piece
    // caps at Madya.
    for id in [
        "kirim_informal",
        "nib_diurus",
        "npwp_belum_dicek",
        "belum_optimasi",
        "akun_belum_aman",
        "belum_kirim_resmi",
        "syarat_pasar_belum",
        "belum_3k",
        "khawatir_menahan",
    ] {
        assert_eq!(cap(id).as_deref(), Some("madya"), "{id}");
    }
    assert_eq!(bank.gates.len(), 13, "a new gate needs its line above");
    // Every gate names the step that lifts it.
    for g in &bank.gates {
        let step = g
            .step
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no step", g.id));
        assert!(bank.rule(step).is_some(), "{}: no rule {step}", g.id);
    }
    let informal = bank
        .gates
        .iter()
        .find(|g| g.id == "kirim_informal")
        .unwrap();
    assert_eq!(informal.require_rule.as_deref(), Some("jalur_resmi"));
    assert_eq!(informal.require_rules, ["asistensi_bea_cukai"]);
}

#[test]
fn rules_quote_real_questions_and_end_with_a_fallback() {
    let bank = bank();
    for r in &bank.rules {
        for lang in Lang::ALL {
            let why = r.why.get(lang);
            let quoted = placeholders(why);
            assert!(
                !quoted.is_empty(),
                "{}: why.{} quotes no answer",
                r.id,
                lang.code()
            );
            for q in quoted {
                assert!(
                    bank.question(q).is_some(),
                    "{}: {{{q}}} is no question",
                    r.id
                );
            }
            for field in [&r.title, &r.action, &r.link_label] {
                assert!(
                    placeholders(field.get(lang)).is_empty(),
                    "{}: placeholder outside why",
                    r.id
                );
            }
        }
        // Both languages quote the same answers.
        let mut id = placeholders(&r.why.id);
        let mut en = placeholders(&r.why.en);
        id.sort_unstable();
        en.sort_unstable();
        assert_eq!(
            id, en,
            "{}: why quotes different answers per language",
            r.id
        );
    }
    assert_eq!(bank.rules.last().map(|r| &r.when), Some(&Cond::All(vec![])));
    let always = bank
        .rules
        .iter()
        .filter(|r| r.when == Cond::All(vec![]))
        .count();
    assert_eq!(always, 1, "only the last rule may always apply");
}

#[test]
fn links_are_https_on_official_hosts() {
    for r in &bank().rules {
        let rest = r
            .link
            .strip_prefix("https://")
            .unwrap_or_else(|| panic!("{}: link {} is not https", r.id, r.link));
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        assert!(
            OFFICIAL_HOSTS.contains(&host),
            "{}: host {host:?} is not in the official list",
            r.id
        );
    }
}

#[test]
fn every_official_host_is_used() {
    // Keeps the allow-list honest: no host is listed "just in case".
    for host in OFFICIAL_HOSTS {
        let used = bank().rules.iter().any(|r| {
            r.link
                .strip_prefix("https://")
                .is_some_and(|rest| rest.split('/').next() == Some(*host))
        });
        assert!(used, "{host} is allowed but no rule links to it");
    }
}

#[test]
fn unconfirmed_facts_are_not_stated_as_certain() {
    for (path, t) in all_texts(bank()) {
        for s in [&t.id, &t.en] {
            let lower = s.to_lowercase();
            // The brief could not confirm Komdigi's domain: name, never link.
            assert!(
                !lower.contains("komdigi.go.id"),
                "{path}: links komdigi.go.id"
            );
            assert!(
                !lower.contains("kominfo.go.id"),
                "{path}: links kominfo.go.id"
            );
            // "Klinik Ekspor is free" is unconfirmed: no text about Bea
            // Cukai's help may say it costs nothing, even "usually".
            let customs_help = ["klinik ekspor", "kppbc", "asistensi", "bravo bea cukai"]
                .iter()
                .any(|w| lower.contains(w));
            if customs_help {
                for free in ["gratis", " free", "tanpa biaya", "tidak dipungut"] {
                    assert!(
                        !lower.contains(free),
                        "{path}: says Bea Cukai's help is free ({free}): {s}"
                    );
                }
            }
            // PP 5/2021 was replaced, and the old UU 20/2008 bands must not show.
            assert!(!lower.contains("pp 5/2021"), "{path}: cites PP 5/2021");
            assert!(
                !lower.contains("300 juta"),
                "{path}: shows the old micro band"
            );
        }
    }
}

#[test]
fn multi_choice_questions_are_well_formed() {
    for q in &bank().questions {
        match q.kind {
            Kind::Single => assert!(q.options.iter().all(|c| !c.exclusive)),
            Kind::Multi => {
                assert!(
                    q.options.iter().any(|c| c.exclusive),
                    "{}: a multi question needs a \"Belum ada\"/\"Tidak tahu\" option",
                    q.id
                );
                assert!(
                    q.options.iter().any(|c| !c.exclusive),
                    "{}: nothing to combine",
                    q.id
                );
            }
        }
    }
}

#[test]
fn omzet_bands_follow_pp_7_2021() {
    let omzet = bank().question("omzet").expect("omzet question");
    let text = |id: &str| omzet.choice(id).expect(id).text.id.clone();
    assert!(text("mikro").contains("Rp2 miliar"));
    assert!(text("kecil").contains("2–15"));
    assert!(text("menengah").contains("15–50"));
    assert!(text("besar").contains("Rp50 miliar"));
}

// ---------------------------------------------------------------------------
// Broken banks: each mistake is reported with its path, in both languages.

fn builtin_value() -> Value {
    serde_json::from_str(BANK_JSON).expect("built-in bank is JSON")
}

fn problems_of(v: &Value) -> Vec<Problem> {
    match Bank::from_json(&v.to_string()) {
        Ok(_) => panic!("the broken bank was accepted"),
        Err(problems) => problems,
    }
}

/// The mutated bank yields exactly this one problem, and its messages are in
/// the right language.
fn expect_only(v: &Value, path: &str, what: What, id_words: &str, en_words: &str) {
    let problems = problems_of(v);
    let expected = Problem::At {
        path: path.to_string(),
        what,
    };
    assert_eq!(problems, vec![expected.clone()]);
    let id = expected.message(Lang::Id);
    let en = expected.message(Lang::En);
    assert!(id.starts_with(path) && en.starts_with(path), "{id} / {en}");
    assert!(
        id.contains(id_words),
        "Indonesian message {id:?} lacks {id_words:?}"
    );
    assert!(
        en.contains(en_words),
        "English message {en:?} lacks {en_words:?}"
    );
    assert_ne!(id, en);
}

fn question_index(v: &Value, id: &str) -> usize {
    v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn broken_empty_english_text() {
    let mut v = builtin_value();
    v["questions"][3]["text"]["en"] = json!("");
    expect_only(
        &v,
        "questions[3].text.en",
        What::Empty,
        "teks kosong",
        "empty text",
    );
}

#[test]
fn broken_empty_indonesian_option() {
    let mut v = builtin_value();
    v["questions"][1]["options"][0]["text"]["id"] = json!("  ");
    expect_only(
        &v,
        "questions[1].options[0].text.id",
        What::Empty,
        "teks kosong",
        "empty text",
    );
}

#[test]
fn broken_empty_gate_short_in_either_language() {
    for lang in ["id", "en"] {
        let mut v = builtin_value();
        v["gates"][2]["short"][lang] = json!(" ");
        expect_only(
            &v,
            &format!("gates[2].short.{lang}"),
            What::Empty,
            "teks kosong",
            "empty text",
        );
    }
}

#[test]
fn broken_more_than_64_options() {
    // Answers are 64-bit sets in scoring and in result codes.
    let mut v = builtin_value();
    let i = question_index(&v, "lama_usaha");
    let options: Vec<Value> = (0..65)
        .map(|k| json!({"id": format!("o{k}"), "text": {"id": "Pilihan", "en": "Option"}, "score": 50}))
        .collect();
    v["questions"][i]["options"] = json!(options);
    expect_only(
        &v,
        &format!("questions[{i}].options"),
        What::TooManyOptions,
        "paling banyak 64 pilihan",
        "at most 64 options",
    );
}

#[test]
fn broken_gate_without_short_is_a_syntax_problem() {
    let mut v = builtin_value();
    v["gates"][0].as_object_mut().unwrap().remove("short");
    let problems = problems_of(&v);
    assert!(
        matches!(problems.as_slice(), [Problem::Syntax { message, .. }] if message.contains("short")),
        "{problems:?}"
    );
}

#[test]
fn broken_missing_english_field() {
    let mut v = builtin_value();
    v["questions"][3]["text"]
        .as_object_mut()
        .unwrap()
        .remove("en");
    let problems = problems_of(&v);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let Problem::Syntax { message, .. } = &problems[0] else {
        panic!("expected a syntax problem, got {problems:?}");
    };
    assert!(message.contains("missing field `en`"), "{message}");
    assert!(problems[0].message(Lang::Id).starts_with("Baris "));
    assert!(problems[0].message(Lang::Id).contains("format JSON salah"));
    assert!(problems[0].message(Lang::En).starts_with("Line "));
    assert!(problems[0].message(Lang::En).contains("invalid JSON"));
}

#[test]
fn broken_rule_points_at_missing_question() {
    let mut v = builtin_value();
    v["rules"][0]["when"] = json!({"is": {"q": "tidak_ada", "any_of": ["belum"]}});
    expect_only(
        &v,
        "rules[0].when",
        What::UnknownQuestion("tidak_ada".into()),
        "pertanyaan \"tidak_ada\" tidak ada",
        "no question \"tidak_ada\"",
    );
}

#[test]
fn broken_placeholder_names_missing_question() {
    let mut v = builtin_value();
    v["rules"][1]["why"]["id"] = json!("Anda menjawab “{tidak_ada}”.");
    expect_only(
        &v,
        "rules[1].why.id",
        What::UnknownQuestion("tidak_ada".into()),
        "tidak ada",
        "no question",
    );
}

#[test]
fn broken_show_if_looks_at_a_later_question() {
    let mut v = builtin_value();
    let later = v["questions"][5]["id"].as_str().unwrap().to_string();
    let option = v["questions"][5]["options"][0]["id"].clone();
    v["questions"][1]["show_if"] = json!({"is": {"q": later, "any_of": [option]}});
    expect_only(
        &v,
        "questions[1].show_if",
        What::NotEarlier(later.clone()),
        "hanya boleh merujuk pertanyaan sebelumnya",
        "may only refer to an earlier question",
    );
}

#[test]
fn broken_levels_out_of_order() {
    let mut v = builtin_value();
    let below = v["levels"][1]["min_score"].as_u64().unwrap() - 1;
    v["levels"][2]["min_score"] = json!(below);
    expect_only(
        &v,
        "levels[2].min_score",
        What::LevelsNotIncreasing,
        "batas skor tingkat harus naik",
        "level thresholds must increase",
    );
}

#[test]
fn broken_first_level_not_zero() {
    let mut v = builtin_value();
    v["levels"][0]["min_score"] = json!(10);
    expect_only(
        &v,
        "levels[0].min_score",
        What::FirstLevelNotZero,
        "harus mulai dari skor 0",
        "must start at score 0",
    );
}

#[test]
fn broken_plain_http_link() {
    let mut v = builtin_value();
    v["rules"][2]["link"] = json!("http://djponline.pajak.go.id");
    expect_only(
        &v,
        "rules[2].link",
        What::NotHttps("http://djponline.pajak.go.id".into()),
        "tautan harus https://",
        "link must be https://",
    );
}

#[test]
fn broken_last_rule_removed() {
    let mut v = builtin_value();
    let rules = v["rules"].as_array_mut().unwrap();
    rules.pop();
    let last = rules.len() - 1;
    expect_only(
        &v,
        &format!("rules[{last}].when"),
        What::LastRuleNotAlways,
        "aturan terakhir harus selalu berlaku",
        "the last rule must always apply",
    );
}

#[test]
fn broken_duplicate_question_id() {
    let mut v = builtin_value();
    // `lama_usaha` is quoted by no rule or condition, so renaming it only
    // makes the duplicate.
    let i = question_index(&v, "lama_usaha");
    let first = v["questions"][0]["id"].as_str().unwrap().to_string();
    v["questions"][i]["id"] = json!(first);
    expect_only(
        &v,
        &format!("questions[{i}].id"),
        What::Duplicate(first.clone()),
        "dipakai dua kali",
        "is used twice",
    );
}

#[test]
fn broken_duplicate_rule_id() {
    let mut v = builtin_value();
    let first = v["rules"][0]["id"].clone();
    // A rule no gate names, so the duplicate is the only problem.
    let at = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["id"] == "tanya_bea_cukai")
        .unwrap();
    v["rules"][at]["id"] = first.clone();
    expect_only(
        &v,
        &format!("rules[{at}].id"),
        What::Duplicate(first.as_str().unwrap().into()),
        "dipakai dua kali",
        "is used twice",
    );
}

#[test]
fn broken_gate_names_unknown_option() {
    let mut v = builtin_value();
    v["gates"][0]["when"] = json!({"is": {"q": "nib", "any_of": ["mungkin"]}});
    expect_only(
        &v,
        "gates[0].when",
        What::UnknownOption {
            question: "nib".into(),
            option: "mungkin".into(),
        },
        "tidak punya pilihan \"mungkin\"",
        "has no option \"mungkin\"",
    );
}

#[test]
fn broken_gate_requires_unknown_rule() {
    let mut v = builtin_value();
    v["gates"][0]["require_rule"] = json!("tidak_ada");
    expect_only(
        &v,
        "gates[0].require_rule",
        What::UnknownRule("tidak_ada".into()),
        "aturan \"tidak_ada\" tidak ada",
        "no rule \"tidak_ada\"",
    );
}

#[test]
fn broken_area_below_in_skip_logic() {
    let mut v = builtin_value();
    let i = question_index(&v, "izin_edar");
    v["questions"][i]["show_if"] = json!({"area_below": {"area": "usaha", "score": 50}});
    expect_only(
        &v,
        &format!("questions[{i}].show_if"),
        What::NotAllowedHere("area_below"),
        "tidak boleh dipakai di sini",
        "is not allowed here",
    );
}

#[test]
fn broken_level_in_a_gate() {
    let mut v = builtin_value();
    v["gates"][1]["when"] = json!({"level_in": ["madya"]});
    expect_only(
        &v,
        "gates[1].when",
        What::NotAllowedHere("level_in"),
        "tidak boleh dipakai di sini",
        "is not allowed here",
    );
}

#[test]
fn broken_single_choice_score_out_of_range() {
    let mut v = builtin_value();
    v["questions"][1]["options"][0]["score"] = json!(120);
    expect_only(
        &v,
        "questions[1].options[0].score",
        What::ScoreOutOfRange(120),
        "di luar 0–100",
        "outside 0–100",
    );
}

#[test]
fn broken_unknown_field_is_a_syntax_problem() {
    let mut v = builtin_value();
    v["questions"][0]["skor"] = json!(5);
    let problems = problems_of(&v);
    assert!(
        matches!(&problems[..], [Problem::Syntax { message, .. }] if message.contains("unknown field `skor`")),
        "{problems:?}"
    );
}

#[test]
fn broken_json_syntax_gives_line_and_column() {
    let broken = BANK_JSON.replacen("\"version\": 2,", "\"version\": 2,,", 1);
    assert_ne!(broken, BANK_JSON, "the sample edit must apply");
    let problems = Bank::from_json(&broken).expect_err("broken JSON accepted");
    let [Problem::Syntax { line, column, .. }] = &problems[..] else {
        panic!("expected one syntax problem, got {problems:?}");
    };
    assert_eq!(*line, 2);
    assert!(*column > 0);
    let id = problems[0].message(Lang::Id);
    let en = problems[0].message(Lang::En);
    assert!(id.starts_with("Baris 2, kolom "), "{id}");
    assert!(id.contains("format JSON salah"), "{id}");
    assert!(en.starts_with("Line 2, column "), "{en}");
    assert!(en.contains("invalid JSON"), "{en}");
}

#[test]
fn several_mistakes_are_all_reported() {
    let mut v = builtin_value();
    v["questions"][3]["text"]["en"] = json!("");
    v["rules"][2]["link"] = json!("http://djponline.pajak.go.id");
    let problems = problems_of(&v);
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn multi_labels_can_be_listed_with_commas() {
    // A "why" quotes several chosen labels joined by ", ": a comma outside
    // brackets inside one label would make the list ambiguous.
    for q in bank().questions.iter().filter(|q| q.kind == Kind::Multi) {
        for c in q.options.iter().filter(|c| !c.exclusive) {
            for lang in Lang::ALL {
                let mut depth = 0i32;
                for ch in c.text.get(lang).chars() {
                    match ch {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        ',' => assert!(
                            depth > 0,
                            "{}.{}: comma in {:?}",
                            q.id,
                            c.id,
                            c.text.get(lang)
                        ),
                        _ => {}
                    }
                }
            }
        }
    }
}
