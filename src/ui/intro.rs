//! The intro screen: what this is, how long it takes, where answers stay.

use yew::prelude::*;

use super::text::{question_of, t, Ui};
use crate::assessment::flow::{self, Action, Notice, State};

/// A function, not a component: it keeps no state of its own (each
/// component costs the wasm its own render and identity code, ~0.5 KB).
/// Keyed, so that it is built afresh whenever the screen changes.
pub fn intro(state: &State, act: &Callback<Action>, embedded: bool) -> Html {
    let lang = state.lang;
    let bank = super::bank();
    let started = !state.answers.is_empty();
    let saving = state.notice != Some(Notice::StorageUnavailable);
    let start = act.reform(|_| Action::Start);
    let shown = flow::shown_ids(bank, &state.answers);
    let resume = flow::first_unanswered(bank, &state.answers)
        .and_then(|q| shown.iter().position(|s| *s == q))
        .map(|i| question_of(lang, i + 1, shown.len()));
    html! {
        <section key="intro" class="intro" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::IntroTitle) }</h1>
            <p class="lead">{ t(lang, Ui::IntroLead) }</p>
            <ul class="facts">
                <li>{ t(lang, Ui::IntroTime) }</li>
                // Without storage, "kept on this phone, carry on later" would
                // be untrue; the notice above says why.
                if saving {
                    <li>{ t(lang, Ui::IntroPrivate) }</li>
                    <li>{ t(lang, Ui::IntroPause) }</li>
                } else {
                    <li>{ t(lang, Ui::IntroNotSaved) }</li>
                }
                <li>{ t(lang, Ui::IntroOutcome) }</li>
            </ul>
            <div class="actions">
                if started {
                    <button type="button" class="primary" onclick={start}>
                        { t(lang, Ui::Continue) }
                        if let Some(resume) = resume { <span class="sub">{ resume }</span> }
                    </button>
                    { super::restart_button(state, act) }
                } else {
                    <button type="button" class="primary" onclick={start}>{ t(lang, Ui::Start) }</button>
                }
            </div>
            if !embedded {
                <p class="trainer-link"><a href="pelatih.html">{ t(lang, Ui::TrainerMode) }</a></p>
            }
        </section>
    }
}
