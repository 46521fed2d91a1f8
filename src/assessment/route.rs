//! Where a link points: the URL fragment (after `#`) names the screen, so
//! opening a shared result or trainer mode sends nothing to any server.

use super::code::FRAGMENT_KEY;

/// The fragment of trainer mode (mode pelatih).
pub const TRAINER: &str = "pelatih";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No fragment: the owner's own assessment.
    Home,
    /// A shared result, read-only; holds the code as it stands in the link
    /// (`code::decode` reads it and explains what is wrong with it).
    Result(String),
    Trainer,
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
        for r in [Route::Home, Route::Trainer, Route::Result("K1abc".into())] {
            assert_eq!(parse_fragment(&r.fragment()), r);
        }
    }
}
