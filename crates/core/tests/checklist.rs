//! The plan as a checklist: an owner ticks steps done, ticking offers to
//! update the answer the step depends on, and the result says what changed;
//! the saved checklist (format 1) reads forever and bad text is refused,
//! never a panic.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::checklist::{self, Change, Checklist, ReadError};
use cek_core::flow::{Answers, Day};
use cek_core::{progress, Bank};

mod common;

fn day(y: u16, m: u8, d: u8) -> Day {
    Day::new(y, m, d).unwrap()
}

/// The Merauke coffee roaster of e2e/owners.mjs: Dasar, held down only by
/// having no email yet.
fn merauke() -> Answers {
    common::e2e_owner("merauke")
}

/// The weakest answer to every question shown.
fn weakest() -> Answers {
    common::walk_with(common::bank(), |_, q| q.weakest())
}

/// What the owner reads after updating an answer, in the words the result
/// screen uses (level and rule ids).
fn read(bank: &Bank, change: Change) -> String {
    match change {
        Change::LevelRose(l) => format!("tingkat naik ke {}", bank.levels[l].id),
        Change::LevelFell(l) => format!("tingkat turun ke {}", bank.levels[l].id),
        Change::NextStep(r) => format!("langkah berikutnya: {}", bank.rules[r].id),
        Change::Nothing => "tidak berubah".to_string(),
    }
}

/// One owner ticks `step`: the answer offered for update is `question`, and
/// choosing `option` there reads as `then`.
fn check(
    who: &str,
    answers: Answers,
    step: &str,
    question: Option<&str>,
    option: &str,
    then: &str,
) {
    let bank = common::bank();
    let offered = checklist::answer_to_update(bank, &answers, step).map(|q| q.id.as_str());
    assert_eq!(offered, question, "{who} ticks {step}: the answer offered");
    let Some(q) = offered else { return };
    let mut after = answers.clone();
    after.insert(q.to_string(), vec![option.to_string()]);
    let change = checklist::change(bank, &answers, &after);
    assert_eq!(
        read(bank, change),
        then,
        "{who} ticks {step}, answers {q} = {option}\n{}",
        common::report(bank, &after)
    );
}

#[test]
fn ticking_a_step_offers_its_answer_and_says_what_changed() {
    // who, answers, step ticked, answer offered, new option, what it says
    check(
        "Merauke, who made a business email",
        merauke(),
        "email_usaha",
        Some("email"),
        "email_usaha",
        "tingkat naik ke madya",
    );
    check(
        "Merauke, who uses a personal email",
        merauke(),
        "email_usaha",
        Some("email"),
        "email_pribadi",
        "tingkat naik ke madya",
    );
    check(
        "Merauke, who changed their mind",
        merauke(),
        "email_usaha",
        Some("email"),
        "belum",
        "tidak berubah",
    );
    check(
        "Merauke, who has not shipped yet",
        merauke(),
        "kirim_resmi_pertama",
        Some("pengalaman_ekspor"),
        "belum",
        "tidak berubah",
    );
    check(
        "the weakest owner, who got an NIB",
        weakest(),
        "urus_nib",
        Some("nib"),
        "sudah",
        "langkah berikutnya: validasi_npwp",
    );
    check(
        "the weakest owner, whose NIB is in process",
        weakest(),
        "urus_nib",
        Some("nib"),
        "sedang_diurus",
        "langkah berikutnya: validasi_npwp",
    );
    check(
        "the weakest owner, who only got an email",
        weakest(),
        "email_usaha",
        Some("email"),
        "email_usaha",
        "tidak berubah",
    );
    // A step with no question behind it (advice for everyone) offers none.
    check(
        "Merauke, reading advice",
        merauke(),
        "tanya_bea_cukai",
        None,
        "",
        "",
    );
    check(
        "Merauke, a step the bank does not have",
        merauke(),
        "tidak_ada",
        None,
        "",
        "",
    );
}

#[test]
fn an_updated_answer_that_lowers_the_level_says_so() {
    let bank = common::bank();
    let mut before = merauke();
    before.insert("email".into(), vec!["email_usaha".into()]);
    assert_eq!(
        read(bank, checklist::change(bank, &before, &merauke())),
        "tingkat turun ke dasar"
    );
}

#[test]
fn the_first_release_questions_offer_no_update_they_have_no_raises() {
    let v1 = common::v1();
    let answers = common::walk_with(v1, |_, q| q.weakest());
    for rule in &v1.rules {
        assert!(
            checklist::answer_to_update(v1, &answers, &rule.id).is_none(),
            "{}",
            rule.id
        );
    }
}

