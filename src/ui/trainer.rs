//! Trainer mode (mode pelatih): workshops kept in this browser, participants
//! added from pasted links or codes, a scanned QR or an opened result link,
//! and the cohort dashboard with CSV and JSON export. The numbers come from
//! `assessment::cohort` and every click goes through its pure reducer
//! (`cohort::desk::apply`); this file only shows the desk and does the
//! browser I/O, saving as an effect of each change.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{area_chart, Chart};
use super::scan::Scanner;
use super::text::{t, Ui};
use crate::assessment::cohort::desk::{self, Desk, DeskAction};
use crate::assessment::cohort::{self, Added, Row, Shortlist, SortKey, Workshop};
use crate::assessment::{code, Lang};

use super::download;
use super::storage::{load_workshops, save_workshops};

/// Today as `YYYY-MM-DD`, the day a participant was added.
fn today() -> String {
    super::place::today()
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// Adds every code or link found in `text` to a workshop; returns a summary
/// for the trainer, e.g. "3 ditambahkan, 1 sudah ada".
pub fn add_codes(workshop: &mut Workshop, text: &str, lang: Lang) -> String {
    // Each code is read with the bank that made it: today's, or an older
    // released one (loaded when the page opened).
    let library = super::banks::library();
    let (mut new, mut dup, mut after, mut between, mut broken) = (0, 0, 0, 0, Vec::new());
    let day = today();
    for token in code::tokens(text) {
        match cohort::add(&library, workshop, token, &day) {
            Ok(Added::New) => new += 1,
            Ok(Added::Duplicate) => dup += 1,
            Ok(Added::FollowUp) => after += 1,
            Ok(Added::Between) => between += 1,
            Err(e) => broken.push(format!("{} ({token})", e.message(lang))),
        }
    }
    let mut parts = Vec::new();
    if new > 0 {
        parts.push(lang.pick(
            format!("{new} peserta ditambahkan"),
            format!("{new} participants added"),
        ));
    }
    if after > 0 {
        parts.push(lang.pick(
            format!("{after} jadi data sesudah (T1)"),
            format!("{after} added as after (T1)"),
        ));
    }
    if dup > 0 {
        parts.push(lang.pick(
            format!("{dup} sudah ada, dilewati"),
            format!("{dup} already there, skipped"),
        ));
    }
    if between > 0 {
        parts.push(between_text(lang, between));
    }
    for e in &broken {
        parts.push(e.clone());
    }
    if parts.is_empty() {
        return t(lang, Ui::NoCodeFound).to_string();
    }
    parts.join(". ") + "."
}

/// Results older than a participant's after (T1) and newer than their
/// before (T0): the workshop keeps only the first and the last.
fn between_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => {
            format!("{n} hasil di antara data sebelum (T0) dan sesudah (T1), tidak dipakai")
        }
        Lang::En => format!("{n} between the before (T0) and after (T1) results, not used"),
    }
}

/// A before/after pair scored with two versions of the questions.
fn across_versions(lang: Lang, before: u32, after: u32) -> String {
    match lang {
        Lang::Id => format!(" (T0 memakai pertanyaan versi {before}, T1 versi {after}: hanya skor area dan tingkat yang dibandingkan.)"),
        Lang::En => format!(" (T0 used version {before} of the questions, T1 version {after}: only area scores and the level are compared.)"),
    }
}

fn file_name(workshop: &Workshop, ext: &str) -> String {
    let slug: String = format!("{} {}", workshop.name, workshop.date)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("pelatihan-{}.{ext}", slug.trim_matches('-'))
}

