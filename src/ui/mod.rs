//! The Yew shell: one reducer over `assessment::flow::apply`, the screens, and
//! the effects at the edge (saving progress, the document language, focus).

pub mod banks;
mod camera;
mod carry;
mod chart;
mod checklist;
pub mod clipboard;
pub mod crash;
pub mod download;
pub mod embed;
mod history;
pub mod hosted;
mod intro;
pub mod parts;
pub mod place;
pub mod pwa;
mod question;
mod result;
mod review;
mod scan;
pub mod share;
pub mod storage;
pub mod text;
pub mod trainer;

pub use parts::{lang_switch, restart_button};
use place::{current_route, go_to};

use std::rc::Rc;

use yew::prelude::*;

use crate::assessment::config;
use crate::assessment::flow::{self, Action, Notice, Screen, State};
use crate::assessment::json::Json;
use crate::assessment::route::Route;
use crate::assessment::{Bank, Lang};

use text::{t, Ui};

thread_local! {
    /// A host's own question bank (embed configuration), once it is checked,
    /// with the organisation it belongs to; leaked on purpose: it lives as
    /// long as the page.
    static CUSTOM_BANK: std::cell::Cell<Option<(&'static Bank, &'static str)>> = const { std::cell::Cell::new(None) };
}

/// The question bank in use: the built-in one unless a host brought its own.
pub fn bank() -> &'static Bank {
    CUSTOM_BANK
        .with(|b| b.get())
        .map_or_else(Bank::builtin, |(bank, _)| bank)
}

/// Whose own bank is in use, if a host brought one: result codes name it.
pub fn custom_bank_owner() -> Option<&'static str> {
    CUSTOM_BANK.with(|b| b.get()).map(|(_, owner)| owner)
}

pub(crate) fn use_custom_bank(custom: Bank, owner: String) {
    let owner: &'static str = Box::leak(owner.into_boxed_str());
    CUSTOM_BANK.with(|b| b.set(Some((Box::leak(Box::new(custom)), owner))));
}

/// The reducer's state: the pure flow state, transformed only by `flow::apply`.
#[derive(Clone, Debug, PartialEq)]
pub struct Model(pub State);

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = Rc::unwrap_or_clone(self).0;
        Rc::new(Model(flow::apply(bank(), state, action)))
    }
}

/// A host's configuration as applied: what passed, and what didn't.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    pub config: config::Config,
    /// Each problem's message, in both languages.
    pub problems: Vec<crate::assessment::Text>,
    /// Why the host's configuration file was not read at all.
    pub failed: Option<NotRead>,
}

/// Why a host's configuration file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRead {
    /// embed.js could not fetch it from the host's site.
    Unreachable,
    /// The configuration reader did not load, or is of another deployment.
    NoReader,
}

/// What only the embedded widget (`widget.html`) does: talking to its host,
/// reading and showing the host's configuration, carrying answers to the
/// full page. Passed in by that page's entry point (`hosted::HOOKS`), so
/// the owner's own page links none of it: a function reached only through
/// these pointers is in no other page's wasm.
#[derive(Clone, Copy)]
pub struct EmbedHooks {
    /// This page's embed parameters, if embed.js opened it (`embed::detect`).
    pub detect: fn() -> Option<embed::Embed>,
    /// Starts talking to the host; stops when the guard is called.
    pub connect: fn(&embed::Embed, Callback<Json>) -> Hangup,
    /// Tells the host about each screen shown (`hosted::report`).
    pub report: fn(&embed::Embed, &Screen, &flow::Answers),
    /// Reads a `config` message and applies it; the outcome goes to the
    /// callback (later, when a JSON file needs the configuration reader).
    pub apply: fn(&Json, &Callback<Action>, &str, Callback<Applied>),
    pub problems: fn(Lang, &Applied) -> Html,
    /// The storage notice's actions, and the footer's link, when the
    /// widget cannot save (`carry.rs`).
    pub carry_offer: fn(&carry::Offer) -> Html,
    pub carry_link: fn(&carry::Offer) -> Html,
}

/// Stops a widget's talk with its host (the App's effect cleanup).
pub type Hangup = Box<dyn FnOnce()>;

