//! The review list: every shown question with its answer and a way to change it.

use yew::prelude::*;

use super::text::{t, Ui};
use crate::assessment::flow::{self, Action, State};
use crate::assessment::plan::answer_label;

/// A function, not a component: it keeps no state (see `intro::intro`).
pub fn review(state: &State, act: &Callback<Action>) -> Html {
    let lang = state.lang;
    let bank = super::bank();
    let rows = flow::shown_ids(bank, &state.answers)
        .into_iter()
        .filter_map(|id| {
            let q = bank.question(id)?;
            let edit = act.reform(move |_| Action::Edit(id.to_string()));
            let label = answer_label(bank, &state.answers, id, lang);
            Some(html! {
                <li>
                    <div class="answer">
                        <span class="q">{ q.short.get(lang) }</span>
                        <span class="a">{ label }</span>
                    </div>
                    <button type="button" class="secondary small" onclick={edit}
                        aria-label={format!("{}: {}", t(lang, Ui::Change), q.short.get(lang))}>
                        { t(lang, Ui::Change) }
                    </button>
                </li>
            })
        });
    let back = act.reform(|_| Action::Back);
    let result = act.reform(|_| Action::ShowResult {
        today: super::place::today(),
    });
    html! {
        <section key="review" class="review" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::ReviewTitle) }</h1>
            <p>{ t(lang, Ui::ReviewLead) }</p>
            <ul class="answers">{ for rows }</ul>
            <div class="nav">
                <button type="button" class="secondary" onclick={back}>{ t(lang, Ui::Back) }</button>
                <button type="button" class="primary" onclick={result}>{ t(lang, Ui::SeeResult) }</button>
            </div>
        </section>
    }
}
