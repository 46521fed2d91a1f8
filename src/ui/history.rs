//! My progress (kemajuan saya) on the owner's result: earlier results kept
//! on this phone when the owner takes the assessment again, each read with
//! the bank it was made with (an older one fetched on demand, as for a
//! shared link), the change since the last one, and deleting them.

use yew::prelude::*;

use super::chart::{area_chart, Chart};
use super::text::{self, score_of, t, Ui};
use crate::assessment::archive::{self, Found};
use crate::assessment::flow::{Action, Day, Notice, State};
use crate::assessment::history::{self, History, Summary};
use crate::assessment::{code, Bank, Lang};

/// Where earlier results for the progress under `progress_key` are kept.
pub fn key(progress_key: &str) -> String {
    crate::assessment::checklist::key_beside(progress_key, history::KEY)
}

/// The saved earlier results, or none with the notice saying why.
pub fn load(progress_key: &str) -> (History, Option<Notice>) {
    match super::storage::load_list(&key(progress_key), history::decode) {
        Ok(list) => (list.unwrap_or_default(), None),
        Err(_) => (History::default(), Some(Notice::HistoryReset)),
    }
}

fn save(progress_key: &str, list: &History) -> bool {
    let text = (!list.entries.is_empty()).then(|| history::encode(list));
    super::storage::save_list(&key(progress_key), text.as_deref()).is_ok()
}

