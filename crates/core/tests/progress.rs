//! Saved progress across a change of question bank (an app update): answers
//! to unchanged questions are kept, removed ones dropped, new ones asked.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::flow::{self, Action, Day, Screen, State};
use cek_core::{progress, Bank, Lang};

mod common;

/// The built-in bank with `lama_usaha` removed and a new question added
/// after `omzet`, as a later version might ship.
fn changed_bank() -> Bank {
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../src/engine/bank.json")).unwrap();
    let questions = json["questions"].as_array_mut().unwrap();
    questions.retain(|q| q["id"] != "lama_usaha");
    let mut extra = questions[0].clone();
    extra["id"] = "karyawan".into();
    extra["text"] = serde_json::json!({ "id": "Berapa orang bekerja di usaha Anda?", "en": "How many people work in your business?" });
    questions.insert(1, extra);
    json["version"] = 2.into();
    Bank::from_json(&json.to_string()).expect("the changed bank is valid")
}

/// A finished assessment under the built-in bank.
fn finished() -> State {
    let bank = common::bank();
    let answers = common::walk_with(bank, |_, q| q.strongest());
    State {
        screen: Screen::Result,
        answers,
        ..State::default()
    }
}

#[test]
fn an_update_keeps_unchanged_answers_and_asks_only_the_new_question() {
    let old = common::bank();
    let saved = progress::encode(old, &finished());
    let new = changed_bank();
    let state = progress::decode(&new, &saved, Lang::Id).unwrap();

    assert!(
        !state.answers.contains_key("lama_usaha"),
        "the removed question's answer is dropped"
    );
    assert!(!state.answers.contains_key("karyawan"));
    for (q, a) in &finished().answers {
        if q != "lama_usaha" {
            assert_eq!(state.answers.get(q), Some(a), "{q} kept");
        }
    }
    assert_eq!(
        state.screen,
        Screen::Question("karyawan".into()),
        "straight to the new question"
    );

    // Answering it returns to the review, then the result.
    let q = new.question("karyawan").unwrap();
    let state = flow::apply(
        &new,
        state,
        Action::Choose {
            q: q.id.clone(),
            option: q.options[0].id.clone(),
        },
    );
    let state = flow::apply(&new, state, Action::Next);
    assert_eq!(state.screen, Screen::Review);
    let today = Day::new(2026, 11, 30);
    let state = flow::apply(&new, state, Action::ShowResult { today });
    assert_eq!(state.screen, Screen::Result);
    assert_eq!(state.finished_on, today, "the result is dated anew");
}

#[test]
fn progress_from_an_unknown_format_is_refused_not_misread() {
    let bank = common::bank();
    let saved = progress::encode(bank, &finished()).replacen("\"format\":2", "\"format\":9", 1);
    assert_eq!(
        progress::decode(bank, &saved, Lang::Id),
        Err(progress::LoadError::UnknownFormat(9))
    );
    assert_eq!(
        progress::decode(bank, "{not json", Lang::Id),
        Err(progress::LoadError::Unreadable)
    );
}

// ---- Progress saved by version 1 of the app --------------------------------
// The fixtures are real: written by the released app's `progress::encode`
// (format 1) before format 2 existed. They must keep reading forever.

fn v1(name: &str) -> State {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/progress-v1/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(
        text.contains("\"format\":1"),
        "{name} is a format 1 fixture"
    );
    progress::decode(common::v1(), &text, Lang::Id).expect("format 1 still reads")
}

#[test]
fn v1_half_way_resumes_at_the_same_question_with_its_answers() {
    let state = v1("v1-mid.json");
    assert_eq!(state.screen, Screen::Question("izin_edar".into()));
    assert_eq!(state.answers.len(), 5);
    assert_eq!(state.answers["omzet"], ["kecil"]);
    assert_eq!(state.finished_on, None);
}

#[test]
fn v1_review_and_result_keep_every_answer_and_the_name() {
    let review = v1("v1-review.json");
    assert_eq!(review.screen, Screen::Review);
    assert_eq!(flow::first_unanswered(common::v1(), &review.answers), None);

    let result = v1("v1-result.json");
    assert_eq!(result.screen, Screen::Result);
    assert_eq!(result.answers, review.answers);
    assert_eq!(result.name, "Abon Ikan Mama Yuli, Merauke");
    assert_eq!(result.finished_on, None, "format 1 knew no day");
}

