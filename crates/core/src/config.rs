//! The widget's configuration from a host site (a JSON file or data-attributes): its versioned schema, every check with the path it fails at, and messages in both languages that a ministry web team can act on (docs/konfigurasi.md).

mod located;

use serde_json::{Map, Value};

use crate::engine::bank::{Bank, Lang, Text};
use crate::engine::validate::{self, What};

/// The schema version this code reads. A file must say which version it was
/// written for, so a later schema can change a field's meaning safely.
pub const SCHEMA_VERSION: u32 = 1;
/// A phone parses the whole file before the first question shows.
pub const MAX_BYTES: usize = 256 * 1024;
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_ADDRESS_CHARS: usize = 200;
/// WCAG 2.1 AA for normal text: the theme colour is a background for white text.
pub const MIN_CONTRAST: f64 = 4.5;

const FIELDS: &[&str] = &[
    "version",
    "organisation",
    "contact",
    "theme_color",
    "language",
    "bank",
];
const ORGANISATION_FIELDS: &[&str] = &["name", "logo"];
const CONTACT_FIELDS: &[&str] = &["whatsapp", "email", "address"];
const TEXT_FIELDS: &[&str] = &["id", "en"];

/// The data-attributes a host may write (`data-org-name="…"`), without `data-`.
pub const ATTRIBUTES: &[&str] = &[
    "org-name", "org-logo", "whatsapp", "email", "address", "theme", "lang",
];
/// Attributes the shell reads itself: the marker, and the URL of a JSON file.
const SHELL_ATTRIBUTES: &[&str] = &["cek-siap-ekspor", "config"];

/// The only images a logo may be, inline as `data:image/…`.
const LOGO_TYPES: &[&str] = &["png", "jpeg", "gif", "webp", "svg+xml"];

/// A validated configuration. Every field is optional; `Config::default()`
/// is the widget as built, which is also what it falls back to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub organisation: Organisation,
    pub contact: Contact,
    pub theme: Option<Theme>,
    /// The language the widget starts in.
    pub language: Option<Lang>,
    /// A custom question bank that passed `validate::check`.
    pub bank: Option<Bank>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organisation {
    pub name: Option<String>,
    /// A path on the widget's own site, or a `data:image/…` URL.
    pub logo: Option<String>,
}

/// Shown on the result screen as "Hubungi kami".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub whatsapp: Option<WhatsApp>,
    pub email: Option<String>,
    pub address: Option<Text>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.whatsapp.is_none() && self.email.is_none() && self.address.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatsApp {
    /// As the host wrote it, for display.
    pub text: String,
    /// International digits without `+`, as wa.me wants: `6281234567890`.
    pub digits: String,
}

impl WhatsApp {
    /// Reads `+62 812-3456-7890`, `0812 3456 7890` or `6281234567890`.
    pub fn parse(raw: &str) -> Result<WhatsApp, ProblemKind> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(ProblemKind::Empty);
        }
        let (plus, rest) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if !rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        {
            return Err(ProblemKind::WhatsAppCharacters {
                found: text.to_string(),
            });
        }
        let dialled: String = rest.chars().filter(char::is_ascii_digit).collect();
        let mut digits = if plus {
            dialled
        } else if let Some(international) = dialled.strip_prefix("00") {
            international.to_string()
        } else if let Some(national) = dialled.strip_prefix('0') {
            // An Indonesian number as dialled at home: 0812… is +62 812….
            format!("62{national}")
        } else {
            dialled
        };
        // "+62 0812…" is a common habit; no Indonesian number continues with 0.
        if let Some(national) = digits.strip_prefix("620") {
            digits = format!("62{national}");
        }
        if digits.starts_with('0') {
            return Err(ProblemKind::WhatsAppCountryCode);
        }
        if !(8..=15).contains(&digits.len()) {
            return Err(ProblemKind::WhatsAppLength {
                digits: digits.len(),
            });
        }
        Ok(WhatsApp {
            text: text.to_string(),
            digits,
        })
    }

    /// The chat link; opened only when the user taps it.
    pub fn link(&self) -> String {
        format!("https://wa.me/{}", self.digits)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const WHITE: Rgb = Rgb {
        r: 255,
        g: 255,
        b: 255,
    };

    /// `#rgb` or `#rrggbb`, either case.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            3 => {
                let short = |i: usize| channel(&hex[i..i + 1]).map(|v| v * 17);
                Some(Rgb {
                    r: short(0)?,
                    g: short(1)?,
                    b: short(2)?,
                })
            }
            6 => Some(Rgb {
                r: channel(&hex[0..2])?,
                g: channel(&hex[2..4])?,
                b: channel(&hex[4..6])?,
            }),
            _ => None,
        }
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Relative luminance as WCAG 2.1 defines it (sRGB, 0 = black, 1 = white).
    /// The linear threshold is sRGB's 0.04045; WCAG's 0.03928 differs only
    /// between 8-bit steps, so no colour is affected.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }
}