/// The trainer page (`pelatih.html`), a separate small app so owners never
/// download the dashboard. A result link opened here (`pelatih.html#hasil=…`)
/// is offered for adding to a workshop.
#[component]
pub fn TrainerApp() -> Html {
    let lang = use_state(super::storage::load_lang);
    let pending = match super::place::current_route() {
        crate::assessment::route::Route::Result(code) => Some(code),
        _ => None,
    };
    use_effect_with(*lang, |lang| {
        super::storage::save_lang(*lang);
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l| lang.set(l))
    };
    // The trainer page works offline too; updates there apply on next visit.
    use_effect_with((), |_| {
        super::pwa::start(Callback::noop(), Callback::noop())
    });
    html! {
        <>
            <header class="top">
                <a class="brand" href="./">{ t(*lang, Ui::AppName) }</a>
                { super::parts::lang_switch(*lang, &on_lang) }
            </header>
            <main id="main" class="screen wide">
                <Trainer lang={*lang} pending={pending} />
            </main>
            <footer class="bottom"><p>{ t(*lang, Ui::TrainerPrivacy) }</p></footer>
        </>
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct TrainerProps {
    pub lang: Lang,
    /// A result link the trainer just opened, offered for adding.
    #[prop_or_default]
    pub pending: Option<String>,
}

/// The desk in Yew's reducer: each action goes through the core's `apply`.
#[derive(PartialEq)]
struct DeskModel(Desk);

impl Reducible for DeskModel {
    type Action = DeskAction;
    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        let desk = Rc::try_unwrap(self).map_or_else(|shared| shared.0.clone(), |own| own.0);
        Rc::new(DeskModel(desk::apply(desk, action)))
    }
}

#[component]
pub fn Trainer(props: &TrainerProps) -> Html {
    let lang = props.lang;
    let loaded = use_memo((), |_| load_workshops());
    let desk = use_reducer({
        let workshops = loaded.workshops.clone();
        move || DeskModel(Desk::new(workshops))
    });
    let older = use_older_banks();
    let dispatch = {
        let desk = desk.clone();
        Callback::from(move |action| desk.dispatch(action))
    };

    // Saving is the effect of a change to the workshops, never part of a
    // click; a refused save is said in the status line.
    {
        let handle = desk.clone();
        use_effect_with(desk.0.revision, move |revision| {
            if *revision > 0 && !save_workshops(&handle.0.workshops) {
                handle.dispatch(DeskAction::NotSaved(t(lang, Ui::NotSaved).to_string()));
            }
        });
    }
    // Opening a workshop or going back is a new screen: focus its heading,
    // as the owner's page does (not on first load).
    {
        let first = use_mut_ref(|| true);
        use_effect_with(desk.0.open, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(heading) = gloo::utils::document().get_element_by_id("screen-heading") {
                if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                {
                    let _ = heading.focus();
                }
            }
        });
    }

    let broken_store = loaded.unreadable.then(|| {
        html! { <p class="error" role="alert">{ t(lang, Ui::StoreUnreadable) }</p> }
    });
    let blocked = loaded.blocked.then(|| {
        html! { <p class="notice" role="status">{ t(lang, Ui::StoreBlocked) }</p> }
    });

    let workshops = Rc::new(desk.0.workshops.clone());
    let body = match desk.0.open {
        Some(i) if i < workshops.len() => html! {
            <WorkshopView lang={lang} index={i} workshops={workshops} dispatch={dispatch}
                status={desk.0.status.clone()} older={older} sort={desk.0.sort}
                shortlist={desk.0.shortlist.clone()} deleting={desk.0.deleting} />
        },
        _ => html! {
            <WorkshopList lang={lang} workshops={workshops} dispatch={dispatch}
                status={desk.0.status.clone()} pending={props.pending.clone()} />
        },
    };
    html! {
        <section class="trainer" aria-labelledby="screen-heading">
            { for blocked }
            { for broken_store }
            { body }
        </section>
    }
}

/// The workshops after `change` to the one at `index`, with its message.
fn changed(
    workshops: &[Workshop],
    index: usize,
    change: impl FnOnce(&mut Workshop) -> String,
) -> Option<DeskAction> {
    let mut workshops = workshops.to_vec();
    let message = change(workshops.get_mut(index)?);
    Some(DeskAction::Changed { workshops, message })
}

/// The older released question banks, which results in a workshop may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Older {
    Loading,
    /// This many are loaded (all of them).
    Ready(usize),
    /// Some could not be fetched (offline before they were ever cached).
    Failed,
}

