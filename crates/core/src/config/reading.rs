//! A configuration as the configuration reader (`crates/reader`, a wasm of its own) hands it to the widget: the validated fields, every problem's message in both languages, and a custom bank as a pack, so the widget's own wasm carries no JSON configuration reader.
//!
//! Both ends are built from this file in the same build, so the format is
//! not stored anywhere; `VERSION` still guards a widget and a reader from
//! different deployments (a cache holding one of them), which then say so
//! instead of misreading each other.
//!
//! Layout: the length of a JSON text as 4 bytes (little-endian), that text
//! (`engine/json.rs`), then the custom bank's pack (`engine/pack.rs`), or
//! nothing when there is none.

use super::problem::ConfigProblem;
use super::schema::{Config, Contact, Organisation, Rgb, Theme, WhatsApp};
use crate::engine::bank::{Lang, Text};
use crate::engine::json::{self, Json};
use crate::engine::pack;

/// Raised whenever the layout or a field's meaning changes.
pub const VERSION: u64 = 1;

/// What the widget applies: the configuration that passed, and the messages
/// of what did not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    pub config: Config,
    pub problems: Vec<Text>,
}

/// Every message of a problem, in both languages, as the widget shows it.
pub fn messages(problems: &[ConfigProblem]) -> Vec<Text> {
    (problems.iter())
        .map(|p| Text {
            id: p.message(Lang::Id),
            en: p.message(Lang::En),
        })
        .collect()
}

/// The bytes the reader returns for a configuration read by `parse_partial`.
pub fn encode(config: &Config, problems: &[ConfigProblem]) -> Vec<u8> {
    let mut o = json::Object::new().num("v", VERSION);
    let text = |o: json::Object, name: &str, value: &Option<String>| match value {
        Some(v) => o.str(name, v),
        None => o,
    };
    o = text(o, "org-name", &config.organisation.name);
    o = text(o, "org-logo", &config.organisation.logo);
    o = text(o, "email", &config.contact.email);
    if let Some(w) = &config.contact.whatsapp {
        o = o.str("whatsapp", &w.text).str("whatsapp-digits", &w.digits);
    }
    if let Some(a) = &config.contact.address {
        o = o.str("address-id", &a.id).str("address-en", &a.en);
    }
    if let Some(theme) = &config.theme {
        o = o.str("theme", &theme.text);
    }
    if let Some(lang) = config.language {
        o = o.str("lang", lang.code());
    }
    let list: Vec<String> = (messages(problems).iter())
        .map(|m| json::Object::new().str("id", &m.id).str("en", &m.en).end())
        .collect();
    let head = o.raw("problems", &format!("[{}]", list.join(","))).end();
    let mut bytes = (head.len() as u32).to_le_bytes().to_vec();
    bytes.extend_from_slice(head.as_bytes());
    if let Some(bank) = &config.bank {
        bytes.extend(pack::pack(bank));
    }
    bytes
}

/// What went wrong between the widget and the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misread {
    /// The reader is of another version (one of the two files is cached
    /// from another deployment).
    Version,
    /// Not bytes `encode` wrote.
    Damaged,
}

/// The reading in `bytes`, as `encode` wrote it.
pub fn decode(bytes: &[u8]) -> Result<Reading, Misread> {
    let length: [u8; 4] = (bytes.get(..4))
        .and_then(|b| b.try_into().ok())
        .ok_or(Misread::Damaged)?;
    let end = 4usize.saturating_add(u32::from_le_bytes(length) as usize);
    let head = bytes.get(4..end).ok_or(Misread::Damaged)?;
    let head = (std::str::from_utf8(head).ok())
        .and_then(Json::parse)
        .ok_or(Misread::Damaged)?;
    if head.get("v").and_then(Json::as_u64) != Some(VERSION) {
        return Err(Misread::Version);
    }
    let text = |name: &str| head.get(name).and_then(Json::as_str).map(str::to_string);
    let both = |id: Option<String>, en: Option<String>| Some(Text { id: id?, en: en? });
    let theme = match text("theme") {
        Some(t) => Some(Theme {
            rgb: Rgb::from_hex(&t).ok_or(Misread::Damaged)?,
            text: t,
        }),
        None => None,
    };
    let language = match text("lang") {
        Some(code) => Some(Lang::from_code(&code).ok_or(Misread::Damaged)?),
        None => None,
    };
    let bank = match bytes.get(end..) {
        Some([]) | None => None,
        Some(packed) => Some(pack::unpack(packed).ok_or(Misread::Damaged)?),
    };
    let Some(Json::Array(list)) = head.get("problems") else {
        return Err(Misread::Damaged);
    };
    let problems = (list.iter())
        .map(|m| {
            let get = |l: &str| m.get(l).and_then(Json::as_str).map(str::to_string);
            both(get("id"), get("en")).ok_or(Misread::Damaged)
        })
        .collect::<Result<_, _>>()?;
    Ok(Reading {
        config: Config {
            organisation: Organisation {
                name: text("org-name"),
                logo: text("org-logo"),
            },
            contact: Contact {
                whatsapp: match (text("whatsapp"), text("whatsapp-digits")) {
                    (Some(text), Some(digits)) => Some(WhatsApp { text, digits }),
                    _ => None,
                },
                email: text("email"),
                address: both(text("address-id"), text("address-en")),
            },
            theme,
            language,
            bank,
        },
        problems,
    })
}
