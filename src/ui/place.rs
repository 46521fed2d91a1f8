//! The browser's location and clock: where the URL fragment points, moving to another fragment, the page's own address, and today's date.

use crate::assessment::flow::Day;
use crate::assessment::route::{self, Route};

/// Where the URL fragment points: the assessment or a shared result (trainer
/// mode is its own page, `pelatih.html`). Fragments never reach a server, so
/// a result link sends nothing.
pub fn current_route() -> Route {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|hash| route::parse_fragment(&hash))
        .unwrap_or(Route::Home)
}

/// Today on this device's clock, for dating a result.
pub fn today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Day::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

pub fn go_to(fragment: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(fragment);
    }
}

/// The page's own address without any fragment: the base of result links.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}
