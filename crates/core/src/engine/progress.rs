//! Saved progress: the text kept in the browser's storage between visits, and
//! how it is read back, including progress saved by older versions. Reading
//! never panics: anything unreadable is an error the UI turns into a fresh
//! start with a notice.
//!
//! Formats:
//! - 1 (key `…progress.v1`): screen, answers, name.
//! - 2 (key `…progress.v2`): adds `finished_on`, the day of the result.
//!   Format 1 reads as format 2 without a day.

use super::bank::{Bank, Kind, Lang};
use super::flow::{first_unanswered, shown_ids, Answers, Day, Screen, State};
use super::json::{self, Json};

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

/// What a saved text holds, before it is checked against the bank.
struct Saved {
    screen: Screen,
    from_review: bool,
    answers: Answers,
    name: String,
    finished_on: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not our shape.
    Unreadable,
    /// Written by a format this version does not know.
    UnknownFormat(u32),
}

/// The saved text: one JSON object, `{"format":2,"bank":2,"screen":"question",
/// "q":"nib","from_review":false,"answers":{"nib":["sudah"]},"name":"",
/// "finished_on":"2026-12-02"}` (`q` only on a question, `finished_on` only
/// once there is a result). Written by hand (`json.rs`), as serde_json wrote
/// it before, so the owner's page carries no JSON library.
pub fn encode(bank: &Bank, state: &State) -> String {
    let mut answers = json::Object::new();
    for (q, chosen) in &state.answers {
        let mut list = String::from("[");
        for (i, c) in chosen.iter().enumerate() {
            if i > 0 {
                list.push(',');
            }
            json::quote(&mut list, c);
        }
        list.push(']');
        answers = answers.raw(q, &list);
    }
    let (screen, q) = match &state.screen {
        Screen::Intro => ("intro", None),
        Screen::Question(q) => ("question", Some(q)),
        Screen::Review => ("review", None),
        Screen::Result => ("result", None),
    };
    let mut saved = json::Object::new()
        .num("format", FORMAT.into())
        .num("bank", bank.version.into())
        .str("screen", screen);
    if let Some(q) = q {
        saved = saved.str("q", q);
    }
    saved = saved
        .bool("from_review", state.from_review)
        .raw("answers", &answers.end())
        .str("name", &state.name);
    if let Some(day) = state.finished_on {
        saved = saved.str("finished_on", &day.to_string());
    }
    saved.end()
}

/// The fields of a saved text, as format 1 and 2 wrote them; `None` when a
/// required one is missing or of the wrong type.
fn read(value: &Json, format: u32) -> Option<Saved> {
    u32::try_from(value.get("bank")?.as_u64()?).ok()?;
    let screen = match value.get("screen")?.as_str()? {
        "intro" => Screen::Intro,
        "question" => Screen::Question(value.get("q")?.as_str()?.to_string()),
        "review" => Screen::Review,
        "result" => Screen::Result,
        _ => return None,
    };
    // Format 1 and 2 (serde's adjacent tag) refused a `q` on other screens.
    if !matches!(screen, Screen::Question(_)) && value.get("q").is_some_and(|q| *q != Json::Null) {
        return None;
    }
    let Json::Object(members) = value.get("answers")? else {
        return None;
    };
    let mut answers = Answers::new();
    for (q, chosen) in members {
        let Json::Array(chosen) = chosen else {
            return None;
        };
        let chosen = chosen.iter().map(|c| c.as_str().map(str::to_string));
        answers.insert(q.clone(), chosen.collect::<Option<Vec<_>>>()?);
    }
    let name = match value.get("name") {
        None => String::new(),
        Some(name) => name.as_str()?.to_string(),
    };
    Some(Saved {
        screen,
        from_review: value.get("from_review")?.as_bool()?,
        answers,
        name,
        // Format 1 had no day; anything under that name is not ours. A day
        // that doesn't parse is dropped on its own: losing every answer over
        // a hand-edited date would be worse.
        finished_on: value
            .get("finished_on")
            .and_then(Json::as_str)
            .filter(|_| format >= 2)
            .and_then(|s| Day::try_from(s.to_string()).ok()),
    })
}

/// Restores screen and answers. Answers to questions or options the bank no
/// longer has are dropped; the rest are kept, so a changed bank asks only
/// what is new.
pub fn decode(bank: &Bank, text: &str, lang: Lang) -> Result<State, LoadError> {
    let value = Json::parse(text).ok_or(LoadError::Unreadable)?;
    let format = value
        .get("format")
        .and_then(Json::as_u64)
        .ok_or(LoadError::Unreadable)?;
    let format = u32::try_from(format).unwrap_or(u32::MAX);
    if !READS.contains(&format) {
        return Err(LoadError::UnknownFormat(format));
    }
    let saved = read(&value, format).ok_or(LoadError::Unreadable)?;

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
        unanswered: None,
        asking_restart: false,
    })
}