#[test]
fn a_question_the_owner_was_not_asked_is_not_offered() {
    // Dokumen ekspor is asked only of those who ship with papers.
    let bank = common::bank();
    let answers = merauke();
    assert!(!cek_core::flow::shown_ids(bank, &answers).contains(&"dokumen_ekspor"));
    let step = bank
        .rules
        .iter()
        .find(|r| r.raises.as_deref() == Some("dokumen_ekspor"))
        .unwrap();
    assert!(checklist::answer_to_update(bank, &answers, &step.id).is_none());
}

#[test]
fn a_ticked_step_keeps_its_first_day_and_can_be_unticked() {
    let mut list = Checklist::new(common::bank());
    list.tick("urus_nib", day(2026, 12, 2));
    list.tick("urus_nib", day(2026, 12, 9));
    list.tick("email_usaha", day(2026, 12, 3));
    assert_eq!(list.done_on("urus_nib"), Some(day(2026, 12, 2)));
    assert_eq!(list.done.len(), 2, "a step is on the list once");
    list.untick("urus_nib");
    assert_eq!(list.done_on("urus_nib"), None);
    assert_eq!(
        list.done,
        vec![("email_usaha".to_string(), day(2026, 12, 3))]
    );
    // Not an id: nothing to save that the reader would refuse.
    list.tick("bad id\n", day(2026, 12, 3));
    assert_eq!(list.done.len(), 1);
}

const PINNED: &str = include_str!("fixtures/checklist-v1/two-steps.txt");

#[test]
fn the_pinned_checklist_of_format_1_reads_forever() {
    let list = checklist::decode(PINNED).unwrap();
    assert_eq!(
        list,
        Checklist {
            bank: 2,
            done: vec![
                ("email_usaha".into(), day(2026, 12, 2)),
                ("kirim_resmi_pertama".into(), day(2026, 12, 3)),
            ],
        }
    );
    assert_eq!(
        checklist::encode(&list),
        PINNED,
        "today's writer writes format 1 byte for byte"
    );
}

#[test]
fn saved_checklists_read_forgivingly_or_not_at_all() {
    let ok = |text: &str, done: &[(&str, Day)]| {
        let list = checklist::decode(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        let want: Vec<(String, Day)> = done.iter().map(|(i, d)| (i.to_string(), *d)).collect();
        assert_eq!(list.done, want, "{text:?}");
    };
    let bad =
        |text: &str, error: ReadError| assert_eq!(checklist::decode(text), Err(error), "{text:?}");
    // Windows line ends, blank lines and no final newline are fine.
    ok(
        "langkah-selesai 1\r\nbank 2\r\n\r\nurus_nib 2026-12-02",
        &[("urus_nib", day(2026, 12, 2))],
    );
    ok("langkah-selesai 1\nbank 2\n", &[]);
    // The same step twice (two tabs): its first day.
    ok(
        "langkah-selesai 1\nbank 2\nurus_nib 2026-12-02\nurus_nib 2026-12-05\n",
        &[("urus_nib", day(2026, 12, 2))],
    );
    // An id today's bank no longer has is kept.
    ok(
        "langkah-selesai 1\nbank 1\nkirim_sampel_cn 2026-11-29\n",
        &[("kirim_sampel_cn", day(2026, 11, 29))],
    );
    bad("langkah-selesai 2\nbank 2\n", ReadError::UnknownFormat(2));
    bad("", ReadError::Unreadable);
    bad("{\"format\":1}", ReadError::Unreadable);
    bad("langkah-selesai\nbank 2\n", ReadError::Unreadable);
    bad("langkah-selesai 1\n", ReadError::Unreadable);
    bad("langkah-selesai 1\nbank dua\n", ReadError::Unreadable);
    bad(
        "langkah-selesai 1\nbank 2\nurus_nib 2026-02-30\n",
        ReadError::Unreadable,
    );
    bad(
        "langkah-selesai 1\nbank 2\nurus_nib\n",
        ReadError::Unreadable,
    );
    bad(
        "langkah-selesai 1\nbank 2\nUrus NIB 2026-12-02\n",
        ReadError::Unreadable,
    );
    bad("riwayat 1\n", ReadError::Unreadable);
}

#[test]
fn each_widget_keeps_its_own_checklist_beside_its_progress() {
    let base = checklist::KEY;
    let cases = [
        (progress::KEY.to_string(), base.to_string()),
        (
            format!("{}@https://dinas.go.id#1", progress::KEY),
            format!("{base}@https://dinas.go.id#1"),
        ),
        (
            format!("{}@https://dinas.go.id#1|custom", progress::KEY),
            format!("{base}@https://dinas.go.id#1|custom"),
        ),
        ("other".to_string(), format!("other|{base}")),
    ];
    for (progress_key, want) in cases {
        assert_eq!(checklist::key_beside(&progress_key, base), want);
        // Unreadable text goes to its own backup slot, as progress's does.
        assert_eq!(progress::backup_key(&want), format!("{want}.unreadable"));
    }
}
