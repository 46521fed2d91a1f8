//! What the widget does for its host: its configuration applied (theme colour, language and a custom bank from embed.js's `config` message: data-attributes read here, a JSON file through the configuration reader), the list of what was invalid, the messages it sends, and the hooks `widget.html` passes to the App.

use yew::prelude::*;

use super::embed::{detect, Embed};
use super::text::{t, Ui};
use super::{Applied, NotRead};
use crate::assessment::config::{self, reading, reading::Reading};
use crate::assessment::flow::{self, Action, Answers, Screen};
use crate::assessment::json::{self, Json};
use crate::assessment::Lang;

/// Reads a `config` message from embed.js (the host's JSON file, or its
/// data-attributes) and applies what is valid: theme colour, language, a
/// custom bank. What is invalid is kept to be shown; the built-in bank and
/// look stay for those parts. `done` gets the outcome: at once for
/// data-attributes, once the configuration reader has read a JSON file.
pub fn apply_config(message: &Json, act: &Callback<Action>, key: &str, done: Callback<Applied>) {
    if let Some(Json::Object(attributes)) = message.get("attributes") {
        let pairs: Vec<(&str, &str)> = attributes
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
            .collect();
        let (config, problems) = config::from_attributes_partial(&pairs);
        let read = Reading {
            config,
            problems: reading::messages(&problems),
        };
        done.emit(apply(read, act, key));
    } else if message.get("error").and_then(Json::as_str).is_some() {
        done.emit(Applied {
            failed: Some(NotRead::Unreachable),
            ..Applied::default()
        });
    } else {
        let text = (message.get("json").and_then(Json::as_str))
            .unwrap_or_default()
            .to_string();
        let (act, key) = (act.clone(), key.to_string());
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(match read_file(&text).await {
                Some(read) => apply(read, &act, &key),
                None => Applied {
                    failed: Some(NotRead::NoReader),
                    ..Applied::default()
                },
            })
        });
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Defined by `widget-baca.js` (written by scripts/reader.mjs): loads the
    /// configuration reader's wasm once and reads a file with it.
    #[wasm_bindgen(js_name = cekBacaKonfigurasi, catch)]
    fn read_with_reader(json: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// A JSON configuration file read by the configuration reader (a wasm of
/// its own: the widget's first load carries no JSON configuration reader).
/// `None` when the reader did not load, or is of another version.
async fn read_file(json: &str) -> Option<Reading> {
    let promise = read_with_reader(json).ok()?;
    let bytes = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    reading::decode(&js_sys::Uint8Array::new(&bytes).to_vec()).ok()
}

/// Applies what passed: the theme colour, a custom bank (with the progress
/// saved for it), the language.
fn apply(read: Reading, act: &Callback<Action>, key: &str) -> Applied {
    let Reading { config, problems } = read;
    if let Some(theme) = &config.theme {
        if let Some(root) = gloo::utils::document().document_element() {
            let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
            // CSSOM, not a style attribute, so the strict CSP allows it.
            let _ = root.style().set_property("--brand", &theme.text);
            let _ = root.style().set_property("--brand-dark", &theme.text);
        }
    }
    if let Some(custom) = config.bank.clone() {
        // A result code from this bank names whose it is, so the owner's own
        // page can say so instead of reading it with other questions.
        let owner = (config.organisation.name.clone())
            .or_else(|| detect().and_then(|e| e.host))
            .unwrap_or_else(|| "?".to_string());
        super::use_custom_bank(custom, owner);
        // Answers to one bank mean nothing in another: keep them apart.
        let saved = super::storage::load(super::bank(), &super::storage::custom_bank_key(key));
        act.emit(Action::Restore(Box::new(saved)));
    }
    if let Some(lang) = config.language {
        act.emit(Action::SetLang(lang));
    }
    Applied {
        config,
        problems,
        failed: None,
    }
}

pub fn config_problems(lang: Lang, applied: &Applied) -> Html {
    if applied.problems.is_empty() && applied.failed.is_none() {
        return html! {};
    }
    html! {
        <div class="notice config-error" role="alert">
            <p><strong>{ t(lang, Ui::ConfigInvalid) }</strong></p>
            // One call per text, never `t` with a key known only at run
            // time: that would link every word of every page into the
            // widget (e2e/size-budget.test.mjs checks).
            if let Some(failed) = applied.failed {
                <p>{ match failed {
                    NotRead::Unreachable => t(lang, Ui::ConfigUnreachable),
                    NotRead::NoReader => t(lang, Ui::ConfigUnread),
                } }</p>
            }
            <ul>{ for applied.problems.iter().map(|p| html! { <li>{ p.get(lang) }</li> }) }</ul>
        </div>
    }
}

/// Starts talking to the host: `ready` once, then each of the host's
/// messages to `on`, and the height whenever it changes. Both stop when the
/// returned guard is called (the App's effect cleanup).
pub fn connect(e: &Embed, on: Callback<Json>) -> super::Hangup {
    let watch = e.watch_height();
    let listener = e.listen(move |message| on.emit(message));
    e.post("ready", |m| m);
    Box::new(move || drop((watch, listener)))
}

/// Tells the host which screen is shown (`step`), and once the result is,
/// the scores (`completed`): never the answers or a name.
pub fn report(e: &Embed, screen: &Screen, answers: &Answers) {
    let bank = super::bank();
    let shown = flow::shown_ids(bank, answers);
    let (name, index) = match screen {
        Screen::Intro => ("intro", 0),
        Screen::Question(q) => (
            "question",
            shown.iter().position(|s| s == q).map_or(0, |i| i + 1),
        ),
        Screen::Review => ("review", shown.len() + 1),
        Screen::Result => ("result", shown.len() + 2),
    };
    e.post("step", |m| {
        m.str("screen", name)
            .num("index", index as u64)
            .num("total", shown.len() as u64)
    });
    if *screen == Screen::Result {
        let outcome = crate::assessment::score::assess(bank, answers);
        let areas = (bank.areas.iter().zip(&outcome.areas))
            .fold(json::Object::new(), |o, (a, r)| {
                o.num(&a.id, r.score.into())
            });
        e.post("completed", |m| {
            m.str("level", &bank.levels[outcome.level].id)
                .num("overall", outcome.overall.into())
                .raw("areas", &areas.end())
        });
    }
}

/// The hooks `widget.html` passes to the app.
pub const HOOKS: super::EmbedHooks = super::EmbedHooks {
    detect,
    connect,
    report,
    apply: apply_config,
    problems: config_problems,
    carry_offer: super::carry::offer,
    carry_link: super::carry::link,
};