/// WCAG 2.1 contrast ratio, from 1 (same colour) to 21 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The widget's accent colour; white text sits on it (buttons, header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub rgb: Rgb,
    /// As the host wrote it.
    pub text: String,
}

impl Theme {
    pub fn parse(raw: &str) -> Result<Theme, ProblemKind> {
        let text = raw.trim();
        let rgb = Rgb::from_hex(text).ok_or_else(|| ProblemKind::ColourSyntax {
            found: text.to_string(),
        })?;
        let ratio = contrast_ratio(rgb, Rgb::WHITE);
        if ratio < MIN_CONTRAST {
            return Err(ProblemKind::ColourTooLight {
                colour: text.to_string(),
                ratio,
            });
        }
        Ok(Theme {
            rgb,
            text: text.to_string(),
        })
    }

    pub fn contrast(&self) -> f64 {
        contrast_ratio(self.rgb, Rgb::WHITE)
    }
}

/// One thing wrong with a configuration, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigProblem {
    /// Like `contact.whatsapp`, `bank.questions[3].text.en` or, for
    /// data-attributes, `data-theme`; empty for the whole file.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Bigger than `MAX_BYTES`.
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A question bank where a configuration was expected.
    BankNotConfig,
    VersionMissing,
    VersionUnsupported {
        found: String,
    },
    /// A field the schema does not have (the path names it), often a typo.
    UnknownField {
        allowed: Vec<String>,
    },
    DuplicateAttribute,
    /// A required field is absent (the path names it).
    Missing,
    Mismatch {
        expected: Expected,
        found: Found,
    },
    /// A name from a fixed list, like a question `kind` or a condition.
    UnknownName {
        found: String,
        allowed: Vec<String>,
    },
    /// Any other mismatch with the bank's schema, in serde's words.
    Schema(String),
    Empty,
    TooLong {
        chars: usize,
        max: usize,
    },
    ControlCharacter,
    ColourSyntax {
        found: String,
    },
    ColourTooLight {
        colour: String,
        ratio: f64,
    },
    LogoExternal {
        found: String,
    },
    LogoScheme {
        scheme: String,
    },
    LogoImageType {
        found: String,
    },
    LogoCharacters,
    WhatsAppCharacters {
        found: String,
    },
    WhatsAppCountryCode,
    WhatsAppLength {
        digits: usize,
    },
    Email {
        found: String,
    },
    Language {
        found: String,
    },
    /// A custom bank fails `validate::check`; the path starts with `bank.`.
    Bank(What),
}

/// What a field must be, in JSON terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Text,
    /// `contact.address`: one text, or one per language.
    TextOrTexts,
    WholeNumber {
        min: i64,
        max: i64,
    },
    TrueFalse,
    List,
    /// A name from a fixed list, e.g. a question's `kind`.
    OneOf(Vec<String>),
    /// An object with one of these as its only key, e.g. a condition.
    OneKeyOf(Vec<String>),
    Other(String),
}

/// What a field was instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    List,
    Object,
    Other(String),
}

impl ConfigProblem {
    fn new(path: impl Into<String>, kind: ProblemKind) -> ConfigProblem {
        ConfigProblem {
            path: path.into(),
            kind,
        }
    }

    /// "path: problem", in plain words a web team can act on.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match &self.kind {
            ProblemKind::Syntax {
                line,
                column,
                message,
            } => validate::Problem::Syntax {
                line: *line,
                column: *column,
                message: message.clone(),
            }
            .message(lang),
            ProblemKind::Bank(what) => validate::Problem::At {
                path: self.path.clone(),
                what: what.clone(),
            }
            .message(lang),
            kind => {
                let place = match (self.path.as_str(), id) {
                    ("", true) => "berkas",
                    ("", false) => "file",
                    (path, _) => path,
                };
                format!("{place}: {}", kind.describe(id))
            }
        }
    }
}

