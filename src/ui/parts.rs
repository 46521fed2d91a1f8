//! Parts several screens share: the language switch and "Mulai dari awal" with its question.

use yew::prelude::*;

use super::text::{t, Ui};
use crate::assessment::flow::{Action, State};
use crate::assessment::Lang;

/// The language switch: a function, not a component, since it keeps no
/// state (see `intro::intro`).
pub fn lang_switch(shown: Lang, on_change: &Callback<Lang>) -> Html {
    let button = |lang: Lang, label: &'static str, name: &'static str| {
        let act = on_change.reform(move |_| lang);
        html! {
            // The name starts with the visible text, for voice control users.
            <button type="button" lang={lang.code()} aria-label={format!("{label} – {name}")}
                aria-pressed={(shown == lang).to_string()} onclick={act}>{ label }</button>
        }
    };
    html! {
        <div class="lang" role="group" aria-label={t(shown, Ui::LanguageGroup)}>
            { button(Lang::Id, "ID", "Bahasa Indonesia") }
            { button(Lang::En, "EN", "English") }
        </div>
    }
}

/// "Mulai dari awal" deletes every answer, so it asks first, in place (the
/// question is the reducer's: `State::asking_restart`). A function, not a
/// component (see `intro::intro`).
pub fn restart_button(state: &State, act: &Callback<Action>) -> Html {
    let lang = state.lang;
    if !state.asking_restart {
        return html! {
            <button type="button" id="restart" class="secondary" onclick={act.reform(|_| Action::AskRestart)}>
                { t(lang, Ui::StartOver) }
            </button>
        };
    }
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="restart-q">
            <p id="restart-q">{ t(lang, Ui::RestartConfirm) }</p>
            <button type="button" class="danger" onclick={act.reform(|_| Action::Restart)}>
                { t(lang, Ui::RestartYes) }
            </button>
            <button type="button" id="restart-no" class="secondary" onclick={act.reform(|_| Action::KeepAnswers)}>
                { t(lang, Ui::RestartNo) }
            </button>
        </div>
    }
}
