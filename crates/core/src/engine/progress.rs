//! Saved progress: the text kept in the browser's storage between visits, and
//! how it is read back, including progress saved by older versions. Reading
//! never panics: anything unreadable is an error the UI turns into a fresh
//! start with a notice.
//!
//! Formats:
//! - 1 (key `…progress.v1`): screen, answers, name.
//! - 2 (key `…progress.v2`): adds `finished_on`, the day of the result.
//!   Format 1 reads as format 2 without a day.

use serde::{Deserialize, Serialize};

use super::bank::{Bank, Kind, Lang};
use super::flow::{first_unanswered, shown_ids, Answers, Day, Screen, State};

/// Storage key of the progress; the version is in the key so an older
/// version of the app, still open in another tab, never reads a format it
/// doesn't know.
pub const KEY: &str = "cek-siap-ekspor.progress.v2";
/// Keys of older formats, newest first: progress found only there is read,
/// saved under `KEY` and then removed.
pub const OLDER_KEYS: [&str; 1] = ["cek-siap-ekspor.progress.v1"];
/// Where the owner page's unreadable progress is moved, so nothing is
/// silently destroyed (other storage keys: `backup_key`).
pub const BACKUP_KEY: &str = "cek-siap-ekspor.progress.unreadable";
/// The chosen language, kept apart so "Ulangi" doesn't forget it.
pub const LANG_KEY: &str = "cek-siap-ekspor.bahasa";

/// The backup slot of progress saved under `key`: one per storage key, so an
/// embedded widget's unreadable progress (`KEY@host#widget`, `…|custom`)
/// never lands on the owner's backup or another widget's. The owner's own key
/// keeps the released name `BACKUP_KEY`; keys built on `KEY` keep their
/// suffix after it; any other key gets `.unreadable` appended.
pub fn backup_key(key: &str) -> String {
    match key.strip_prefix(KEY) {
        Some(rest) => format!("{BACKUP_KEY}{rest}"),
        None => format!("{key}.unreadable"),
    }
}

const FORMAT: u32 = 2;
/// Formats this version reads.
const READS: [u32; 2] = [1, 2];

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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "day_or_none"
    )]
    finished_on: Option<Day>,
}

/// A day that doesn't parse is dropped on its own: losing every answer over
/// a hand-edited date would be worse.
fn day_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
    let text = Option::<serde_json::Value>::deserialize(d)?;
    Ok(text
        .and_then(|v| v.as_str().map(str::to_string))
        .and_then(|s| Day::try_from(s).ok()))
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
        finished_on: state.finished_on,
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
    let format = u32::try_from(format).unwrap_or(u32::MAX);
    if !READS.contains(&format) {
        return Err(LoadError::UnknownFormat(format));
    }
    let mut saved: Saved = serde_json::from_str(text).map_err(|_| LoadError::Unreadable)?;
    if format == 1 {
        // Format 1 had no day; anything under that name is not ours.
        saved.finished_on = None;
    }

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
        finished_on: saved.finished_on,
    })
}