impl ProblemKind {
    fn describe(&self, id: bool) -> String {
        let pick = |idn: String, en: String| if id { idn } else { en };
        match self {
            ProblemKind::TooLarge { bytes } => {
                let (kb, max) = (bytes.div_ceil(1024), MAX_BYTES / 1024);
                pick(
                    format!("ukuran {kb} KB melebihi batas {max} KB; perkecil logo data: atau bank pertanyaannya"),
                    format!("size {kb} KB is over the {max} KB limit; shrink the data: logo or the question bank"),
                )
            }
            ProblemKind::Syntax { message, .. } => pick(
                format!("format JSON salah ({message})"),
                format!("invalid JSON ({message})"),
            ),
            ProblemKind::BankNotConfig => pick(
                "ini bank pertanyaan, bukan konfigurasi; taruh isinya di \"bank\": { … } dalam konfigurasi dengan \"version\": 1".into(),
                "this is a question bank, not a configuration; put it under \"bank\": { … } in a configuration with \"version\": 1".into(),
            ),
            ProblemKind::VersionMissing => pick(
                format!("wajib ada; tulis \"version\": {SCHEMA_VERSION}"),
                format!("is required; write \"version\": {SCHEMA_VERSION}"),
            ),
            ProblemKind::VersionUnsupported { found } => pick(
                format!("versi {found} tidak dikenal; versi yang didukung: {SCHEMA_VERSION}"),
                format!("version {found} is not known; supported versions: {SCHEMA_VERSION}"),
            ),
            ProblemKind::UnknownField { allowed } => {
                let allowed = allowed.join(", ");
                pick(
                    format!("tidak dikenal (periksa ejaannya); yang dikenal: {allowed}"),
                    format!("is not known (check the spelling); known: {allowed}"),
                )
            }
            ProblemKind::DuplicateAttribute => pick(
                "ditulis dua kali; hapus salah satunya".into(),
                "is written twice; remove one".into(),
            ),
            ProblemKind::Missing => pick(
                "wajib ada, tetapi tidak ditemukan".into(),
                "is required but missing".into(),
            ),
            ProblemKind::Mismatch { expected, found } => pick(
                format!("harus {}, bukan {}", expected.describe(true), found.describe(true)),
                format!("must be {}, not {}", expected.describe(false), found.describe(false)),
            ),
            ProblemKind::UnknownName { found, allowed } => {
                let (found, allowed) = (clip(found), allowed.join(", "));
                pick(
                    format!("\"{found}\" tidak dikenal; pilihan: {allowed}"),
                    format!("\"{found}\" is not known; choices: {allowed}"),
                )
            }
            ProblemKind::Schema(message) => pick(
                format!("tidak sesuai skema ({message})"),
                format!("does not fit the schema ({message})"),
            ),
            ProblemKind::Empty => pick(
                "kosong; isi atau hapus kolom ini".into(),
                "is empty; fill it in or remove it".into(),
            ),
            ProblemKind::TooLong { chars, max } => pick(
                format!("terlalu panjang ({chars} karakter, maksimal {max})"),
                format!("is too long ({chars} characters, at most {max})"),
            ),
            ProblemKind::ControlCharacter => pick(
                "berisi karakter kontrol (mis. baris baru atau tab); tulis dalam satu baris".into(),
                "contains a control character (e.g. a line break or tab); write it on one line".into(),
            ),
            ProblemKind::ColourSyntax { found } => {
                let found = clip(found);
                pick(
                    format!("\"{found}\" bukan kode warna; tulis #rgb atau #rrggbb, mis. #0b5d5a"),
                    format!("\"{found}\" is not a colour code; write #rgb or #rrggbb, e.g. #0b5d5a"),
                )
            }
            ProblemKind::ColourTooLight { colour, ratio } => {
                let colour = clip(colour);
                pick(
                    format!(
                        "warna {colour} terlalu terang untuk teks putih (kontras {}:1, minimal {}:1). Pilih warna yang lebih gelap.",
                        decimal(*ratio, true),
                        decimal(MIN_CONTRAST, true)
                    ),
                    format!(
                        "colour {colour} is too light for white text (contrast {}:1, at least {}:1). Choose a darker colour.",
                        decimal(*ratio, false),
                        decimal(MIN_CONTRAST, false)
                    ),
                )
            }
            ProblemKind::LogoExternal { found } => {
                let found = clip(found);
                pick(
                    format!("\"{found}\" ada di situs lain, dan widget tidak pernah memuat apa pun dari situs lain; taruh logo bersama berkas widget (mis. /assets/logo.png) atau pakai URL data:image/png;base64,…"),
                    format!("\"{found}\" is on another site, and the widget never loads anything from another site; put the logo with the widget's files (e.g. /assets/logo.png) or use a data:image/png;base64,… URL"),
                )
            }
            ProblemKind::LogoScheme { scheme } => {
                let scheme = clip(scheme);
                pick(
                    format!("alamat \"{scheme}:\" tidak diizinkan; pakai path di situs widget (mis. /assets/logo.png) atau URL data:image/png;base64,…"),
                    format!("\"{scheme}:\" addresses are not allowed; use a path on the widget's site (e.g. /assets/logo.png) or a data:image/png;base64,… URL"),
                )
            }
            ProblemKind::LogoImageType { found } => {
                let found = clip(found);
                pick(
                    format!("URL data: harus gambar PNG, JPEG, GIF, WebP atau SVG (data:image/png;base64,…), bukan \"{found}\""),
                    format!("a data: URL must be a PNG, JPEG, GIF, WebP or SVG image (data:image/png;base64,…), not \"{found}\""),
                )
            }
            ProblemKind::LogoCharacters => pick(
                "path logo tidak boleh berisi spasi, garis miring terbalik (\\) atau karakter kontrol; tulis spasi sebagai %20".into(),
                "a logo path must not contain spaces, backslashes (\\) or control characters; write a space as %20".into(),
            ),
            ProblemKind::WhatsAppCharacters { found } => {
                let found = clip(found);
                pick(
                    format!("\"{found}\" bukan nomor WhatsApp; tulis angka saja, boleh diawali + dan dipisah spasi atau tanda -, mis. +62 812-3456-7890"),
                    format!("\"{found}\" is not a WhatsApp number; write digits only, optionally starting with + and separated by spaces or dashes, e.g. +62 812-3456-7890"),
                )
            }
            ProblemKind::WhatsAppCountryCode => pick(
                "setelah + harus kode negara (62 untuk Indonesia), mis. +62 812-3456-7890".into(),
                "a country code must follow + (62 for Indonesia), e.g. +62 812-3456-7890".into(),
            ),
            ProblemKind::WhatsAppLength { digits } => pick(
                format!("nomor WhatsApp punya {digits} angka termasuk kode negara; harus 8–15 angka"),
                format!("the WhatsApp number has {digits} digits with its country code; it needs 8–15"),
            ),
            ProblemKind::Email { found } => {
                let found = clip(found);
                pick(
                    format!("\"{found}\" bukan alamat email yang benar; tulis seperti ekspor@dinas.go.id (satu @, tanpa spasi)"),
                    format!("\"{found}\" is not a valid email address; write it like ekspor@dinas.go.id (one @, no spaces)"),
                )
            }
            ProblemKind::Language { found } => {
                let found = clip(found);
                pick(
                    format!("bahasa \"{found}\" tidak tersedia; pilih \"id\" (Indonesia) atau \"en\" (Inggris)"),
                    format!("language \"{found}\" is not available; choose \"id\" (Indonesian) or \"en\" (English)"),
                )
            }
            // Worded by `validate`; `message` never gets here.
            ProblemKind::Bank(_) => pick(
                "bank pertanyaan tidak valid".into(),
                "the question bank is invalid".into(),
            ),
        }
    }
}

