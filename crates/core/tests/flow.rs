//! An owner moving through the questions: "Lanjut" without an answer stays on the question and says an answer is needed, on that question only; a choice made just before "Lanjut" counts; "Mulai dari awal" asks before it deletes anything.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cek_core::bank::Kind;
use cek_core::flow::{apply, needs_answer, Action, Screen, State};
use common::bank;

/// What the owner does, in the words of the screen.
#[derive(Clone, Copy)]
enum Tap {
    Start,
    /// The first option of the question on screen.
    FirstOption,
    /// The first option again: a multi-choice question unticks it.
    SameOptionAgain,
    Next,
    Back,
    /// "Mulai dari awal", then "Ya, hapus" or "Tidak".
    StartOver,
    YesDelete,
    NoKeep,
}

/// The state after the taps, from a fresh page.
fn run(taps: &[Tap]) -> State {
    let bank = bank();
    taps.iter().fold(State::default(), |state, &tap| {
        let action = match tap {
            Tap::Start => Action::Start,
            Tap::Next => Action::Next,
            Tap::Back => Action::Back,
            Tap::StartOver => Action::AskRestart,
            Tap::YesDelete => Action::Restart,
            Tap::NoKeep => Action::KeepAnswers,
            Tap::FirstOption | Tap::SameOptionAgain => {
                let Screen::Question(q) = &state.screen else {
                    panic!("no question on screen to choose in");
                };
                let option = bank.question(q).expect("shown").options[0].id.clone();
                Action::Choose {
                    q: q.clone(),
                    option,
                }
            }
        };
        apply(bank, state, action)
    })
}

/// After the taps: which question is on screen (by its place among the
/// shown ones, from 1) and whether it says an answer is needed.
fn check(taps: &[Tap], on: usize, says_answer_needed: bool) {
    let state = run(taps);
    let shown = cek_core::flow::shown_ids(bank(), &state.answers);
    let Screen::Question(q) = &state.screen else {
        panic!("expected a question on screen, got {:?}", state.screen);
    };
    assert_eq!(
        shown.iter().position(|s| s == q).map(|i| i + 1),
        Some(on),
        "which question"
    );
    assert_eq!(
        needs_answer(&state),
        says_answer_needed,
        "whether it says an answer is needed"
    );
}

use Tap::*;

#[test]
fn lanjut_without_an_answer_stays_and_says_so() {
    check(&[Start, Next], 1, true);
}

#[test]
fn asking_twice_still_says_so_once() {
    check(&[Start, Next, Next], 1, true);
}

#[test]
fn choosing_then_takes_the_message_away() {
    check(&[Start, Next, FirstOption], 1, false);
}

#[test]
fn a_choice_made_just_before_lanjut_counts() {
    check(&[Start, FirstOption, Next], 2, false);
}

#[test]
fn the_next_question_starts_without_the_message() {
    check(&[Start, Next, FirstOption, Next], 2, false);
}

#[test]
fn going_back_leaves_the_message_behind() {
    check(&[Start, FirstOption, Next, Next, Back, Next], 2, false);
}

/// On the first multi-choice question, "Lanjut" with nothing ticked, then
/// a tick and an untick: no answer again, so the message is back.
#[test]
fn unticking_the_only_choice_says_so_again() {
    let on_multi = |taps: &[Tap]| match &run(taps).screen {
        Screen::Question(q) => bank().question(q).expect("shown").kind == Kind::Multi,
        other => panic!("walked past the questions to {other:?}"),
    };
    let mut taps = vec![Start];
    let mut at = 1;
    while !on_multi(&taps) {
        taps.extend([FirstOption, Next]);
        at += 1;
    }
    assert!(at > 1, "the bank starts with a single-choice question");
    taps.extend([Next, FirstOption, SameOptionAgain]);
    check(&taps, at, true);
}

/// After the taps, back on the intro: whether it asks "delete every
/// answer?", and how many questions still have an answer.
fn check_start_over(taps: &[Tap], asks: bool, answered: usize) {
    let state = run(taps);
    assert_eq!(state.screen, Screen::Intro, "on the intro");
    assert_eq!(
        state.asking_restart, asks,
        "whether it asks before deleting"
    );
    assert_eq!(
        state.answers.values().filter(|a| !a.is_empty()).count(),
        answered,
        "answers kept"
    );
}

/// An owner who answered the first question and went back to the intro.
const BACK_ON_THE_INTRO: &[Tap] = &[Start, FirstOption, Next, Back, Back];

#[test]
fn mulai_dari_awal_asks_first_and_deletes_nothing_yet() {
    check_start_over(&[BACK_ON_THE_INTRO, &[StartOver]].concat(), true, 1);
}

#[test]
fn tidak_keeps_every_answer() {
    check_start_over(
        &[BACK_ON_THE_INTRO, &[StartOver, NoKeep]].concat(),
        false,
        1,
    );
}

#[test]
fn ya_hapus_deletes_every_answer() {
    check_start_over(
        &[BACK_ON_THE_INTRO, &[StartOver, YesDelete]].concat(),
        false,
        0,
    );
}

#[test]
fn leaving_the_screen_forgets_the_question() {
    check_start_over(
        &[BACK_ON_THE_INTRO, &[StartOver, Start, Back, Back]].concat(),
        false,
        1,
    );
}
