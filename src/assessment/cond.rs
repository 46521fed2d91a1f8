//! Conditions written in the bank: skip logic, gates and recommendation rules.

use serde::{Deserialize, Serialize};

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

/// What a condition can look at. Skip logic sees answers only; gates also see
/// scores; rules also see the final level.
pub trait Facts {
    /// The chosen options of a question that is shown, or `None`.
    fn chosen(&self, q: &str) -> Option<&[String]>;
    fn area_score(&self, area: &str) -> Option<u8>;
    fn level(&self) -> Option<&str>;
}

impl Cond {
    pub fn holds(&self, facts: &dyn Facts) -> bool {
        match self {
            Cond::Is { q, any_of } => facts
                .chosen(q)
                .is_some_and(|chosen| chosen.iter().any(|c| any_of.contains(c))),
            Cond::All(cs) => cs.iter().all(|c| c.holds(facts)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(facts)),
            Cond::Not(c) => !c.holds(facts),
            Cond::AreaBelow { area, score } => facts.area_score(area).is_some_and(|s| s < *score),
            Cond::LevelIn(levels) => facts.level().is_some_and(|l| levels.iter().any(|x| x == l)),
        }
    }

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