/// A page gets its hooks once, at mount, and keeps them: there is nothing to
/// compare (and function addresses aren't comparable anyway).
impl PartialEq for EmbedHooks {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What only the owner's own page (`index.html`) does: taking in answers
/// carried from a widget, and the service worker (offline use, updates, the
/// install offer). Passed in by that page's entry point (`OWN_HOOKS`), so
/// the widget's wasm links none of it.
#[derive(Clone, Copy)]
pub struct OwnHooks {
    /// Answers carried from a widget (`#lanjut=`): the state to start with,
    /// and the carried answers to ask about (`carry::take`).
    pub take_carried: fn(State) -> (State, Option<Rc<State>>),
    /// Registers the service worker: a new version ready, then the install
    /// offer (`pwa::start`).
    pub start_pwa: fn(Callback<()>, Callback<()>),
}

pub const OWN_HOOKS: OwnHooks = OwnHooks {
    take_carried: carry::take,
    start_pwa: pwa::start,
};

/// As for `EmbedHooks`: set once, nothing to compare.
impl PartialEq for OwnHooks {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Clone, Default, PartialEq, Properties)]
pub struct AppProps {
    /// Set by `widget.html`; `None` for the owner's own page.
    #[prop_or_default]
    pub embed: Option<EmbedHooks>,
    /// Set by `index.html`; `None` in the widget.
    #[prop_or_default]
    pub own: Option<OwnHooks>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let (hooks, own) = (props.embed, props.own);
    // Opened by embed.js inside a host page? Then the host's language wins.
    let embedded = use_memo((), move |_| hooks.and_then(|h| (h.detect)()));
    let key = use_memo((), |_| {
        storage::progress_key(
            embedded
                .as_ref()
                .as_ref()
                .map(|e| (e.host.as_deref(), e.widget.as_str())),
        )
    });
    // Saved progress, and on the owner's page answers carried from a widget
    // (`#lanjut=`): taken in at once, or kept aside until the owner chooses.
    let start = use_memo((), {
        let (embedded, key) = (embedded.clone(), key.clone());
        move |_| {
            let mut state = storage::load(bank(), &key);
            if let Some(lang) = embedded.as_ref().as_ref().and_then(|e| e.lang) {
                state.lang = lang;
            }
            match own.filter(|_| embedded.is_none()) {
                Some(own) => (own.take_carried)(state),
                None => (state, None),
            }
        }
    });
    let model = use_reducer(|| Model(start.0.clone()));
    let carried = use_state(|| start.1.clone());
    // Storage warnings come once per visit: after the owner closes the
    // notice, a later failed save does not bring it back.
    let warned = use_mut_ref(|| start.0.notice == Some(Notice::StorageUnavailable));
    // Storage access granted on the owner's tap (Storage Access API).
    let granted = use_state(|| false);
    let state = Rc::new(model.0.clone());
    let act = {
        let model = model.clone();
        Callback::from(move |a| model.dispatch(a))
    };
    // Where progress is saved: `key`, or its own key once a host's own
    // question bank is in use (answers to one bank mean nothing in another).
    let saving_to = use_mut_ref(|| (*key).clone());
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    route.set(current_route())
                });
            move || drop(listener)
        });
    }

    // Persist after every change to the answers or the screen. Deriving the
    // saved text here, not in the reducer, keeps the reducer pure.
    {
        let act = act.clone();
        let saved = (
            state.screen.clone(),
            state.answers.clone(),
            state.from_review,
            state.name.clone(),
            state.finished_on,
        );
        let state = state.clone();
        let saving_to = saving_to.clone();
        let warned = warned.clone();
        use_effect_with(saved, move |_| {
            let key = saving_to.borrow().clone();
            if storage::save(bank(), &key, &state).is_err()
                && state.notice.is_none()
                && !std::mem::replace(&mut *warned.borrow_mut(), true)
            {
                act.emit(Action::Notify(Notice::StorageUnavailable));
            }
        });
    }
    // Inside a host's page the storage notice takes room on one screen
    // only; from the next screen on, the footer keeps the way to a new tab.
    {
        let act = act.clone();
        let shown_on = use_mut_ref(|| None::<Screen>);
        let embedded = embedded.is_some();
        use_effect_with(
            (state.screen.clone(), state.notice),
            move |(screen, notice)| {
                if !embedded || *notice != Some(Notice::StorageUnavailable) {
                    return;
                }
                let mut shown_on = shown_on.borrow_mut();
                match &*shown_on {
                    None => *shown_on = Some(screen.clone()),
                    Some(first) if first != screen => act.emit(Action::DismissNotice),
                    Some(_) => {}
                }
            },
        );
    }
    // A new version downloaded in the background, and the install offer.
    let update_ready = use_state(|| false);
    let installable = use_state(|| false);
    {
        let (update_ready, installable) = (update_ready.clone(), installable.clone());
        // Inside a host's iframe the host's site is in charge of caching.
        let own = own.filter(|_| embedded.is_none());
        use_effect_with((), move |_| {
            if let Some(own) = own {
                (own.start_pwa)(
                    Callback::from(move |_| update_ready.set(true)),
                    Callback::from(move |_| installable.set(true)),
                );
            }
        });
    }
    // The host's configuration, once embed.js has sent it.
    let applied = use_state(|| None::<Rc<Applied>>);
    let waiting = use_mut_ref(|| None::<Vec<Json>>);
    let on_message = {
        let host = Host {
            hooks,
            act: act.clone(),
            applied: applied.clone(),
            key: key.clone(),
            saving_to: saving_to.clone(),
            waiting,
        };
        Callback::from(move |message: Json| host.take(message))
    };
    // Hooks can't be conditional, so a non-embedded page passes `None`.
    use_embed(hooks, embedded.as_ref().as_ref(), &state, &on_message);
    // English, on a page that carries the built-in questions in Indonesian
    // only: fetched when chosen (by the owner, a choice saved on this phone
    // or a host), and shown once here; until then the page stays in
    // Indonesian.
    let english = use_state(|| match Bank::builtin_has_english() {
        true => English::Here,
        false => English::Absent,
    });
    // Flipped by every tap on EN, so a failed fetch is tried again.
    let english_asked = use_state(|| false);
    {
        let english = english.clone();
        use_effect_with((state.lang, *english_asked), move |(lang, _)| {
            if *lang == Lang::En && matches!(*english, English::Absent | English::Failed(_)) {
                english.set(English::Loading);
                let english = english.clone();
                banks::load_english(Callback::from(move |ended: Result<(), _>| {
                    english.set(ended.map_or_else(English::Failed, |()| English::Here));
                }));
            }
        });
    }
    let lang = match *english {
        English::Here => state.lang,
        _ => Lang::Id,
    };
    let asked = state.lang;
    let standalone = embedded.is_none();
    use_effect_with((asked, lang), move |(asked, lang)| {
        // A host's language choice is not the owner's own preference.
        if standalone {
            storage::save_lang(*asked);
        }
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    // What the screens show: the state, in the language shown.
    let state = match lang == state.lang {
        true => state,
        false => Rc::new(State {
            lang,
            ..(*state).clone()
        }),
    };
    let on_lang = {
        let (act, english_asked) = (act.clone(), english_asked.clone());
        Callback::from(move |chosen: Lang| {
            if chosen == Lang::En {
                english_asked.set(!*english_asked);
            }
            act.emit(Action::SetLang(chosen));
        })
    };
    // On every new screen, move focus to its heading so keyboard and screen
    // reader users start reading at the right place. Not on first load: the
    // page's own start is right then.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(((*route).clone(), state.screen.clone()), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
            focus("screen-heading");
        });
    }
    // "Mulai dari awal" asks in place of its button: focus goes to the safe
    // answer ("Batal"), and back to the button when the owner keeps the
    // answers, so a keyboard or screen reader user is not left at the top of
    // the page. On a new screen its heading has the focus instead.
    {
        let seen = use_mut_ref(|| None::<Screen>);
        use_effect_with(
            (state.asking_restart, state.screen.clone()),
            move |(asking, screen)| {
                let same_screen = seen.borrow().as_ref() == Some(screen);
                *seen.borrow_mut() = Some(screen.clone());
                if same_screen && !focus(if *asking { "restart-no" } else { "restart" }) {
                    focus("screen-heading");
                }
            },
        );
    }

    let screen = match (&*route, &state.screen) {
        (Route::Result(code), _) => {
            html! { <result::SharedResult lang={lang} code={code.clone()} on_start={Callback::from(|_| go_to(""))} /> }
        }
        (_, screen) => match screen {
            Screen::Intro => intro::intro(&state, &act, embedded.is_some()),
            Screen::Question(_) => question::screen(&state, &act),
            Screen::Review => review::review(&state, &act),
            Screen::Result => {
                let contact = applied
                    .as_ref()
                    .map(|a| &a.config.contact)
                    .filter(|c| !c.is_empty())
                    .map(|c| Rc::new(c.clone()));
                html! { <result::ResultScreen state={state.clone()} act={act.clone()} contact={contact}
                progress_key={AttrValue::from(saving_to.borrow().clone())} /> }
            }
        },
    };
    // Embedded, storage blocked, the built-in questions (a host's own bank
    // means nothing to the full page): offer to carry the answers over.
    let blocked = *warned.borrow() && !*granted;
    let carry = hooks
        .filter(|_| {
            embedded.is_some()
                && blocked
                && std::ptr::eq(bank(), crate::assessment::Bank::builtin())
        })
        .map(|hooks| {
            let offer = carry::Offer {
                lang,
                state: state.clone(),
                on_granted: {
                    let (granted, act, state, saving_to) = (
                        granted.clone(),
                        act.clone(),
                        state.clone(),
                        saving_to.clone(),
                    );
                    Callback::from(move |_| {
                        // Saving works now: keep what was answered so far.
                        let _ = storage::save(bank(), &saving_to.borrow(), &state);
                        granted.set(true);
                        act.emit(Action::DismissNotice);
                    })
                },
            };
            (hooks, offer)
        });
    // The storage notice's actions while it is shown; the footer's link after.
    let storage_notice = state.notice == Some(Notice::StorageUnavailable);
    let offer = (carry.as_ref())
        .filter(|_| storage_notice)
        .map(|(hooks, offer)| (hooks.carry_offer)(offer));
    let footer_link = (carry.as_ref())
        .filter(|_| !storage_notice)
        .map(|(hooks, offer)| (hooks.carry_link)(offer));
    let organisation = applied
        .as_ref()
        .map(|a| a.config.organisation.clone())
        .unwrap_or_default();
    html! {
        <>
            <header class="top">
                <span class="brand">
                    if let Some(logo) = &organisation.logo {
                        <img class="logo" src={logo.clone()} alt="" />
                    }
                    { t(lang, Ui::AppName) }
                    if let Some(name) = &organisation.name {
                        <span class="org">{ name.clone() }</span>
                    }
                </span>
                { lang_switch(lang, &on_lang) }
            </header>
            <main id="main" class="screen">
                if let (Some(hooks), Some(applied)) = (hooks, applied.as_deref()) {
                    { (hooks.problems)(lang, applied) }
                }
                if asked == Lang::En && matches!(*english, English::Loading | English::Failed(_)) {
                    { english_status(*english) }
                }
                if *update_ready {
                    <div class="notice update" role="status">
                        <p>{ t(lang, Ui::UpdateReady) }</p>
                        <button type="button" class="primary small" onclick={Callback::from(|_| pwa::apply_update())}>
                            { t(lang, Ui::UpdateNow) }
                        </button>
                    </div>
                }
                if let Some(carried_state) = &*carried {
                    { carried_choice(lang, carried_state, &act, &carried) }
                }
                { notice(&state, &act, offer) }
                { screen }
            </main>
            <footer class="bottom">
                if let Some(link) = footer_link {
                    <p class="carry-footer">{ link }</p>
                }
                <p>{ t(lang, Ui::Privacy) }</p>
                // Last on the page: when the browser's offer arrives late,
                // nothing below it moves (no layout shift).
                if *installable && state.screen == Screen::Intro && matches!(&*route, Route::Home | Route::Unknown) {
                    <p class="actions">
                        <button type="button" class="secondary" onclick={Callback::from(|_| pwa::install())}>
                            { t(lang, Ui::Install) }
                        </button>
                    </p>
                }
            </footer>
        </>
    }
}

