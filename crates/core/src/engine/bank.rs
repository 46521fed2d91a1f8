//! The question bank: its schema, and the built-in bank parsed once from
//! `bank.json` (content is data; see README "Changing questions and rules").

use serde::{Deserialize, Serialize};

use super::cond::Cond;

/// The two languages of every user-visible string. Indonesian comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag, as used for `<html lang>` and in saved data.
    /// The Indonesian or the English of a pair: `lang.pick("Mulai", "Start")`,
    /// the one way a bilingual branch is written.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A user-visible string in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub id: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Bumped whenever a question or option id changes meaning; saved progress
    /// and (later) share codes carry it.
    pub version: u32,
    pub areas: Vec<Area>,
    /// Ordered from lowest to highest; the first has `min_score` 0.
    pub levels: Vec<Level>,
    #[serde(default)]
    pub gates: Vec<Gate>,
    pub questions: Vec<Question>,
    /// In priority order: the first rule that applies is the next step
    /// (with `plan: "by_reason"`, the order among equals).
    pub rules: Vec<Rule>,
    /// How the plan is ordered. Version 1 used bank order (`rules`); later
    /// banks say `by_reason`. Old banks keep their order, so an old result
    /// shows the next step it showed when it was made.
    #[serde(default, skip_serializing_if = "PlanOrder::is_rules")]
    pub plan: PlanOrder,
}

/// How the steps of a plan are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanOrder {
    /// The first rules that apply, in bank order (bank version 1).
    #[default]
    Rules,
    /// The steps of the gates that hold the level down first, the hardest
    /// cap first; then the other steps by how many points each would add to
    /// the overall score (`Rule::raises`), bank order among equals.
    ByReason,
}

impl PlanOrder {
    fn is_rules(&self) -> bool {
        *self == PlanOrder::Rules
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: Text,
    /// Share of this area in the overall score.
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: Text,
    /// The lowest overall score (0–100) that reaches this level.
    pub min_score: u8,
    pub summary: Text,
}

/// A hard limit that no score can overrule, e.g. "no NIB, never Siap Ekspor".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    pub id: String,
    /// A few words naming the blocker, for a trainer's dashboard and CSV
    /// ("12 dari 30: Belum punya NIB").
    pub short: Text,
    pub when: Cond,
    /// The highest level reachable while the gate applies.
    #[serde(default)]
    pub max_level: Option<String>,
    /// A rule that must be in the plan while the gate applies.
    #[serde(default)]
    pub require_rule: Option<String>,
    /// More rules that must be in the plan while the gate applies, right
    /// after `require_rule` (e.g. Bea Cukai's assistance after the legal
    /// route).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub require_rules: Vec<String>,
    /// The step that lifts this gate: with `plan: "by_reason"`, it leads the
    /// plan while the gate holds the level down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    pub reason: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Single,
    Multi,
}

/// What a question hidden by skip logic counts as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hidden {
    /// Not relevant to this business (e.g. BPOM for handicrafts): left out.
    #[default]
    Exclude,
    /// Not done yet (e.g. export documents for someone who never shipped):
    /// counts as the weakest answer.
    Worst,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub area: String,
    pub kind: Kind,
    pub text: Text,
    /// A few words naming the question, for the review list and explanations.
    pub short: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// Points in its area; 0 means asked for the plan only, not scored.
    pub weight: u32,
    #[serde(default)]
    pub show_if: Option<Cond>,
    #[serde(default)]
    pub if_hidden: Hidden,
    /// Multi choice only: the score before any option is added.
    #[serde(default)]
    pub base: i32,
    pub options: Vec<Choice>,
    /// The options are names (countries, regions): a "why" quotes them as
    /// written, not with a lowered first letter. Wording only, so not part
    /// of the fingerprint.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub names: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: Text,
    /// Single choice: the score 0–100. Multi choice: added to `base`, and the
    /// sum is clamped to 0–100.
    #[serde(default)]
    pub score: i32,
    /// Multi choice only: "none" or "don't know", which clears the others.
    #[serde(default)]
    pub exclusive: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub when: Cond,
    pub title: Text,
    /// Why this step, in terms of the user's answers. `{question_id}` is
    /// replaced by the label of the answer given.
    pub why: Text,
    /// What to do, concretely.
    pub action: Text,
    /// One official https link from the domain brief.
    pub link: String,
    pub link_label: Text,
    /// The question whose answer this step improves: with `plan:
    /// "by_reason"`, steps are ordered by the points that answer at its
    /// best would add to the overall score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raises: Option<String>,
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// A short fingerprint of everything that reads or scores a result
    /// code: ids, kinds, order, weights, scores, skip logic, levels, gates and
    /// rule conditions, but not the wording. A result code carries it, so a
    /// code is only ever read against the very bank that wrote it (two banks
    /// can share a version number: a host's own bank and ours).
    ///
    /// Released banks are pinned by this value (`archive::RELEASED`), so the
    /// walk below must never change for the fields it already feeds: a new
    /// field is fed only when it is set, and old banks keep their print.
    pub fn fingerprint(&self) -> u32 {
        let mut f = Print::default();
        f.num(self.version.into());
        for a in &self.areas {
            f.str(&a.id);
            f.num(a.weight.into());
        }
        for l in &self.levels {
            f.str(&l.id);
            f.num(l.min_score.into());
        }
        for g in &self.gates {
            f.str(&g.id);
            f.cond(&g.when);
            f.str(g.max_level.as_deref().unwrap_or(""));
            f.str(g.require_rule.as_deref().unwrap_or(""));
            // Fields later banks added: fed only when set.
            if !g.require_rules.is_empty() {
                f.str("require_rules");
                g.require_rules.iter().for_each(|r| f.str(r));
            }
            if let Some(step) = &g.step {
                f.str("step");
                f.str(step);
            }
        }
        for q in &self.questions {
            f.str(&q.id);
            f.str(&q.area);
            f.num(matches!(q.kind, Kind::Multi).into());
            f.num(q.weight.into());
            match &q.show_if {
                Some(c) => f.cond(c),
                None => f.str(""),
            }
            f.num(matches!(q.if_hidden, Hidden::Worst).into());
            f.num(i64::from(q.base));
            for o in &q.options {
                f.str(&o.id);
                f.num(o.score.into());
                f.num(o.exclusive.into());
            }
            f.str("/");
        }
        for r in &self.rules {
            f.str(&r.id);
            f.cond(&r.when);
            if let Some(q) = &r.raises {
                f.str("raises");
                f.str(q);
            }
        }
        if self.plan != PlanOrder::Rules {
            f.str("plan:by_reason");
        }
        f.done()
    }
}

