//! The configuration's schema, version 1 (docs/konfigurasi.md): the fields a host may set, their limits, and the validated values the widget uses.

use crate::engine::bank::{Bank, Lang, Text};

/// The schema version this code reads. A file must say which version it was
/// written for, so a later schema can change a field's meaning safely.
pub const SCHEMA_VERSION: u32 = 1;
/// A phone parses the whole file before the first question shows.
pub const MAX_BYTES: usize = 256 * 1024;
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_ADDRESS_CHARS: usize = 200;
/// WCAG 2.1 AA for normal text: the theme colour is a background for white text.
pub const MIN_CONTRAST: f64 = 4.5;

pub(super) const FIELDS: &[&str] = &[
    "version",
    "organisation",
    "contact",
    "theme_color",
    "language",
    "bank",
];
pub(super) const ORGANISATION_FIELDS: &[&str] = &["name", "logo"];
pub(super) const CONTACT_FIELDS: &[&str] = &["whatsapp", "email", "address"];
pub(super) const TEXT_FIELDS: &[&str] = &["id", "en"];

/// The data-attributes a host may write (`data-org-name="…"`), without `data-`.
pub const ATTRIBUTES: &[&str] = &[
    "org-name", "org-logo", "whatsapp", "email", "address", "theme", "lang",
];
/// Attributes the shell reads itself: the marker, and the URL of a JSON file.
pub(super) const SHELL_ATTRIBUTES: &[&str] = &["cek-siap-ekspor", "config"];

/// The only images a logo may be, inline as `data:image/…`.
pub(super) const LOGO_TYPES: &[&str] = &["png", "jpeg", "gif", "webp", "svg+xml"];

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
    pub fn contrast(&self) -> f64 {
        contrast_ratio(self.rgb, Rgb::WHITE)
    }
}