/// Moves the focus to the element with this id, if there is one.
fn focus(id: &str) -> bool {
    let element = gloo::utils::document().get_element_by_id(id);
    match element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Where the built-in questions' English is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum English {
    Here,
    /// Not fetched: nobody chose English yet.
    Absent,
    Loading,
    /// Could not be had (offline before it was ever fetched), or the site
    /// has a newer version's: a tap on EN tries again.
    Failed(banks::NoEnglish),
}

/// While English is fetched or after it failed, in both languages: the
/// owner chose English but the page still shows Indonesian.
fn english_status(english: English) -> Html {
    let key = match english {
        English::Loading => Ui::EnglishLoading,
        English::Failed(banks::NoEnglish::OtherVersion) => Ui::EnglishOtherVersion,
        _ => Ui::EnglishUnavailable,
    };
    html! {
        <div class="notice" data-kind="english" role="status">
            <p>{ t(Lang::Id, key) }</p>
            <p lang="en">{ t(Lang::En, key) }</p>
        </div>
    }
}

/// What the host's messages act on. While a configuration file is being read
/// (the configuration reader loads on the first one), later messages wait,
/// so each takes effect in the order the host sent it: a language switched
/// after the configuration was sent wins over the file's language.
#[derive(Clone)]
struct Host {
    hooks: Option<EmbedHooks>,
    act: Callback<Action>,
    applied: UseStateHandle<Option<Rc<Applied>>>,
    key: Rc<String>,
    saving_to: Rc<std::cell::RefCell<String>>,
    /// `Some` while a configuration is being read: the messages since.
    waiting: Rc<std::cell::RefCell<Option<Vec<Json>>>>,
}

