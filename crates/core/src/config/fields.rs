//! Checks of single fields, each returning the problem's kind: a WhatsApp number, the theme colour's contrast, plain text, a logo that loads nothing from another site, an email address.

use super::problem::ProblemKind;
use super::schema::*;

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
}

/// Bidi overrides are invisible and can make a name read backwards.
pub(super) fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

pub(super) fn plain_text(raw: &str, max: usize) -> Result<String, ProblemKind> {
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
pub(super) fn logo(raw: &str) -> Result<String, ProblemKind> {
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
pub(super) fn scheme_of(text: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// A sanity check, not RFC 5322: one `@`, a dotted domain, and none of the
/// characters that show a pasted `mailto:` or `Name <address>`.
pub(super) fn email(raw: &str) -> Result<String, ProblemKind> {
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
