//! The result: the level (tingkat), the next step (langkah berikutnya) first
//! and largest, the plan, the chart and why each area scored as it did.

use yew::prelude::*;

use super::chart::AreaChart;
use super::text::{points_lost, score_of, t, Ui};
use super::{RestartButton, ScreenProps};
use crate::assessment::flow::Action;
use crate::assessment::plan::{self, answer_label};
use crate::assessment::{score, Bank, Lang};

#[component]
pub fn ResultScreen(props: &ScreenProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let bank = Bank::builtin();
    // Derived on render, never stored: the answers are the only truth.
    let outcome = score::assess(bank, &state.answers);
    let plan = plan::plan(bank, &state.answers, &outcome);
    let level = &bank.levels[outcome.level];
    let mut steps = plan
        .steps
        .iter()
        .map(|&r| plan::step(bank, &state.answers, r, lang));
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
                    <span class="a">{ answer_label(bank, &state.answers, &q.id, lang) }</span>
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
        <section class="result" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::ResultTitle) }</h1>
            <div class={classes!("level", format!("level-{}", level.id))}>
                <p class="level-label">{ t(lang, Ui::LevelLabel) }</p>
                <p class="level-name" data-level={level.id.clone()}>{ level.title.get(lang) }</p>
                <p class="level-score">{ format!("{}: {}", t(lang, Ui::ScoreLabel), score_of(lang, outcome.overall)) }</p>
                <p>{ level.summary.get(lang) }</p>
            </div>
            if let Some(next) = next {
                <article class="next-step" aria-labelledby="next-step-heading" data-rule={next.rule.id.clone()}>
                    <h2 id="next-step-heading">{ t(lang, Ui::NextStep) }</h2>
                    { step(lang, &next, true) }
                </article>
            }
            if !capped.is_empty() {
                <div class="capped">
                    <h2>{ t(lang, Ui::WhyNotHigher) }</h2>
                    <ul>{ for capped.iter().map(|r| html! { <li>{ *r }</li> }) }</ul>
                </div>
            }
            <h2>{ t(lang, Ui::AreasTitle) }</h2>
            <AreaChart lang={lang} outcome={outcome.clone()} />
            if plan.steps.len() > 1 {
                <h2>{ t(lang, Ui::Plan) }</h2>
                <ol class="plan">
                    { for steps.map(|s| html! { <li data-rule={s.rule.id.clone()}>{ step(lang, &s, false) }</li> }) }
                </ol>
            }
            <h2>{ t(lang, Ui::WhyScore) }</h2>
            <ul class="why-areas">{ for why_areas }</ul>
            <div class="actions">
                <button type="button" class="secondary" onclick={props.act.reform(|_| Action::Review)}>
                    { t(lang, Ui::EditAnswers) }
                </button>
                <RestartButton lang={lang} act={props.act.clone()} />
            </div>
        </section>
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
