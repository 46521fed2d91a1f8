//! A host's configuration applied to the widget: theme colour, language and a custom bank from embed.js's `config` message, and the list of what was invalid; the hooks `widget.html` passes to the App.

use yew::prelude::*;

use super::embed::detect;
use super::text::{t, Ui};
use super::Applied;
use crate::assessment::config;
use crate::assessment::flow::Action;
use crate::assessment::json::Json;
use crate::assessment::Lang;

/// Reads a `config` message from embed.js (the host's JSON file, or its
/// data-attributes) and applies what is valid: theme colour, language, a
/// custom bank. What is invalid is kept to be shown; the built-in bank and
/// look stay for those parts.
pub fn apply_config(message: &Json, act: &Callback<Action>, key: &str) -> Applied {
    let (config, problems, unreachable) =
        if let Some(Json::Object(attributes)) = message.get("attributes") {
            let pairs: Vec<(&str, &str)> = attributes
                .iter()
                .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
                .collect();
            let (c, p) = config::from_attributes_partial(&pairs);
            (c, p, false)
        } else if message.get("error").and_then(Json::as_str).is_some() {
            (config::Config::default(), Vec::new(), true)
        } else {
            let text = message.get("json").and_then(Json::as_str);
            let (c, p) = config::parse_partial(text.unwrap_or_default());
            (c, p, false)
        };
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
        unreachable,
    }
}

pub fn config_problems(lang: Lang, applied: &Applied) -> Html {
    if applied.problems.is_empty() && !applied.unreachable {
        return html! {};
    }
    html! {
        <div class="notice config-error" role="alert">
            <p><strong>{ t(lang, Ui::ConfigInvalid) }</strong></p>
            if applied.unreachable {
                <p>{ t(lang, Ui::ConfigUnreachable) }</p>
            }
            <ul>{ for applied.problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
        </div>
    }
}

/// The hooks `widget.html` passes to the app.
pub const HOOKS: super::EmbedHooks = super::EmbedHooks {
    apply: apply_config,
    problems: config_problems,
};
