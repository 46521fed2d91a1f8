//! Benchmark, in the browser: a trainer's dashboard over 10,000 participants (the summary and the table's rows), each read from its result code with the built-in bank.
//!
//! Run: `source scripts/env.sh && cargo bench --target wasm32-unknown-unknown --bench cohort`
//! (headless Chromium through wasm-bindgen-test-runner). It is built with the
//! bench profile, which inherits the release profile that ships (opt-level
//! "z", LTO). Natively it does nothing: the numbers that matter are wasm's.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::hint::black_box;
    use std::time::Duration;

    use cek_siap_ekspor::assessment::archive::Library;
    use cek_siap_ekspor::assessment::bank::{Bank, Kind};
    use cek_siap_ekspor::assessment::code::encode;
    use cek_siap_ekspor::assessment::cohort::{self, Entry, Participant, Workshop};
    use cek_siap_ekspor::assessment::flow::Answers;
    use cek_siap_ekspor::assessment::score::visibility;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    const PARTICIPANTS: usize = 10_000;

    /// xorshift64: the same workshop on every run, without a dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 as usize
        }
    }

    /// A complete, valid answer set: one option per single choice; for multi
    /// choice an exclusive option alone or a random set of the others.
    fn owner(bank: &Bank, rng: &mut Rng) -> Answers {
        let mut answers = Answers::new();
        for (i, q) in bank.questions.iter().enumerate() {
            if !visibility(bank, &answers)[i] {
                continue;
            }
            let n = q.options.len();
            let chosen: Vec<String> = match q.kind {
                Kind::Single => vec![q.options[rng.next() % n].id.clone()],
                Kind::Multi => {
                    let bits = rng.next();
                    let plain: Vec<String> = (q.options.iter().enumerate())
                        .filter(|(k, c)| !c.exclusive && (bits >> k) & 1 == 1)
                        .map(|(_, c)| c.id.clone())
                        .collect();
                    match q.options.iter().find(|c| c.exclusive) {
                        Some(c) if plain.is_empty() || bits.is_multiple_of(5) => vec![c.id.clone()],
                        _ if plain.is_empty() => vec![q.options[0].id.clone()],
                        _ => plain,
                    }
                }
            };
            answers.insert(q.id.clone(), chosen);
        }
        answers
    }

    /// 10,000 participants, most named (some with the longest name a code
    /// holds), one in ten with a second result after mentoring.
    fn workshop(bank: &Bank) -> Workshop {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut w = Workshop {
            id: "bench".into(),
            name: "Pelatihan besar".into(),
            place: "Merauke".into(),
            date: "2025-06-12".into(),
            participants: Vec::with_capacity(PARTICIPANTS),
        };
        for k in 0..PARTICIPANTS {
            let name = match k % 4 {
                0 => None,
                1 => Some(format!("Usaha Kopi & Kakao Mama {k:05} ☕ Papua")),
                _ => Some(format!("Peserta {k}")),
            };
            let before = encode(bank, &owner(bank, &mut rng), name.as_deref());
            let after = (k % 10 == 0).then(|| Entry {
                code: encode(bank, &owner(bank, &mut rng), name.as_deref()),
                added: "2025-07-10".into(),
            });
            w.participants.push(Participant {
                name,
                before: Entry {
                    code: before,
                    added: "2025-06-12".into(),
                },
                after,
            });
        }
        w
    }

    /// The workshop, built once for all three benchmarks.
    fn shared() -> &'static Workshop {
        thread_local! {
            static WORKSHOP: &'static Workshop = Box::leak(Box::new(workshop(Bank::builtin())));
        }
        WORKSHOP.with(|w| *w)
    }

    /// A few samples over a short window: one summary takes milliseconds, not
    /// the microseconds criterion's defaults are made for, and the browser's
    /// driver gives up on a page that is busy for much longer than that.
    fn configured() -> Criterion {
        Criterion::default()
            .sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(2))
    }

    #[wasm_bindgen_bench]
    fn summary_of_10k(_: &mut Criterion) {
        let bank = Bank::builtin();
        let w = shared();
        let s = cohort::summary(&Library::single(bank), w);
        assert_eq!(s.count, PARTICIPANTS);
        assert_eq!(s.pairs.len(), PARTICIPANTS / 10);
        console_log!(
            "10,000 participants: per level {:?}, area averages {:?}, {} pairs",
            s.levels,
            s.areas,
            s.pairs.len()
        );
        configured().bench_function("cohort::summary, 10,000 participants", |b| {
            b.iter(|| cohort::summary(&Library::single(bank), black_box(w)))
        });
    }

    #[wasm_bindgen_bench]
    fn rows_of_10k(_: &mut Criterion) {
        let bank = Bank::builtin();
        let w = shared();
        configured().bench_function("cohort::rows, 10,000 participants", |b| {
            b.iter(|| cohort::rows(&Library::single(bank), black_box(w)))
        });
    }

    #[wasm_bindgen_bench]
    fn summary_from_rows_of_10k(_: &mut Criterion) {
        let bank = Bank::builtin();
        let w = shared();
        let rows = cohort::rows(&Library::single(bank), w);
        configured().bench_function("cohort::summary_of, from rows already made", |b| {
            b.iter(|| cohort::summary_of(&Library::single(bank), w, black_box(&rows)))
        });
    }
}

/// `harness = false` needs a `main`; the benchmarks above are exported to
/// wasm-bindgen-test-runner, which calls them itself.
fn main() {}
