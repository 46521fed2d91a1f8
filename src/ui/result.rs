//! The result: the level (tingkat), the next step (langkah berikutnya) first
//! and largest, the plan, the chart and why each area scored as it did.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{area_chart, Chart};
use super::checklist;
use super::share::SharePanel;
use super::text::{self, points_lost, score_of, t, Ui};
use crate::assessment::checklist as checklist_core;
use crate::assessment::config;
use crate::assessment::flow::{Action, Answers, State};
use crate::assessment::plan::{self, answer_label};
use crate::assessment::{archive, code, score, Bank, Lang};

/// The owner's own result gets the state, a way to act on it, and what its
/// page knows beside them.
#[derive(Clone, PartialEq, Properties)]
pub struct ResultProps {
    pub state: Rc<State>,
    pub act: Callback<Action>,
    /// The host's contact for the next step ("Hubungi kami"), when embedded.
    #[prop_or_default]
    pub contact: Option<Rc<config::Contact>>,
    /// Where the progress is saved: the checklist and earlier results are
    /// kept beside it.
    pub progress_key: AttrValue,
}

#[component]
pub fn ResultScreen(props: &ResultProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let bank = super::bank();
    // The plan as a checklist (issue 15): loaded once, saved on each tick.
    let start = use_memo((), {
        let key = props.progress_key.clone();
        move |_| checklist::load(bank, &key)
    });
    let list = use_state(|| start.0.clone());
    {
        let (act, notice) = (props.act.clone(), start.1);
        use_effect_with((), move |_| {
            if let Some(n) = notice {
                act.emit(Action::Notify(n));
            }
        });
    }
    // The answer being updated from a done step, and the answers before.
    let updating = use_state(|| None::<(AttrValue, Answers)>);
    let tick = |step: &str| {
        let done = list.done_on(step);
        let on_toggle = {
            let (list, step, key) = (list.clone(), step.to_string(), props.progress_key.clone());
            let (state, act) = (state.clone(), props.act.clone());
            Callback::from(move |ticked: bool| {
                let mut next = (*list).clone();
                match (ticked, super::place::today()) {
                    (true, Some(day)) => next.tick(&step, day),
                    (true, None) => return,
                    (false, _) => next.untick(&step),
                }
                checklist::save(&key, &next, &state, &act);
                list.set(next);
            })
        };
        let offer = checklist_core::answer_to_update(bank, &state.answers, step);
        let on_update = {
            let (updating, answers) = (updating.clone(), state.answers.clone());
            let q = offer.map(|q| AttrValue::from(q.id.clone()));
            Callback::from(move |_| updating.set(q.clone().map(|q| (q, answers.clone()))))
        };
        checklist::tick(checklist::TickProps {
            lang,
            step: AttrValue::from(step.to_string()),
            title: bank
                .rule(step)
                .map(|r| AttrValue::from(r.title.get(lang).to_string()))
                .unwrap_or_default(),
            done,
            on_toggle,
            offer: offer.map(|q| AttrValue::from(q.short.get(lang).to_string())),
            on_update,
        })
    };
    use_effect_with(updating.as_ref().map(|(q, _)| q.clone()), |open| {
        if open.is_some() {
            checklist::focus_update();
        }
    });
    let retake = {
        let (key, state, act) = (props.progress_key.clone(), state.clone(), props.act.clone());
        Callback::from(move |_| super::history::retake(&key, &state, &act))
    };
    let plan_lines = checklist::share_lines(lang, bank, &state.answers, &list);
    html! {
        <section class="result" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::ResultTitle) }</h1>
            if let Some(day) = state.finished_on {
                <p class="dated">{ format!("{} {}", t(lang, Ui::AssessedOn), text::day(lang, day)) }</p>
            }
            if let Some((question, before)) = &*updating {
                { checklist::update_answer(checklist::UpdateProps {
                    lang,
                    question: question.clone(),
                    before: before.clone(),
                    answers: state.answers.clone(),
                    act: props.act.clone(),
                    on_close: { let updating = updating.clone(); Callback::from(move |_| updating.set(None)) },
                }) }
            }
            { body(bank, lang, &state.answers, Some(&tick)) }
            <super::history::Progress lang={lang} progress_key={props.progress_key.clone()}
                state={state.clone()} act={props.act.clone()} />
            if let Some(contact) = &props.contact {
                { contact_us(lang, contact) }
            }
            <SharePanel lang={lang} answers={state.answers.clone()} name={state.name.clone()} act={props.act.clone()}
                plan_lines={plan_lines} />
            <div class="actions no-print">
                <button type="button" class="primary" onclick={retake}>{ t(lang, Ui::Retake) }</button>
                <button type="button" class="secondary" onclick={props.act.reform(|_| Action::Review)}>
                    { t(lang, Ui::EditAnswers) }
                </button>
                { super::restart_button(state, &props.act) }
            </div>
        </section>
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct SharedProps {
    pub lang: Lang,
    /// The code from the link's fragment.
    pub code: String,
    pub on_start: Callback<()>,
}

