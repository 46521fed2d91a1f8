//! Scoring: which questions are shown, each area's score 0–100, the overall
//! score, the level (tingkat) after hard gates, and which answers cost points.

use std::collections::BTreeMap;

use super::bank::{Bank, Hidden};
use super::cond::Facts;

/// The chosen option ids per question id. Single choice holds one id.
pub type Answers = BTreeMap<String, Vec<String>>;

/// Everything derived from a set of answers. Never stored: recomputed on render.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Per question (bank order): shown to this user under the skip logic.
    pub visible: Vec<bool>,
    /// Per area (bank order).
    pub areas: Vec<AreaResult>,
    pub overall: u8,
    /// Index into `bank.levels` after gates.
    pub level: usize,
    /// Index into `bank.levels` from the score alone.
    pub score_level: usize,
    /// Indices into `bank.gates` that apply to these answers.
    pub gates: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AreaResult {
    pub score: u8,
    /// Answers that cost this area points, most costly first.
    pub costs: Vec<Cost>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cost {
    /// Index into `bank.questions`.
    pub question: usize,
    /// Points of the area's 0–100 score lost through this answer.
    pub lost: u8,
}

/// Answers as seen by skip logic: a hidden question has no answer.
pub(crate) struct Shown<'a> {
    pub bank: &'a Bank,
    pub answers: &'a Answers,
    pub visible: &'a [bool],
}

impl Facts for Shown<'_> {
    fn chosen(&self, q: &str) -> Option<&[String]> {
        let i = self.bank.question_index(q)?;
        if !self.visible.get(i).copied().unwrap_or(false) {
            return None;
        }
        self.answers.get(q).map(Vec::as_slice)
    }
    fn area_score(&self, _: &str) -> Option<u8> {
        None
    }
    fn level(&self) -> Option<&str> {
        None
    }
}

/// Gates and rules also see the scores and the level.
pub(crate) struct Scored<'a> {
    pub shown: Shown<'a>,
    pub outcome: &'a Outcome,
    pub with_level: bool,
}

impl Facts for Scored<'_> {
    fn chosen(&self, q: &str) -> Option<&[String]> {
        self.shown.chosen(q)
    }
    fn area_score(&self, area: &str) -> Option<u8> {
        let i = self.shown.bank.areas.iter().position(|a| a.id == area)?;
        Some(self.outcome.areas[i].score)
    }
    fn level(&self) -> Option<&str> {
        self.with_level
            .then(|| self.shown.bank.levels[self.outcome.level].id.as_str())
    }
}

/// Which questions are shown. Skip logic only looks at earlier questions
/// (checked by validation), so one pass in bank order settles it.
pub fn visibility(bank: &Bank, answers: &Answers) -> Vec<bool> {
    let mut visible = vec![false; bank.questions.len()];
    for (i, q) in bank.questions.iter().enumerate() {
        visible[i] = match &q.show_if {
            None => true,
            Some(cond) => cond.holds(&Shown {
                bank,
                answers,
                visible: &visible,
            }),
        };
    }
    visible
}

pub fn assess(bank: &Bank, answers: &Answers) -> Outcome {
    let visible = visibility(bank, answers);
    let areas: Vec<AreaResult> = bank
        .areas
        .iter()
        .map(|area| score_area(bank, answers, &visible, &area.id))
        .collect();

    let total_weight: u32 = bank.areas.iter().map(|a| a.weight).sum();
    let weighted: u32 = bank
        .areas
        .iter()
        .zip(&areas)
        .map(|(a, r)| a.weight * u32::from(r.score))
        .sum();
    let overall = if total_weight == 0 {
        0
    } else {
        (f64::from(weighted) / f64::from(total_weight)).round() as u8
    };
    let score_level = bank
        .levels
        .iter()
        .rposition(|l| l.min_score <= overall)
        .unwrap_or(0);

    let mut outcome = Outcome {
        visible,
        areas,
        overall,
        level: score_level,
        score_level,
        gates: Vec::new(),
    };
    let gates: Vec<usize> = {
        let facts = Scored {
            shown: Shown {
                bank,
                answers,
                visible: &outcome.visible,
            },
            outcome: &outcome,
            with_level: false,
        };
        bank.gates
            .iter()
            .enumerate()
            .filter(|(_, g)| g.when.holds(&facts))
            .map(|(i, _)| i)
            .collect()
    };
    for &g in &gates {
        if let Some(cap) = bank.gates[g]
            .max_level
            .as_deref()
            .and_then(|id| bank.level_index(id))
        {
            outcome.level = outcome.level.min(cap);
        }
    }
    outcome.gates = gates;
    outcome
}

fn score_area(bank: &Bank, answers: &Answers, visible: &[bool], area: &str) -> AreaResult {
    // (question index, weight, score 0–100) of every question that counts.
    let counted: Vec<(usize, u32, i32)> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.area == area && q.weight > 0)
        .filter_map(|(i, q)| {
            let score = if visible[i] {
                // Unanswered counts as nothing gained: the flow requires an
                // answer before the result, so this only matters mid-way.
                answers.get(&q.id).map_or(0, |a| q.score_of(a))
            } else {
                match q.if_hidden {
                    Hidden::Exclude => return None,
                    Hidden::Worst => q.score_of(&q.weakest()),
                }
            };
            Some((i, q.weight, score))
        })
        .collect();

    let total: u32 = counted.iter().map(|c| c.1).sum();
    if total == 0 {
        return AreaResult {
            score: 0,
            costs: Vec::new(),
        };
    }
    let gained: i64 = counted
        .iter()
        .map(|c| i64::from(c.1) * i64::from(c.2))
        .sum();
    let score = (gained as f64 / f64::from(total)).round() as u8;

    let mut costs: Vec<Cost> = counted
        .iter()
        .map(|&(question, weight, s)| Cost {
            question,
            lost: (f64::from(weight) * f64::from(100 - s) / f64::from(total)).round() as u8,
        })
        .filter(|c| c.lost > 0)
        .collect();
    // Stable sort keeps bank order among equal costs, so explanations don't flicker.
    costs.sort_by_key(|c| std::cmp::Reverse(c.lost));
    AreaResult { score, costs }
}
