//! The flow of screens as one pure transition, `apply(bank, state, action)`.
//! The UI's reducer calls it; saving is done outside, after the fact.

use serde::{Deserialize, Serialize};

use super::bank::{Bank, Kind, Lang};
use super::score::visibility;
pub use super::score::Answers;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "screen", content = "q", rename_all = "snake_case")]
pub enum Screen {
    #[default]
    Intro,
    /// One question, by id: ids stay put when skip logic changes the order.
    Question(String),
    Review,
    Result,
}

/// A short message shown above the current screen until dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Saved progress could not be read, so the assessment starts afresh.
    ProgressReset,
    /// The browser won't let us save: answers live only in this tab.
    StorageUnavailable,
    /// Answers carried from a widget (`#lanjut=`) were taken in here.
    Carried,
    /// Answers carried from a widget could not be read, so none were used.
    CarriedUnreadable,
    /// The saved checklist (steps done) could not be read: kept aside, and
    /// the checklist starts empty.
    ChecklistReset,
    /// The saved earlier results could not be read: kept aside, and the
    /// list starts empty.
    HistoryReset,
}

/// A calendar day on the owner's device, kept as `YYYY-MM-DD`. The shell
/// reads it from the clock; the core only stores it, so `apply` stays pure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// A real date or nothing: saved text may have been edited by hand.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Day> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Day { year, month, day })
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Day {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Day, Self::Error> {
        let mut parts = text.splitn(3, '-').map(str::parse::<u16>);
        let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next())
        else {
            return Err("not YYYY-MM-DD");
        };
        let (Ok(m), Ok(d)) = (u8::try_from(m), u8::try_from(d)) else {
            return Err("not a date");
        };
        Day::new(y, m, d).ok_or("not a date")
    }
}

impl From<Day> for String {
    fn from(day: Day) -> String {
        day.to_string()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub screen: Screen,
    pub answers: Answers,
    /// Set when the user jumps from the review list to change one answer, so
    /// "Lanjut" brings them back to the review once nothing is missing.
    pub from_review: bool,
    pub notice: Option<Notice>,
    /// A name or business name the owner may add to a shared result.
    pub name: String,
    /// The day the result was last shown (tanggal penilaian), printed with
    /// it so a trainer or the owner can tell an old result from a new one.
    pub finished_on: Option<Day>,
    /// The question "Lanjut" was asked on without an answer: its screen
    /// says an answer is needed until it has one, and no other screen does.
    /// Not saved: a reopened page starts without it.
    pub unanswered: Option<String>,
    /// "Mulai dari awal" was tapped: the screen asks before every answer is
    /// deleted. Not saved, and forgotten when the screen changes.
    pub asking_restart: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Start,
    /// Single choice: pick this option. Multi choice: toggle it.
    Choose {
        q: String,
        option: String,
    },
    Next,
    Back,
    /// From the review list: change this answer.
    Edit(String),
    Review,
    /// From the review: see the result, dated `today` (if the device's
    /// clock gives a date).
    ShowResult {
        today: Option<Day>,
    },
    /// "Mulai dari awal": ask before deleting every answer.
    AskRestart,
    /// The owner answered the question "no": nothing is deleted.
    KeepAnswers,
    Restart,
    SetName(String),
    /// Replace everything, e.g. with the progress saved for another question
    /// bank when a host's configuration brings its own.
    Restore(Box<State>),
    /// The shell could not do something the user should know about.
    Notify(Notice),
    DismissNotice,
}

/// Position of the current question among the shown ones: (1-based, total).
pub fn position(bank: &Bank, state: &State) -> Option<(usize, usize)> {
    let Screen::Question(current) = &state.screen else {
        return None;
    };
    let shown = shown_ids(bank, &state.answers);
    let i = shown.iter().position(|q| q == current)?;
    Some((i + 1, shown.len()))
}

/// The ids of the questions this user is asked, in order.
pub fn shown_ids<'a>(bank: &'a Bank, answers: &Answers) -> Vec<&'a str> {
    let visible = visibility(bank, answers);
    bank.questions
        .iter()
        .zip(visible)
        .filter(|(_, v)| *v)
        .map(|(q, _)| q.id.as_str())
        .collect()
}

/// The first shown question without an answer.
pub fn first_unanswered<'a>(bank: &'a Bank, answers: &Answers) -> Option<&'a str> {
    shown_ids(bank, answers)
        .into_iter()
        .find(|q| answers.get(*q).is_none_or(|a| a.is_empty()))
}