/// A result opened from someone's link: read-only, with a way to take the
/// assessment oneself. It is read with the bank that made it: today's, or an
/// older released one fetched for it (then it says which version and when).
/// A broken link says what is wrong, in plain words.
#[component]
pub fn SharedResult(props: &SharedProps) -> Html {
    let lang = props.lang;
    let start = props.on_start.reform(|_| ());
    let own = html! {
        <div class="actions">
            <button type="button" class="primary" onclick={start}>{ t(lang, Ui::TakeItYourself) }</button>
            // A trainer who opened a participant's link can add it at once.
            if super::storage::has_workshops() {
                <a class="button secondary" href={format!("pelatih.html#{}", code::fragment(&props.code))}>
                    { t(lang, Ui::AddToWorkshop) }
                </a>
            }
        </div>
    };
    let found = use_memo(props.code.clone(), |text| {
        code::header(text).map(|h| archive::locate(&h, &[super::bank()]))
    });
    // An older bank, once fetched: `None` while loading, then the outcome.
    let fetched = use_state(|| None::<Option<&'static Bank>>);
    {
        let fetched = fetched.clone();
        use_effect_with(found.clone(), move |found| {
            if let Ok(archive::Found::Fetch(entry)) = &**found {
                let entry: &'static archive::Released = entry;
                fetched.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    fetched.set(Some(super::banks::fetch(entry).await));
                });
            }
        });
    }
    let read = match &*found {
        Err(e) => Err(e.clone()),
        Ok(archive::Found::Missing(e)) => Err(e.clone()),
        Ok(archive::Found::Here(_)) => Ok(super::bank()),
        Ok(archive::Found::Fetch(entry)) => match *fetched {
            None => {
                return html! {
                    <section class="result shared" aria-labelledby="screen-heading" aria-busy="true">
                        <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::SharedTitle) }</h1>
                        <p role="status">{ t(lang, Ui::LoadingOlderQuestions) }</p>
                    </section>
                };
            }
            Some(Some(bank)) => Ok(bank),
            Some(None) => Err(code::CodeError::BankUnavailable(entry.version)),
        },
    };
    match read.and_then(|bank| Ok((bank, code::decode(bank, &props.code)?))) {
        Ok((bank, shared)) => {
            let title = match &shared.name {
                Some(name) => format!("{}: {name}", t(lang, Ui::SharedTitle)),
                None => t(lang, Ui::SharedTitle).to_string(),
            };
            let older = (bank.version != Bank::builtin().version)
                .then(|| archive::released(bank.version))
                .flatten();
            html! {
                <section class="result shared" aria-labelledby="screen-heading">
                    <h1 id="screen-heading" tabindex="-1">{ title }</h1>
                    <p class="shared-note">{ t(lang, Ui::SharedNote) }</p>
                    if let Some(entry) = older {
                        <p class="older-questions">{ older_questions(lang, entry) }</p>
                    }
                    { body(bank, lang, &shared.answers, None) }
                    { own }
                </section>
            }
        }
        Err(error) => html! {
            <section class="result shared" aria-labelledby="screen-heading">
                <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::BrokenLinkTitle) }</h1>
                <p class="error" role="alert">{ error.message(lang) }</p>
                { own }
            </section>
        },
    }
}

/// "Hasil ini memakai pertanyaan versi 1, 28 November 2026."
fn older_questions(lang: Lang, entry: &archive::Released) -> String {
    match entry.day() {
        Some(day) => format!(
            "{} {}, {}.",
            t(lang, Ui::OlderQuestions),
            entry.version,
            text::day(lang, day)
        ),
        None => format!("{} {}.", t(lang, Ui::OlderQuestions), entry.version),
    }
}

/// "Hubungi kami": the embedding organisation's contact for the next step.
fn contact_us(lang: Lang, contact: &config::Contact) -> Html {
    html! {
        <section class="contact" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{ t(lang, Ui::ContactUs) }</h2>
            <ul>
                if let Some(wa) = &contact.whatsapp {
                    <li><a href={wa.link()} target="_blank" rel="noopener noreferrer">{ format!("WhatsApp: {}", wa.text) }
                        <span class="visually-hidden">{ format!(" {}", t(lang, Ui::OpensNewTab)) }</span></a></li>
                }
                if let Some(email) = &contact.email {
                    <li><a href={format!("mailto:{email}")}>{ format!("Email: {email}") }</a></li>
                }
                if let Some(address) = &contact.address {
                    <li>{ address.get(lang) }</li>
                }
            </ul>
        </section>
    }
}

