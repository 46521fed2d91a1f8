//! The plan as a checklist on the owner's result: "Sudah saya lakukan" per
//! step with its day, kept on this phone; the offer to update the answer a
//! done step depends on, inline, with what the update changed; the plan's
//! lines for WhatsApp.

use yew::prelude::*;

use super::text::{self, t, Ui};
use crate::assessment::checklist::{self, Change, Checklist};
use crate::assessment::flow::{self, Action, Answers, Notice, State};
use crate::assessment::{plan, score, Bank, Kind, Lang};

/// Where the checklist for the progress under `progress_key` is kept.
pub fn key(progress_key: &str) -> String {
    checklist::key_beside(progress_key, checklist::KEY)
}

/// The saved checklist, or an empty one with the notice saying why.
pub fn load(bank: &Bank, progress_key: &str) -> (Checklist, Option<Notice>) {
    match super::storage::load_list(&key(progress_key), checklist::decode) {
        Ok(list) => (list.unwrap_or_else(|| Checklist::new(bank)), None),
        Err(_) => (Checklist::new(bank), Some(Notice::ChecklistReset)),
    }
}

/// Saves the checklist; a browser that refuses says so once, with the same
/// notice as for answers.
pub fn save(progress_key: &str, list: &Checklist, state: &State, act: &Callback<Action>) {
    let text = (!list.done.is_empty()).then(|| checklist::encode(list));
    if super::storage::save_list(&key(progress_key), text.as_deref()).is_err()
        && state.notice.is_none()
    {
        act.emit(Action::Notify(Notice::StorageUnavailable));
    }
}

/// The plan as WhatsApp lines when any of its steps is done ("✓ Buat NIB
/// di OSS (sudah, 2 Desember 2026)"), else nothing: a plain result is shared
/// as before.
pub fn share_lines(lang: Lang, bank: &Bank, answers: &Answers, list: &Checklist) -> String {
    let outcome = score::assess(bank, answers);
    let steps = plan::plan(bank, answers, &outcome).steps;
    let rules = steps.iter().map(|&r| &bank.rules[r]);
    if !rules.clone().any(|r| list.done_on(&r.id).is_some()) {
        return String::new();
    }
    let mut text = format!("\n\n{}:", t(lang, Ui::MyPlan));
    for rule in rules {
        let title = rule.title.get(lang);
        text.push_str(&match list.done_on(&rule.id) {
            Some(day) => format!("\n{}", text::done_in_plan(lang, title, day)),
            None => format!("\n☐ {title}"),
        });
    }
    text
}

/// One step's checkbox and what comes with it. Plain functions, not
/// components: each component type costs the owner's page kilobytes of Yew
/// machinery, and these hold no state of their own.
pub struct TickProps {
    pub lang: Lang,
    pub step: AttrValue,
    /// The step's title, so each checkbox's name says which step it is.
    pub title: AttrValue,
    pub done: Option<flow::Day>,
    /// Ticked or unticked.
    pub on_toggle: Callback<bool>,
    /// The answer this step offers to update, when it has one.
    pub offer: Option<AttrValue>,
    pub on_update: Callback<()>,
}

/// One step's "Sudah saya lakukan": a real checkbox with its label; once
/// ticked, the day (printed too) and the offer to update the answer.
pub fn tick(props: TickProps) -> Html {
    let lang = props.lang;
    let id = format!("done-{}", props.step);
    let toggle = props.on_toggle.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.checked()
    });
    html! {
        <div class="tick" data-step={props.step.clone()}>
            <p class="tick-box no-print">
                <input type="checkbox" id={id.clone()} checked={props.done.is_some()} onchange={toggle} />
                <label for={id}>{ t(lang, Ui::StepDone) }
                    <span class="visually-hidden">{ format!(": {}", props.title) }</span></label>
            </p>
            if let Some(day) = props.done {
                <p class="done-on">{ text::done_on(lang, day) }</p>
                if let Some(question) = &props.offer {
                    <p class="no-print">
                        <button type="button" class="secondary small" onclick={props.on_update.reform(|_| ())}>
                            { format!("{}: {question}", t(lang, Ui::UpdateAnswer)) }
                        </button>
                    </p>
                }
            }
        </div>
    }
}

pub struct UpdateProps {
    pub lang: Lang,
    pub question: AttrValue,
    /// The answers when the owner opened the update: what changed is told
    /// against them.
    pub before: Answers,
    pub answers: Answers,
    pub act: Callback<Action>,
    pub on_close: Callback<()>,
}

/// Keyboard and screen reader users start at the update panel once it
/// opens (an effect of the result screen).
pub fn focus_update() {
    if let Some(el) = gloo::utils::document().get_element_by_id("update-heading") {
        let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(el);
        let _ = el.focus();
    }
}

/// The question behind a done step, with its options inline: choosing one
/// re-scores at once (the answers are the owner's own progress), and a
/// status line says what changed.
pub fn update_answer(props: UpdateProps) -> Html {
    let lang = props.lang;
    let bank = super::bank();
    let Some(question) = bank.question(&props.question) else {
        return html! {};
    };
    let chosen = props.answers.get(&question.id).cloned().unwrap_or_default();
    let kind = match question.kind {
        Kind::Single => "radio",
        Kind::Multi => "checkbox",
    };
    let options = question.options.iter().map(|o| {
        let id = format!("update-{}-{}", question.id, o.id);
        let choose = props.act.reform({
            let (q, option) = (question.id.clone(), o.id.clone());
            move |_| Action::Choose { q: q.clone(), option: option.clone() }
        });
        html! {
            <p class="option-line">
                <input type={kind} id={id.clone()} name={format!("update-{}", question.id)} value={o.id.clone()}
                    checked={chosen.contains(&o.id)} onchange={choose} />
                <label for={id}>{ o.text.get(lang) }</label>
            </p>
        }
    });
    let changed =
        (props.before != props.answers).then(|| said(lang, bank, &props.before, &props.answers));
    let unanswered = flow::first_unanswered(bank, &props.answers).is_some();
    let more = props.act.reform(|_| Action::ShowResult {
        today: super::place::today(),
    });
    html! {
        <section class="update-answer" aria-labelledby="update-heading">
            <h2 id="update-heading" tabindex="-1">{ t(lang, Ui::UpdateAnswer) }</h2>
            <p>{ t(lang, Ui::UpdateAnswerLead) }</p>
            <fieldset>
                <legend>{ question.text.get(lang) }</legend>
                { for options }
            </fieldset>
            <p class="changed" role="status">{ changed.unwrap_or_default() }</p>
            <p class="actions">
                if unanswered {
                    <button type="button" class="primary" onclick={more}>{ t(lang, Ui::AnswerNewQuestion) }</button>
                }
                <button type="button" class="secondary" onclick={props.on_close.reform(|_| ())}>{ t(lang, Ui::UpdateClose) }</button>
            </p>
        </section>
    }
}

/// "Tingkat naik ke Madya", the next step that now comes first, or that
/// nothing changed.
fn said(lang: Lang, bank: &Bank, before: &Answers, after: &Answers) -> String {
    match checklist::change(bank, before, after) {
        Change::LevelRose(l) => text::level_moved(lang, true, bank.levels[l].title.get(lang)),
        Change::LevelFell(l) => text::level_moved(lang, false, bank.levels[l].title.get(lang)),
        Change::NextStep(r) => text::next_step_now(lang, bank.rules[r].title.get(lang)),
        Change::Nothing => t(lang, Ui::NothingChanged).to_string(),
    }
}
