//! What can be wrong with a configuration, and where: one kind per mistake, each with its message in both languages, and the JSON paths they point at.

use serde_json::Value;

use super::schema::*;
use crate::engine::bank::Lang;
use crate::engine::validate::{self, What};

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
    pub(super) fn new(path: impl Into<String>, kind: ProblemKind) -> ConfigProblem {
        ConfigProblem {
            path: path.into(),
            kind,
        }
    }

    /// "path: problem", in plain words a web team can act on.
    pub fn message(&self, lang: Lang) -> String {
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
                let place = match (self.path.as_str(), lang == Lang::Id) {
                    ("", true) => "berkas",
                    ("", false) => "file",
                    (path, _) => path,
                };
                format!("{place}: {}", kind.describe(lang))
            }
        }
    }
}

impl ProblemKind {
    pub(super) fn describe(&self, lang: Lang) -> String {
        let pick = |idn: String, en: String| lang.pick(idn, en);
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
                format!("harus {}, bukan {}", expected.describe(Lang::Id), found.describe(Lang::Id)),
                format!("must be {}, not {}", expected.describe(Lang::En), found.describe(Lang::En)),
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
                        decimal(*ratio, Lang::Id),
                        decimal(MIN_CONTRAST, Lang::Id)
                    ),
                    format!(
                        "colour {colour} is too light for white text (contrast {}:1, at least {}:1). Choose a darker colour.",
                        decimal(*ratio, Lang::En),
                        decimal(MIN_CONTRAST, Lang::En)
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
    pub(super) fn describe(&self, lang: Lang) -> String {
        let pick = |idn: &str, en: &str| lang.pick(idn.to_string(), en.to_string());
        match self {
            Expected::Object => pick("objek { … }", "an object { … }"),
            Expected::Text => pick("teks \"…\"", "a text \"…\""),
            Expected::TextOrTexts => pick(
                "teks \"…\" atau {\"id\": \"…\", \"en\": \"…\"}",
                "a text \"…\" or {\"id\": \"…\", \"en\": \"…\"}",
            ),
            Expected::WholeNumber { min, max } => lang.pick(
                format!("bilangan bulat {min}–{max}"),
                format!("a whole number {min}–{max}"),
            ),
            Expected::TrueFalse => pick("true atau false", "true or false"),
            Expected::List => pick("daftar [ … ]", "a list [ … ]"),
            Expected::OneOf(names) => {
                let names = names.join(", ");
                lang.pick(
                    format!("salah satu dari ({names})"),
                    format!("one of ({names})"),
                )
            }
            Expected::OneKeyOf(names) => {
                let names = names.join(", ");
                lang.pick(
                    format!("objek dengan satu kunci dari ({names})"),
                    format!("an object with one key from ({names})"),
                )
            }
            Expected::Other(what) => what.clone(),
        }
    }
}

impl Found {
    pub(super) fn of(value: &Value) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::Text(s.clone()),
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    pub(super) fn describe(&self, lang: Lang) -> String {
        match (self, lang == Lang::Id) {
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
pub(super) fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// One decimal, rounded down so a failing ratio never reads as the minimum
/// (4.48 shows as 4,4, not 4,5); Indonesian writes a decimal comma. In
/// whole tenths: formatting an `f64` would add 14 KB of code to the widget.
pub(super) fn decimal(x: f64, lang: Lang) -> String {
    let tenths = (x * 10.0).floor() as u64;
    let point = lang.pick(",", ".");
    format!("{}{point}{}", tenths / 10, tenths % 10)
}

/// `path.key`, or `key` at the root: the one way paths are written.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