pub fn is_answered(state: &State, q: &str) -> bool {
    state.answers.get(q).is_some_and(|a| !a.is_empty())
}

/// Whether the question on screen must say an answer is needed: "Lanjut"
/// was asked on it, and it still has none.
pub fn needs_answer(state: &State) -> bool {
    match (&state.screen, &state.unanswered) {
        (Screen::Question(on), Some(asked)) => on == asked && !is_answered(state, on),
        _ => false,
    }
}

pub fn apply(bank: &Bank, state: State, action: Action) -> State {
    let on = state.screen.clone();
    let mut state = step(bank, state, action);
    if state.screen != on {
        state.unanswered = None;
        state.asking_restart = false;
    }
    state
}

fn step(bank: &Bank, mut state: State, action: Action) -> State {
    match action {
        Action::SetLang(lang) => state.lang = lang,
        Action::DismissNotice => state.notice = None,
        Action::Notify(notice) => state.notice = Some(notice),
        Action::SetName(name) => state.name = name,
        Action::Restore(saved) => state = *saved,
        Action::AskRestart => state.asking_restart = true,
        Action::KeepAnswers => state.asking_restart = false,
        Action::Start => {
            state.from_review = false;
            state.screen = match first_unanswered(bank, &state.answers) {
                Some(q) => Screen::Question(q.to_string()),
                None => Screen::Review,
            };
        }
        Action::Choose { q, option } => choose(bank, &mut state, q, option),
        Action::Next => {
            let Screen::Question(current) = &state.screen else {
                return state;
            };
            // The choice and "Lanjut" arrive here in the order they were
            // made, so a quick tap on an option and then "Lanjut" moves on.
            if !is_answered(&state, current) {
                state.unanswered = Some(current.clone());
                return state;
            }
            let shown = shown_ids(bank, &state.answers);
            let after = shown
                .iter()
                .skip_while(|q| *q != current)
                .nth(1)
                .map(|q| q.to_string());
            state.screen = if state.from_review && first_unanswered(bank, &state.answers).is_none()
            {
                Screen::Review
            } else {
                after.map_or(Screen::Review, Screen::Question)
            };
            if state.screen == Screen::Review {
                state.from_review = false;
            }
        }
        Action::Back => {
            state.screen = match &state.screen {
                Screen::Question(current) => {
                    let shown = shown_ids(bank, &state.answers);
                    let i = shown.iter().position(|q| q == current).unwrap_or(0);
                    if i == 0 {
                        Screen::Intro
                    } else {
                        Screen::Question(shown[i - 1].to_string())
                    }
                }
                Screen::Review => shown_ids(bank, &state.answers)
                    .last()
                    .map_or(Screen::Intro, |q| Screen::Question(q.to_string())),
                Screen::Result => Screen::Review,
                Screen::Intro => Screen::Intro,
            };
        }
        Action::Edit(q) => {
            if shown_ids(bank, &state.answers).contains(&q.as_str()) {
                state.from_review = true;
                state.screen = Screen::Question(q);
            }
        }
        Action::Review => state.screen = Screen::Review,
        Action::ShowResult { today } => {
            // A result from half the answers would mislead: send the user to
            // what is still missing instead.
            state.screen = match first_unanswered(bank, &state.answers) {
                Some(q) => {
                    state.from_review = true;
                    Screen::Question(q.to_string())
                }
                None => {
                    state.finished_on = today;
                    Screen::Result
                }
            };
        }
        Action::Restart => {
            state = State {
                lang: state.lang,
                notice: state.notice,
                ..State::default()
            };
        }
    }
    state
}

fn choose(bank: &Bank, state: &mut State, q: String, option: String) {
    let Some(question) = bank.question(&q) else {
        return;
    };
    let Some(choice) = question.choice(&option) else {
        return;
    };
    let exclusive = choice.exclusive;
    let chosen = state.answers.entry(q).or_default();
    match question.kind {
        Kind::Single => *chosen = vec![option],
        Kind::Multi => {
            if let Some(i) = chosen.iter().position(|c| *c == option) {
                chosen.remove(i);
            } else {
                // "Belum ada" and a real option can't both be true.
                chosen.retain(|c| !exclusive && question.choice(c).is_some_and(|o| !o.exclusive));
                chosen.push(option);
                // Keep bank order so saved answers and labels are stable.
                let at = |c: &String| question.options.iter().position(|o| o.id == *c);
                super::sort::by(chosen, |a, b| at(a) < at(b));
            }
        }
    }
}