impl Host {
    fn take(&self, message: Json) {
        if let Some(waiting) = self.waiting.borrow_mut().as_mut() {
            waiting.push(message);
            return;
        }
        match message.get("type").and_then(Json::as_str) {
            Some("lang") => {
                let lang = message.get("lang").and_then(Json::as_str);
                if let Some(lang) = lang.and_then(Lang::from_code) {
                    self.act.emit(Action::SetLang(lang));
                }
            }
            Some("config") => {
                let Some(hooks) = self.hooks else {
                    return;
                };
                *self.waiting.borrow_mut() = Some(Vec::new());
                let host = self.clone();
                let done = Callback::from(move |done: Applied| {
                    if done.config.bank.is_some() {
                        *host.saving_to.borrow_mut() = storage::custom_bank_key(&host.key);
                    }
                    host.applied.set(Some(Rc::new(done)));
                    let since = host.waiting.borrow_mut().take().unwrap_or_default();
                    for message in since {
                        host.take(message);
                    }
                });
                (hooks.apply)(&message, &self.act, &self.key, done);
            }
            _ => {}
        }
    }
}

/// What an embedded widget tells its host: `ready` once, `step` on every
/// screen, `completed` with the scores only (never answers or a name), and
/// its height whenever it changes. The host may switch the language.
/// (`hosted::connect` and `hosted::report`, through the widget's hooks.)
#[hook]
fn use_embed(
    hooks: Option<EmbedHooks>,
    e: Option<&embed::Embed>,
    state: &State,
    on_message: &Callback<Json>,
) {
    let link = hooks.zip(e.cloned());
    {
        let (link, on_message) = (link.clone(), on_message.clone());
        use_effect_with((), move |_| match link {
            Some((hooks, e)) => (hooks.connect)(&e, on_message),
            None => Box::new(|| ()),
        });
    }
    let answers = state.answers.clone();
    use_effect_with(state.screen.clone(), move |screen| {
        if let Some((hooks, e)) = link {
            (hooks.report)(&e, screen, &answers);
        }
    });
}