/// Fetches every older released bank once, when the page opens: a workshop
/// may hold results from before the questions changed, and a trainer may
/// paste one at any time. The service worker keeps them for offline use.
#[hook]
fn use_older_banks() -> Older {
    let older = use_state(|| match super::banks::older().count() {
        0 => Older::Ready(0),
        _ => Older::Loading,
    });
    {
        let older = older.clone();
        use_effect_with((), move |_| {
            if *older == Older::Loading {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut all = true;
                    for entry in super::banks::older() {
                        all &= super::banks::fetch(entry).await.is_some();
                    }
                    older.set(if all {
                        Older::Ready(super::banks::loaded().len())
                    } else {
                        Older::Failed
                    });
                });
            }
        });
    }
    *older
}

#[derive(Clone, PartialEq, Properties)]
struct ListProps {
    lang: Lang,
    workshops: Rc<Vec<Workshop>>,
    dispatch: Callback<DeskAction>,
    status: String,
    pending: Option<String>,
}

#[component]
fn WorkshopList(props: &ListProps) -> Html {
    let lang = props.lang;
    let name = use_node_ref();
    let place = use_node_ref();
    let date = use_node_ref();
    let create = {
        let (name, place, date) = (name.clone(), place.clone(), date.clone());
        let workshops = props.workshops.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>()
                    .map(|i| i.value().trim().to_string())
                    .unwrap_or_default()
            };
            let workshop = Workshop {
                id: format!("{}-{}", js_sys::Date::now() as u64, workshops.len()),
                name: value(&name),
                place: value(&place),
                date: value(&date),
                participants: Vec::new(),
            };
            let message = format!("{}: {}", t(lang, Ui::WorkshopCreated), workshop.name);
            // The new workshop opens at once (an empty name creates nothing).
            dispatch.emit(DeskAction::Create { workshop, message });
        })
    };
    let import = {
        let workshops = props.workshops.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let workshops = workshops.clone();
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let mut list = (*workshops).clone();
                let library = super::banks::library();
                match cohort::import(&library, &text) {
                    Ok(imported) => {
                        let r = cohort::merge_all(&library, &mut list, imported.workshops);
                        let mut message = match lang {
                            Lang::Id => format!(
                                "File digabungkan: {} peserta baru, {} sudah ada, {} jadi data sesudah (T1), {} dilewati.",
                                r.new, r.duplicates, r.follow_ups, r.skipped
                            ),
                            Lang::En => format!(
                                "File merged: {} new participants, {} already there, {} added as after (T1), {} skipped.",
                                r.new, r.duplicates, r.follow_ups, r.skipped
                            ),
                        };
                        if r.between > 0 {
                            message = format!("{message} {}.", between_text(lang, r.between));
                        }
                        dispatch.emit(DeskAction::Changed {
                            workshops: list,
                            message,
                        });
                    }
                    Err(e) => dispatch.emit(DeskAction::Changed {
                        workshops: list,
                        message: e.message(lang),
                    }),
                }
            });
        })
    };
    let items = props.workshops.iter().enumerate().map(|(i, w)| {
        let open = props.dispatch.reform(move |_| DeskAction::Open(i));
        html! {
            <li>
                <div class="answer">
                    <span class="a">{ &w.name }</span>
                    <span class="q">{ format!("{} · {} · {} {}", w.place, w.date, w.participants.len(), t(lang, Ui::ParticipantsWord)) }</span>
                </div>
                <button type="button" class="secondary small" onclick={open}
                    aria-label={format!("{}: {}", t(lang, Ui::Open), w.name)}>{ t(lang, Ui::Open) }</button>
            </li>
        }
    });
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ t(lang, Ui::TrainerMode) }</h1>
            <p>{ t(lang, Ui::TrainerLead) }</p>
            if let Some(code) = &props.pending {
                <PendingLink lang={lang} code={code.clone()} workshops={props.workshops.clone()} dispatch={props.dispatch.clone()} />
            }
            <p class="status" role="status">{ &props.status }</p>
            if !props.workshops.is_empty() {
                <h2>{ t(lang, Ui::Workshops) }</h2>
                <ul class="answers">{ for items }</ul>
            }
            <h2>{ t(lang, Ui::NewWorkshop) }</h2>
            <form class="stack" onsubmit={create}>
                <label for="w-name">{ t(lang, Ui::WorkshopName) }</label>
                <input id="w-name" ref={name} type="text" required=true maxlength="80" />
                <label for="w-place">{ t(lang, Ui::WorkshopPlace) }</label>
                <input id="w-place" ref={place} type="text" maxlength="80" />
                <label for="w-date">{ t(lang, Ui::WorkshopDate) }</label>
                <input id="w-date" ref={date} type="date" value={today()} />
                <button type="submit" class="primary">{ t(lang, Ui::CreateWorkshop) }</button>
            </form>
            <h2>{ t(lang, Ui::ImportTitle) }</h2>
            <label for="w-import">{ t(lang, Ui::ImportLabel) }</label>
            <input id="w-import" type="file" accept=".json,application/json" onchange={import} />
            <p class="actions"><a class="button secondary" href="./">{ t(lang, Ui::BackToAssessment) }</a></p>
        </>
    }
}

