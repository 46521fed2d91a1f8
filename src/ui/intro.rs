//! The intro screen: what this is, how long it takes, where answers stay.

use yew::prelude::*;

use super::text::{question_of, t, Ui};
use super::ScreenProps;
use crate::assessment::flow::{self, Action, Notice};

#[component]
pub fn Intro(props: &ScreenProps) -> Html {
    let lang = props.state.lang;
    let bank = super::bank();
    let started = !props.state.answers.is_empty();
    let saving = props.state.notice != Some(Notice::StorageUnavailable);
    let start = props.act.reform(|_| Action::Start);
    let shown = flow::shown_ids(bank, &props.state.answers);
    let resume = flow::first_unanswered(bank, &props.state.answers)
        .and_then(|q| shown.iter().position(|s| *s == q))
        .map(|i| question_of(lang, i + 1, shown.len()));
    html! {
        <section class="intro" aria-labelledby="screen-heading">
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
                    <super::RestartButton lang={lang} act={props.act.clone()} />
                } else {
                    <button type="button" class="primary" onclick={start}>{ t(lang, Ui::Start) }</button>
                }
            </div>
            if !props.embedded {
                <p class="trainer-link"><a href="pelatih.html">{ t(lang, Ui::TrainerMode) }</a></p>
            }
        </section>
    }
}