impl Expected {
    fn describe(&self, id: bool) -> String {
        let pick = |idn: &str, en: &str| if id { idn.to_string() } else { en.to_string() };
        match self {
            Expected::Object => pick("objek { … }", "an object { … }"),
            Expected::Text => pick("teks \"…\"", "a text \"…\""),
            Expected::TextOrTexts => pick(
                "teks \"…\" atau {\"id\": \"…\", \"en\": \"…\"}",
                "a text \"…\" or {\"id\": \"…\", \"en\": \"…\"}",
            ),
            Expected::WholeNumber { min, max } => {
                if id {
                    format!("bilangan bulat {min}–{max}")
                } else {
                    format!("a whole number {min}–{max}")
                }
            }
            Expected::TrueFalse => pick("true atau false", "true or false"),
            Expected::List => pick("daftar [ … ]", "a list [ … ]"),
            Expected::OneOf(names) => {
                let names = names.join(", ");
                if id {
                    format!("salah satu dari ({names})")
                } else {
                    format!("one of ({names})")
                }
            }
            Expected::OneKeyOf(names) => {
                let names = names.join(", ");
                if id {
                    format!("objek dengan satu kunci dari ({names})")
                } else {
                    format!("an object with one key from ({names})")
                }
            }
            Expected::Other(what) => what.clone(),
        }
    }
}

