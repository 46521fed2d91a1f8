//! The owner's earlier results on this phone (kemajuan saya): each kept as
//! its day and result code, in a small versioned text format, and what
//! changed between one result and the next.
//!
//! Format 1 (key `cek-siap-ekspor.riwayat.v1`), by hand rather than serde,
//! so the owner's page need not ship a JSON library for it:
//!
//! ```text
//! riwayat 1
//! 2026-12-02 K2…
//! 2026-12-20 K2…
//! ```
//!
//! Oldest first. A result keeps the code, not scores: the code names the
//! bank it was made with (format 2: version and fingerprint), so an old
//! result is read with its own bank (`archive::locate`), like a shared link,
//! and shows what it showed then.

use crate::engine::bank::Bank;
use crate::engine::checklist::{day_line, open, ReadError};
use crate::engine::flow::{Answers, Day};
use crate::engine::score;

pub const KEY: &str = "cek-siap-ekspor.riwayat.v1";
const HEADER: &str = "riwayat";
const FORMAT: u32 = 1;
/// The most earlier results kept: a page of them, and a few kilobytes.
pub const MAX: usize = 50;
/// Longer than any code (a name of 40 bytes included); a longer "code" is
/// not ours.
const CODE_MAX: usize = 400;

/// One earlier result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub day: Day,
    /// The result code (kode hasil), read when shown.
    pub code: String,
}

/// Earlier results, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub entries: Vec<Entry>,
}

impl History {
    /// Keeps a result made on `day`. The same result kept twice on one day
    /// (the owner left and came back) is one entry; past `MAX` the oldest
    /// goes. Returns whether anything was added.
    pub fn keep(&mut self, day: Day, code: &str) -> bool {
        let entry = Entry {
            day,
            code: code.to_string(),
        };
        if !is_code(code) || self.entries.last() == Some(&entry) {
            return false;
        }
        self.entries.push(entry);
        let over = self.entries.len().saturating_sub(MAX);
        self.entries.drain(..over);
        true
    }

    /// Deletes one earlier result (by its place, oldest first).
    pub fn remove(&mut self, index: usize) {
        if index < self.entries.len() {
            self.entries.remove(index);
        }
    }
}

pub fn encode(history: &History) -> String {
    let mut text = format!("{HEADER} {FORMAT}\n");
    for e in &history.entries {
        text.push_str(&format!("{} {}\n", e.day, e.code));
    }
    text
}

pub fn decode(text: &str) -> Result<History, ReadError> {
    let mut history = History::default();
    for line in open(text, HEADER, FORMAT)? {
        let (code, day) = day_line(line, true)?;
        if !is_code(code) {
            return Err(ReadError::Unreadable);
        }
        history.keep(day, code);
    }
    Ok(history)
}

/// Looks like a result code: checked for real when it is read with its bank.
fn is_code(code: &str) -> bool {
    code.starts_with('K')
        && code.len() <= CODE_MAX
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What one result showed: level (index into `bank.levels`), overall score,
/// score per area in bank order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub level: usize,
    pub overall: u8,
    pub areas: Vec<u8>,
}

pub fn summary(bank: &Bank, answers: &Answers) -> Summary {
    let outcome = score::assess(bank, answers);
    Summary {
        level: outcome.level,
        overall: outcome.overall,
        areas: outcome.areas.iter().map(|a| a.score).collect(),
    }
}

/// The change from an earlier result to a later one, in points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub overall: i16,
    /// The earlier level and the later one.
    pub level: (usize, usize),
    /// Per area, in bank order (areas are the same in every released bank).
    pub areas: Vec<i16>,
}

pub fn change(earlier: &Summary, later: &Summary) -> Change {
    let diff = |a: u8, b: u8| i16::from(b) - i16::from(a);
    Change {
        overall: diff(earlier.overall, later.overall),
        level: (earlier.level, later.level),
        areas: earlier
            .areas
            .iter()
            .zip(&later.areas)
            .map(|(&a, &b)| diff(a, b))
            .collect(),
    }
}
