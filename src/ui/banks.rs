//! Question banks fetched from beside the app: older released ones
//! (`assessment::archive`), the first time a result needs one, and the
//! built-in bank's English texts, the first time an owner chooses English
//! on a page that carries Indonesian only. Both are kept for the page's
//! life, and the service worker keeps the files for offline use, so an
//! owner's phone downloads them only if they are ever needed.

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
    /// While the English is being fetched: who waits for it (the page's
    /// start and the App may both ask; one fetch answers both).
    static ENGLISH_WAITING: RefCell<Option<Vec<EnglishDone>>> = const { RefCell::new(None) };
}

/// Who waits for the English: `Ok` once it is here, else why not.
pub type EnglishDone = yew::Callback<Result<(), NoEnglish>>;

/// Why the built-in questions' English is not here after asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoEnglish {
    /// Not fetched: offline, and never kept by the service worker.
    Unreachable,
    /// Fetched, but not this bank's English: the site now has a newer
    /// version of the app than the one this phone runs (its service worker
    /// has not updated yet), whose questions differ.
    OtherVersion,
}

/// The older banks loaded so far.
pub fn loaded() -> Vec<&'static Bank> {
    LOADED.with(|l| l.borrow().clone())
}

/// The built-in bank and every older one loaded so far.
pub fn library() -> Rc<Library<'static>> {
    LIBRARY.with(|l| {
        let mut l = l.borrow_mut();
        // Compiled again once the built-in bank has its English.
        if l.as_ref()
            .is_some_and(|lib| !std::ptr::eq(lib.current(), Bank::builtin()))
        {
            *l = None;
        }
        l.get_or_insert_with(|| Rc::new(Library::new(Bank::builtin(), &loaded())))
            .clone()
    })
}

/// Fetches the built-in bank's English texts (`pack::ENGLISH_FILE`) and adds
/// them; `done` gets `Ok` once English is here, else why not. Revalidated, never taken from the HTTP
/// cache unasked: the file has no version in its name.
pub fn load_english(done: EnglishDone) {
    if Bank::builtin_has_english() {
        done.emit(Ok(()));
        return;
    }
    let fetching = ENGLISH_WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let fetching = w.is_some();
        w.get_or_insert_with(Vec::new).push(done);
        fetching
    });
    if fetching {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoCache);
        let bytes = fetch_bytes(crate::assessment::pack::ENGLISH_FILE, &init).await;
        let ended = match bytes {
            None => Err(NoEnglish::Unreachable),
            Some(b) if Bank::add_builtin_english(&b) => Ok(()),
            Some(_) => Err(NoEnglish::OtherVersion),
        };
        let waiting = ENGLISH_WAITING.with(|w| w.borrow_mut().take());
        waiting
            .into_iter()
            .flatten()
            .for_each(|done| done.emit(ended));
    });
}

/// How long a page that will show English waits for it before its first
/// render: about what 11 KB takes on a slow 3G connection.
const ENGLISH_WAIT_MS: u32 = 2_000;

/// Runs `start` (a page's first render) once the English is here, when
/// `wanted` (the owner chose English earlier, or the host's address asks for
/// it) and it is not here yet, but after `ENGLISH_WAIT_MS` at most: so the
/// app appears in English at once, not in Indonesian and then again, and a
/// slow connection never holds up the start for long (the App then shows
/// Indonesian and "Memuat bahasa Inggris…" until it arrives).
pub fn after_english(wanted: bool, start: impl FnOnce() + 'static) {
    if !wanted || Bank::builtin_has_english() {
        start();
        return;
    }
    let start = Rc::new(RefCell::new(Some(start)));
    let once = move || {
        let start = start.borrow_mut().take();
        if let Some(start) = start {
            start();
        }
    };
    gloo::timers::callback::Timeout::new(ENGLISH_WAIT_MS, once.clone()).forget();
    load_english(yew::Callback::from(move |_| once()));
}

/// A file's bytes, or `None` when it can't be had (offline and not kept by
/// the service worker, or not there).
async fn fetch_bytes(file: &str, init: &web_sys::RequestInit) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str_and_init(file, init))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let bytes = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&bytes).to_vec())
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
    let bytes = fetch_bytes(entry.pack, &web_sys::RequestInit::new()).await?;
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
