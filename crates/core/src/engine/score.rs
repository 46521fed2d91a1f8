//! Scoring: which questions are shown, each area's score 0–100, the overall
//! score, the level (tingkat) after hard gates, and which answers cost points.

use std::sync::OnceLock;

use super::bank::{Bank, Hidden, Kind, Question};
use super::cond::{bits, Compiled, Cond, Facts};
pub use super::types::{Answers, AreaResult, Cost, Picks};

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

/// The bank compiled to indices: skip logic, scoring, gates and rules in a
/// form that compares no strings. Make one per bank and reuse it to score
/// many results (a trainer's cohort); `assess` and `plan::plan` make one per
/// call, which costs microseconds.
pub struct Engine<'a> {
    pub bank: &'a Bank,
    pub(crate) questions: Vec<Compiled>,
    /// Per question: what it counts as when hidden (`Worst`), else `None`.
    hidden_score: Vec<Option<i32>>,
    /// Per area: the weighted questions counted in it, bank order.
    areas: Vec<Vec<usize>>,
    pub(crate) gates: Vec<Gate>,
    pub(crate) rules: Vec<Compiled>,
    /// Per rule: the question its step improves (`Rule::raises`).
    pub(crate) raises: Vec<Option<usize>>,
    /// Per question: its best score (0–100) and how many overall points one
    /// point of it is worth (its weight's share of its area, times the
    /// area's share of the overall score).
    pub(crate) worth: Vec<(i32, f64)>,
    /// Per question: its exclusive options ("Belum ada") as bits, which
    /// reading a code checks for every multiple choice.
    pub(crate) exclusive: Vec<u64>,
    /// `bank.fingerprint()`, worked out once: result codes carry it.
    pub fingerprint: u32,
}

pub(crate) struct Gate {
    when: Compiled,
    /// Index into `bank.levels`.
    pub cap: Option<usize>,
    /// Indices into `bank.rules`: `require_rule`, then `require_rules`.
    pub rules: Vec<usize>,
    /// Index into `bank.rules`: the step that lifts the gate.
    pub step: Option<usize>,
}

