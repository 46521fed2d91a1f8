//! Saved progress: the text kept in the browser's storage between visits, and
//! how it is read back. Reading never panics: anything unreadable is an error
//! the UI turns into a fresh start with a notice.

use serde::{Deserialize, Serialize};

use super::bank::{Bank, Kind, Lang};
use super::flow::{first_unanswered, shown_ids, Answers, Screen, State};

/// Storage key of the progress; the version is in the key so a future format
/// can sit beside this one while it migrates.
pub const KEY: &str = "cek-siap-ekspor.progress.v1";
/// Where unreadable progress is moved, so nothing is silently destroyed.
pub const BACKUP_KEY: &str = "cek-siap-ekspor.progress.unreadable";
/// The chosen language, kept apart so "Ulangi" doesn't forget it.
pub const LANG_KEY: &str = "cek-siap-ekspor.bahasa";

const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    format: u32,
    /// The bank version the answers were given against.
    bank: u32,
    #[serde(flatten)]
    screen: Screen,
    from_review: bool,
    answers: Answers,
    #[serde(default)]
    name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not our shape.
    Unreadable,
    /// Written by a format this version does not know.
    UnknownFormat(u32),
}

pub fn encode(bank: &Bank, state: &State) -> String {
    let saved = Saved {
        format: FORMAT,
        bank: bank.version,
        screen: state.screen.clone(),
        from_review: state.from_review,
        answers: state.answers.clone(),
        name: state.name.clone(),
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Restores screen and answers. Answers to questions or options the bank no
/// longer has are dropped; the rest are kept, so a changed bank asks only
/// what is new.
pub fn decode(bank: &Bank, text: &str, lang: Lang) -> Result<State, LoadError> {
    let format = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("format")?.as_u64())
        .ok_or(LoadError::Unreadable)?;
    if format != u64::from(FORMAT) {
        return Err(LoadError::UnknownFormat(
            u32::try_from(format).unwrap_or(u32::MAX),
        ));
    }
    let saved: Saved = serde_json::from_str(text).map_err(|_| LoadError::Unreadable)?;

    let mut answers = Answers::new();
    for (q, chosen) in saved.answers {
        let Some(question) = bank.question(&q) else {
            continue;
        };
        let mut kept: Vec<String> = question
            .options
            .iter()
            .filter(|o| chosen.contains(&o.id))
            .map(|o| o.id.clone())
            .collect();
        let exclusive = kept
            .iter()
            .position(|c| question.choice(c).is_some_and(|o| o.exclusive));
        match (question.kind, exclusive) {
            (Kind::Single, _) => kept.truncate(1),
            (Kind::Multi, Some(i)) => kept = vec![kept.swap_remove(i)],
            (Kind::Multi, None) => {}
        }
        if !kept.is_empty() {
            answers.insert(q, kept);
        }
    }

    let missing = first_unanswered(bank, &answers).map(str::to_string);
    let mut from_review = saved.from_review;
    let screen = match (saved.screen, missing) {
        (Screen::Question(q), missing) if !shown_ids(bank, &answers).contains(&q.as_str()) => {
            missing.map_or(Screen::Review, Screen::Question)
        }
        // A finished assessment whose bank gained questions (an update):
        // ask just the new ones, then back to the review.
        (Screen::Result, Some(q)) => {
            from_review = true;
            Screen::Question(q)
        }
        (other, _) => other,
    };
    Ok(State {
        lang,
        screen,
        answers,
        from_review,
        notice: None,
        name: saved.name,
    })
}
