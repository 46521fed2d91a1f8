//! Checks a question bank for mistakes a parser cannot see: missing
//! translations, rules pointing at questions that don't exist, unordered
//! thresholds, links that aren't https. Each problem says where and what, in
//! both languages.

use std::collections::BTreeSet;

use super::bank::{placeholders, Bank, Kind, Lang, Text};
use super::cond::Cond;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not valid JSON, or does not fit the schema.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A value in the file is wrong; `path` is like `questions[3].text.en`.
    At { path: String, what: What },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    Empty,
    Duplicate(String),
    UnknownQuestion(String),
    UnknownOption {
        question: String,
        option: String,
    },
    UnknownArea(String),
    UnknownLevel(String),
    UnknownRule(String),
    /// Skip logic may only look at questions asked before.
    NotEarlier(String),
    /// Skip logic can't depend on scores, nor gates on the level.
    NotAllowedHere(&'static str),
    NotHttps(String),
    TooFewOptions,
    /// Answers are kept as 64-bit sets, in scoring and in result codes.
    TooManyOptions,
    /// Every answer at once would not fit a result code (255 bytes with
    /// name and organisation): the bits the questions need, and the most.
    TooLongForCode {
        bits: usize,
        max: usize,
    },
    ScoreOutOfRange(i32),
    SingleWithMultiField,
    FirstLevelNotZero,
    LevelsNotIncreasing,
    AreaNeverScored,
    GateDoesNothing,
    LastRuleNotAlways,
    ZeroWeight,
    VersionZero,
}

impl Problem {
    fn at(path: impl Into<String>, what: What) -> Problem {
        Problem::At {
            path: path.into(),
            what,
        }
    }

    /// A message a ministry web team can act on, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Syntax {
                line,
                column,
                message,
            } => lang.pick(
                format!("Baris {line}, kolom {column}: format JSON salah ({message})."),
                format!("Line {line}, column {column}: invalid JSON ({message})."),
            ),
            Problem::At { path, what } => {
                let problem = what.describe(lang);
                format!("{path}: {problem}")
            }
        }
    }
}

impl What {
    fn describe(&self, lang: Lang) -> String {
        let (idn, en) = match self {
            What::Empty => ("teks kosong".to_string(), "empty text".to_string()),
            What::Duplicate(x) => (format!("id \"{x}\" dipakai dua kali"), format!("id \"{x}\" is used twice")),
            What::UnknownQuestion(x) => (format!("pertanyaan \"{x}\" tidak ada"), format!("no question \"{x}\"")),
            What::UnknownOption { question, option } => (
                format!("pertanyaan \"{question}\" tidak punya pilihan \"{option}\""),
                format!("question \"{question}\" has no option \"{option}\""),
            ),
            What::UnknownArea(x) => (format!("bidang \"{x}\" tidak ada"), format!("no area \"{x}\"")),
            What::UnknownLevel(x) => (format!("tingkat \"{x}\" tidak ada"), format!("no level \"{x}\"")),
            What::UnknownRule(x) => (format!("aturan \"{x}\" tidak ada"), format!("no rule \"{x}\"")),
            What::NotEarlier(x) => (
                format!("hanya boleh merujuk pertanyaan sebelumnya, bukan \"{x}\""),
                format!("may only refer to an earlier question, not \"{x}\""),
            ),
            What::NotAllowedHere(x) => (
                format!("\"{x}\" tidak boleh dipakai di sini"),
                format!("\"{x}\" is not allowed here"),
            ),
            What::NotHttps(x) => (
                format!("tautan harus https://, bukan \"{x}\""),
                format!("link must be https://, not \"{x}\""),
            ),
            What::TooFewOptions => ("perlu minimal 2 pilihan".into(), "needs at least 2 options".into()),
            What::TooManyOptions => ("paling banyak 64 pilihan".into(), "at most 64 options".into()),
            What::TooLongForCode { bits, max } => (
                format!("terlalu banyak pertanyaan atau pilihan untuk kode hasil: jawaban lengkap butuh {bits} bit, paling banyak {max}"),
                format!("too many questions or options for a result code: a full set of answers needs {bits} bits, at most {max}"),
            ),
            What::ScoreOutOfRange(x) => (
                format!("skor {x} di luar 0–100"),
                format!("score {x} is outside 0–100"),
            ),
            What::SingleWithMultiField => (
                "\"base\" dan \"exclusive\" hanya untuk pilihan ganda (multi)".into(),
                "\"base\" and \"exclusive\" are for multi choice only".into(),
            ),
            What::FirstLevelNotZero => (
                "tingkat pertama harus mulai dari skor 0".into(),
                "the first level must start at score 0".into(),
            ),
            What::LevelsNotIncreasing => (
                "batas skor tingkat harus naik dan paling tinggi 100".into(),
                "level thresholds must increase and be at most 100".into(),
            ),
            What::AreaNeverScored => (
                "bidang ini perlu satu pertanyaan berbobot yang selalu ditanyakan".into(),
                "this area needs one weighted question that is always asked".into(),
            ),
            What::GateDoesNothing => (
                "batas perlu \"max_level\" atau \"require_rule\"".into(),
                "a gate needs \"max_level\" or \"require_rule\"".into(),
            ),
            What::LastRuleNotAlways => (
                "aturan terakhir harus selalu berlaku ({\"all\": []}) agar selalu ada langkah berikutnya".into(),
                "the last rule must always apply ({\"all\": []}) so there is always a next step".into(),
            ),
            What::ZeroWeight => ("jumlah bobot tidak boleh 0".into(), "weights must not add up to 0".into()),
            What::VersionZero => ("versi harus 1 atau lebih".into(), "version must be 1 or more".into()),
        };
        lang.pick(idn, en)
    }
}

