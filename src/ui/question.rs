//! One question per screen: progress, the choices as real radio buttons or
//! checkboxes in a fieldset, and back/next. Enter submits, so a keyboard user
//! can answer with arrows and Enter alone.

use yew::prelude::*;

use super::text::{question_of, t, Ui};
use super::ScreenProps;
use crate::assessment::flow::{self, Action, Screen};
use crate::assessment::Kind;

#[component]
pub fn QuestionScreen(props: &ScreenProps) -> Html {
    // Asking for "Lanjut" without an answer shows a hint instead of moving
    // on; it belongs to the question it was asked on. (One screen serves
    // every question and is updated in place, not made anew: less DOM work
    // per "Lanjut" on a slow phone.)
    let tried_on = use_state(|| None::<String>);
    let state = &props.state;
    let lang = state.lang;
    let bank = super::bank();
    let Screen::Question(id) = &state.screen else {
        return html! {};
    };
    let Some(question) = bank.question(id) else {
        return html! {};
    };
    let tried = tried_on.as_deref() == Some(id.as_str());
    let answered = flow::is_answered(state, id);
    let (n, total) = flow::position(bank, state).unwrap_or((1, 1));
    let area = bank
        .area(&question.area)
        .map(|a| a.title.get(lang))
        .unwrap_or("");

    let submit = {
        let act = props.act.clone();
        let (tried_on, id) = (tried_on.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Ask the form, not this render's `answered`: a quick tap on an
            // option and then "Lanjut" can arrive before the re-render, and
            // the choice is already queued ahead of this Next.
            let form: web_sys::Element = e.target_unchecked_into();
            let chosen = form
                .query_selector("input:checked")
                .ok()
                .flatten()
                .is_some();
            if answered || chosen {
                act.emit(Action::Next);
            } else {
                tried_on.set(Some(id.clone()));
            }
        })
    };
    let back = props.act.reform(|_| Action::Back);
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
        if tried && !answered {
            ids.push(error_id.clone());
        }
        ids.join(" ")
    };

    let options = question.options.iter().map(|option| {
        let checked = chosen.contains(&option.id);
        let choose = {
            let act = props.act.clone();
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
        <form class="question" onsubmit={submit} novalidate=true>
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
            if tried && !answered {
                <p class="error" id={error_id} role="alert">{ t(lang, Ui::MustAnswer) }</p>
            }
            <div class="nav">
                <button type="button" class="secondary" onclick={back}>{ t(lang, Ui::Back) }</button>
                <button type="submit" class="primary">{ t(lang, Ui::Next) }</button>
            </div>
        </form>
    }
}
