//! Embed mode: the app inside a host's iframe, opened by `embed.js` as
//! `index.html?embed=ID&host=ORIGIN&lang=id`. It talks only to that host
//! origin, and only once the browser confirms the host really is its parent
//! (ancestorOrigins or the referrer); it accepts messages only from there.
//! A browser adapter: plain values in and out (origin, widget id, JSON);
//! applying a host's configuration to the app is `hosted.rs`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::assessment::json::{self, Json};
use crate::assessment::Lang;

/// Version of the messages exchanged with embed.js.
const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    /// The widget's id on the host page (several widgets can share a page).
    pub widget: String,
    /// The host page's origin, confirmed by the browser; `None` means we
    /// could not confirm it, so nothing is ever posted.
    pub host: Option<String>,
    /// The language the host asked for.
    pub lang: Option<Lang>,
}

/// Reads the embed parameters of this page, if it was opened by embed.js.
pub fn detect() -> Option<Embed> {
    let window = web_sys::window()?;
    let search = window.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let widget = params.get("embed")?;
    let claimed = params.get("host").unwrap_or_default();
    Some(Embed {
        widget,
        host: confirm_host(&window, &claimed),
        lang: params.get("lang").and_then(|l| Lang::from_code(&l)),
    })
}

/// The claimed host origin, if the browser agrees that it is our parent.
fn confirm_host(window: &web_sys::Window, claimed: &str) -> Option<String> {
    if claimed.is_empty() || window.parent().ok().flatten().is_none() {
        return None;
    }
    // web-sys has no binding for location.ancestorOrigins (Chromium, Safari).
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .and_then(|list| list.dyn_into::<web_sys::DomStringList>().ok());
    let parent = if let Some(list) = ancestors.filter(|l| l.length() > 0) {
        list.item(0)
    } else {
        // Firefox has no ancestorOrigins: fall back to the referrer's origin.
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|u| u.origin())
    };
    (parent.as_deref() == Some(claimed)).then(|| claimed.to_string())
}

impl Embed {
    /// Posts `{source, v, widget, type, ...fields}` to the host origin only;
    /// `fields` adds members to the message (`json::Object`).
    pub fn post(&self, kind: &str, fields: impl FnOnce(json::Object) -> json::Object) {
        let (Some(host), Some(window)) = (&self.host, web_sys::window()) else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let message = json::Object::new()
            .str("source", "cek-siap-ekspor")
            .num("v", VERSION.into())
            .str("widget", &self.widget)
            .str("type", kind);
        if let Ok(value) = js_sys::JSON::parse(&fields(message).end()) {
            let _ = parent.post_message(&value, host);
        }
    }

    /// Calls `on` with each message from the host page: the right origin,
    /// from our parent window, in our format and for this widget. Everything
    /// else is ignored. The listener lives as long as the returned guard.
    pub fn listen(&self, on: impl Fn(Json) + 'static) -> Option<gloo::events::EventListener> {
        let host = self.host.clone()?;
        let widget = self.widget.clone();
        let window = web_sys::window()?;
        let parent: JsValue = window.parent().ok().flatten()?.into();
        Some(gloo::events::EventListener::new(
            &window,
            "message",
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let from_parent = event.source().is_some_and(|s| JsValue::from(s) == parent);
                if event.origin() != host || !from_parent {
                    return;
                }
                let Some(text) = js_sys::JSON::stringify(&event.data())
                    .ok()
                    .and_then(|s| s.as_string())
                else {
                    return;
                };
                let Some(value) = Json::parse(&text) else {
                    return;
                };
                let field = |name| value.get(name).and_then(Json::as_str);
                if field("source") == Some("cek-host")
                    && value.get("v").and_then(Json::as_u64) == Some(VERSION.into())
                    && field("widget") == Some(widget.as_str())
                {
                    on(value);
                }
            },
        ))
    }

    /// Reports the content height whenever it changes, growing or shrinking,
    /// so the host's iframe never shows an inner scrollbar.
    pub fn watch_height(&self) -> Option<HeightWatch> {
        let document = web_sys::window()?.document()?;
        let body = document.body()?;
        let embed = self.clone();
        let last = std::cell::Cell::new(0.0f64);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
            else {
                return;
            };
            let height = body.get_bounding_client_rect().height().ceil();
            if (height - last.get()).abs() >= 1.0 {
                last.set(height);
                // Whole pixels: the height was rounded up.
                embed.post("height", |m| m.num("height", height as u64));
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&body);
        Some(HeightWatch {
            observer,
            _callback: callback,
        })
    }
}

/// Keeps the ResizeObserver alive; disconnects when dropped.
pub struct HeightWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
