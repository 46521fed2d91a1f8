//! Offline use and safe updates: registers the service worker (sw.js, made
//! at build time), says when a new version is waiting, switches to it only
//! when the user taps, and offers installing the app where the browser can.

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::Callback;

thread_local! {
    /// The browser's install prompt, kept until the user taps "Pasang".
    static INSTALL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Listeners that must live as long as the page.
    static KEEP: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
    /// Set when the user tapped "Perbarui": only then does a new controller
    /// mean "reload" (the first visit's worker also takes control, silently).
    static UPDATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn keep(listener: EventListener) {
    KEEP.with(|k| k.borrow_mut().push(listener));
}

/// Registers sw.js. `on_update` is called when a new version has been
/// downloaded and waits; the page keeps running the old one until
/// `apply_update`. `on_installable` is called when the browser offers
/// installing the app.
pub fn start(on_update: Callback<()>, on_installable: Callback<()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    {
        let on_installable = on_installable.clone();
        keep(EventListener::new(
            &window,
            "beforeinstallprompt",
            move |event| {
                // Keep the browser's prompt for our own "Pasang aplikasi" button.
                event.prevent_default();
                INSTALL.with(|i| *i.borrow_mut() = Some(event.clone().into()));
                on_installable.emit(());
            },
        ));
    }
    let container = window.navigator().service_worker();
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    // When the new version takes over (after the user's tap), reload once so
    // every file comes from it. Saved answers are in localStorage: untouched.
    keep(EventListener::new(&container, "controllerchange", |_| {
        if UPDATING.with(|u| u.get()) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }));
    spawn_local(async move {
        // Checked, not assumed: a browser that blocks service workers may
        // hand back `undefined` (Playwright's `serviceWorkers: 'block'` does).
        let Ok(Ok(registration)) = JsFuture::from(container.register("sw.js"))
            .await
            .map(JsCast::dyn_into::<web_sys::ServiceWorkerRegistration>)
        else {
            return;
        };
        let had_controller = container.controller().is_some();
        if had_controller && registration.waiting().is_some() {
            on_update.emit(());
        }
        let reg = registration.clone();
        keep(EventListener::new(
            &registration,
            "updatefound",
            move |_| {
                let Some(worker) = reg.installing() else {
                    return;
                };
                let on_update = on_update.clone();
                let watched = worker.clone();
                keep(EventListener::new(&worker, "statechange", move |_| {
                    // "installed" with a page already controlled = an update waits.
                    if watched.state() == web_sys::ServiceWorkerState::Installed
                        && web_sys::window()
                            .map(|w| w.navigator().service_worker().controller().is_some())
                            .unwrap_or(false)
                    {
                        on_update.emit(());
                    }
                }));
            },
        ));
    });
}

/// Tells the waiting version to take over; the page reloads when it has.
pub fn apply_update() {
    spawn_local(async {
        let Some(window) = web_sys::window() else {
            return;
        };
        let container = window.navigator().service_worker();
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = registration.waiting() {
            UPDATING.with(|u| u.set(true));
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"cek:update".into());
            let _ = waiting.post_message(&message);
        }
    });
}

/// Shows the browser's install prompt, if it offered one.
pub fn install() {
    let Some(prompt) = INSTALL.with(|i| i.borrow_mut().take()) else {
        return;
    };
    if let Ok(show) = js_sys::Reflect::get(&prompt, &"prompt".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = show.call0(&prompt);
    }
}
