//! Mounting the owner's app only after the static intro has been painted.
//!
//! Why: index.html's static intro is the first paint, and the app replaces
//! it with identical elements. If the app ran before the browser's first
//! frame (a fast connection, a warm cache), the largest contentful paint
//! would be an element the app made, and tools that model a slow phone
//! (Lighthouse) would time it after the whole wasm download. Waiting one
//! frame costs about 16 ms and keeps the first paint the static intro's;
//! the app's copies are no larger, so they never become a new LCP.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `mount` in a task after the next frame is painted (a frame, then a
/// timeout: the frame callback itself runs before that frame is drawn).
pub fn after_first_paint(mount: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return mount();
    };
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, mount).forget();
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        // No frames (a hidden tab may never draw): the timeout alone.
        let _ = window.set_timeout_with_callback(frame.unchecked_ref());
    }
}