#[test]
fn v1_progress_is_saved_again_as_format_2_and_reads_back_the_same() {
    let bank = common::v1();
    for name in ["v1-mid.json", "v1-review.json", "v1-result.json"] {
        let state = v1(name);
        let text = progress::encode(bank, &state);
        assert!(text.contains("\"format\":2"), "{text}");
        assert_eq!(progress::decode(bank, &text, Lang::Id), Ok(state), "{name}");
    }
}

#[test]
fn a_day_is_kept_when_real_and_dropped_alone_when_not() {
    let bank = common::bank();
    let mut state = finished();
    state.finished_on = Day::new(2028, 2, 29);
    let text = progress::encode(bank, &state);
    assert!(text.contains("\"finished_on\":\"2028-02-29\""), "{text}");
    assert_eq!(progress::decode(bank, &text, Lang::Id), Ok(state.clone()));

    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "26-1",
        "",
        "2026-1-1-1",
    ] {
        let edited = text.replace("2028-02-29", bad);
        let back = progress::decode(bank, &edited, Lang::Id).expect("the answers still read");
        assert_eq!(back.finished_on, None, "{bad:?} is no day");
        assert_eq!(back.answers, state.answers);
    }
}

/// An owner who finished on the first release's questions and opens the
/// app after the update to version 2: every answer whose question and option
/// are still there is kept, and the owner is asked only what is new, then
/// goes back to the review.
#[test]
fn a_result_saved_on_the_first_questions_asks_only_the_new_ones() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/progress-v1/v1-result.json"
    ))
    .unwrap();
    let old = progress::decode(common::v1(), &text, Lang::Id).unwrap();
    let bank = common::bank();
    let state = progress::decode(bank, &text, Lang::Id).expect("still reads");
    for (q, chosen) in &state.answers {
        assert_eq!(Some(chosen), old.answers.get(q), "{q} kept as it was");
    }
    let dropped: Vec<&String> = old
        .answers
        .keys()
        .filter(|q| !state.answers.contains_key(*q))
        .collect();
    for q in &dropped {
        let gone = bank
            .question(q)
            .is_none_or(|nq| old.answers[*q].iter().any(|o| nq.choice(o).is_none()));
        assert!(gone, "{q} was dropped though it still exists");
    }
    let Screen::Question(first) = &state.screen else {
        panic!("expected a new question, got {:?}", state.screen);
    };
    assert_eq!(
        Some(first.as_str()),
        flow::first_unanswered(bank, &state.answers)
    );
    assert!(
        state.from_review,
        "back to the review after the new questions"
    );
    assert_eq!(state.name, old.name);
}

/// Unreadable progress is kept in a backup slot of its own storage key: the
/// owner's page keeps the released name, and every widget (and its custom
/// bank) gets its own, so one bad save never takes another's slot.
#[test]
fn each_storage_key_has_its_own_backup_slot() {
    use progress::{backup_key, BACKUP_KEY, KEY, LANG_KEY, OLDER_KEYS};
    assert_eq!(backup_key(KEY), BACKUP_KEY);
    assert_eq!(BACKUP_KEY, "cek-siap-ekspor.progress.unreadable");
    let keys = [
        KEY.to_string(),
        format!("{KEY}@http://localhost:8081#w1"),
        format!("{KEY}@http://localhost:8081#w2"),
        format!("{KEY}@https://dinas.example.id#w1"),
        format!("{KEY}@http://localhost:8081#w1|custom"),
        format!("{KEY}@?#w1"),
        "kunci-lain".to_string(),
    ];
    let backups: Vec<String> = keys.iter().map(|k| backup_key(k)).collect();
    assert_eq!(
        backups[1],
        "cek-siap-ekspor.progress.unreadable@http://localhost:8081#w1"
    );
    assert_eq!(backups[6], "kunci-lain.unreadable");
    let distinct: std::collections::HashSet<&String> = backups.iter().collect();
    assert_eq!(distinct.len(), keys.len(), "{backups:#?}");
    // A backup never lands where progress, an older format or the language live.
    for b in &backups {
        assert!(!keys.contains(b), "{b}");
        assert!(!OLDER_KEYS.contains(&b.as_str()) && b != LANG_KEY, "{b}");
    }
}