#[derive(Clone, PartialEq, Properties)]
struct PendingProps {
    lang: Lang,
    code: String,
    workshops: Rc<Vec<Workshop>>,
    dispatch: Callback<DeskAction>,
}

/// "Add this result to a workshop", shown when a trainer opens a result link.
#[component]
fn PendingLink(props: &PendingProps) -> Html {
    let lang = props.lang;
    if props.workshops.is_empty() {
        return html! { <p class="notice">{ t(lang, Ui::CreateFirst) }</p> };
    }
    let select = use_node_ref();
    let add = {
        let select = select.clone();
        let props = props.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let i: usize = select
                .cast::<web_sys::HtmlSelectElement>()
                .and_then(|s| s.value().parse().ok())
                .unwrap_or(0);
            if let Some(action) = changed(&props.workshops, i, |w| add_codes(w, &props.code, lang))
            {
                props.dispatch.emit(action);
            }
        })
    };
    html! {
        <form class="stack pending" onsubmit={add}>
            <label for="pending-workshop">{ t(lang, Ui::AddOpenedResult) }</label>
            <select id="pending-workshop" ref={select}>
                { for props.workshops.iter().enumerate().map(|(i, w)| html! {
                    <option value={i.to_string()}>{ format!("{} ({})", w.name, w.date) }</option>
                }) }
            </select>
            <button type="submit" class="primary">{ t(lang, Ui::Add) }</button>
        </form>
    }
}

#[derive(Clone, PartialEq, Properties)]
struct WorkshopProps {
    lang: Lang,
    index: usize,
    workshops: Rc<Vec<Workshop>>,
    dispatch: Callback<DeskAction>,
    status: String,
    older: Older,
    sort: (SortKey, bool),
    shortlist: Shortlist,
    deleting: bool,
}