/// Where a condition sits decides what it may look at.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// Skip logic of question `n`: answers to questions before `n` only.
    SkipLogic(usize),
    Gate,
    Rule,
}

/// All problems in a bank; empty means valid.
pub fn check(bank: &Bank) -> Vec<Problem> {
    let mut p = Vec::new();
    if bank.version == 0 {
        p.push(Problem::at("version", What::VersionZero));
    }
    check_areas(bank, &mut p);
    check_levels(bank, &mut p);
    check_questions(bank, &mut p);
    check_gates(bank, &mut p);
    check_rules(bank, &mut p);
    p
}

fn text(path: &str, t: &Text, p: &mut Vec<Problem>) {
    for lang in Lang::ALL {
        if t.get(lang).trim().is_empty() {
            p.push(Problem::at(format!("{path}.{}", lang.code()), What::Empty));
        }
    }
}

fn ids<'a>(section: &str, all: impl Iterator<Item = &'a str>, p: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for (i, id) in all.enumerate() {
        if id.trim().is_empty() {
            p.push(Problem::at(format!("{section}[{i}].id"), What::Empty));
        } else if !seen.insert(id) {
            p.push(Problem::at(
                format!("{section}[{i}].id"),
                What::Duplicate(id.into()),
            ));
        }
    }
}

fn check_areas(bank: &Bank, p: &mut Vec<Problem>) {
    ids("areas", bank.areas.iter().map(|a| a.id.as_str()), p);
    for (i, a) in bank.areas.iter().enumerate() {
        text(&format!("areas[{i}].title"), &a.title, p);
        let always_scored = bank
            .questions
            .iter()
            .any(|q| q.area == a.id && q.weight > 0 && q.show_if.is_none());
        if !always_scored {
            p.push(Problem::at(format!("areas[{i}]"), What::AreaNeverScored));
        }
    }
    if bank.areas.iter().map(|a| a.weight).sum::<u32>() == 0 {
        p.push(Problem::at("areas", What::ZeroWeight));
    }
}

