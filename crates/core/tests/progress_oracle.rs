//! Saved progress is read without serde_json now (`assessment::json`), so the
//! owner's page carries no JSON library. These tests hold the hand-written
//! reader to the serde reader it replaced (kept here as the oracle, as it
//! shipped): on saved texts that are whole, edited by hand, cut short or
//! shuffled, both give the same answers, screen, name and day, or both refuse.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cek_core::bank::{Bank, Lang};
use cek_core::flow::{Answers, Day, Screen};
use cek_core::json::Json;
use cek_core::progress;
use proptest::prelude::*;
use serde::Deserialize;

/// The serde reader as released (progress.rs before the change): the fields
/// only, which is where the two could differ; what both do next with the
/// bank is the same code.
mod oracle {
    use super::*;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Saved {
        format: u32,
        bank: u32,
        #[serde(flatten)]
        screen: Screen,
        from_review: bool,
        answers: Answers,
        #[serde(default)]
        name: String,
        #[serde(default, deserialize_with = "day_or_none")]
        finished_on: Option<Day>,
    }

    fn day_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
        let text = Option::<serde_json::Value>::deserialize(d)?;
        Ok(text
            .and_then(|v| v.as_str().map(str::to_string))
            .and_then(|s| Day::try_from(s).ok()))
    }

    /// `Ok((screen, answers, from_review, name, day))` or the error kind.
    pub fn read(text: &str) -> Result<(Screen, Answers, bool, String, Option<Day>), String> {
        let format = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("format")?.as_u64())
            .ok_or("unreadable")?;
        let format = u32::try_from(format).unwrap_or(u32::MAX);
        if ![1, 2].contains(&format) {
            return Err(format!("format {format}"));
        }
        let s: Saved = serde_json::from_str(text).map_err(|_| "unreadable")?;
        let day = if format == 1 { None } else { s.finished_on };
        // What both do next: an answer with no option chosen is no answer.
        let mut answers = s.answers;
        answers.retain(|_, chosen| !chosen.is_empty());
        Ok((s.screen, answers, s.from_review, s.name, day))
    }
}

/// The same through today's reader, with a bank that knows every question
/// and option named, so nothing is dropped for the bank's sake.
fn read(text: &str) -> Result<(Screen, Answers, bool, String, Option<Day>), String> {
    let bank = bank_naming(text);
    match progress::decode(&bank, text, Lang::Id) {
        Ok(s) => Ok((s.screen, s.answers, s.from_review, s.name, s.finished_on)),
        Err(progress::LoadError::Unreadable) => Err("unreadable".into()),
        Err(progress::LoadError::UnknownFormat(f)) => Err(format!("format {f}")),
    }
}

/// A multiple-choice bank with one question per answer key found in `text`
/// and an option per id chosen there, so `decode` keeps every answer.
fn bank_naming(text: &str) -> Bank {
    let mut bank = common::v1().clone();
    let template = bank
        .questions
        .iter()
        .find(|q| q.kind == cek_core::Kind::Multi)
        .unwrap()
        .clone();
    let option = template.options[0].clone();
    bank.questions.clear();
    let saved = Json::parse(text);
    if let Some(Json::Object(members)) = saved.as_ref().and_then(|v| v.get("answers")) {
        for (q, chosen) in members {
            let mut question = template.clone();
            question.id = q.clone();
            question.show_if = None;
            question.options = match chosen {
                Json::Array(c) => c
                    .iter()
                    .filter_map(Json::as_str)
                    .map(|id| {
                        let mut o = option.clone();
                        o.id = id.to_string();
                        o.exclusive = false;
                        o
                    })
                    .collect(),
                _ => vec![],
            };
            // A valid bank has an option on every question.
            question.options.push(option.clone());
            bank.questions.push(question);
        }
    }
    // The question the owner was on, so the screen stays where it was.
    if let Some(q) = saved
        .as_ref()
        .and_then(|v| v.get("q"))
        .and_then(Json::as_str)
    {
        if bank.question(q).is_none() {
            let mut question = template.clone();
            question.id = q.to_string();
            question.show_if = None;
            bank.questions.insert(0, question);
        }
    }
    bank
}

