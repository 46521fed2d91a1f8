//! Fuzzes the widget's configuration parsers: `config::parse` and
//! `config::parse_partial` (a host site's JSON file or postMessage), and
//! `config::from_attributes` (the host page's data-attributes, one
//! `key=value` per line here), with the field parsers `WhatsApp::parse` and
//! `Theme::parse` on the whole text. None may panic; the strict and the
//! partial parser must agree; every problem has a message; what the
//! configuration reader hands the widget (`config::reading`) is read back
//! as the same configuration and messages.
#![no_main]

use cek_core::config::reading::{self, Reading};
use cek_core::config::{self, Config, ConfigProblem, Theme, WhatsApp};
use cek_core::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    let partial = config::parse_partial(&text);
    agree(config::parse(&text), &partial);
    let handed = reading::decode(&reading::encode(&partial.0, &partial.1));
    let want = Reading {
        config: partial.0.clone(),
        problems: reading::messages(&partial.1),
    };
    assert_eq!(handed, Ok(want), "the widget reads the reader's bytes otherwise");

    let pairs: Vec<(&str, &str)> = text
        .lines()
        .map(|line| line.split_once('=').unwrap_or((line, "")))
        .collect();
    agree(
        config::from_attributes(&pairs),
        &config::from_attributes_partial(&pairs),
    );

    if let Ok(w) = WhatsApp::parse(&text) {
        assert!((8..=15).contains(&w.digits.len()));
        assert!(w.digits.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(WhatsApp::parse(&w.text), Ok(w.clone()));
        let _ = w.link();
    }
    if let Ok(t) = Theme::parse(&text) {
        assert!(t.contrast() >= config::MIN_CONTRAST);
        assert_eq!(Theme::parse(&t.rgb.to_hex()).map(|t| t.rgb), Ok(t.rgb));
    }
});

/// The strict result is the partial one when nothing is wrong, else its problems.
fn agree(
    strict: Result<Config, Vec<ConfigProblem>>,
    (config, problems): &(Config, Vec<ConfigProblem>),
) {
    for p in problems {
        for lang in Lang::ALL {
            assert!(!p.message(lang).is_empty());
        }
    }
    match strict {
        Ok(c) => assert!(problems.is_empty() && c == *config),
        Err(p) => assert_eq!(&p, problems),
    }
}