fn check_levels(bank: &Bank, p: &mut Vec<Problem>) {
    ids("levels", bank.levels.iter().map(|l| l.id.as_str()), p);
    match bank.levels.first() {
        None => p.push(Problem::at("levels", What::Empty)),
        Some(first) if first.min_score != 0 => {
            p.push(Problem::at("levels[0].min_score", What::FirstLevelNotZero))
        }
        Some(_) => {}
    }
    for (i, pair) in bank.levels.windows(2).enumerate() {
        if pair[1].min_score <= pair[0].min_score || pair[1].min_score > 100 {
            p.push(Problem::at(
                format!("levels[{}].min_score", i + 1),
                What::LevelsNotIncreasing,
            ));
        }
    }
    for (i, l) in bank.levels.iter().enumerate() {
        text(&format!("levels[{i}].title"), &l.title, p);
        text(&format!("levels[{i}].summary"), &l.summary, p);
    }
}

fn check_questions(bank: &Bank, p: &mut Vec<Problem>) {
    ids("questions", bank.questions.iter().map(|q| q.id.as_str()), p);
    if bank.questions.is_empty() {
        p.push(Problem::at("questions", What::Empty));
    }
    // The longest code: every question shown, a name and an organisation
    // at their longest. Its length is one byte, so it must fit in 255.
    let (bits, max) = (
        crate::codes::code::longest_answer_bits(bank),
        crate::codes::code::MAX_ANSWER_BITS,
    );
    if bits > max {
        p.push(Problem::at("questions", What::TooLongForCode { bits, max }));
    }
    for (i, q) in bank.questions.iter().enumerate() {
        let at = format!("questions[{i}]");
        if bank.area(&q.area).is_none() {
            p.push(Problem::at(
                format!("{at}.area"),
                What::UnknownArea(q.area.clone()),
            ));
        }
        text(&format!("{at}.text"), &q.text, p);
        text(&format!("{at}.short"), &q.short, p);
        if let Some(help) = &q.help {
            text(&format!("{at}.help"), help, p);
        }
        if q.options.len() < 2 {
            p.push(Problem::at(format!("{at}.options"), What::TooFewOptions));
        }
        if q.options.len() > 64 {
            p.push(Problem::at(format!("{at}.options"), What::TooManyOptions));
        }
        ids(
            &format!("{at}.options"),
            q.options.iter().map(|c| c.id.as_str()),
            p,
        );
        if q.kind == Kind::Single && (q.base != 0 || q.options.iter().any(|c| c.exclusive)) {
            p.push(Problem::at(at.clone(), What::SingleWithMultiField));
        }
        if !(0..=100).contains(&q.base) {
            p.push(Problem::at(
                format!("{at}.base"),
                What::ScoreOutOfRange(q.base),
            ));
        }
        for (j, c) in q.options.iter().enumerate() {
            text(&format!("{at}.options[{j}].text"), &c.text, p);
            let range = if q.kind == Kind::Single {
                0..=100
            } else {
                -100..=100
            };
            if !range.contains(&c.score) {
                p.push(Problem::at(
                    format!("{at}.options[{j}].score"),
                    What::ScoreOutOfRange(c.score),
                ));
            }
        }
        if let Some(cond) = &q.show_if {
            check_cond(bank, cond, Place::SkipLogic(i), &format!("{at}.show_if"), p);
        }
    }
}

fn check_gates(bank: &Bank, p: &mut Vec<Problem>) {
    ids("gates", bank.gates.iter().map(|g| g.id.as_str()), p);
    for (i, g) in bank.gates.iter().enumerate() {
        let at = format!("gates[{i}]");
        check_cond(bank, &g.when, Place::Gate, &format!("{at}.when"), p);
        text(&format!("{at}.short"), &g.short, p);
        text(&format!("{at}.reason"), &g.reason, p);
        if g.max_level.is_none() && g.require_rule.is_none() {
            p.push(Problem::at(at.clone(), What::GateDoesNothing));
        }
        if let Some(level) = &g.max_level {
            if bank.level_index(level).is_none() {
                p.push(Problem::at(
                    format!("{at}.max_level"),
                    What::UnknownLevel(level.clone()),
                ));
            }
        }
        let named = (g
            .require_rule
            .iter()
            .map(|r| ("require_rule".to_string(), r)))
        .chain(
            (g.require_rules.iter().enumerate()).map(|(k, r)| (format!("require_rules[{k}]"), r)),
        )
        .chain(g.step.iter().map(|r| ("step".to_string(), r)));
        for (field, rule) in named {
            if bank.rule(rule).is_none() {
                p.push(Problem::at(
                    format!("{at}.{field}"),
                    What::UnknownRule(rule.clone()),
                ));
            }
        }
    }
}