impl<'a> Engine<'a> {
    pub fn new(bank: &'a Bank) -> Engine<'a> {
        let always = Compiled::All(Vec::new());
        Engine {
            bank,
            questions: bank
                .questions
                .iter()
                .map(|q| {
                    q.show_if
                        .as_ref()
                        .map_or(always.clone(), |c| c.compile(bank))
                })
                .collect(),
            hidden_score: bank
                .questions
                .iter()
                .map(|q| match q.if_hidden {
                    Hidden::Exclude => None,
                    Hidden::Worst if q.options.is_empty() => Some(0),
                    Hidden::Worst => Some(q.score_of(&q.weakest())),
                })
                .collect(),
            areas: bank
                .areas
                .iter()
                .map(|a| {
                    (bank.questions.iter().enumerate())
                        .filter(|(_, q)| q.area == a.id && q.weight > 0)
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect(),
            gates: bank
                .gates
                .iter()
                .map(|g| {
                    let rule = |id: &str| bank.rules.iter().position(|r| r.id == id);
                    Gate {
                        when: g.when.compile(bank),
                        cap: g.max_level.as_deref().and_then(|id| bank.level_index(id)),
                        rules: (g.require_rule.iter().chain(&g.require_rules))
                            .filter_map(|id| rule(id))
                            .collect(),
                        step: g.step.as_deref().and_then(rule),
                    }
                })
                .collect(),
            raises: (bank.rules.iter())
                .map(|r| r.raises.as_deref().and_then(|q| bank.question_index(q)))
                .collect(),
            worth: worth(bank),
            rules: bank.rules.iter().map(|r| r.when.compile(bank)).collect(),
            exclusive: bank.questions.iter().map(exclusive_bits).collect(),
            fingerprint: bank.fingerprint(),
        }
    }

    /// The answers as bits; unknown option ids are ignored.
    pub fn picks(&self, answers: &Answers) -> Picks {
        (self.bank.questions.iter())
            .map(|q| {
                let chosen = answers.get(&q.id)?;
                Some(bits(q.options.iter().map(|o| chosen.contains(&o.id))))
            })
            .collect()
    }

    /// The answers as option ids, in bank order.
    pub fn answers(&self, picks: &[Option<u64>]) -> Answers {
        // Inserted one by one, not collected: collecting into a BTreeMap
        // sorts first, and that sort was 4 KB of the owner's wasm.
        let mut answers = Answers::new();
        for (q, p) in self.bank.questions.iter().zip(picks) {
            let Some(p) = *p else { continue };
            let ids = (q.options.iter().enumerate())
                .filter(|(k, _)| *k < 64 && (p >> k) & 1 == 1)
                .map(|(_, o)| o.id.clone())
                .collect();
            answers.insert(q.id.clone(), ids);
        }
        answers
    }

    /// Whether question `i` is shown, given the answers and the visibility of
    /// the questions before it (skip logic only looks back).
    pub(crate) fn shown(&self, i: usize, picks: &[Option<u64>], visible: &[bool]) -> bool {
        self.questions.get(i).is_some_and(|c| {
            c.holds(&Facts {
                picks,
                visible,
                areas: None,
                level: None,
            })
        })
    }

    /// Which questions are shown: one pass in bank order settles it.
    pub fn visibility(&self, picks: &[Option<u64>]) -> Vec<bool> {
        let mut visible = vec![false; self.questions.len()];
        for i in 0..visible.len() {
            visible[i] = self.shown(i, picks, &visible);
        }
        visible
    }

    pub fn assess(&self, picks: &[Option<u64>]) -> Outcome {
        self.outcome(picks, self.visibility(picks), true)
    }

    /// As `assess`, with the visibility already worked out (reading a code
    /// does) and, for a cohort's table, without the per-answer costs.
    pub(crate) fn outcome(
        &self,
        picks: &[Option<u64>],
        visible: Vec<bool>,
        costs: bool,
    ) -> Outcome {
        let bank = self.bank;
        let areas: Vec<AreaResult> = (self.areas.iter())
            .map(|counted| self.score_area(picks, &visible, counted, costs))
            .collect();

        let total_weight: u32 = bank.areas.iter().map(|a| a.weight).sum();
        let weighted: u32 = (bank.areas.iter().zip(&areas))
            .map(|(a, r)| a.weight * u32::from(r.score))
            .sum();
        let overall = if total_weight == 0 {
            0
        } else {
            (f64::from(weighted) / f64::from(total_weight)).round() as u8
        };
        let score_level = (bank.levels.iter())
            .rposition(|l| l.min_score <= overall)
            .unwrap_or(0);

        let facts = Facts {
            picks,
            visible: &visible,
            areas: Some(&areas),
            level: None,
        };
        let gates: Vec<usize> = (self.gates.iter().enumerate())
            .filter(|(_, g)| g.when.holds(&facts))
            .map(|(i, _)| i)
            .collect();
        let level = (gates.iter())
            .filter_map(|&g| self.gates.get(g)?.cap)
            .fold(score_level, usize::min);
        Outcome {
            visible,
            areas,
            overall,
            level,
            score_level,
            gates,
        }
    }

    /// The indices into `bank.rules` that gates require for these gates.
    pub(crate) fn required_rules(&self, gates: &[usize]) -> Vec<usize> {
        gates
            .iter()
            .filter_map(|&g| self.gates.get(g))
            .flat_map(|g| g.rules.iter().copied())
            .collect()
    }

    /// The score (0–100) a question counts with under these answers, as
    /// `score_area` counts it; `None` if it doesn't count.
    pub(crate) fn counted_score(
        &self,
        i: usize,
        picks: &[Option<u64>],
        visible: &[bool],
    ) -> Option<i32> {
        let q = self.bank.questions.get(i)?;
        if visible.get(i).copied().unwrap_or(false) {
            Some(
                picks
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or(0, |p| score_of(q, p)),
            )
        } else {
            self.hidden_score.get(i).copied().flatten()
        }
    }

    fn score_area(
        &self,
        picks: &[Option<u64>],
        visible: &[bool],
        counted: &[usize],
        with_costs: bool,
    ) -> AreaResult {
        let questions = &self.bank.questions;
        // (question index, weight, score 0–100) of every question that counts.
        let counted = counted.iter().filter_map(|&i| {
            let q = questions.get(i)?;
            let score = if visible.get(i).copied().unwrap_or(false) {
                // Unanswered counts as nothing gained: the flow requires an
                // answer before the result, so this only matters mid-way.
                picks
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or(0, |p| score_of(q, p))
            } else {
                self.hidden_score.get(i).copied().flatten()?
            };
            Some((i, q.weight, score))
        });

        let (total, gained) = counted.clone().fold((0u32, 0i64), |(t, g), c| {
            (t + c.1, g + i64::from(c.1) * i64::from(c.2))
        });
        if total == 0 {
            return AreaResult {
                score: 0,
                costs: Vec::new(),
            };
        }
        let score = (gained as f64 / f64::from(total)).round() as u8;
        if !with_costs {
            return AreaResult {
                score,
                costs: Vec::new(),
            };
        }
        let mut costs: Vec<Cost> = counted
            .map(|(question, weight, s)| Cost {
                question,
                lost: (f64::from(weight) * f64::from(100 - s) / f64::from(total)).round() as u8,
            })
            .filter(|c| c.lost > 0)
            .collect();
        // Stable sort keeps bank order among equal costs, so explanations don't flicker.
        super::sort::by(&mut costs, |a, b| a.lost > b.lost);
        AreaResult { score, costs }
    }
}

/// Per question: its best score and the overall points one point of it is
/// worth, for ordering steps by what they would add.
fn worth(bank: &Bank) -> Vec<(i32, f64)> {
    let total_area: f64 = bank.areas.iter().map(|a| f64::from(a.weight)).sum();
    bank.questions
        .iter()
        .map(|q| {
            let best = q.score_of(&q.strongest());
            let area = bank.area(&q.area);
            let in_area: f64 = (bank.questions.iter())
                .filter(|o| o.area == q.area)
                .map(|o| f64::from(o.weight))
                .sum();
            let share = match area {
                Some(a) if in_area > 0.0 && total_area > 0.0 => {
                    f64::from(q.weight) / in_area * f64::from(a.weight) / total_area
                }
                _ => 0.0,
            };
            (best, share)
        })
        .collect()
}

/// A question's exclusive options ("Belum ada") as bits.
pub(crate) fn exclusive_bits(q: &Question) -> u64 {
    bits(q.options.iter().map(|o| o.exclusive))
}

/// As `Question::score_of`, on bits: single choice scores its first chosen
/// option, multi choice adds them to `base`.
fn score_of(q: &Question, picked: u64) -> i32 {
    // Only the chosen options are visited, lowest first: a cohort's table
    // scores every question of 10,000 owners.
    let mut rest = picked;
    let mut chosen = std::iter::from_fn(|| {
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if let Some(c) = q.options.get(k) {
                return Some(c.score);
            }
        }
        None
    });
    match q.kind {
        Kind::Single => chosen.next().unwrap_or(0).clamp(0, 100),
        Kind::Multi => chosen.fold(q.base, i32::saturating_add).clamp(0, 100),
    }
}

impl Engine<'static> {
    /// The built-in bank, compiled once.
    pub fn builtin() -> &'static Engine<'static> {
        static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(Bank::builtin()))
    }
}

