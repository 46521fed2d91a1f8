//! Taking in answers carried from an embedded widget that could not save
//! (`#lanjut=CODE&di=QUESTION`, see `route`): where the owner resumes, and
//! whether the owner's page must ask first because it already keeps other
//! answers. Pure, so every case has a native test.

use crate::engine::bank::Bank;
use crate::engine::flow::{first_unanswered, shown_ids, Answers, Screen, State};

/// What the owner's page does with carried answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Resume {
    /// Nothing else was saved here (or the same answers were): resume with
    /// these, at once.
    Take(State),
    /// Other answers are saved on this page: the owner chooses; `carried`
    /// replaces the saved ones only if the owner says so.
    Ask { carried: State },
}

/// `saved` is what this page loaded from storage; `answers` and `name` come
/// from the decoded code; `at` is the question the widget showed.
pub fn resume(
    bank: &Bank,
    saved: &State,
    answers: Answers,
    name: Option<String>,
    at: Option<&str>,
) -> Resume {
    if answers.values().all(Vec::is_empty) {
        // Carried from the widget's intro: nothing to take in.
        return Resume::Take(saved.clone());
    }
    let screen = screen_at(bank, &answers, at);
    let carried = State {
        lang: saved.lang,
        screen,
        answers,
        from_review: false,
        notice: saved.notice,
        name: name.unwrap_or_default(),
        finished_on: None,
        unanswered: None,
        asking_restart: false,
    };
    let nothing_saved = saved.answers.values().all(Vec::is_empty);
    if nothing_saved || saved.answers == carried.answers {
        Resume::Take(carried)
    } else {
        Resume::Ask { carried }
    }
}

/// The question the owner was on, if these answers still show it; else the
/// first one without an answer; else the review.
fn screen_at(bank: &Bank, answers: &Answers, at: Option<&str>) -> Screen {
    if let Some(q) = at.filter(|q| shown_ids(bank, answers).contains(q)) {
        return Screen::Question(q.to_string());
    }
    match first_unanswered(bank, answers) {
        Some(q) => Screen::Question(q.to_string()),
        None => Screen::Review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::bank::Lang;
    use crate::engine::flow::{apply, Action, Notice};

    /// Answers the first `n` shown questions (or all) with their first option.
    fn answered(bank: &Bank, n: usize) -> State {
        let mut s = apply(bank, State::default(), Action::Start);
        for _ in 0..n {
            let Screen::Question(q) = s.screen.clone() else {
                break;
            };
            let option = bank.question(&q).unwrap().options[0].id.clone();
            s = apply(bank, s, Action::Choose { q, option });
            s = apply(bank, s, Action::Next);
        }
        s
    }

    #[test]
    fn nothing_saved_takes_the_answers_at_the_same_question() {
        let bank = Bank::builtin();
        let widget = answered(bank, 4);
        let Screen::Question(at) = widget.screen.clone() else {
            panic!()
        };
        let saved = State {
            lang: Lang::En,
            ..State::default()
        };
        let Resume::Take(s) = resume(bank, &saved, widget.answers.clone(), None, Some(&at)) else {
            panic!("should take")
        };
        assert_eq!(s.screen, Screen::Question(at));
        assert_eq!(s.answers, widget.answers);
        assert_eq!(s.lang, Lang::En, "the page's language stays");
    }

    #[test]
    fn an_earlier_question_the_owner_went_back_to_is_kept() {
        let bank = Bank::builtin();
        let widget = answered(bank, 5);
        let second = shown_ids(bank, &widget.answers)[1].to_string();
        let Resume::Take(s) = resume(
            bank,
            &State::default(),
            widget.answers.clone(),
            Some("Bu Ani".into()),
            Some(&second),
        ) else {
            panic!()
        };
        assert_eq!(s.screen, Screen::Question(second));
        assert_eq!(s.name, "Bu Ani");
    }

    #[test]
    fn an_unknown_or_hidden_question_resumes_at_the_first_unanswered() {
        let bank = Bank::builtin();
        let widget = answered(bank, 3);
        let next = first_unanswered(bank, &widget.answers).unwrap().to_string();
        for at in [Some("no_such_question"), None, Some("")] {
            let Resume::Take(s) = resume(bank, &State::default(), widget.answers.clone(), None, at)
            else {
                panic!()
            };
            assert_eq!(s.screen, Screen::Question(next.clone()), "{at:?}");
        }
        // Everything answered: the review.
        let all = answered(bank, usize::MAX);
        assert_eq!(all.screen, Screen::Review);
        let Resume::Take(s) = resume(bank, &State::default(), all.answers.clone(), None, None)
        else {
            panic!()
        };
        assert_eq!(s.screen, Screen::Review);
    }

    #[test]
    fn other_saved_answers_are_never_replaced_without_asking() {
        let bank = Bank::builtin();
        let widget = answered(bank, 2);
        let mut saved = answered(bank, 6);
        saved.notice = Some(Notice::StorageUnavailable);
        let got = resume(bank, &saved, widget.answers.clone(), None, None);
        let Resume::Ask { carried } = got else {
            panic!("should ask")
        };
        assert_eq!(carried.answers, widget.answers);
        // Nothing carried (the link from the widget's intro): the page as saved.
        assert_eq!(
            resume(bank, &saved, Answers::default(), None, Some("nib")),
            Resume::Take(saved.clone())
        );
        // The same answers again (a second tap on the link): nothing to ask.
        assert!(matches!(
            resume(bank, &widget, widget.answers.clone(), None, None),
            Resume::Take(_)
        ));
    }
}
