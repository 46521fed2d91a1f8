//! Older released question banks (`assessment::archive`), fetched from
//! beside the app the first time a result needs one and kept for the page's
//! life. The service worker keeps the fetched file for offline use, so an
//! owner's phone downloads an old bank only if it ever opens an old result.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::assessment::archive::{self, Library, Released};
use crate::assessment::Bank;

thread_local! {
    /// Leaked on purpose: a bank, once loaded, lives as long as the page.
    static LOADED: RefCell<Vec<&'static Bank>> = const { RefCell::new(Vec::new()) };
    /// The library of the banks loaded so far, compiled once (each bank's
    /// fingerprint and conditions), not on every render of the dashboard.
    static LIBRARY: RefCell<Option<Rc<Library<'static>>>> = const { RefCell::new(None) };
}

/// The older banks loaded so far.
pub fn loaded() -> Vec<&'static Bank> {
    LOADED.with(|l| l.borrow().clone())
}

/// The built-in bank and every older one loaded so far.
pub fn library() -> Rc<Library<'static>> {
    LIBRARY.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| Rc::new(Library::new(Bank::builtin(), &loaded())))
            .clone()
    })
}

/// The released bank, fetched if it is not loaded yet. `None` when it can't
/// be had (offline before it was ever fetched, or a damaged file: the
/// fingerprint must match what the app knows).
pub async fn fetch(entry: &'static Released) -> Option<&'static Bank> {
    if let Some(b) = loaded()
        .into_iter()
        .find(|b| b.fingerprint() == entry.fingerprint)
    {
        return Some(b);
    }
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(entry.pack))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let bytes = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    let bank: &'static Bank = Box::leak(Box::new(archive::parse_released(entry, &bytes)?));
    LOADED.with(|l| l.borrow_mut().push(bank));
    // Compiled again, with the new bank, when next asked for.
    LIBRARY.with(|l| l.borrow_mut().take());
    Some(bank)
}

/// Every released bank but the built-in one: what a trainer's workshop may
/// hold codes of.
pub fn older() -> impl Iterator<Item = &'static Released> {
    let current = Bank::builtin().version;
    archive::RELEASED
        .iter()
        .filter(move |r| r.version != current)
}
