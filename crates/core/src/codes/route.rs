//! Where a link points: the URL fragment (after `#`) names the screen, so
//! opening a shared result or trainer mode sends nothing to any server.

use super::code::FRAGMENT_KEY;

/// The fragment of trainer mode (mode pelatih).
pub const TRAINER: &str = "pelatih";
/// Answers carried from a widget that cannot save: `#lanjut=CODE&di=QUESTION`.
pub const CONTINUE_KEY: &str = "lanjut=";
/// After the code: the question the owner was on.
const AT_KEY: &str = "&di=";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No fragment: the owner's own assessment.
    Home,
    /// A shared result, read-only; holds the code as it stands in the link
    /// (`code::decode` reads it and explains what is wrong with it).
    Result(String),
    Trainer,
    /// Answers so far from an embedded widget whose browser would not let it
    /// save (a result code, read by `code::decode`), and the question the
    /// owner was on. The owner's page takes them in once, then drops the
    /// fragment.
    Continue {
        code: String,
        at: Option<String>,
    },
    /// A fragment this version doesn't know (an old bookmark, a typo): the
    /// shell treats it like `Home`.
    Unknown,
}

/// Reads `location.hash`, with or without its `#`.
pub fn parse_fragment(fragment: &str) -> Route {
    let f = fragment.trim();
    let f = f.strip_prefix('#').unwrap_or(f);
    if f.is_empty() {
        Route::Home
    } else if let Some(code) = f.strip_prefix(FRAGMENT_KEY) {
        Route::Result(code.to_string())
    } else if let Some(rest) = f.strip_prefix(CONTINUE_KEY) {
        let (code, at) = match rest.split_once(AT_KEY) {
            Some((code, at)) => (code, Some(at.to_string()).filter(|a| !a.is_empty())),
            None => (rest, None),
        };
        Route::Continue {
            code: code.to_string(),
            at,
        }
    } else if f == TRAINER {
        Route::Trainer
    } else {
        Route::Unknown
    }
}

impl Route {
    /// The fragment, without `#`, that leads here; empty for home.
    pub fn fragment(&self) -> String {
        match self {
            Route::Home | Route::Unknown => String::new(),
            Route::Result(code) => super::code::fragment(code),
            Route::Trainer => TRAINER.to_string(),
            Route::Continue { code, at } => match at {
                Some(q) => format!("{CONTINUE_KEY}{code}{AT_KEY}{q}"),
                None => format!("{CONTINUE_KEY}{code}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_name_screens() {
        assert_eq!(parse_fragment(""), Route::Home);
        assert_eq!(parse_fragment("#"), Route::Home);
        assert_eq!(
            parse_fragment("#hasil=K1abc"),
            Route::Result("K1abc".into())
        );
        assert_eq!(parse_fragment("hasil=K1abc"), Route::Result("K1abc".into()));
        assert_eq!(parse_fragment("#hasil="), Route::Result(String::new()));
        assert_eq!(parse_fragment("#pelatih"), Route::Trainer);
        assert_eq!(parse_fragment("#pelatihan"), Route::Unknown);
        assert_eq!(parse_fragment("#☕"), Route::Unknown);
        for r in [
            Route::Home,
            Route::Trainer,
            Route::Result("K1abc".into()),
            Route::Continue {
                code: "K1abc".into(),
                at: Some("halal".into()),
            },
            Route::Continue {
                code: "K1abc".into(),
                at: None,
            },
        ] {
            assert_eq!(parse_fragment(&r.fragment()), r);
        }
    }

    #[test]
    fn continue_fragments_carry_a_code_and_the_question() {
        assert_eq!(
            parse_fragment("#lanjut=K1abc&di=nib"),
            Route::Continue {
                code: "K1abc".into(),
                at: Some("nib".into())
            }
        );
        assert_eq!(
            Route::Continue {
                code: "K1abc".into(),
                at: Some("nib".into())
            }
            .fragment(),
            "lanjut=K1abc&di=nib"
        );
        // No question, or an empty one: the page picks where to resume.
        for f in ["#lanjut=K1abc", "lanjut=K1abc&di="] {
            assert_eq!(
                parse_fragment(f),
                Route::Continue {
                    code: "K1abc".into(),
                    at: None
                },
                "{f}"
            );
        }
        // Empty or damaged codes are still this route: decoding explains them.
        assert_eq!(
            parse_fragment("#lanjut="),
            Route::Continue {
                code: String::new(),
                at: None
            }
        );
        assert_eq!(parse_fragment("#lanjutkan"), Route::Unknown);
    }
}
