//! The plan as a checklist: which steps (langkah) the owner has done and on
//! which day, kept on the phone in a small versioned text format, and what
//! changes when the answer a done step depends on is updated.
//!
//! Format 1 (key `cek-siap-ekspor.langkah.v1`), written by hand rather than
//! with serde so the owner's page need not ship a JSON library for it:
//!
//! ```text
//! langkah-selesai 1
//! bank 2
//! urus_nib 2026-12-02
//! email_usaha 2026-12-05
//! ```
//!
//! One line per done step: the rule id and the day it was ticked, in the
//! order they were ticked. Ids the bank no longer has are kept (a later bank
//! may bring them back) and simply not shown.

use super::bank::{Bank, Question};
use super::flow::{Answers, Day};
use super::{plan, score};

/// Storage key of the owner's checklist; the format is in the key, as with
/// progress, so an older app in another tab never reads a newer format.
pub const KEY: &str = "cek-siap-ekspor.langkah.v1";
const HEADER: &str = "langkah-selesai";
const FORMAT: u32 = 1;

/// The steps done, in the order they were ticked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checklist {
    /// The bank version the steps were ticked against.
    pub bank: u32,
    pub done: Vec<(String, Day)>,
}

/// Why saved text is not a readable list (checklist or earlier results).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not our shape: a line that is not what the format says.
    Unreadable,
    /// Written by a format this version does not know.
    UnknownFormat(u32),
}

impl Checklist {
    pub fn new(bank: &Bank) -> Checklist {
        Checklist {
            bank: bank.version,
            done: Vec::new(),
        }
    }

    /// The day a step was ticked, if it was.
    pub fn done_on(&self, step: &str) -> Option<Day> {
        self.done.iter().find(|(id, _)| id == step).map(|&(_, d)| d)
    }

    /// Ticks a step on `day`; a step ticked already keeps its first day.
    pub fn tick(&mut self, step: &str, day: Day) {
        if self.done_on(step).is_none() && is_id(step) {
            self.done.push((step.to_string(), day));
        }
    }

    pub fn untick(&mut self, step: &str) {
        self.done.retain(|(id, _)| id != step);
    }
}

/// The key beside the progress saved under `progress_key`: the owner's page
/// gets `base` itself, an embedded widget (`KEY@host#widget`, `…|custom`)
/// its own slot with the same suffix, so lists never mix between widgets.
pub fn key_beside(progress_key: &str, base: &str) -> String {
    match progress_key.strip_prefix(super::progress::KEY) {
        Some(rest) => format!("{base}{rest}"),
        None => format!("{progress_key}|{base}"),
    }
}

pub fn encode(list: &Checklist) -> String {
    let mut text = format!("{HEADER} {FORMAT}\nbank {}\n", list.bank);
    for (id, day) in &list.done {
        text.push_str(&format!("{id} {day}\n"));
    }
    text
}

pub fn decode(text: &str) -> Result<Checklist, ReadError> {
    let mut lines = open(text, HEADER, FORMAT)?;
    let bank = lines
        .next()
        .and_then(|l| l.strip_prefix("bank "))
        .and_then(|v| v.parse().ok())
        .ok_or(ReadError::Unreadable)?;
    let mut list = Checklist {
        bank,
        done: Vec::new(),
    };
    for line in lines {
        let (id, day) = day_line(line, false)?;
        if !is_id(id) {
            return Err(ReadError::Unreadable);
        }
        // A step twice (two tabs ticking at once) keeps its first day.
        list.tick(id, day);
    }
    Ok(list)
}

/// The lines after a `NAME FORMAT` first line, blank lines skipped, once the
/// format is one this version reads.
pub(crate) fn open<'t>(
    text: &'t str,
    name: &str,
    format: u32,
) -> Result<impl Iterator<Item = &'t str>, ReadError> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().ok_or(ReadError::Unreadable)?;
    let version = first
        .strip_prefix(name)
        .and_then(|v| v.strip_prefix(' '))
        .ok_or(ReadError::Unreadable)?;
    let version: u32 = version.parse().map_err(|_| ReadError::Unreadable)?;
    if version != format {
        return Err(ReadError::UnknownFormat(version));
    }
    Ok(lines)
}

/// A line of a word and a `YYYY-MM-DD` day, read as (word, day): the
/// checklist writes the day second, the earlier results first.
pub(crate) fn day_line(line: &str, day_first: bool) -> Result<(&str, Day), ReadError> {
    let (a, b) = line.split_once(' ').ok_or(ReadError::Unreadable)?;
    let (word, day) = if day_first { (b, a) } else { (a, b) };
    let day = Day::try_from(day.to_string()).map_err(|_| ReadError::Unreadable)?;
    Ok((word, day))
}

/// A rule id as banks write them: lowercase letters, digits, `_`.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The question whose answer a step raises (its rule's `raises`; a gate's
/// `step` names such a rule), when the owner has been asked it: the answer
/// ticking the step offers to update. Banks without `raises` (version 1)
/// offer none.
pub fn answer_to_update<'a>(bank: &'a Bank, answers: &Answers, step: &str) -> Option<&'a Question> {
    let q = bank.rule(step)?.raises.as_deref()?;
    super::flow::shown_ids(bank, answers)
        .contains(&q)
        .then(|| bank.question(q))
        .flatten()
}

/// What an updated answer changed, the biggest news first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The level (tingkat) rose to this one (index into `bank.levels`).
    LevelRose(usize),
    LevelFell(usize),
    /// The level stayed; this step (index into `bank.rules`) now comes first.
    NextStep(usize),
    Nothing,
}

pub fn change(bank: &Bank, before: &Answers, after: &Answers) -> Change {
    let (was, now) = (score::assess(bank, before), score::assess(bank, after));
    if now.level > was.level {
        return Change::LevelRose(now.level);
    }
    if now.level < was.level {
        return Change::LevelFell(now.level);
    }
    let next = |a: &Answers, o: &score::Outcome| plan::plan(bank, a, o).next_step();
    match next(after, &now) {
        Some(step) if next(before, &was) != Some(step) => Change::NextStep(step),
        _ => Change::Nothing,
    }
}
