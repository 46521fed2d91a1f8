//! Saved progress across a change of question bank (an app update): answers
//! to unchanged questions are kept, removed ones dropped, new ones asked.
#![cfg(not(target_arch = "wasm32"))]

use cek_siap_ekspor::assessment::flow::{self, Action, Screen, State};
use cek_siap_ekspor::assessment::{progress, Bank, Lang};

mod common;

/// The built-in bank with `lama_usaha` removed and a new question added
/// after `omzet`, as a later version might ship.
fn changed_bank() -> Bank {
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../src/assessment/bank.json")).unwrap();
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
    let state = flow::apply(&new, state, Action::ShowResult);
    assert_eq!(state.screen, Screen::Result);
}

#[test]
fn progress_from_an_unknown_format_is_refused_not_misread() {
    let bank = common::bank();
    let saved = progress::encode(bank, &finished()).replacen("\"format\":1", "\"format\":9", 1);
    assert_eq!(
        progress::decode(bank, &saved, Lang::Id),
        Err(progress::LoadError::UnknownFormat(9))
    );
    assert_eq!(
        progress::decode(bank, "{not json", Lang::Id),
        Err(progress::LoadError::Unreadable)
    );
}
