//! Mounting the owner's app only once the browser has recorded the static
//! intro's paint.
//!
//! Why: index.html's static intro is the first paint, and the app replaces
//! it with identical elements. Chromium records a paint as the largest
//! contentful paint (LCP) only when the frame is presented, and drops it if
//! its element is gone by then; an app that mounted in that gap (a fast
//! connection, a warm cache) made its own copy the LCP, which tools that
//! model a slow phone (Lighthouse) time after the whole wasm download. So the
//! app waits for the first LCP entry (already there on a slow phone, where
//! the wasm arrives long after the first paint); its copies are no larger,
//! so they never become a new LCP. Browsers without LCP entries wait one
//! frame; no browser waits more than `MAX_WAIT_MS` (a hidden tab paints
//! nothing).

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const MAX_WAIT_MS: u32 = 1000;

/// The mount, taken by whichever comes first: the paint or the timeout.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
const LCP: &str = "largest-contentful-paint";

/// Runs `mount` once the static intro's paint is recorded (see above).
pub fn after_first_paint(mount: impl FnOnce() + 'static) {
    let once: Once = Rc::new(Cell::new(Some(Box::new(mount))));
    let run = move || {
        if let Some(mount) = once.take() {
            mount();
        }
    };
    Timeout::new(MAX_WAIT_MS, run.clone()).forget();
    if !on_first_lcp(run.clone()) {
        on_next_frame(run);
    }
}

/// Calls `then` (in a task of its own) when the page's first LCP entry is
/// recorded, or at once if it already is. False if the browser has no LCP.
fn on_first_lcp(then: impl FnOnce() + Clone + 'static) -> bool {
    let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|ctor| js_sys::Reflect::get(&ctor, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&LCP.into(), 0));
    if !supported {
        return false;
    }
    let seen = Closure::<dyn FnMut(JsValue, web_sys::PerformanceObserver)>::new(
        move |_entries, observer: web_sys::PerformanceObserver| {
            observer.disconnect();
            Timeout::new(0, then.clone()).forget();
        },
    );
    let Ok(observer) = web_sys::PerformanceObserver::new(seen.as_ref().unchecked_ref()) else {
        return false;
    };
    // `type` with `buffered`, so a paint recorded before now counts too.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &LCP.into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    observer.observe(options.unchecked_ref());
    seen.forget();
    true
}

fn on_next_frame(then: impl FnOnce() + 'static) {
    let frame = Closure::once_into_js(move || Timeout::new(0, then).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}
