//! Reading a configuration: JSON or data-attributes in, every field checked with its path, a configuration (or the fields that passed) and every problem out; a bank inside it is validated beside.

use serde_json::{Map, Value};

use super::fields::*;
use super::located;
use super::problem::*;
use super::schema::*;
use crate::engine::bank::{Bank, Lang, Text};
use crate::engine::validate;

/// The configuration in `json`, or every problem found in it.
pub fn parse(json: &str) -> Result<Config, Vec<ConfigProblem>> {
    finish(parse_partial(json))
}

/// The configuration from data-attributes (`("org-name", "Dinas …")`, with or
/// without `data-`), or every problem found in them. `config` (the URL of a
/// JSON file) and the `cek-siap-ekspor` marker belong to the shell and are
/// skipped here.
pub fn from_attributes(pairs: &[(&str, &str)]) -> Result<Config, Vec<ConfigProblem>> {
    finish(from_attributes_partial(pairs))
}

pub(super) fn finish(
    (config, problems): (Config, Vec<ConfigProblem>),
) -> Result<Config, Vec<ConfigProblem>> {
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// Every problem in `json`, and a configuration of the fields that passed
/// (the others left at their defaults; an invalid bank is `None`, i.e. the
/// built-in bank). For a shell that shows the problems and keeps what it can.
pub fn parse_partial(json: &str) -> (Config, Vec<ConfigProblem>) {
    let mut config = Config::default();
    let mut p = Vec::new();
    let Some(root) = read_json(json, &mut p) else {
        return (config, p);
    };
    let Value::Object(map) = &root else {
        p.push(mismatch("", Expected::Object, &root));
        return (config, p);
    };
    if map.contains_key("questions") {
        p.push(ConfigProblem::new("", ProblemKind::BankNotConfig));
        return (config, p);
    }
    match present(map, "version") {
        None => p.push(ConfigProblem::new("version", ProblemKind::VersionMissing)),
        Some(v) if v.as_u64() == Some(SCHEMA_VERSION.into()) => {}
        Some(v) => {
            // Another version's fields may mean other things: checking them
            // against this one would only add noise.
            let found = clip(&v.to_string());
            p.push(ConfigProblem::new(
                "version",
                ProblemKind::VersionUnsupported { found },
            ));
            return (config, p);
        }
    }
    unknown_fields(map, "", FIELDS, &mut p);

    if let Some(org) = section(map, "organisation", ORGANISATION_FIELDS, &mut p) {
        for (field, slot) in [("name", Slot::Name), ("logo", Slot::Logo)] {
            string_field(&mut config, org, "organisation", field, slot, &mut p);
        }
    }
    if let Some(contact) = section(map, "contact", CONTACT_FIELDS, &mut p) {
        for (field, slot) in [("whatsapp", Slot::WhatsApp), ("email", Slot::Email)] {
            string_field(&mut config, contact, "contact", field, slot, &mut p);
        }
        if let Some(address) = present(contact, "address") {
            config.contact.address = address_texts(address, "contact.address", &mut p);
        }
    }
    string_field(&mut config, map, "", "theme_color", Slot::Theme, &mut p);
    string_field(&mut config, map, "", "language", Slot::Language, &mut p);
    if let Some(bank) = present(map, "bank") {
        config.bank = read_bank(bank, "bank", &mut p);
    }
    (config, p)
}

/// Like `from_attributes`, but also returns the fields that passed.
pub fn from_attributes_partial(pairs: &[(&str, &str)]) -> (Config, Vec<ConfigProblem>) {
    let mut config = Config::default();
    let mut p = Vec::new();
    let bytes: usize = pairs.iter().map(|(k, v)| k.len() + v.len()).sum();
    if bytes > MAX_BYTES {
        p.push(ConfigProblem::new("", ProblemKind::TooLarge { bytes }));
        return (config, p);
    }
    let mut seen: Vec<String> = Vec::new();
    for (key, value) in pairs {
        let key = key.trim().to_ascii_lowercase();
        let key = key.strip_prefix("data-").unwrap_or(&key).to_string();
        if SHELL_ATTRIBUTES.contains(&key.as_str()) {
            continue;
        }
        let path = format!("data-{key}");
        let slot = match key.as_str() {
            "org-name" => Slot::Name,
            "org-logo" => Slot::Logo,
            "whatsapp" => Slot::WhatsApp,
            "email" => Slot::Email,
            "address" => Slot::Address,
            "theme" => Slot::Theme,
            "lang" => Slot::Language,
            _ => {
                let allowed = ATTRIBUTES.iter().map(|a| format!("data-{a}")).collect();
                p.push(ConfigProblem::new(
                    path,
                    ProblemKind::UnknownField { allowed },
                ));
                continue;
            }
        };
        if seen.contains(&key) {
            p.push(ConfigProblem::new(path, ProblemKind::DuplicateAttribute));
            continue;
        }
        seen.push(key);
        if let Err(kind) = apply(&mut config, slot, value) {
            p.push(ConfigProblem::new(path, kind));
        }
    }
    (config, p)
}

/// A bare question bank (the schema of `crates/core/src/engine/bank.json`), checked
/// like the `bank` of a configuration but with paths from its own root.
pub fn parse_bank(json: &str) -> Result<Bank, Vec<ConfigProblem>> {
    let mut p = Vec::new();
    let bank = read_json(json, &mut p).and_then(|root| read_bank(&root, "", &mut p));
    match bank {
        Some(bank) if p.is_empty() => Ok(bank),
        _ => Err(p),
    }
}

/// The size limit first (before any parsing), then the JSON itself. A
/// leading byte-order mark, as Windows editors write, is what browsers drop
/// too.
pub(super) fn read_json(json: &str, p: &mut Vec<ConfigProblem>) -> Option<Value> {
    if json.len() > MAX_BYTES {
        p.push(ConfigProblem::new(
            "",
            ProblemKind::TooLarge { bytes: json.len() },
        ));
        return None;
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    match serde_json::from_str(json) {
        Ok(value) => Some(value),
        Err(e) => {
            let full = e.to_string();
            // The position is given apart; serde_json repeats it at the end.
            let message = match full.rsplit_once(" at line ") {
                Some((head, _)) => head.to_string(),
                None => full,
            };
            p.push(ConfigProblem::new(
                "",
                ProblemKind::Syntax {
                    line: e.line(),
                    column: e.column(),
                    message,
                },
            ));
            None
        }
    }
}

pub(super) fn read_bank(value: &Value, path: &str, p: &mut Vec<ConfigProblem>) -> Option<Bank> {
    match located::read::<Bank>(value, path) {
        Err((at, kind)) => {
            p.push(ConfigProblem::new(at, kind));
            None
        }
        Ok(bank) => {
            let problems = validate::check(&bank);
            if problems.is_empty() {
                return Some(bank);
            }
            for problem in problems {
                // `check` only reports problems at a path.
                if let validate::Problem::At { path: at, what } = problem {
                    let at = if path.is_empty() {
                        at
                    } else {
                        format!("{path}.{at}")
                    };
                    p.push(ConfigProblem::new(at, ProblemKind::Bank(what)));
                }
            }
            None
        }
    }
}

/// The string fields, the same in JSON and in data-attributes.
#[derive(Clone, Copy)]
pub(super) enum Slot {
    Name,
    Logo,
    WhatsApp,
    Email,
    Address,
    Theme,
    Language,
}

pub(super) fn apply(config: &mut Config, slot: Slot, raw: &str) -> Result<(), ProblemKind> {
    match slot {
        Slot::Name => config.organisation.name = Some(plain_text(raw, MAX_NAME_CHARS)?),
        Slot::Logo => config.organisation.logo = Some(logo(raw)?),
        Slot::WhatsApp => config.contact.whatsapp = Some(WhatsApp::parse(raw)?),
        Slot::Email => config.contact.email = Some(email(raw)?),
        Slot::Address => {
            let text = plain_text(raw, MAX_ADDRESS_CHARS)?;
            config.contact.address = Some(Text {
                id: text.clone(),
                en: text,
            });
        }
        Slot::Theme => config.theme = Some(Theme::parse(raw)?),
        Slot::Language => {
            let code = raw.trim();
            config.language = Some(Lang::from_code(code).ok_or_else(|| ProblemKind::Language {
                found: code.to_string(),
            })?);
        }
    }
    Ok(())
}

/// A field that is absent or `null` is not set.
pub(super) fn present<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

pub(super) fn mismatch(path: &str, expected: Expected, value: &Value) -> ConfigProblem {
    ConfigProblem::new(
        path,
        ProblemKind::Mismatch {
            expected,
            found: Found::of(value),
        },
    )
}

pub(super) fn unknown_fields(
    map: &Map<String, Value>,
    path: &str,
    allowed: &[&str],
    p: &mut Vec<ConfigProblem>,
) {
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            p.push(ConfigProblem::new(
                join(path, key),
                ProblemKind::UnknownField {
                    allowed: allowed.iter().map(|s| s.to_string()).collect(),
                },
            ));
        }
    }
}