#[component]
fn WorkshopView(props: &WorkshopProps) -> Html {
    let lang = props.lang;
    let library = super::banks::library();
    let bank = library.current();
    let workshop = &props.workshops[props.index];
    let paste = use_node_ref();
    let dispatch = props.dispatch.clone();
    let (sort, deleting) = (props.sort, props.deleting);

    let with_workshop = {
        let props = props.clone();
        move |change: Rc<dyn Fn(&mut Workshop) -> String>| {
            if let Some(action) = changed(&props.workshops, props.index, |w| change(w)) {
                props.dispatch.emit(action);
            }
        }
    };
    let add = {
        let paste = paste.clone();
        let with_workshop = with_workshop.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            area.set_value("");
            with_workshop(Rc::new(move |w| add_codes(w, &text, lang)));
        })
    };
    let scanned = {
        let with_workshop = with_workshop.clone();
        Callback::from(move |text: String| {
            with_workshop(Rc::new(move |w| add_codes(w, &text, lang)))
        })
    };

    let mut rows = cohort::rows(&library, workshop);
    let summary = cohort::summary_of(&library, workshop, &rows);
    cohort::sort(&mut rows, sort.0, sort.1);
    let short: Vec<&Row> = cohort::shortlist(&library, &rows, &props.shortlist);
    let total = summary.count;

    let level_counts = bank.levels.iter().zip(&summary.levels).map(|(l, n)| {
        html! {
            <li class={classes!("count", format!("level-{}", l.id))}>
                <span class="n">{ n }</span><span>{ l.title.get(lang) }</span>
            </li>
        }
    });
    let of = |n: usize| match lang {
        Lang::Id => format!("{n} dari {total}"),
        Lang::En => format!("{n} of {total}"),
    };
    let steps = summary.next_steps.iter().take(5).map(|(r, n)| {
        html! {
            <li>{ format!("{}: ", of(*n)) }{ library.rule(*r).map_or("", |r| r.title.get(lang)) }</li>
        }
    });
    let blockers = summary
        .blockers
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(g, n)| {
            html! {
                <li>{ format!("{}: ", of(*n)) }{ library.gate(*g).map_or("", |g| g.short.get(lang)) }</li>
            }
        });
    let pairs = summary.pairs.iter().map(|p| {
        let changes = bank.areas.iter().zip(&p.change).map(|(a, c)| format!("{} {:+}", a.title.get(lang), c)).collect::<Vec<_>>().join(", ");
        let name = rows.iter().find(|r| r.participant == p.participant).map(|r| r.label(lang)).unwrap_or_default();
        html! {
            <li>
                <strong>{ name }</strong>{ ": " }
                { format!("{} → {}. ", bank.levels[p.before.level].title.get(lang), bank.levels[p.after.level].title.get(lang)) }
                { changes }
                if p.before.bank != p.after.bank {
                    { across_versions(lang, library.bank(p.before.bank).version, library.bank(p.after.bank).version) }
                }
            </li>
        }
    });

    let header = |key: SortKey, label: String| {
        let active = sort.0 == key;
        let aria = if active {
            if sort.1 {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let onclick = dispatch.reform(move |_| DeskAction::Sort(key));
        html! { <th scope="col" aria-sort={aria}><button type="button" class="sort" onclick={onclick}>{ label }</button></th> }
    };
    let table_rows = short.iter().map(|r| {
        html! {
            <tr>
                <th scope="row">{ r.label(lang) }</th>
                <td>{ bank.levels[r.level].title.get(lang) }</td>
                <td>{ r.overall }</td>
                { for r.areas.iter().map(|s| html! { <td>{ s }</td> }) }
                <td class="step">{ r.next_step.and_then(|s| library.rule(s)).map_or("", |s| s.title.get(lang)) }</td>
                <td>{ library.bank(r.bank).version }</td>
            </tr>
        }
    });

    let on_level = dispatch.reform(|e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        DeskAction::MinLevel(s.value().parse().unwrap_or(0))
    });
    let gate_boxes = bank.gates.iter().map(|g| {
        let id = g.id.clone();
        let checked = props.shortlist.without_gates.contains(&id);
        let toggle = dispatch.reform(move |_: Event| DeskAction::ToggleWithout(id.clone()));
        let input_id = format!("without-{}", g.id);
        html! {
            <div class="choice">
                <input type="checkbox" id={input_id.clone()} checked={checked} onchange={toggle} />
                <label for={input_id} class="option">{ g.short.get(lang) }</label>
            </div>
        }
    });

    let csv = {
        let workshop = workshop.clone();
        Callback::from(move |_| {
            download::save(
                &file_name(&workshop, "csv"),
                "text/csv;charset=utf-8",
                &cohort::csv(&super::banks::library(), &workshop, lang),
            )
        })
    };
    let json = {
        let workshop = workshop.clone();
        Callback::from(move |_| {
            download::save(
                &file_name(&workshop, "json"),
                "application/json",
                &cohort::export(std::slice::from_ref(&workshop)),
            )
        })
    };
    let delete = dispatch.reform(move |_| DeskAction::Delete {
        deleted: t(lang, Ui::Deleted).to_string(),
    });
    let ask_delete = dispatch.reform(|_| DeskAction::AskDelete);
    let cancel_delete = dispatch.reform(|_| DeskAction::CancelDelete);
    let back = dispatch.reform(|_| DeskAction::Back);
    let averages: Vec<u8> = summary.areas.clone();

    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ &workshop.name }</h1>
            <p class="meta">{ format!("{} · {}", workshop.place, workshop.date) }</p>
            <p class="status" role="status">{ &props.status }</p>
            if props.older == Older::Loading {
                <p class="notice" role="status">{ t(lang, Ui::LoadingOlderQuestions) }</p>
            } else if props.older == Older::Failed && summary.unreadable > 0 {
                <p class="notice" role="alert">{ t(lang, Ui::OlderQuestionsUnavailable) }</p>
            }

            <h2>{ t(lang, Ui::AddParticipants) }</h2>
            <form class="stack" onsubmit={add}>
                <label for="paste">{ t(lang, Ui::PasteLabel) }</label>
                <textarea id="paste" ref={paste} rows="4" />
                <button type="submit" class="primary">{ t(lang, Ui::Add) }</button>
            </form>
            <Scanner lang={lang} on_code={scanned} />

            <h2>{ t(lang, Ui::Dashboard) }</h2>
            if total == 0 {
                <p>{ t(lang, Ui::NoParticipants) }</p>
            } else {
                <p class="total">{ format!("{total} {}", t(lang, Ui::ParticipantsWord)) }</p>
                // Two columns on a laptop or projector (styles/app.css), one on a phone.
                <div class="dashboard">
                    <div>
                        <ul class="counts">{ for level_counts }</ul>
                        <h3>{ t(lang, Ui::AverageTitle) }</h3>
                        { area_chart(Chart { lang, scores: averages, title: t(lang, Ui::AverageTitle).into(), earlier: None }) }
                    </div>
                    <div>
                        <h3>{ t(lang, Ui::CommonSteps) }</h3>
                        <ul>{ for steps }</ul>
                        <h3>{ t(lang, Ui::Blockers) }</h3>
                        <ul>{ for blockers }</ul>
                        if !summary.pairs.is_empty() {
                            <h3>{ t(lang, Ui::BeforeAfter) }</h3>
                            <ul>{ for pairs }</ul>
                        }
                    </div>
                </div>
                <h3>{ t(lang, Ui::ShortlistTitle) }</h3>
                <div class="stack">
                    <label for="min-level">{ t(lang, Ui::MinLevel) }</label>
                    <select id="min-level" onchange={on_level}>
                        { for bank.levels.iter().enumerate().map(|(i, l)| html! {
                            <option value={i.to_string()} selected={i == props.shortlist.min_level}>{ l.title.get(lang) }</option>
                        }) }
                    </select>
                    <fieldset>
                        <legend>{ t(lang, Ui::MustNotHave) }</legend>
                        <div class="options">{ for gate_boxes }</div>
                    </fieldset>
                </div>
                <p class="total" role="status">{ format!("{}: {}", t(lang, Ui::Shown), of(short.len())) }</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label={t(lang, Ui::ParticipantTable)}>
                    <table>
                        <caption class="visually-hidden">{ t(lang, Ui::ParticipantTable) }</caption>
                        <thead><tr>
                            { header(SortKey::Name, t(lang, Ui::NameCol).to_string()) }
                            { header(SortKey::Level, t(lang, Ui::LevelCol).to_string()) }
                            { header(SortKey::Overall, t(lang, Ui::ScoreCol).to_string()) }
                            { for bank.areas.iter().enumerate().map(|(i, a)| header(SortKey::Area(i), a.title.get(lang).to_string())) }
                            <th scope="col">{ t(lang, Ui::NextStep) }</th>
                            <th scope="col">{ t(lang, Ui::QuestionsVersion) }</th>
                        </tr></thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
            }
            <div class="actions">
                <button type="button" class="secondary" onclick={csv} disabled={total == 0}>{ t(lang, Ui::DownloadCsv) }</button>
                <button type="button" class="secondary" onclick={json}>{ t(lang, Ui::ExportJson) }</button>
            </div>
            <div class="actions">
                <button type="button" class="secondary" onclick={back}>{ t(lang, Ui::BackToList) }</button>
                if deleting {
                    <div class="confirm" role="alertdialog" aria-labelledby="delete-q">
                        <p id="delete-q">{ t(lang, Ui::DeleteConfirm) }</p>
                        <button type="button" class="danger" onclick={delete}>{ t(lang, Ui::DeleteYes) }</button>
                        <button type="button" class="secondary" onclick={cancel_delete}>{ t(lang, Ui::RestartNo) }</button>
                    </div>
                } else {
                    <button type="button" class="secondary" onclick={ask_delete}>{ t(lang, Ui::DeleteWorkshop) }</button>
                }
            </div>
        </>
    }
}
