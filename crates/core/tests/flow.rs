//! An owner moving through the questions: "Lanjut" without an answer stays on the question and says an answer is needed, on that question only; a choice made just before "Lanjut" counts.
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
}

/// The state after the taps, from a fresh page.
fn run(taps: &[Tap]) -> State {
    let bank = bank();
    taps.iter().fold(State::default(), |state, &tap| {
        let action = match tap {
            Tap::Start => Action::Start,
            Tap::Next => Action::Next,
            Tap::Back => Action::Back,
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