/// A nested object such as `contact`, with its unknown fields reported.
pub(super) fn section<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    allowed: &[&str],
    p: &mut Vec<ConfigProblem>,
) -> Option<&'v Map<String, Value>> {
    let value = present(map, key)?;
    match value {
        Value::Object(inner) => {
            unknown_fields(inner, key, allowed, p);
            Some(inner)
        }
        other => {
            p.push(mismatch(key, Expected::Object, other));
            None
        }
    }
}

pub(super) fn string_field(
    config: &mut Config,
    map: &Map<String, Value>,
    section: &str,
    key: &str,
    slot: Slot,
    p: &mut Vec<ConfigProblem>,
) {
    let path = join(section, key);
    match present(map, key) {
        None => {}
        Some(Value::String(raw)) => {
            if let Err(kind) = apply(config, slot, raw) {
                p.push(ConfigProblem::new(path, kind));
            }
        }
        Some(other) => p.push(mismatch(&path, Expected::Text, other)),
    }
}

/// `"Jl. …"` for both languages, or `{"id": "…", "en": "…"}` with both.
pub(super) fn address_texts(value: &Value, path: &str, p: &mut Vec<ConfigProblem>) -> Option<Text> {
    let checked = |raw: &str, path: &str, p: &mut Vec<ConfigProblem>| match plain_text(
        raw,
        MAX_ADDRESS_CHARS,
    ) {
        Ok(text) => Some(text),
        Err(kind) => {
            p.push(ConfigProblem::new(path, kind));
            None
        }
    };
    match value {
        Value::String(raw) => {
            let text = checked(raw, path, p)?;
            Some(Text {
                id: text.clone(),
                en: text,
            })
        }
        Value::Object(map) => {
            unknown_fields(map, path, TEXT_FIELDS, p);
            let mut texts = Vec::new();
            for lang in TEXT_FIELDS {
                let at = join(path, lang);
                match map.get(*lang) {
                    None => p.push(ConfigProblem::new(at, ProblemKind::Missing)),
                    Some(Value::String(raw)) => texts.extend(checked(raw, &at, p)),
                    Some(other) => p.push(mismatch(&at, Expected::Text, other)),
                }
            }
            match <[String; 2]>::try_from(texts) {
                Ok([id, en]) => Some(Text { id, en }),
                Err(_) => None,
            }
        }
        other => {
            p.push(mismatch(path, Expected::TextOrTexts, other));
            None
        }
    }
}
