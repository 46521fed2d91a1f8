//! An embedded widget whose browser won't let it save (third-party storage
//! blocked): first ask for storage access on the owner's tap, where the
//! browser has the Storage Access API; else carry the answers so far to the
//! full page in a new tab, as a result code in the URL fragment
//! (`index.html#lanjut=CODE&di=QUESTION`), which is never sent to a server;
//! and the full page taking them in.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::bank;
use super::place::current_route;
use super::text::{t, Ui};
use crate::assessment::flow::{Notice, Screen, State};
use crate::assessment::resume::{self, Resume};
use crate::assessment::route::Route;
use crate::assessment::{code, Lang};

#[derive(Clone, PartialEq, Properties)]
pub struct Offer {
    pub lang: Lang,
    /// The answers so far, carried in the link.
    pub state: Rc<State>,
    /// Storage access was granted and saving works now.
    pub on_granted: Callback<()>,
}

/// The link to the full page with these answers and this question,
/// relative to widget.html.
fn href(state: &State) -> String {
    let name = Some(state.name.as_str()).filter(|n| !n.is_empty());
    let at = match &state.screen {
        Screen::Question(q) => Some(q.clone()),
        _ => None,
    };
    let code = code::encode(bank(), &state.answers, name);
    format!("index.html#{}", Route::Continue { code, at }.fragment())
}

/// "Lanjutkan di tab baru", opening the full page in a new tab.
pub fn link(offer: &Offer) -> Html {
    html! {
        <a class="button secondary" data-carry="" href={href(&offer.state)} target="_blank" rel="noopener">
            { t(offer.lang, Ui::ContinueInNewTab) }
            <span class="visually-hidden">{ format!(" {}", t(offer.lang, Ui::OpensNewTab)) }</span>
        </a>
    }
}

/// `document.requestStorageAccess`, where the browser has it (not yet in
/// web-sys's stable bindings, hence the lookup).
fn storage_access_api() -> Option<(web_sys::Document, js_sys::Function)> {
    let document = web_sys::window()?.document()?;
    let request = js_sys::Reflect::get(&document, &"requestStorageAccess".into()).ok()?;
    Some((document, request.dyn_into().ok()?))
}

/// The storage notice's actions, as the App shows them (an `EmbedHooks`
/// entry, so only the widget's wasm carries them).
pub fn offer(offer: &Offer) -> Html {
    html! { <CarryOffer ..offer.clone() /> }
}

/// The notice's actions: "Izinkan penyimpanan" first where the browser can
/// grant it, and always "Lanjutkan di tab baru".
#[component]
fn CarryOffer(props: &Offer) -> Html {
    let refused = use_state(|| false);
    let can_ask = storage_access_api().is_some();
    let ask = {
        let (refused, on_granted) = (refused.clone(), props.on_granted.clone());
        Callback::from(move |_| {
            let Some((document, request)) = storage_access_api() else {
                refused.set(true);
                return;
            };
            // Called within the tap, as the browser requires.
            let promise = request
                .call0(&document)
                .ok()
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            let (refused, on_granted) = (refused.clone(), on_granted.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let granted = match promise {
                    Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                    None => false,
                };
                // Granted is not enough: some browsers grant cookies only.
                if granted && super::storage::local().is_some_and(|s| super::storage::writable(&s))
                {
                    on_granted.emit(());
                } else {
                    refused.set(true);
                }
            });
        })
    };
    html! {
        <>
            <p>{ t(props.lang, Ui::ContinueLead) }</p>
            if *refused {
                <p class="refused">{ t(props.lang, Ui::StorageRefused) }</p>
            }
            <p class="actions">
                if can_ask && !*refused {
                    <button type="button" class="secondary small" onclick={ask}>{ t(props.lang, Ui::AllowStorage) }</button>
                }
                { link(props) }
            </p>
        </>
    }
}

/// Drops the `#lanjut=` fragment without a new history entry, so a reload
/// or the back button doesn't take the answers in a second time.
/// (`history.replaceState` through a lookup: web-sys's History binding is
/// a feature this crate doesn't otherwise need.)
pub fn drop_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let Ok(history) = js_sys::Reflect::get(&window, &"history".into()) else {
        return;
    };
    if let Ok(replace) = js_sys::Reflect::get(&history, &"replaceState".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = replace.call3(
            &history,
            &JsValue::NULL,
            &JsValue::from_str(""),
            &JsValue::from_str(&url),
        );
    }
}

/// On the owner's page: answers carried from a widget in `#lanjut=`, read
/// once. The fragment is dropped right away, so a reload doesn't import
/// them again. Returns the state to start with, and the carried answers to
/// ask about when other answers are saved here.
pub fn take(saved: State) -> (State, Option<Rc<State>>) {
    let Route::Continue { code, at } = current_route() else {
        return (saved, None);
    };
    drop_fragment();
    match code::decode(bank(), &code) {
        Err(_) => (
            State {
                notice: Some(Notice::CarriedUnreadable),
                ..saved
            },
            None,
        ),
        Ok(shared) => {
            match resume::resume(bank(), &saved, shared.answers, shared.name, at.as_deref()) {
                Resume::Take(mut state) => {
                    if state.notice.is_none() && state.answers != saved.answers {
                        state.notice = Some(Notice::Carried);
                    }
                    (state, None)
                }
                Resume::Ask { carried } => (saved, Some(Rc::new(carried))),
            }
        }
    }
}