/// The notice of the moment; `offer`, the actions of a widget that cannot
/// save, comes with the storage notice only.
fn notice(state: &State, act: &Callback<Action>, offer: Option<Html>) -> Html {
    let Some(notice) = state.notice else {
        return html! {};
    };
    let dismiss = act.reform(|_| Action::DismissNotice);
    html! {
        <div class="notice" data-kind={offer.as_ref().map(|_| "carry")} role="status">
            <p>{ text::notice(state.lang, notice) }</p>
            if let Some(actions) = offer {
                { actions }
            }
            <button type="button" class="link-button" onclick={dismiss}>{ t(state.lang, Ui::Dismiss) }</button>
        </div>
    }
}

/// The owner's page already keeps other answers than the ones carried from a
/// widget: the owner chooses; nothing is replaced without asking.
fn carried_choice(
    lang: crate::assessment::Lang,
    carried: &Rc<State>,
    act: &Callback<Action>,
    slot: &UseStateHandle<Option<Rc<State>>>,
) -> Html {
    let take = {
        let (act, carried, slot) = (act.clone(), carried.clone(), slot.clone());
        Callback::from(move |_| {
            let mut s = (*carried).clone();
            s.notice = Some(Notice::Carried);
            act.emit(Action::Restore(Box::new(s)));
            slot.set(None);
        })
    };
    let keep = {
        let slot = slot.clone();
        Callback::from(move |_| slot.set(None))
    };
    html! {
        <div class="confirm carried" role="alertdialog" aria-labelledby="carried-q">
            <p id="carried-q">{ t(lang, Ui::CarriedAsk) }</p>
            <button type="button" class="primary" onclick={take}>{ t(lang, Ui::CarriedUse) }</button>
            <button type="button" class="secondary" onclick={keep}>{ t(lang, Ui::CarriedKeep) }</button>
        </div>
    }
}
