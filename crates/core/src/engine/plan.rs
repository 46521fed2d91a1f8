//! Recommendations: the one next step (langkah berikutnya) and a short ordered
//! plan, chosen by the bank's rules and the gates' required steps.

use super::bank::{pieces, Bank, Lang, Piece, PlanOrder, Rule};
use super::cond::Facts;
use super::score::{with_engine, Answers, Engine, Outcome};

/// The plan holds the next step plus at most this many further steps.
pub const MAX_FURTHER: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Indices into `bank.rules`; the first is the next step.
    pub steps: Vec<usize>,
}

/// One step with its texts filled in for a language.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'a> {
    pub rule: &'a Rule,
    pub title: &'a str,
    pub why: String,
    pub action: &'a str,
    pub link: &'a str,
    pub link_label: &'a str,
}

impl Plan {
    pub fn next_step(&self) -> Option<usize> {
        self.steps.first().copied()
    }
}

pub fn plan(bank: &Bank, answers: &Answers, outcome: &Outcome) -> Plan {
    with_engine(bank, |e| e.plan(&e.picks(answers), outcome))
}

impl Engine<'_> {
    /// As `plan`, on answers as bits, with the bank compiled once.
    pub fn plan(&self, picks: &[Option<u64>], outcome: &Outcome) -> Plan {
        Plan {
            steps: self.steps(picks, outcome, 1 + MAX_FURTHER),
        }
    }

    /// The first `want` steps of the plan: a cohort's table needs only the
    /// next step, and stops matching rules once it has it.
    pub(crate) fn steps(
        &self,
        picks: &[Option<u64>],
        outcome: &Outcome,
        want: usize,
    ) -> Vec<usize> {
        if self.bank.plan == PlanOrder::ByReason {
            return self.steps_by_reason(picks, outcome, want);
        }
        let facts = Facts {
            picks,
            visible: &outcome.visible,
            areas: Some(&outcome.areas),
            level: Some(outcome.level),
        };
        let mut required = self.required_rules(&outcome.gates);
        // Two gates may require the same rule: it takes one place in the plan.
        super::sort::by(&mut required, |a, b| a < b);
        required.dedup();
        let limit = 1 + MAX_FURTHER;
        let mut room = limit.saturating_sub(required.len());
        let mut steps = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if steps.len() >= want.min(limit) {
                break;
            }
            if required.contains(&i) {
                steps.push(i);
            } else if room > 0 && rule.holds(&facts) {
                steps.push(i);
                room -= 1;
            }
        }
        steps
    }
}

impl Engine<'_> {
    /// The plan of a bank with `plan: "by_reason"`:
    ///
    /// 1. the steps of the gates that hold the level below what the score
    ///    reached, the hardest cap first (bank order among equal caps): the
    ///    first step answers why the level is what it is;
    /// 2. then every other step that applies or a gate requires, by the
    ///    overall points its question's answer at its best would add (none
    ///    at the highest level, where there is no next level to reach), bank
    ///    order among equals;
    /// 3. at most `1 + MAX_FURTHER` steps, never without the first of (1)
    ///    nor a step a gate requires (at most two more today).
    ///
    /// The first `want` of them: with `want` 1 (a cohort's table) and a
    /// gate holding the level, the answer is known once (1) is.
    fn steps_by_reason(&self, picks: &[Option<u64>], outcome: &Outcome, want: usize) -> Vec<usize> {
        let facts = Facts {
            picks,
            visible: &outcome.visible,
            areas: Some(&outcome.areas),
            level: Some(outcome.level),
        };
        let mut binding: Vec<(usize, usize)> = (outcome.gates.iter())
            .filter_map(|&g| {
                let gate = self.gates.get(g)?;
                let cap = gate.cap.filter(|&c| c < outcome.score_level)?;
                Some((cap, g))
            })
            .collect();
        super::sort::by(&mut binding, |a, b| a < b);
        // The binding gates' steps, hardest cap first; the first of them
        // always leads, and the gates' required steps are always in.
        let mut lead: Vec<usize> = Vec::new();
        for &(_, g) in &binding {
            let gate = &self.gates[g];
            if let Some(step) = gate.step.or_else(|| gate.rules.first().copied()) {
                if !lead.contains(&step) {
                    lead.push(step);
                }
            }
        }
        if want == 1 && !lead.is_empty() {
            lead.truncate(1);
            return lead;
        }
        let mut must: Vec<usize> = lead.first().copied().into_iter().collect();
        for r in self.required_rules(&outcome.gates) {
            if !must.contains(&r) {
                must.push(r);
            }
        }
        let top = outcome.level + 1 >= self.bank.levels.len();
        let gain = |r: usize| -> f64 {
            if top {
                return 0.0;
            }
            let Some(q) = self.raises.get(r).copied().flatten() else {
                return 0.0;
            };
            let (best, worth) = self.worth.get(q).copied().unwrap_or((0, 0.0));
            let now = self
                .counted_score(q, picks, &outcome.visible)
                .unwrap_or(best);
            f64::from((best - now).max(0)) * worth
        };
        let limit = 1 + MAX_FURTHER;
        let mut free = limit.saturating_sub(must.len());
        if want == 1 {
            return self.best_step(&must, free > 0, &facts, gain);
        }
        // Each step's gain worked out once, not in every comparison of the
        // sort (a trainer's table plans 10,000 owners).
        let mut rest: Vec<(usize, f64)> = (0..self.rules.len())
            .filter(|&i| !lead.contains(&i))
            .filter(|&i| must.contains(&i) || self.rules[i].holds(&facts))
            .map(|i| (i, gain(i)))
            .collect();
        // Stable, so bank order stays among equal gains.
        super::sort::by(&mut rest, |a, b| b.1.total_cmp(&a.1).is_lt());
        let mut steps = Vec::new();
        for r in lead.into_iter().chain(rest.into_iter().map(|(r, _)| r)) {
            if steps.len() == want {
                break;
            }
            if must.contains(&r) {
                steps.push(r);
            } else if free > 0 {
                steps.push(r);
                free -= 1;
            }
        }
        steps
    }

    /// The first step of `steps_by_reason` when no gate holds the level: of
    /// the steps that apply or a gate requires (only the required ones when
    /// they fill the plan, `!room`), the one of the largest gain, the first
    /// in bank order among equals, as the stable sort there puts first. A
    /// rule whose gain cannot beat the best so far is not checked at all: a
    /// trainer's table asks this of 10,000 owners.
    fn best_step(
        &self,
        must: &[usize],
        room: bool,
        facts: &Facts,
        gain: impl Fn(usize) -> f64,
    ) -> Vec<usize> {
        let mut best: Option<(usize, f64)> = None;
        for (i, rule) in self.rules.iter().enumerate() {
            let required = must.contains(&i);
            if !required && !room {
                continue;
            }
            let g = gain(i);
            if best.is_some_and(|(_, b)| g.total_cmp(&b).is_le()) {
                continue;
            }
            if required || rule.holds(facts) {
                best = Some((i, g));
            }
        }
        best.map(|(i, _)| i).into_iter().collect()
    }
}

