//! One question per screen: progress, the choices as real radio buttons or
//! checkboxes in a fieldset, and back/next. Enter submits, so a keyboard user
//! can answer with arrows and Enter alone.

use yew::prelude::*;

use super::text::{question_of, t, Ui};
use crate::assessment::flow::{self, Action, Screen, State};
use crate::assessment::Kind;

/// A function, not a component: it keeps no state (see `intro::intro`).
/// "Lanjut" without an answer stays on the question and says an answer is
/// needed (`flow::needs_answer`, decided by the reducer). One form serves
/// every question and is updated in place, not made anew: less DOM work per
/// "Lanjut" on a slow phone.
pub fn screen(state: &State, act: &Callback<Action>) -> Html {
    let lang = state.lang;
    let bank = super::bank();
    let Screen::Question(id) = &state.screen else {
        return html! {};
    };
    let Some(question) = bank.question(id) else {
        return html! {};
    };
    let needs_answer = flow::needs_answer(state);
    let (n, total) = flow::position(bank, state).unwrap_or((1, 1));
    let area = bank
        .area(&question.area)
        .map(|a| a.title.get(lang))
        .unwrap_or("");

    // The reducer gets the choice and "Lanjut" in the order they were made,
    // so a quick tap on an option and then "Lanjut" moves on.
    let submit = act.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Next
    });
    let back = act.reform(|_| Action::Back);
    let chosen = state.answers.get(id).cloned().unwrap_or_default();
    let (input_type, hint) = match question.kind {
        Kind::Single => ("radio", t(lang, Ui::PickOne)),
        Kind::Multi => ("checkbox", t(lang, Ui::PickMany)),
    };
    let hint_id = format!("{id}-hint");
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = {
        let mut ids = vec![hint_id.clone()];
        if question.help.is_some() {
            ids.push(help_id.clone());
        }
        if needs_answer {
            ids.push(error_id.clone());
        }
        ids.join(" ")
    };

    let options = question.options.iter().map(|option| {
        let checked = chosen.contains(&option.id);
        let choose = {
            let act = act.clone();
            let q = id.clone();
            let o = option.id.clone();
            Callback::from(move |_: Event| act.emit(Action::Choose { q: q.clone(), option: o.clone() }))
        };
        let input_id = format!("{id}--{}", option.id);
        html! {
            <div class="choice">
                <input type={input_type} id={input_id.clone()} name={id.clone()} value={option.id.clone()}
                    checked={checked} onchange={choose} />
                <label for={input_id} class="option">{ option.text.get(lang) }</label>
            </div>
        }
    });

    html! {
        <form key="question" class="question" onsubmit={submit} novalidate=true>
            <p class="position" id="position">{ question_of(lang, n, total) }</p>
            <progress max={total.to_string()} value={n.to_string()} aria-labelledby="position"></progress>
            <p class="area">{ area }</p>
            <fieldset aria-describedby={described}>
                <legend>
                    <h1 id="screen-heading" tabindex="-1">
                        <span class="visually-hidden">{ format!("{}. ", question_of(lang, n, total)) }</span>
                        { question.text.get(lang) }
                    </h1>
                </legend>
                if let Some(help) = &question.help {
                    <p class="help" id={help_id}>{ help.get(lang) }</p>
                }
                <p class="hint" id={hint_id}>{ hint }</p>
                <div class="options">{ for options }</div>
            </fieldset>
            if needs_answer {
                <p class="error" id={error_id} role="alert">{ t(lang, Ui::MustAnswer) }</p>
            }
            <div class="nav">
                <button type="button" class="secondary" onclick={back}>{ t(lang, Ui::Back) }</button>
                <button type="submit" class="primary">{ t(lang, Ui::Next) }</button>
            </div>
        </form>
    }
}
