//! Fuzzes result codes over random banks, not only the built-in one: the
//! bytes build a bank (questions, kinds, option counts, skip logic that
//! looks back), and if `validate::check` accepts it, a full set of answers
//! drawn from the same bytes, with the longest name and organisation, must
//! encode to a code that decodes to exactly those answers. So a bank that
//! validates can never make a code its own reader rejects (the length byte
//! of a code saturating at 255 once did exactly that).
#![no_main]

use cek_core::bank::{Area, Choice, Hidden, Level, Question, Rule};
use cek_core::cond::Cond;
use cek_core::flow::Answers;
use cek_core::score::Engine;
use cek_core::{code, validate, Bank, Kind, Text};
use libfuzzer_sys::fuzz_target;

/// The fuzzer's bytes, one at a time; zeros once they run out.
struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn next(&mut self) -> usize {
        usize::from(*self.0.next().unwrap_or(&0))
    }
}

fn text(s: &str) -> Text {
    Text {
        id: s.to_string(),
        en: s.to_string(),
    }
}

fn bank_from(b: &mut Bytes) -> Bank {
    // Up to 60 questions of up to 31 options: enough to pass the most a
    // code can hold (`code::MAX_ANSWER_BITS`), and quick to validate.
    let n = 1 + b.next() % 60;
    let mut questions: Vec<Question> = Vec::with_capacity(n);
    for i in 0..n {
        let kind = if b.next() % 2 == 0 { Kind::Single } else { Kind::Multi };
        let options = 2 + b.next() % 30;
        // Skip logic on an earlier question's first option, now and then.
        let show_if = (i > 0 && b.next() % 3 == 0).then(|| {
            let earlier: &Question = &questions[b.next() % i];
            Cond::Is {
                q: earlier.id.clone(),
                any_of: vec![earlier.options[0].id.clone()],
            }
        });
        questions.push(Question {
            id: format!("q{i}"),
            area: "usaha".into(),
            kind,
            text: text("Pertanyaan?"),
            short: text("Pertanyaan"),
            help: None,
            weight: 1,
            show_if,
            if_hidden: Hidden::Exclude,
            base: 0,
            options: (0..options)
                .map(|k| Choice {
                    id: format!("o{k}"),
                    text: text("Pilihan"),
                    score: if kind == Kind::Single { (k * 10).min(100) as i32 } else { 5 },
                    exclusive: kind == Kind::Multi && k == options - 1 && b.next() % 2 == 0,
                })
                .collect(),
            names: false,
        });
    }
    Bank {
        version: 1 + b.next() as u32 * 1000,
        areas: vec![Area {
            id: "usaha".into(),
            title: text("Usaha"),
            weight: 1,
        }],
        levels: vec![Level {
            id: "dasar".into(),
            title: text("Dasar"),
            min_score: 0,
            summary: text("Ringkasan."),
        }],
        gates: Vec::new(),
        questions,
        rules: vec![Rule {
            id: "selalu".into(),
            when: Cond::All(Vec::new()),
            title: text("Langkah"),
            why: text("Karena."),
            action: text("Lakukan."),
            link: "https://oss.go.id".into(),
            link_label: text("OSS"),
            raises: None,
        }],
        plan: Default::default(),
    }
}

/// Every shown question answered from the bytes: one option, or a set of
/// them (an exclusive option alone).
fn answers_from(bank: &Bank, b: &mut Bytes) -> Answers {
    // Compiled once: skip logic only looks back, so what is shown up to a
    // question is known from the answers so far.
    let engine = Engine::new(bank);
    let mut answers = Answers::new();
    for (i, q) in bank.questions.iter().enumerate() {
        if !engine.visibility(&engine.picks(&answers))[i] {
            continue;
        }
        let n = q.options.len();
        let chosen: Vec<String> = match q.kind {
            Kind::Single => vec![q.options[b.next() % n].id.clone()],
            Kind::Multi => {
                let picked: Vec<String> = (q.options.iter())
                    .filter(|o| !o.exclusive && b.next() % 2 == 1)
                    .map(|o| o.id.clone())
                    .collect();
                match q.options.last() {
                    Some(last) if last.exclusive && picked.is_empty() => vec![last.id.clone()],
                    _ if picked.is_empty() => vec![q.options[0].id.clone()],
                    _ => picked,
                }
            }
        };
        answers.insert(q.id.clone(), chosen);
    }
    answers
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data.iter());
    let bank = bank_from(&mut b);
    let fits = code::longest_answer_bits(&bank) <= code::MAX_ANSWER_BITS;
    let problems = validate::check(&bank);
    // The only thing a random bank of this shape can get wrong is its size.
    assert_eq!(problems.is_empty(), fits, "{problems:?}");
    if !fits {
        return;
    }
    let answers = answers_from(&bank, &mut b);
    let name = "Ibu Siti ☕ Kopi Wamena dari Lembah Baliem Papua";
    let org = "Dinas Koperasi dan UKM Provinsi Maluku Utara";
    let text = code::encode_for(&bank, &answers, Some(name), Some(org));
    let read = code::decode(&bank, &text).unwrap_or_else(|e| panic!("{e:?}: {text}"));
    assert_eq!(read.answers, answers);
    let header = code::header(&text).expect("the header reads");
    assert_eq!(header.bank_version, bank.version);
    assert_eq!(header.bank_fingerprint, Some(bank.fingerprint()));
    assert!(header.organisation.is_some_and(|o| org.starts_with(&o)));
});