/// Fills `{question_id}` in a rule's "why" with the label of the answer given,
/// so the reason quotes the user's own answer.
pub fn step<'a>(bank: &'a Bank, answers: &Answers, rule: usize, lang: Lang) -> Step<'a> {
    let rule = &bank.rules[rule];
    Step {
        rule,
        title: rule.title.get(lang),
        why: fill(bank, answers, rule.why.get(lang), lang),
        action: rule.action.get(lang),
        link: &rule.link,
        link_label: rule.link_label.get(lang),
    }
}

/// The label(s) of a question's answer, joined with commas.
pub fn answer_label(bank: &Bank, answers: &Answers, q: &str, lang: Lang) -> String {
    labels(bank, answers, q, lang).join(", ")
}

/// The label of each chosen option, in bank order.
fn labels<'a>(bank: &'a Bank, answers: &Answers, q: &str, lang: Lang) -> Vec<&'a str> {
    let Some(question) = bank.question(q) else {
        return Vec::new();
    };
    let chosen = answers.get(q).map(Vec::as_slice).unwrap_or(&[]);
    question
        .options
        .iter()
        .filter(|c| chosen.contains(&c.id))
        .map(|c| c.text.get(lang))
        .collect()
}

fn fill(bank: &Bank, answers: &Answers, template: &str, lang: Lang) -> String {
    pieces(template)
        .map(|piece| match piece {
            Piece::Text(t) => t.to_string(),
            // Each label of a multi answer sits mid-sentence, not just the first.
            Piece::Answer(q) => {
                let names = bank.question(q).is_some_and(|q| q.names);
                labels(bank, answers, q, lang)
                    .into_iter()
                    .map(|l| {
                        if names {
                            l.to_string()
                        } else {
                            l.to_string().to_lowercase_first()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        })
        .collect()
}

/// Quoted answers sit mid-sentence, so their first letter is lowered
/// ("Anda menjawab “belum punya NIB”"), unless it starts an acronym.
trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    fn to_lowercase_first(&self) -> String {
        // Only a plain word is lowered ("Belum punya" → "belum punya"); a
        // first word with more capitals or digits keeps its first letter
        // ("NIB", "P-IRT", "WhatsApp", "Rp2–15 miliar"). ASCII only: core's
        // Unicode lower-case table is 11.7 KB of a page's wasm, and a label
        // that starts with another letter ("Ékspor") keeps its capital,
        // as an acronym does.
        let first_word = self.split_whitespace().next().unwrap_or("");
        let plain = first_word
            .bytes()
            .skip(1)
            .all(|c| !c.is_ascii_uppercase() && !c.is_ascii_digit());
        let mut lowered = self.clone();
        if let Some(first) = lowered.get_mut(..1).filter(|_| plain) {
            first.make_ascii_lowercase();
        }
        lowered
    }
}

#[cfg(test)]
mod tests {
    use super::LowerFirst;

    #[test]
    fn quoted_answers_lower_plain_words_only() {
        let lower = |s: &str| s.to_string().to_lowercase_first();
        assert_eq!(lower("Belum punya NIB"), "belum punya NIB");
        assert_eq!(lower("Ya, NIK saya valid"), "ya, NIK saya valid");
        assert_eq!(lower("NIB sudah ada"), "NIB sudah ada");
        assert_eq!(lower("Sudah ada P-IRT"), "sudah ada P-IRT");
        assert_eq!(lower("P-IRT"), "P-IRT");
        assert_eq!(
            lower("WhatsApp Business atau media sosial"),
            "WhatsApp Business atau media sosial"
        );
        assert_eq!(lower("Rp2–15 miliar"), "Rp2–15 miliar");
        assert_eq!(lower("2–5 jam"), "2–5 jam");
        assert_eq!(lower(""), "");
        assert_eq!(lower("Ékspor langsung"), "Ékspor langsung");
    }
}