fn check_rules(bank: &Bank, p: &mut Vec<Problem>) {
    ids("rules", bank.rules.iter().map(|r| r.id.as_str()), p);
    for (i, r) in bank.rules.iter().enumerate() {
        let at = format!("rules[{i}]");
        check_cond(bank, &r.when, Place::Rule, &format!("{at}.when"), p);
        if let Some(q) = &r.raises {
            if bank.question(q).is_none() {
                p.push(Problem::at(
                    format!("{at}.raises"),
                    What::UnknownQuestion(q.clone()),
                ));
            }
        }
        for (field, t) in [
            ("title", &r.title),
            ("why", &r.why),
            ("action", &r.action),
            ("link_label", &r.link_label),
        ] {
            text(&format!("{at}.{field}"), t, p);
            for lang in Lang::ALL {
                for q in placeholders(t.get(lang)) {
                    if bank.question(q).is_none() {
                        p.push(Problem::at(
                            format!("{at}.{field}.{}", lang.code()),
                            What::UnknownQuestion(q.into()),
                        ));
                    }
                }
            }
        }
        let host_ok = r
            .link
            .strip_prefix("https://")
            .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')));
        if !host_ok {
            p.push(Problem::at(
                format!("{at}.link"),
                What::NotHttps(r.link.clone()),
            ));
        }
    }
    match bank.rules.last() {
        None => p.push(Problem::at("rules", What::Empty)),
        Some(last) if last.when != Cond::All(vec![]) => p.push(Problem::at(
            format!("rules[{}].when", bank.rules.len() - 1),
            What::LastRuleNotAlways,
        )),
        Some(_) => {}
    }
}

fn check_cond(bank: &Bank, cond: &Cond, place: Place, at: &str, p: &mut Vec<Problem>) {
    let mut all = Vec::new();
    cond.walk(&mut all);
    for c in all {
        match c {
            Cond::Is { q, any_of } => match bank.question_index(q) {
                None => p.push(Problem::at(at, What::UnknownQuestion(q.clone()))),
                Some(qi) => {
                    if let Place::SkipLogic(me) = place {
                        if qi >= me {
                            p.push(Problem::at(at, What::NotEarlier(q.clone())));
                        }
                    }
                    let question = &bank.questions[qi];
                    for option in any_of {
                        if question.choice(option).is_none() {
                            p.push(Problem::at(
                                at,
                                What::UnknownOption {
                                    question: q.clone(),
                                    option: option.clone(),
                                },
                            ));
                        }
                    }
                }
            },
            Cond::AreaBelow { area, .. } => {
                if matches!(place, Place::SkipLogic(_)) {
                    p.push(Problem::at(at, What::NotAllowedHere("area_below")));
                }
                if bank.area(area).is_none() {
                    p.push(Problem::at(at, What::UnknownArea(area.clone())));
                }
            }
            Cond::LevelIn(levels) => {
                if place != Place::Rule {
                    p.push(Problem::at(at, What::NotAllowedHere("level_in")));
                }
                for l in levels {
                    if bank.level_index(l).is_none() {
                        p.push(Problem::at(at, What::UnknownLevel(l.clone())));
                    }
                }
            }
            Cond::All(_) | Cond::Any(_) | Cond::Not(_) => {}
        }
    }
}

/// The parser of bank files sits beside the checks it calls, so the schema
/// (`bank.rs`) never imports its validator.
impl Bank {
    /// Parses and validates a bank. Errors are specific: where and what.
    pub fn from_json(json: &str) -> Result<Bank, Vec<Problem>> {
        let bank: Bank = serde_json::from_str(json).map_err(|e| {
            vec![Problem::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }]
        })?;
        let problems = check(&bank);
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(problems)
        }
    }
}