impl Found {
    fn of(value: &Value) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::Text(s.clone()),
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    fn describe(&self, id: bool) -> String {
        match (self, id) {
            (Found::Null, _) => "null".into(),
            (Found::Bool(b), _) => b.to_string(),
            (Found::Number(n), true) => format!("angka {n}"),
            (Found::Number(n), false) => format!("the number {n}"),
            (Found::Text(s), true) => format!("teks \"{}\"", clip(s)),
            (Found::Text(s), false) => format!("the text \"{}\"", clip(s)),
            (Found::List, true) => "daftar [ … ]".into(),
            (Found::List, false) => "a list [ … ]".into(),
            (Found::Object, true) => "objek { … }".into(),
            (Found::Object, false) => "an object { … }".into(),
            (Found::Other(what), _) => what.clone(),
        }
    }
}

/// A long value (a data: URL) quoted in a message is cut short.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// One decimal, rounded down so a failing ratio never reads as the minimum
/// (4.48 shows as 4,4, not 4,5); Indonesian writes a decimal comma.
fn decimal(x: f64, id: bool) -> String {
    let text = format!("{:.1}", (x * 10.0).floor() / 10.0);
    if id {
        text.replace('.', ",")
    } else {
        text
    }
}

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

fn finish((config, problems): (Config, Vec<ConfigProblem>)) -> Result<Config, Vec<ConfigProblem>> {
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

/// A bare question bank (the schema of `src/assessment/bank.json`), checked
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
fn read_json(json: &str, p: &mut Vec<ConfigProblem>) -> Option<Value> {
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

fn read_bank(value: &Value, path: &str, p: &mut Vec<ConfigProblem>) -> Option<Bank> {
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
enum Slot {
    Name,
    Logo,
    WhatsApp,
    Email,
    Address,
    Theme,
    Language,
}

fn apply(config: &mut Config, slot: Slot, raw: &str) -> Result<(), ProblemKind> {
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
fn present<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn mismatch(path: &str, expected: Expected, value: &Value) -> ConfigProblem {
    ConfigProblem::new(
        path,
        ProblemKind::Mismatch {
            expected,
            found: Found::of(value),
        },
    )
}

fn unknown_fields(
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
fn section<'v>(
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

fn string_field(
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
fn address_texts(value: &Value, path: &str, p: &mut Vec<ConfigProblem>) -> Option<Text> {
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

/// Bidi overrides are invisible and can make a name read backwards.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn plain_text(raw: &str, max: usize) -> Result<String, ProblemKind> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ProblemKind::Empty);
    }
    if text.chars().any(is_control) {
        return Err(ProblemKind::ControlCharacter);
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(ProblemKind::TooLong { chars, max });
    }
    Ok(text.to_string())
}

/// The widget never requests anything from another host (ARCHITECTURE.md,
/// "No network"): a logo is a path on its own site or inline data.
fn logo(raw: &str) -> Result<String, ProblemKind> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ProblemKind::Empty);
    }
    if let Some((scheme, rest)) = scheme_of(text) {
        return match scheme.to_ascii_lowercase().as_str() {
            "data" => {
                let media = rest.split([';', ',']).next().unwrap_or("").trim();
                let image = media
                    .to_ascii_lowercase()
                    .strip_prefix("image/")
                    .is_some_and(|t| LOGO_TYPES.contains(&t));
                if image && rest.contains(',') {
                    Ok(text.to_string())
                } else {
                    Err(ProblemKind::LogoImageType {
                        found: media.to_string(),
                    })
                }
            }
            "http" | "https" => Err(ProblemKind::LogoExternal {
                found: text.to_string(),
            }),
            _ => Err(ProblemKind::LogoScheme {
                scheme: scheme.to_string(),
            }),
        };
    }
    // Browsers read `\` as `/` and drop tabs and newlines inside URLs, so
    // `/\host` or `/<tab>/host` would reach another host.
    if text
        .chars()
        .any(|c| c == '\\' || c.is_whitespace() || is_control(c))
    {
        return Err(ProblemKind::LogoCharacters);
    }
    if text.starts_with("//") {
        return Err(ProblemKind::LogoExternal {
            found: text.to_string(),
        });
    }
    Ok(text.to_string())
}

/// A URL scheme as browsers read one: a letter, then letters, digits, `+`,
/// `-` or `.`, then `:`.
fn scheme_of(text: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// A sanity check, not RFC 5322: one `@`, a dotted domain, and none of the
/// characters that show a pasted `mailto:` or `Name <address>`.
fn email(raw: &str) -> Result<String, ProblemKind> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ProblemKind::Empty);
    }
    let bad_char = |c: char| c.is_whitespace() || is_control(c) || "<>()[],;:\"\\".contains(c);
    let valid = text.len() <= 254
        && !text.chars().any(bad_char)
        && match text.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if valid {
        Ok(text.to_string())
    } else {
        Err(ProblemKind::Email {
            found: text.to_string(),
        })
    }
}
