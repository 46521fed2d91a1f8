//! Conditions written in the bank: skip logic, gates and recommendation rules.

use serde::{Deserialize, Serialize};

use super::types::AreaResult;

/// A condition over the user's answers (and, for gates and rules, the scores).
///
/// In JSON: `{"is": {"q": "nib", "any_of": ["belum"]}}`,
/// `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`,
/// `{"area_below": {"area": "digital", "score": 50}}`, `{"level_in": ["madya"]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    /// The question is shown and one of these options is chosen.
    Is {
        q: String,
        any_of: Vec<String>,
    },
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// The area's score is below this (rules and gates only).
    AreaBelow {
        area: String,
        score: u8,
    },
    /// The overall level, after gates, is one of these (rules only).
    LevelIn(Vec<String>),
}

/// A condition with its ids resolved to indices and bitmasks, so checking
/// it compares no strings: what scoring a cohort of thousands needs. Ids
/// that resolve to nothing (only in a bank that fails validation) never hold.
#[derive(Clone, Debug)]
pub(crate) enum Compiled {
    Is {
        q: usize,
        mask: u64,
    },
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
    AreaBelow {
        area: usize,
        score: u8,
    },
    /// Per level: whether it is one of these.
    LevelIn(Vec<bool>),
    Never,
}

/// What a condition can look at. Skip logic sees answers only; gates also
/// see area scores; rules also see the final level.
pub(crate) struct Facts<'a> {
    /// Per question: the chosen options as bits, `None` if unanswered.
    pub picks: &'a [Option<u64>],
    pub visible: &'a [bool],
    pub areas: Option<&'a [AreaResult]>,
    /// Index into `bank.levels`.
    pub level: Option<usize>,
}

/// Bit k is set when the k-th flag is; validation keeps options within 64.
pub(crate) fn bits(flags: impl Iterator<Item = bool>) -> u64 {
    flags
        .take(64)
        .enumerate()
        .fold(0, |m, (k, on)| m | (u64::from(on) << k))
}

impl Compiled {
    pub fn holds(&self, f: &Facts) -> bool {
        match self {
            // A hidden question has no answer, whatever was chosen before.
            Compiled::Is { q, mask } => {
                f.visible.get(*q).copied().unwrap_or(false)
                    && f.picks
                        .get(*q)
                        .copied()
                        .flatten()
                        .is_some_and(|p| p & mask != 0)
            }
            Compiled::All(cs) => cs.iter().all(|c| c.holds(f)),
            Compiled::Any(cs) => cs.iter().any(|c| c.holds(f)),
            Compiled::Not(c) => !c.holds(f),
            Compiled::AreaBelow { area, score } => f
                .areas
                .and_then(|a| a.get(*area))
                .is_some_and(|a| a.score < *score),
            Compiled::LevelIn(levels) => f
                .level
                .and_then(|l| levels.get(l).copied())
                .unwrap_or(false),
            Compiled::Never => false,
        }
    }
}

impl Cond {
    /// Every condition inside this one, itself included.
    pub fn walk<'a>(&'a self, out: &mut Vec<&'a Cond>) {
        out.push(self);
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.walk(out)),
            Cond::Not(c) => c.walk(out),
            _ => {}
        }
    }
}