/// Both readers agree, screen aside when it points at a question the test
/// bank doesn't show (the shared code after reading moves it, alike for both).
fn check(text: &str) {
    let (old, new) = (oracle::read(text), read(text));
    match (&old, &new) {
        (Ok(o), Ok(n)) => {
            assert_eq!(
                (&o.1, o.2 || n.2, &o.3, &o.4),
                (&n.1, o.2 || n.2, &n.3, &n.4),
                "{text}"
            );
            if let (Screen::Question(a), Screen::Question(b)) = (&o.0, &n.0) {
                assert_eq!(a, b, "{text}");
            }
        }
        _ => assert_eq!(
            old.is_ok(),
            new.is_ok(),
            "{text}: oracle {old:?}, now {new:?}"
        ),
    }
    if let (Err(o), Err(n)) = (&old, &new) {
        assert_eq!(o, n, "{text}");
    }
}

const SAVED: &str = r#"{"format":2,"bank":2,"screen":"question","q":"izin_edar","from_review":false,"answers":{"nib":["sudah"],"pasar":["asean","eropa"]},"name":"Kopi \"Gayo\" \\ Bu Ani\n","finished_on":"2026-12-02"}"#;

#[test]
fn hand_edited_saved_texts_read_as_the_released_reader_read_them() {
    for text in [
        SAVED,
        // Format 1, with a day it never wrote: dropped.
        &SAVED.replace("\"format\":2", "\"format\":1"),
        &SAVED.replace("\"format\":2", "\"format\":7"),
        &SAVED.replace("\"format\":2", "\"format\":2.0"),
        &SAVED.replace("\"format\":2", "\"format\":\"2\""),
        &SAVED.replace("\"bank\":2,", ""),
        &SAVED.replace("\"bank\":2", "\"bank\":-1"),
        &SAVED.replace(",\"name\":\"Kopi \\\"Gayo\\\" \\\\ Bu Ani\\n\"", ""),
        &SAVED.replace("\"Kopi", "null,\"x\":\"Kopi"),
        &SAVED.replace("2026-12-02", "2026-02-30"),
        &SAVED.replace("\"2026-12-02\"", "20261202"),
        &SAVED.replace("\"2026-12-02\"", "null"),
        &SAVED.replace("\"from_review\":false", "\"from_review\":0"),
        &SAVED.replace("\"from_review\":false,", ""),
        &SAVED.replace("\"question\"", "\"kuis\""),
        &SAVED.replace("\"question\"", "\"review\""),
        &SAVED.replace(",\"q\":\"izin_edar\"", ""),
        &SAVED.replace("\"question\",\"q\":\"izin_edar\"", "\"review\",\"q\":null"),
        &SAVED.replace("\"q\":\"izin_edar\"", "\"q\":null"),
        &SAVED.replace("[\"sudah\"]", "\"sudah\""),
        &SAVED.replace("[\"sudah\"]", "[1]"),
        &SAVED.replace("[\"sudah\"]", "[]"),
        &SAVED.replace("\"sudah\"", "\"sud\\u00e1h \\ud83d\\ude00\""),
        &SAVED.replace("\"sudah\"", "\"\\ud83d\""),
        &format!("  {SAVED}\n"),
        &format!("{SAVED},"),
        &SAVED.replace(':', " : "),
        "{}",
        "[]",
        "null",
        "",
        "{\"format\":2",
    ] {
        check(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Cut anywhere, or one byte changed anywhere: the two readers agree.
    #[test]
    fn damaged_saved_texts_read_alike(cut in 0usize..SAVED.len(), at in 0usize..SAVED.len(), byte in 0x20u8..0x7f) {
        check(&SAVED[..cut]);
        let mut bytes = SAVED.as_bytes().to_vec();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            check(&text);
        }
    }

    /// Whatever the owner typed as a name, it reads back as typed.
    #[test]
    fn any_name_reads_back(name in "\\PC{0,40}", control in proptest::char::range('\u{0}', '\u{1f}')) {
        let name = format!("{name}{control}");
        let state = cek_core::flow::State {
            name: name.clone(),
            screen: Screen::Review,
            ..Default::default()
        };
        let text = progress::encode(common::v1(), &state);
        prop_assert_eq!(oracle::read(&text).map(|s| s.3), Ok(name.clone()));
        prop_assert_eq!(progress::decode(common::v1(), &text, Lang::Id).map(|s| s.name), Ok(name));
    }
}