/// "Ulangi penilaian": the result on screen joins the earlier ones, then
/// the answers start afresh. If it cannot be kept, nothing is cleared: the
/// owner gets the storage notice and still has the result.
pub fn retake(progress_key: &str, state: &State, act: &Callback<Action>) {
    let bank = super::bank();
    let code = code::encode_for(bank, &state.answers, None, super::custom_bank_owner());
    let Some(day) = state.finished_on.or_else(super::place::today) else {
        act.emit(Action::Restart);
        return;
    };
    let (mut list, _) = load(progress_key);
    list.keep(day, &code);
    if save(progress_key, &list) {
        act.emit(Action::Restart);
    } else {
        act.emit(Action::Notify(Notice::StorageUnavailable));
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct ProgressProps {
    pub lang: Lang,
    pub progress_key: AttrValue,
    pub state: std::rc::Rc<State>,
    pub act: Callback<Action>,
}

/// What one earlier result shows: read, still loading its bank, or why it
/// cannot be read.
enum Read {
    Shown(&'static Bank, Summary),
    Loading,
    Failed(String),
}

fn read(lang: Lang, code: &str, failed: &[u32]) -> Read {
    let mut banks = vec![super::bank()];
    banks.extend(super::banks::loaded());
    let located = code::header(code).map(|h| archive::locate(&h, &banks));
    let bank = match located {
        Ok(Found::Here(i)) => banks[i],
        // A host's own bank names its organisation: read with it here.
        Ok(Found::Missing(code::CodeError::OtherOrganisation(_)))
            if super::custom_bank_owner().is_some() =>
        {
            super::bank()
        }
        Ok(Found::Fetch(r)) if failed.contains(&r.version) => {
            return Read::Failed(code::CodeError::BankUnavailable(r.version).message(lang))
        }
        Ok(Found::Fetch(_)) => return Read::Loading,
        Ok(Found::Missing(e)) | Err(e) => return Read::Failed(e.message(lang)),
    };
    match code::decode(bank, code) {
        Ok(shared) => Read::Shown(bank, history::summary(bank, &shared.answers)),
        Err(e) => Read::Failed(e.message(lang)),
    }
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let lang = props.lang;
    let start = use_memo((), {
        let key = props.progress_key.clone();
        move |_| load(&key)
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
    // Older banks fetched for earlier results; versions that could not be.
    let failed = use_state(Vec::<u32>::new);
    let fetched = use_state(|| 0u32);
    {
        let (failed, fetched) = (failed.clone(), fetched.clone());
        use_effect_with((*list).clone(), move |list| {
            let mut wanted: Vec<&'static archive::Released> = Vec::new();
            for e in &list.entries {
                let banks = [super::bank()];
                if let Ok(Found::Fetch(r)) =
                    code::header(&e.code).map(|h| archive::locate(&h, &banks))
                {
                    if !wanted.contains(&r) {
                        wanted.push(r);
                    }
                }
            }
            for r in wanted {
                let (failed, fetched) = (failed.clone(), fetched.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if super::banks::fetch(r).await.is_none() {
                        let mut f = (*failed).clone();
                        f.push(r.version);
                        failed.set(f);
                    }
                    fetched.set(*fetched + 1);
                });
            }
        });
    }
    let asking = use_state(|| None::<Option<usize>>);
    if list.entries.is_empty() {
        return html! {};
    }
    let bank = super::bank();
    let now = history::summary(bank, &props.state.answers);
    let entries: Vec<(Day, Read)> = list
        .entries
        .iter()
        .map(|e| (e.day, read(lang, &e.code, &failed)))
        .collect();

    let delete = |which: Option<usize>| {
        let (list, asking) = (list.clone(), asking.clone());
        let (key, state, act) = (
            props.progress_key.clone(),
            props.state.clone(),
            props.act.clone(),
        );
        Callback::from(move |_| {
            let mut next = (*list).clone();
            match which {
                Some(i) => next.remove(i),
                None => next.entries.clear(),
            }
            if save(&key, &next) {
                list.set(next);
            } else if state.notice.is_none() {
                act.emit(Action::Notify(Notice::StorageUnavailable));
            }
            asking.set(None);
        })
    };
    let ask = |which: Option<usize>| {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(Some(which)))
    };
    let confirm = |which: Option<usize>| {
        let question = if which.is_some() {
            Ui::DeleteOneConfirm
        } else {
            Ui::DeleteAllConfirm
        };
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |_| asking.set(None))
        };
        html! {
            <div class="confirm" role="alertdialog" aria-labelledby="delete-q">
                <p id="delete-q">{ t(lang, question) }</p>
                <button type="button" class="danger" onclick={delete(which)}>{ t(lang, Ui::DeleteYes) }</button>
                <button type="button" class="secondary" onclick={cancel}>{ t(lang, Ui::RestartNo) }</button>
            </div>
        }
    };

    // The change since the last earlier result, when it can be read.
    let last = entries.iter().rev().find_map(|(day, r)| match r {
        Read::Shown(b, s) if b.areas.len() == bank.areas.len() => Some((*day, s.clone())),
        _ => None,
    });
    let since = last.as_ref().map(|(day, was)| {
        let change = history::change(was, &now);
        let (from, to) = change.level;
        html! {
            <div class="since">
                <h3>{ format!("{} {}", t(lang, Ui::SinceEarlier), text::day(lang, *day)) }</h3>
                <p class="since-level">{ format!("{}: {} → {}", t(lang, Ui::LevelLabel),
                    bank.levels[from.min(bank.levels.len() - 1)].title.get(lang), bank.levels[to].title.get(lang)) }</p>
                <p class="since-score">{ format!("{}: {} → {} ({})", t(lang, Ui::ScoreLabel), was.overall, now.overall, text::signed(change.overall)) }</p>
                { area_chart(Chart { lang, scores: now.areas.clone(), earlier: Some(was.areas.clone()),
                    title: t(lang, Ui::ProgressTitle).into() }) }
            </div>
        }
    });
    let rows = entries.iter().enumerate().rev().map(|(i, (day, r))| {
        let when = text::day(lang, *day);
        let body = match r {
            Read::Shown(b, s) => html! {
                <>
                    <p class="earlier-level">{ format!("{} · {}", b.levels[s.level].title.get(lang), score_of(lang, s.overall)) }</p>
                    <p class="earlier-areas">{ b.areas.iter().zip(&s.areas).map(|(a, v)| format!("{} {v}", a.title.get(lang))).collect::<Vec<_>>().join(" · ") }</p>
                </>
            },
            Read::Loading => html! { <p role="status">{ t(lang, Ui::LoadingOlderQuestions) }</p> },
            Read::Failed(message) => html! { <p class="error">{ message.clone() }</p> },
        };
        html! {
            <li class="earlier">
                <h4>{ when.clone() }</h4>
                { body }
                if *asking == Some(Some(i)) {
                    { confirm(Some(i)) }
                } else {
                    <button type="button" class="link-button no-print" onclick={ask(Some(i))}>
                        { t(lang, Ui::Delete) }<span class="visually-hidden">{ format!(" {when}") }</span>
                    </button>
                }
            </li>
        }
    });
    html! {
        <section class="progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{ t(lang, Ui::ProgressTitle) }</h2>
            <p>{ t(lang, Ui::ProgressLead) }</p>
            { for since }
            <h3>{ t(lang, Ui::EarlierResults) }</h3>
            <ul class="earlier-list">{ for rows }</ul>
            <div class="no-print">
                if *asking == Some(None) {
                    { confirm(None) }
                } else {
                    <button type="button" class="secondary" onclick={ask(None)}>{ t(lang, Ui::DeleteAll) }</button>
                }
            </div>
        </section>
    }
}