/// Level, next step, plan, chart and explanations for a set of answers;
/// `tick` adds the owner's checklist to each step of their own result.
fn body(bank: &Bank, lang: Lang, answers: &Answers, tick: Option<&dyn Fn(&str) -> Html>) -> Html {
    // Derived on render, never stored: the answers are the only truth.
    let outcome = score::assess(bank, answers);
    let plan = plan::plan(bank, answers, &outcome);
    let level = &bank.levels[outcome.level];
    let mut steps = plan
        .steps
        .iter()
        .map(|&r| plan::step(bank, answers, r, lang));
    let next = steps.next();

    // Gates that actually held the level down, and why.
    let capped: Vec<&str> = outcome
        .gates
        .iter()
        .map(|&g| &bank.gates[g])
        .filter(|g| {
            g.max_level
                .as_deref()
                .and_then(|l| bank.level_index(l))
                .is_some_and(|cap| cap < outcome.score_level)
        })
        .map(|g| g.reason.get(lang))
        .collect();

    let why_areas = bank.areas.iter().zip(&outcome.areas).map(|(area, result)| {
        let costs = result.costs.iter().take(2).map(|c| {
            let q = &bank.questions[c.question];
            html! {
                <li>
                    <span class="q">{ q.short.get(lang) }</span>{ ": " }
                    <span class="a">{ answer_label(bank, answers, &q.id, lang) }</span>
                    <span class="lost">{ format!(" ({})", points_lost(lang, c.lost)) }</span>
                </li>
            }
        });
        html! {
            <li>
                <h3>{ format!("{}: {}", area.title.get(lang), result.score) }</h3>
                if result.costs.is_empty() {
                    <p>{ t(lang, Ui::NoCost) }</p>
                } else {
                    <ul>{ for costs }</ul>
                }
            </li>
        }
    });

    html! {
        <>
            <div class="level" data-level={level.id.clone()}>
                <p class="level-label">{ t(lang, Ui::LevelLabel) }</p>
                <p class="level-name" data-level={level.id.clone()}>{ level.title.get(lang) }</p>
                <p class="level-score">{ format!("{}: {}", t(lang, Ui::ScoreLabel), score_of(lang, outcome.overall)) }</p>
                <p>{ level.summary.get(lang) }</p>
            </div>
            if let Some(next) = next {
                <article class="next-step" aria-labelledby="next-step-heading" data-rule={next.rule.id.clone()}>
                    <h2 id="next-step-heading">{ t(lang, Ui::NextStep) }</h2>
                    { step(lang, &next, true) }
                    { tick.map_or_else(Html::default, |f| f(&next.rule.id)) }
                </article>
            }
            if !capped.is_empty() {
                <div class="capped">
                    <h2>{ t(lang, Ui::WhyNotHigher) }</h2>
                    <ul>{ for capped.iter().map(|r| html! { <li>{ *r }</li> }) }</ul>
                </div>
            }
            <h2>{ t(lang, Ui::AreasTitle) }</h2>
            { area_chart(Chart { lang, scores: outcome.areas.iter().map(|a| a.score).collect::<Vec<_>>(),
                title: t(lang, Ui::AreasTitle).into(), earlier: None }) }
            if plan.steps.len() > 1 {
                <h2>{ t(lang, Ui::Plan) }</h2>
                <ol class="plan">
                    { for steps.map(|s| html! { <li data-rule={s.rule.id.clone()}>{ step(lang, &s, false) }
                        { tick.map_or_else(Html::default, |f| f(&s.rule.id)) }</li> }) }
                </ol>
            }
            <h2 class="no-print">{ t(lang, Ui::WhyScore) }</h2>
            <ul class="why-areas no-print">{ for why_areas }</ul>
        </>
    }
}

fn step(lang: Lang, s: &plan::Step, main: bool) -> Html {
    let title = if main {
        html! { <h3 class="step-title">{ s.title }</h3> }
    } else {
        html! { <h3 class="step-title small">{ s.title }</h3> }
    };
    html! {
        <>
            { title }
            <p class="why"><strong>{ format!("{}: ", t(lang, Ui::Why)) }</strong>{ s.why.clone() }</p>
            <p class="todo"><strong>{ format!("{}: ", t(lang, Ui::WhatToDo)) }</strong>{ s.action }</p>
            <p class="link">
                <a href={s.link.to_string()} target="_blank" rel="noopener noreferrer">
                    { s.link_label }
                    <span class="visually-hidden">{ format!(" {}", t(lang, Ui::OpensNewTab)) }</span>
                </a>
            </p>
        </>
    }
}
