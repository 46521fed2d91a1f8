//! Fuzzes the URL fragment parser, `route::parse_fragment`: the fragment is
//! whatever link someone opened. It must never panic, and every route it
//! recognises must lead back to itself through `Route::fragment`. Also the
//! `lang` URL parameter (`Lang::from_code`), and a result route's code as
//! the result screen reads it (and a widget's carried answers, the same way).
#![no_main]

use cek_core::route::{parse_fragment, Route};
use cek_core::{code, Bank, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let route = parse_fragment(&text);
    if route != Route::Unknown {
        assert_eq!(
            parse_fragment(&route.fragment()),
            route,
            "route does not round-trip"
        );
        assert_eq!(parse_fragment(&format!("#{}", route.fragment())), route);
    }
    if let Route::Result(c) | Route::Continue { code: c, .. } = &route {
        let _ = code::decode(Bank::builtin(), c);
    }
    if let Some(lang) = Lang::from_code(&text) {
        assert_eq!(lang.code(), text);
    }
});
