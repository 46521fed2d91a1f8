//! The last resort: when the app panics, its page is replaced by a short,
//! translated "something went wrong" screen with "Muat ulang", and the panic
//! is logged for developers. Saved answers are never touched here, so a
//! reload carries on where the owner was.
//!
//! After a panic the Yew app's state can't be trusted, so this screen is
//! built with plain DOM calls and runs no Rust code once shown: its button
//! calls the browser's own `location.reload`.

use wasm_bindgen::JsCast;

/// Installs the panic hook; each page's `main` calls it before mounting.
/// Through Yew, which otherwise replaces any hook with its own on mount.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Cek Siap Ekspor stopped: {info}").into());
        show();
    }));
    #[cfg(debug_assertions)]
    debug_trigger();
}

/// The screen's words; the language is the one the page shows (the app keeps
/// `<html lang>` current), so no storage is read.
fn words(english: bool) -> [&'static str; 3] {
    if english {
        [
            "Sorry, something went wrong",
            "The app stopped because of an error. What was already saved on this device is safe: reload to carry on.",
            "Reload",
        ]
    } else {
        [
            "Maaf, terjadi kesalahan",
            "Aplikasi berhenti karena ada kesalahan. Yang sudah tersimpan di perangkat ini tetap aman: muat ulang untuk melanjutkan.",
            "Muat ulang",
        ]
    }
}

fn show() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    // A second panic (a broken app may keep failing) leaves the screen as it is.
    if document.get_element_by_id("crash").is_some() {
        return Some(());
    }
    let english = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .is_some_and(|lang| lang.starts_with("en"));
    let [title, text, reload] = words(english);

    let main = document.create_element("main").ok()?;
    main.set_id("crash");
    main.set_class_name("screen crash");
    // Announced at once by screen readers; the landmark stays a <main>.
    let alert = document.create_element("div").ok()?;
    alert.set_attribute("role", "alert").ok()?;
    let h1 = document.create_element("h1").ok()?;
    h1.set_id("screen-heading");
    h1.set_attribute("tabindex", "-1").ok()?;
    h1.set_text_content(Some(title));
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(text));
    let button = document.create_element("button").ok()?;
    button.set_attribute("type", "button").ok()?;
    button.set_class_name("primary");
    button.set_text_content(Some(reload));
    // A native function bound to `location`: clicking runs no wasm, which
    // may be in no state to run after a panic (and inline handlers are
    // forbidden by the CSP).
    let location = window.location();
    let reload_fn = js_sys::Reflect::get(&location, &"reload".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .bind0(&location);
    button
        .add_event_listener_with_callback("click", &reload_fn)
        .ok()?;
    let actions = document.create_element("div").ok()?;
    actions.set_class_name("actions");
    actions.append_child(&button).ok()?;
    alert.append_child(&h1).ok()?;
    alert.append_child(&p).ok()?;
    main.append_child(&alert).ok()?;
    main.append_child(&actions).ok()?;

    let body = document.body()?;
    body.set_inner_html("");
    body.append_child(&main).ok()?;
    let h1: web_sys::HtmlElement = h1.dyn_into().ok()?;
    let _ = h1.focus();
    Some(())
}

/// Debug builds only: opening `#uji-panik` panics on purpose, so the error
/// screen can be tested end to end. Release builds don't contain it.
#[cfg(debug_assertions)]
fn debug_trigger() {
    const TRIGGER: &str = "#uji-panik";
    let check = || {
        if web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .as_deref()
            == Some(TRIGGER)
        {
            panic!("{TRIGGER}: a deliberate panic (debug builds only)");
        }
    };
    gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| check())
        .forget();
}
