//! The compiled engine (bank resolved to indices and bitmasks) scores exactly as a direct reading of the bank does: same visibility, area scores, costs, level, gates and plan, for complete, partial and nonsensical answers, and for a cohort's fast path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

/// These tests are about the mechanics, not the questions: they run on the
/// first released bank, frozen, so their hand-computed numbers stay true.
fn bank() -> &'static Bank {
    common::v1()
}

use cek_core::archive::{Library, Ref};
use cek_core::bank::{Bank, Hidden, Kind, Question};
use cek_core::code::{decode, encode};
use cek_core::cohort::{rows, Entry, Participant, Workshop};
use cek_core::cond::Cond;
use cek_core::flow::Answers;
use cek_core::plan::{plan, MAX_FURTHER};
use cek_core::score::{assess, visibility, AreaResult, Cost, Outcome};
use common::{nonsense, walk_with};
use proptest::collection::vec;
use proptest::prelude::*;

/// The scoring as it was written before the engine: strings all the way.
mod reference {
    use super::*;

    /// What a condition may look at: level only for rules, scores not for
    /// skip logic.
    struct Facts<'a> {
        bank: &'a Bank,
        answers: &'a Answers,
        visible: &'a [bool],
        outcome: Option<&'a Outcome>,
        with_level: bool,
    }

    impl Facts<'_> {
        fn chosen(&self, q: &str) -> Option<&[String]> {
            let i = self.bank.question_index(q)?;
            if !self.visible.get(i).copied().unwrap_or(false) {
                return None;
            }
            self.answers.get(q).map(Vec::as_slice)
        }
    }

    fn holds(c: &Cond, f: &Facts) -> bool {
        match c {
            Cond::Is { q, any_of } => f
                .chosen(q)
                .is_some_and(|chosen| chosen.iter().any(|c| any_of.contains(c))),
            Cond::All(cs) => cs.iter().all(|c| holds(c, f)),
            Cond::Any(cs) => cs.iter().any(|c| holds(c, f)),
            Cond::Not(c) => !holds(c, f),
            Cond::AreaBelow { area, score } => f.outcome.is_some_and(|o| {
                f.bank
                    .areas
                    .iter()
                    .position(|a| a.id == *area)
                    .is_some_and(|i| o.areas[i].score < *score)
            }),
            Cond::LevelIn(levels) => {
                f.with_level
                    && f.outcome
                        .is_some_and(|o| levels.iter().any(|l| *l == f.bank.levels[o.level].id))
            }
        }
    }

    pub fn visibility(bank: &Bank, answers: &Answers) -> Vec<bool> {
        let mut visible = vec![false; bank.questions.len()];
        for (i, q) in bank.questions.iter().enumerate() {
            visible[i] = match &q.show_if {
                None => true,
                Some(cond) => holds(
                    cond,
                    &Facts {
                        bank,
                        answers,
                        visible: &visible,
                        outcome: None,
                        with_level: false,
                    },
                ),
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
        let overall = (f64::from(weighted) / f64::from(total_weight)).round() as u8;
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
        let gates: Vec<usize> = (0..bank.gates.len())
            .filter(|&g| {
                holds(
                    &bank.gates[g].when,
                    &Facts {
                        bank,
                        answers,
                        visible: &outcome.visible,
                        outcome: Some(&outcome),
                        with_level: false,
                    },
                )
            })
            .collect();
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
        let counted: Vec<(usize, u32, i32)> = bank
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.area == area && q.weight > 0)
            .filter_map(|(i, q)| {
                let score = if visible[i] {
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
        costs.sort_by_key(|c| std::cmp::Reverse(c.lost));
        AreaResult { score, costs }
    }

    pub fn plan(bank: &Bank, answers: &Answers, outcome: &Outcome) -> Vec<usize> {
        let facts = Facts {
            bank,
            answers,
            visible: &outcome.visible,
            outcome: Some(outcome),
            with_level: true,
        };
        let mut required: Vec<usize> = outcome
            .gates
            .iter()
            .filter_map(|&g| bank.gates[g].require_rule.as_deref())
            .filter_map(|id| bank.rules.iter().position(|r| r.id == id))
            .collect();
        required.sort_unstable();
        required.dedup();
        let limit = 1 + MAX_FURTHER;
        let mut room = limit.saturating_sub(required.len());
        let mut steps = Vec::new();
        for (i, rule) in bank.rules.iter().enumerate() {
            if required.contains(&i) {
                steps.push(i);
            } else if room > 0 && holds(&rule.when, &facts) {
                steps.push(i);
                room -= 1;
            }
        }
        steps.truncate(limit);
        steps
    }
}

fn agree(bank: &Bank, answers: &Answers) -> Result<(), TestCaseError> {
    let expected = reference::assess(bank, answers);
    prop_assert_eq!(
        visibility(bank, answers),
        reference::visibility(bank, answers)
    );
    let got = assess(bank, answers);
    prop_assert_eq!(&got, &expected, "answers {:?}", answers);
    prop_assert_eq!(
        plan(bank, answers, &got).steps,
        reference::plan(bank, answers, &expected)
    );
    Ok(())
}

/// One option per single choice, any subset (even empty, even with an
/// exclusive option) per multi choice, answered only where shown.
fn walk(bank: &Bank, seeds: &[u32]) -> Answers {
    walk_with(bank, |i, q| pick(q, seeds[2 * i], seeds[2 * i + 1]))
}

fn pick(q: &Question, a: u32, b: u32) -> Vec<String> {
    match q.kind {
        Kind::Single => vec![q.options[a as usize % q.options.len()].id.clone()],
        Kind::Multi => q
            .options
            .iter()
            .enumerate()
            .filter(|(k, _)| (b >> k) & 1 == 1)
            .map(|(_, c)| c.id.clone())
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn agrees_on_answers_walked_through_the_bank(seeds in vec(any::<u32>(), 60)) {
        let bank = bank();
        let answers = walk(bank, &seeds);
        agree(bank, &answers)?;
        // Half-way, too.
        let mut partial = answers.clone();
        let keys: Vec<String> = partial.keys().cloned().collect();
        for k in keys.iter().skip(seeds[0] as usize % (keys.len() + 1)) {
            partial.remove(k);
        }
        agree(bank, &partial)?;
    }

    /// Unknown ids, answers to hidden questions, several picks of a single
    /// choice, empty answers.
    #[test]
    fn agrees_on_nonsense(raw in vec((0usize..30, vec(0usize..12, 0..4)), 0..40)) {
        let bank = bank();
        let answers = nonsense(bank, raw);
        agree(bank, &answers)?;
    }

    /// The cohort reads codes straight into bits, skips the costs and stops
    /// at the next step: the numbers are still the owner's own.
    #[test]
    fn the_cohort_fast_path_agrees(seeds in vec(any::<u32>(), 60 * 6)) {
        let bank = bank();
        let mut w = Workshop::default();
        for chunk in seeds.chunks(60) {
            let answers = walk(bank, chunk);
            w.participants.push(Participant {
                name: None,
                before: Entry {
                    code: encode(bank, &answers, None),
                    added: String::new(),
                },
                after: None,
            });
        }
        let rows = rows(&Library::single(bank), &w);
        prop_assert_eq!(rows.len(), w.participants.len());
        for row in &rows {
            // What the code keeps: an exclusive option alone.
            let code = &w.participants[row.participant].before.code;
            let kept = decode(bank, code).unwrap().answers;
            let o = reference::assess(bank, &kept);
            prop_assert_eq!(row.overall, o.overall);
            prop_assert_eq!(row.level, o.level);
            prop_assert_eq!(&row.areas, &o.areas.iter().map(|a| a.score).collect::<Vec<_>>());
            let current = |index: usize| Ref { bank: 0, index };
            prop_assert_eq!(&row.gates, &o.gates.iter().map(|&g| current(g)).collect::<Vec<_>>());
            prop_assert_eq!(row.next_step, reference::plan(bank, &kept, &o).first().map(|&r| current(r)));
        }
    }
}

/// Another bank than the built-in one (compiled afresh, not cached) with
/// skip logic, gates and rules moved about.
#[test]
fn agrees_on_a_changed_bank() {
    let mut bank = bank().clone();
    bank.version = 2;
    bank.rules.reverse();
    let last = bank.rules.len() - 1;
    bank.rules.swap(0, last);
    bank.gates.reverse();
    for q in &mut bank.questions {
        q.weight += 1;
    }
    let mut seeds: Vec<u32> = (0..60).collect();
    for n in 0..300u32 {
        for s in &mut seeds {
            *s = s.wrapping_mul(1_103_515_245).wrapping_add(12_345 + n);
        }
        let answers = walk(&bank, &seeds);
        agree(&bank, &answers).unwrap();
    }
}