/// Runs `f` with the bank compiled: the built-in bank's compiled form is
/// kept, since compiling takes longer than scoring one result.
pub(crate) fn with_engine<R>(bank: &Bank, f: impl FnOnce(&Engine) -> R) -> R {
    if std::ptr::eq(bank, Bank::builtin()) {
        f(Engine::builtin())
    } else {
        f(&Engine::new(bank))
    }
}

/// Which questions are shown.
pub fn visibility(bank: &Bank, answers: &Answers) -> Vec<bool> {
    with_engine(bank, |e| e.visibility(&e.picks(answers)))
}

pub fn assess(bank: &Bank, answers: &Answers) -> Outcome {
    with_engine(bank, |e| e.assess(&e.picks(answers)))
}

/// Conditions are compiled with the bank they refer to, by the engine that
/// scores with them (so `cond.rs` needs no bank).
impl Cond {
    pub(crate) fn compile(&self, bank: &Bank) -> Compiled {
        let all = |cs: &[Cond]| cs.iter().map(|c| c.compile(bank)).collect();
        match self {
            Cond::Is { q, any_of } => match bank.question_index(q) {
                Some(i) => Compiled::Is {
                    q: i,
                    mask: bits(
                        bank.questions[i]
                            .options
                            .iter()
                            .map(|o| any_of.contains(&o.id)),
                    ),
                },
                None => Compiled::Never,
            },
            Cond::All(cs) => Compiled::All(all(cs)),
            Cond::Any(cs) => Compiled::Any(all(cs)),
            Cond::Not(c) => Compiled::Not(Box::new(c.compile(bank))),
            Cond::AreaBelow { area, score } => {
                match bank.areas.iter().position(|a| a.id == *area) {
                    Some(area) => Compiled::AreaBelow {
                        area,
                        score: *score,
                    },
                    None => Compiled::Never,
                }
            }
            Cond::LevelIn(ids) => {
                Compiled::LevelIn(bank.levels.iter().map(|l| ids.contains(&l.id)).collect())
            }
        }
    }
}
