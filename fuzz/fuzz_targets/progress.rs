//! Fuzzes the saved-progress loader, `progress::decode`: its text comes from
//! the browser's localStorage, which an older version, another tab, an
//! extension or the user may have left in any state. It must never panic,
//! and what it restores must be stable: saving and loading it again gives
//! the same state.
#![no_main]

use cek_core::progress::{decode, encode};
use cek_core::{Bank, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let bank = Bank::builtin();
    let lang = if data.len().is_multiple_of(2) {
        Lang::Id
    } else {
        Lang::En
    };
    if let Ok(state) = decode(bank, &text, lang) {
        let again = decode(bank, &encode(bank, &state), lang);
        assert_eq!(again.as_ref(), Ok(&state), "progress does not round-trip");
    }
});