/// Feeds a bank's structure into a CRC-32, each item framed by its length so
/// that no two different banks feed the same bytes.
#[derive(Default)]
struct Print {
    bytes: Vec<u8>,
}

impl Print {
    fn str(&mut self, s: &str) {
        self.num(s.len() as i64);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn num(&mut self, n: i64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    fn cond(&mut self, c: &Cond) {
        match c {
            Cond::Is { q, any_of } => {
                self.str("is");
                self.str(q);
                self.num(any_of.len() as i64);
                any_of.iter().for_each(|o| self.str(o));
            }
            Cond::All(cs) | Cond::Any(cs) => {
                self.str(if matches!(c, Cond::All(_)) {
                    "all"
                } else {
                    "any"
                });
                self.num(cs.len() as i64);
                cs.iter().for_each(|c| self.cond(c));
            }
            Cond::Not(c) => {
                self.str("not");
                self.cond(c);
            }
            Cond::AreaBelow { area, score } => {
                self.str("area_below");
                self.str(area);
                self.num((*score).into());
            }
            Cond::LevelIn(levels) => {
                self.str("level_in");
                self.num(levels.len() as i64);
                levels.iter().for_each(|l| self.str(l));
            }
        }
    }

    fn done(self) -> u32 {
        crate::codes::crc::crc32(&[&self.bytes])
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|c| c.id == id)
    }

    /// The score (0–100) of a set of chosen option ids, ignoring unknown ids.
    pub fn score_of(&self, chosen: &[String]) -> i32 {
        let picked = self.options.iter().filter(|c| chosen.contains(&c.id));
        match self.kind {
            Kind::Single => picked.map(|c| c.score).next().unwrap_or(0).clamp(0, 100),
            Kind::Multi => (self.base + picked.map(|c| c.score).sum::<i32>()).clamp(0, 100),
        }
    }

    /// The answer with the lowest score: what a hidden `Worst` question counts as.
    pub fn weakest(&self) -> Vec<String> {
        self.extreme(false)
    }

    /// The answer with the highest score.
    pub fn strongest(&self) -> Vec<String> {
        self.extreme(true)
    }

    fn extreme(&self, best: bool) -> Vec<String> {
        let better = |a: i32, b: i32| if best { a > b } else { a < b };
        let mut candidates: Vec<Vec<String>> =
            self.options.iter().map(|c| vec![c.id.clone()]).collect();
        if self.kind == Kind::Multi {
            let combined: Vec<String> = self
                .options
                .iter()
                .filter(|c| !c.exclusive && better(c.score, 0))
                .map(|c| c.id.clone())
                .collect();
            if !combined.is_empty() {
                candidates.push(combined);
            }
        }
        let mut pick = candidates[0].clone();
        for c in candidates {
            if better(self.score_of(&c), self.score_of(&pick)) {
                pick = c;
            }
        }
        pick
    }
}

/// A piece of a template in the bank (a rule's "why"): literal text or a
/// `{question_id}` placeholder for the owner's answer.
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Answer(&'a str),
}

/// Splits a template into literal text and `{question_id}` placeholders.
pub(crate) fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find('{') {
            Some(0) => {
                if let Some(close) = rest.find('}') {
                    let key = &rest[1..close];
                    rest = &rest[close + 1..];
                    return Some(Piece::Answer(key));
                }
                let text = rest;
                rest = "";
                Some(Piece::Text(text))
            }
            Some(open) => {
                let text = &rest[..open];
                rest = &rest[open..];
                Some(Piece::Text(text))
            }
            None => {
                let text = rest;
                rest = "";
                Some(Piece::Text(text))
            }
        }
    })
}

/// The placeholders used in a template, for validation.
pub fn placeholders(template: &str) -> Vec<&str> {
    pieces(template)
        .filter_map(|p| match p {
            Piece::Answer(q) => Some(q),
            Piece::Text(_) => None,
        })
        .collect()
}
